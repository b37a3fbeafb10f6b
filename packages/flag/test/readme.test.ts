import { ManualClock } from "@vault/core";
import { compileSnapshot, type FlagSnapshot } from "@vault/engine";
import { FlagService } from "@vault/flag";
import { createTestDatabase } from "@vault/store/testing";
import { expect, it } from "vitest";

// The README's two examples, with their comments turned into assertions.

it("README: the service example", async () => {
  const testDb = await createTestDatabase();
  const flags = new FlagService({ db: testDb.db, clock: new ManualClock("2026-03-01T00:00:00Z") });
  try {
    await flags.define("shop", {
      key: "new-checkout",
      type: "bool",
      defaultValue: false,
      tags: ["checkout"],
      rules: [
        { type: "when_tenant", tenants: ["acme"], value: true },
        { type: "when_attribute", attribute: "plan", operator: "in", values: ["enterprise"], value: true },
        { type: "rollout", percentage: 25, value: true },
      ],
    });
    await flags.setOverride("shop", "new-checkout", "globex", false);
    expect(await flags.bool("shop", "new-checkout", { tenantId: "acme" }, false)).toBe(true);
    expect(await flags.evaluate("shop", "new-checkout", { tenantId: "globex" })).toEqual({
      value: false,
      reason: "TARGETING_MATCH",
    });
    await flags.update("shop", "new-checkout", { description: "v2" }, { cas: 2 });
    await flags.disable("shop", "new-checkout");
    expect((await flags.evaluate("shop", "new-checkout", { tenantId: "acme" })).reason).toBe("DISABLED");
    const snapshot = await flags.snapshot("shop");
    expect(snapshot.revision).toBe(4);
  } finally {
    flags.close();
    await testDb.close();
  }
});

it("README: the engine example", () => {
  const snapshot: FlagSnapshot = {
    revision: 7,
    appId: "shop",
    flags: [
      {
        key: "new-checkout",
        type: "bool",
        defaultValue: false,
        enabled: true,
        rules: [{ id: "r1", priority: 0, type: "rollout", percentage: 25, value: true }],
        overrides: [{ tenantId: "globex", value: true }],
      },
      {
        key: "theme",
        type: "string",
        defaultValue: "light",
        enabled: true,
        variants: { dark: "dark", contrast: "high-contrast" },
        rules: [
          {
            id: "r2",
            priority: 0,
            type: "rollout",
            percentage: 100,
            stickiness: "user",
            variants: [
              { variant: "dark", weight: 500 },
              { variant: "contrast", weight: 500 },
            ],
          },
        ],
      },
    ],
  };
  const flags = compileSnapshot(snapshot, { customEvaluators: { beta: (ctx) => ctx.attributes?.beta === true } });
  expect(flags.bool("new-checkout", { tenantId: "globex" }, false)).toBe(true);
  const theme = flags.string("theme", { userId: "u-42" }, "light");
  expect(["dark", "high-contrast"]).toContain(theme);
  expect(flags.string("theme", { userId: "u-42" }, "light")).toBe(theme);
  expect(flags.evaluate("missing", {})).toMatchObject({ value: null, reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
  expect(flags.int("theme", {}, 3)).toBe(3);
});
