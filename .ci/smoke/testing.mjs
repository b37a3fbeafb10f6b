// The installed @vault/store/testing: a fresh migrated database from createTestDatabase(), and services on its db.
import assert from "node:assert/strict";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { SecretService } from "@vault/secret";
import { createTestDatabase } from "@vault/store/testing";
import { smoke } from "./lib.mjs";

const { check, finish } = smoke("@vault/store/testing with the services");
delete process.env.DATABASE_URL; // PGlite: the harness itself needs no server
const t = await createTestDatabase();

await check("createTestDatabase() gives a migrated database", () => {
  assert.equal(t.driver, "pglite");
});

await check("SecretService on its db: set, then get", async () => {
  const secrets = new SecretService({ db: t.db, keys: Keyring.generate() });
  await secrets.set("smoke", "api/key", "s3cret");
  assert.equal((await secrets.get("smoke", "api/key")).value, "s3cret");
});

await check("FlagService on its db: define, then evaluate", async () => {
  const flags = new FlagService({ db: t.db });
  try {
    await flags.define("smoke", {
      key: "beta",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
    });
    assert.equal((await flags.evaluate("smoke", "beta", { tenantId: "acme" })).value, true);
    assert.equal((await flags.evaluate("smoke", "beta", { tenantId: "globex" })).value, false);
  } finally {
    flags.close();
  }
});

await t.close();
finish();
