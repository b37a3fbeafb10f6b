import { ManualClock } from "@vault/core";
import { FlagService } from "@vault/flag";
import { createTestDatabase } from "@vault/store/testing";
import { expect, it } from "vitest";

// The README's service example, with its comments turned into assertions (the engine example is in @vault/engine).

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
    await flags.close();
    await testDb.close();
  }
});
