import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { FlagService } from "@vault/flag";
import { MemoryAuditSink, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

async function rejectsWith(promise: Promise<unknown>, code: VaultErrorCode): Promise<Error & { details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    expect(isVaultError(error, code), `${(error as Error).message}`).toBe(true);
    return error as Error & { details?: unknown };
  }
  throw new Error(`expected ${code}`);
}

describe(`FlagService targeting: constraint lists and operators (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let db: VaultDb;
  let audit: MemoryAuditSink;
  let clock: ManualClock;
  let flags: FlagService;
  let app: string;
  let appCounter = 0;

  beforeAll(async () => {
    testDb = await createTestDatabase({ changePollMs: 50 });
    db = testDb.db;
  });
  afterAll(async () => {
    await flags?.close();
    await testDb.close();
  });
  beforeEach(async () => {
    await flags?.close();
    audit = new MemoryAuditSink();
    clock = new ManualClock("2026-03-01T00:00:00.000Z");
    flags = new FlagService({ db, audit, clock });
    appCounter += 1;
    app = `targeting-${appCounter}`;
  });

  it("stores constraint lists on rules and evaluates them (30% of enterprise tenants in the EU)", async () => {
    const flag = await flags.define(app, {
      key: "new-checkout",
      type: "bool",
      defaultValue: false,
      rules: [
        {
          type: "when_attribute",
          attribute: "email",
          operator: "regex",
          values: ["@ACME\\.com$"],
          caseInsensitive: true,
          value: true,
        },
        {
          type: "rollout",
          percentage: 30,
          constraints: [
            { attribute: "plan", operator: "eq", values: ["enterprise"] },
            { attribute: "region", operator: "starts_with", values: ["eu-"] },
            { attribute: "ip", operator: "cidr", values: ["10.0.0.0/8"], inverted: true },
          ],
          value: true,
        },
      ],
    });
    expect(flag.rules[1]).toMatchObject({
      type: "rollout",
      constraints: [
        { attribute: "plan", operator: "eq", values: ["enterprise"] },
        { attribute: "region", operator: "starts_with", values: ["eu-"] },
        { attribute: "ip", operator: "cidr", values: ["10.0.0.0/8"], inverted: true },
      ],
    });
    expect(await flags.get(app, "new-checkout")).toEqual(flag);
    expect(await flags.bool(app, "new-checkout", { attributes: { email: "jo@acme.com" } }, false)).toBe(true);
    let inside = 0;
    for (let i = 0; i < 300; i++) {
      const attributes = { plan: "enterprise", region: "eu-west", ip: "192.0.2.1" };
      if (await flags.bool(app, "new-checkout", { tenantId: `t-${i}`, attributes }, false)) inside += 1;
      // Outside the audience nobody is in, whatever their bucket.
      expect(
        await flags.bool(
          app,
          "new-checkout",
          { tenantId: `t-${i}`, attributes: { ...attributes, ip: "10.1.1.1" } },
          false,
        ),
      ).toBe(false);
    }
    expect(inside).toBeGreaterThan(60);
    expect(inside).toBeLessThan(120);
    // The snapshot carries the audience as written.
    const snapshot = await flags.snapshot(app);
    expect(snapshot.flags[0]?.rules?.[1]?.constraints).toHaveLength(3);
  });

  it("refuses a bad condition on write naming the rule, the condition and the problem, and writes nothing", async () => {
    await flags.define(app, { key: "f", type: "bool", defaultValue: false });
    const cases: [unknown, VaultErrorCode, RegExp][] = [
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "ip", operator: "cidr", values: ["10.0.0.0/33"] }],
        },
        "VALIDATION",
        /^invalid flag "f": rules\.1\.constraints\.0\.values\.0: "10\.0\.0\.0\/33" is not a CIDR range/,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "ua", operator: "regex", values: ["(?<=x)y"] }],
        },
        "VALIDATION",
        /^invalid flag "f": rules\.1\.constraints\.0\.values\.0: pattern "\(\?<=x\)y" is not one the regex engine runs/,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "n", operator: "gte", values: [1], caseInsensitive: true }],
        },
        "VALIDATION",
        /rules\.1\.constraints\.0\.caseInsensitive: operator gte does not compare text/,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "v", operator: "semver_lte", values: ["latest"] }],
        },
        "VALIDATION",
        /rules\.1\.constraints\.0\.values: operator semver_lte needs a semantic version/,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "n", operator: "approx", values: [1] }],
        },
        "VALIDATION",
        /^invalid flag rules: 1\.constraints\.0\.operator: /,
      ],
      [
        {
          type: "rollout",
          percentage: 5,
          value: true,
          constraints: [{ attribute: "n", operator: "eq", values: [1], negate: true }],
        },
        "VALIDATION",
        /^invalid flag rules: 1\.constraints\.0: Unrecognized key: "negate"/,
      ],
    ];
    for (const [rule, code, message] of cases) {
      const error = await rejectsWith(
        flags.setRules(app, "f", [{ type: "when_user", users: ["u"], value: true }, rule as never]),
        code,
      );
      expect(error.message).toMatch(message);
    }
    expect((await flags.get(app, "f")).rules).toEqual([]);
    expect(audit.events.map((e) => e.action)).toEqual(["flag.created"]);
  });
});
