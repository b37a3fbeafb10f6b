import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { FlagService } from "@vault/flag";
import { MemoryAuditSink, MemoryEventSink, type VaultDb } from "@vault/store";
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

  it("segments: CRUD with check-and-set, ids with the seg prefix, audited, key order with a cursor", async () => {
    const created = await flags.defineSegment(app, {
      key: "enterprise-eu",
      description: "enterprise tenants in the EU",
      constraints: [
        { attribute: "plan", operator: "eq", values: ["enterprise"] },
        { attribute: "region", operator: "starts_with", values: ["eu-"] },
      ],
    });
    expect(created).toMatchObject({ key: "enterprise-eu", version: 1, appId: app });
    expect(created.id).toMatch(/^seg_/);
    expect(await flags.getSegment(app, "enterprise-eu")).toEqual(created);
    await rejectsWith(
      flags.defineSegment(app, { key: "enterprise-eu", constraints: [{ attribute: "a", operator: "exists" }] }),
      "ALREADY_EXISTS",
    );
    const updated = await flags.updateSegment(
      app,
      "enterprise-eu",
      { constraints: [{ attribute: "plan", operator: "in", values: ["enterprise", "scale"] }] },
      { cas: 1 },
    );
    expect(updated).toMatchObject({ version: 2, description: "enterprise tenants in the EU" });
    expect(updated.constraints).toEqual([{ attribute: "plan", operator: "in", values: ["enterprise", "scale"] }]);
    const stale = await rejectsWith(
      flags.updateSegment(app, "enterprise-eu", { description: "x" }, { cas: 1 }),
      "CONFLICT",
    );
    expect(stale.details).toMatchObject({ expected: 1, actual: 2 });
    await rejectsWith(flags.updateSegment(app, "missing", { description: "x" }), "NOT_FOUND");
    await rejectsWith(flags.updateSegment(app, "missing", { description: "x" }, { cas: 0 }), "CONFLICT");
    for (const key of ["b-seg", "c-seg", "a-seg"]) {
      await flags.defineSegment(app, { key, constraints: [{ attribute: "a", operator: "exists" }] });
    }
    const first = await flags.listSegments(app, { limit: 2 });
    expect(first.items.map((s) => s.key)).toEqual(["a-seg", "b-seg"]);
    const second = await flags.listSegments(app, { limit: 2, cursor: first.nextCursor as string });
    expect(second.items.map((s) => s.key)).toEqual(["c-seg", "enterprise-eu"]);
    expect(second.nextCursor).toBeNull();
    expect((await flags.listSegments(app, { prefix: "enterprise" })).items).toHaveLength(1);
    await rejectsWith(flags.deleteSegment(app, "a-seg", { cas: 7 }), "CONFLICT");
    await flags.deleteSegment(app, "a-seg", { cas: 1 });
    await rejectsWith(flags.getSegment(app, "a-seg"), "NOT_FOUND");
    await rejectsWith(flags.deleteSegment(app, "a-seg"), "NOT_FOUND");
    expect(audit.events.map((e) => [e.action, e.resource, e.key])).toEqual([
      ["segment.created", "segment", "enterprise-eu"],
      ["segment.updated", "segment", "enterprise-eu"],
      ["segment.created", "segment", "b-seg"],
      ["segment.created", "segment", "c-seg"],
      ["segment.created", "segment", "a-seg"],
      ["segment.deleted", "segment", "a-seg"],
    ]);
  });

  it("segments: bad constraints are refused naming the condition and the problem; nothing is written", async () => {
    const cases: [unknown, RegExp][] = [
      [[], /^invalid segment definition: constraints: a segment needs at least one condition/],
      [
        [{ attribute: "ip", operator: "cidr", values: ["::/200"] }],
        /^invalid segment "s": constraints\.0\.values\.0: "::\/200" is not a CIDR range/,
      ],
      [
        [
          { attribute: "a", operator: "exists" },
          { attribute: "ua", operator: "regex", values: ["a{2,1}"] },
        ],
        /^invalid segment "s": constraints\.1\.values\.0: pattern/,
      ],
      [
        [{ attribute: "a", operator: "eq" }],
        /^invalid segment "s": constraints\.0\.values: operator eq needs a non-empty list/,
      ],
    ];
    for (const [constraints, message] of cases) {
      const error = await rejectsWith(
        flags.defineSegment(app, { key: "s", constraints: constraints as never }),
        "VALIDATION",
      );
      expect(error.message).toMatch(message);
    }
    expect((await flags.listSegments(app)).items).toEqual([]);
    expect(audit.events).toEqual([]);
  });

  it("rules name segments that exist; deleting a segment a rule names is refused with the flags that name it", async () => {
    await flags.defineSegment(app, {
      key: "beta",
      constraints: [{ attribute: "tenantTags", operator: "in", values: ["beta"] }],
    });
    await flags.defineSegment(app, { key: "unused", constraints: [{ attribute: "a", operator: "exists" }] });
    const missing = await rejectsWith(
      flags.define(app, {
        key: "x",
        type: "bool",
        defaultValue: false,
        rules: [{ type: "rollout", percentage: 100, segments: ["beta", "nope"], value: true }],
      }),
      "VALIDATION",
    );
    expect(missing.message).toBe('rules.0.segments.1: segment "nope" does not exist');
    expect((await flags.list(app)).items).toEqual([]);
    for (const key of ["search", "checkout"]) {
      await flags.define(app, {
        key,
        type: "bool",
        defaultValue: false,
        rules: [
          { type: "when_user", users: ["u"], value: true },
          { type: "rollout", percentage: 100, segments: ["beta"], value: true },
        ],
      });
    }
    const refused = await rejectsWith(flags.deleteSegment(app, "beta"), "CONFLICT");
    expect(refused.message).toBe(
      'segment "beta" is used by flags "checkout", "search": remove it from their rules first',
    );
    const checkout = await flags.get(app, "checkout");
    expect(refused.details).toMatchObject({
      key: "beta",
      flags: ["checkout", "search"],
      rules: [{ flagKey: "checkout", ruleId: checkout.rules[1]?.id }, { flagKey: "search" }],
    });
    expect((await flags.getSegment(app, "beta")).version).toBe(1);
    // Rules that stop naming it free it.
    await flags.setRules(app, "checkout", []);
    await flags.setRules(app, "search", [{ type: "when_user", users: ["u"], value: true }]);
    await flags.deleteSegment(app, "beta");
    await flags.deleteSegment(app, "unused");
    // A segment named only in a constraint's value (not in segments) does not count.
    expect((await flags.listSegments(app)).items).toEqual([]);
  });

  it("segments are in the snapshot and evaluation follows a segment change at once", async () => {
    await flags.defineSegment(app, {
      key: "staff",
      constraints: [{ attribute: "email", operator: "regex", values: ["@acme\\.com$"], caseInsensitive: true }],
    });
    await flags.define(app, {
      key: "admin-ui",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "rollout", percentage: 100, stickiness: "user", segments: ["staff"], value: true }],
    });
    const ctx = { userId: "u1", attributes: { email: "Jo@ACME.com" } };
    expect(await flags.bool(app, "admin-ui", ctx, false)).toBe(true);
    const snapshot = await flags.snapshot(app);
    expect(snapshot).toMatchObject({
      format: 2,
      segments: [{ key: "staff", constraints: [{ attribute: "email", operator: "regex", caseInsensitive: true }] }],
    });
    const revision = snapshot.revision;
    await flags.updateSegment(app, "staff", {
      constraints: [{ attribute: "email", operator: "ends_with", values: ["@globex.com"] }],
    });
    expect((await flags.snapshot(app)).revision).toBe(revision + 1);
    expect(await flags.bool(app, "admin-ui", ctx, false)).toBe(false);
    expect(await flags.bool(app, "admin-ui", { userId: "u1", attributes: { email: "a@globex.com" } }, false)).toBe(
      true,
    );
  });

  it("a segment change reaches another instance on the same database through the change feed", async () => {
    const other = new FlagService({ db, clock });
    try {
      await flags.defineSegment(app, {
        key: "eu",
        constraints: [{ attribute: "region", operator: "in", values: ["eu"] }],
      });
      await flags.define(app, {
        key: "gdpr-banner",
        type: "bool",
        defaultValue: false,
        rules: [{ type: "when_attribute", attribute: "region", operator: "exists", segments: ["eu"], value: true }],
      });
      const ctx = { attributes: { region: "eu" } };
      expect(await other.bool(app, "gdpr-banner", ctx, false)).toBe(true);
      await flags.updateSegment(app, "eu", {
        constraints: [{ attribute: "region", operator: "in", values: ["eu-west"] }],
      });
      // The other instance learns of the new revision from the change feed (polled every 50 ms here), not at once.
      await expect
        .poll(() => other.bool(app, "gdpr-banner", ctx, false), { timeout: 10_000, interval: 25 })
        .toBe(false);
      expect(await other.bool(app, "gdpr-banner", { attributes: { region: "eu-west" } }, false)).toBe(true);
      expect((await other.snapshot(app)).segments?.[0]?.constraints[0]?.values).toEqual(["eu-west"]);
    } finally {
      await other.close();
    }
  });

  it("individual targets: user beats tenant beats rules; set, replace, list, delete; type-checked; audited", async () => {
    await flags.define(app, {
      key: "seats",
      type: "int",
      defaultValue: 5,
      rules: [{ type: "when_tenant", tenants: ["acme"], value: 10 }],
    });
    await flags.setOverride(app, "seats", "acme", 20);
    const alice = await flags.setUserOverride(app, "seats", "alice", 30);
    expect(alice).toMatchObject({ flagKey: "seats", userId: "alice", value: 30 });
    expect(alice.id).toMatch(/^flagovr_/);
    expect((await flags.setUserOverride(app, "seats", "alice", 40)).id).toBe(alice.id);
    await flags.setUserOverride(app, "seats", "bob", 50);
    expect(await flags.evaluate(app, "seats", { tenantId: "acme", userId: "alice" })).toEqual({
      value: 40,
      reason: "TARGETING_MATCH",
    });
    expect(await flags.int(app, "seats", { tenantId: "acme", userId: "carol" }, 0)).toBe(20);
    expect(await flags.int(app, "seats", { tenantId: "globex", userId: "bob" }, 0)).toBe(50);
    expect(await flags.int(app, "seats", { tenantId: "globex" }, 0)).toBe(5);
    await rejectsWith(flags.setUserOverride(app, "seats", "alice", "many"), "TYPE_MISMATCH");
    await rejectsWith(flags.setUserOverride(app, "seats", "", 1), "VALIDATION");
    await rejectsWith(flags.setUserOverride(app, "nope", "alice", 1), "NOT_FOUND");
    // Changing the flag's type must still fit its user overrides.
    await rejectsWith(flags.update(app, "seats", { type: "string", defaultValue: "x" }), "TYPE_MISMATCH");
    const page = await flags.listUserOverrides(app, "seats", { limit: 1 });
    expect(page.items.map((o) => o.userId)).toEqual(["alice"]);
    const rest = await flags.listUserOverrides(app, "seats", { cursor: page.nextCursor as string });
    expect(rest.items.map((o) => o.userId)).toEqual(["bob"]);
    expect((await flags.snapshot(app)).flags[0]?.userOverrides).toEqual([
      { userId: "alice", value: 40 },
      { userId: "bob", value: 50 },
    ]);
    await flags.deleteUserOverride(app, "seats", "alice");
    await rejectsWith(flags.deleteUserOverride(app, "seats", "alice"), "NOT_FOUND");
    expect(await flags.int(app, "seats", { tenantId: "acme", userId: "alice" }, 0)).toBe(20);
    expect((await flags.get(app, "seats")).version).toBe(6);
    expect(audit.events.map((e) => e.action).filter((a) => a.startsWith("flag.user_override"))).toEqual([
      "flag.user_override_set",
      "flag.user_override_set",
      "flag.user_override_set",
      "flag.user_override_deleted",
    ]);
    // Deleting the flag takes its individual targets with it.
    await flags.delete(app, "seats");
    await flags.define(app, { key: "seats", type: "int", defaultValue: 1 });
    expect((await flags.listUserOverrides(app, "seats")).items).toEqual([]);
  });

  it("segment and individual-target writes emit their events in the change's transaction", async () => {
    const events = new MemoryEventSink();
    const service = new FlagService({ db, clock, events, usage: false });
    try {
      await service.defineSegment(app, { key: "s", constraints: [{ attribute: "a", operator: "exists" }] });
      await service.updateSegment(app, "s", { description: "d" });
      await service.define(app, { key: "f", type: "int", defaultValue: 1 });
      await service.setUserOverride(app, "f", "alice@example.com", 2);
      await service.deleteUserOverride(app, "f", "alice@example.com");
      await service.deleteSegment(app, "s");
      expect(events.events.map((e) => [e.type, e.resource, e.key, e.version])).toEqual([
        ["segment.created", "segment", "s", 1],
        ["segment.updated", "segment", "s", 2],
        ["flag.created", "flag", "f", 1],
        ["flag.user_override_set", "flag", "f", 2],
        ["flag.user_override_deleted", "flag", "f", 3],
        ["segment.deleted", "segment", "s", 2],
      ]);
      expect(events.events[3]?.data).toEqual({ userId: "alice@example.com" });
      // An event that cannot be written takes the change with it.
      events.failNext = 1;
      await expect(
        service.defineSegment(app, { key: "t", constraints: [{ attribute: "a", operator: "exists" }] }),
      ).rejects.toThrow(/event sink unavailable/);
      await rejectsWith(service.getSegment(app, "t"), "NOT_FOUND");
      events.failNext = 1;
      await expect(service.setUserOverride(app, "f", "bob", 5)).rejects.toThrow(/event sink unavailable/);
      expect((await service.listUserOverrides(app, "f")).items).toEqual([]);
    } finally {
      await service.close();
    }
  });
});
