// @vault/engine installed alone: it evaluates flags, and it brings no database driver, Drizzle or zod (DESIGN §2).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { compileSnapshot } from "@vault/engine";
import { smoke } from "./lib.mjs";

const BUDGET_KB = 200;
const { check, finish } = smoke("engine only");

await check("compileSnapshot(snapshot).evaluate(key, context) evaluates a flag", () => {
  const flags = compileSnapshot({
    revision: 1,
    appId: "shop",
    flags: [
      {
        key: "new-checkout",
        type: "bool",
        defaultValue: false,
        enabled: true,
        rules: [{ id: "r1", priority: 0, type: "when_tenant", tenants: ["acme"], value: true }],
      },
    ],
  });
  assert.deepEqual(flags.evaluate("new-checkout", { tenantId: "acme" }), {
    value: true,
    reason: "TARGETING_MATCH",
    ruleId: "r1",
  });
  assert.equal(flags.evaluate("new-checkout", { tenantId: "globex" }).value, false);
  assert.equal(flags.evaluate("missing", {}).errorCode, "FLAG_NOT_FOUND");
});

await check("node_modules holds no driver, no drizzle-orm, no zod", () => {
  const present = ["postgres", "@electric-sql/pglite", "drizzle-orm", "zod"].filter((name) =>
    existsSync(`node_modules/${name}`),
  );
  assert.deepEqual(present, [], `installed alongside @vault/engine: ${present.join(", ")}`);
});

await check(`the whole node_modules is under ${BUDGET_KB} KB on disk (du -sk)`, () => {
  const kb = Number(execFileSync("du", ["-sk", "node_modules"], { encoding: "utf8" }).split(/\s/)[0]);
  console.log(`        node_modules: ${kb} KB`);
  assert.ok(kb < BUDGET_KB, `${kb} KB`);
});

finish();
