import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { FlagService } from "@vault/flag";
import { flagOverrides, flagRules, MemoryAuditSink, readRevision, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

async function rejectsWith(promise: Promise<unknown>, code: VaultErrorCode): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    expect(isVaultError(error, code), `${(error as Error).message}`).toBe(true);
    return error as Error;
  }
  throw new Error(`expected ${code}`);
}

describe(`FlagService (${testDatabaseKind()})`, () => {
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
    flags = new FlagService({
      db,
      audit,
      clock,
      customEvaluators: { even: (ctx) => Number(ctx.attributes?.n) % 2 === 0 },
    });
    appCounter += 1;
    app = `app-${appCounter}`;
  });

  it("defines, gets and evaluates a flag; ids carry their prefixes", async () => {
    const flag = await flags.define(app, {
      key: "new-checkout",
      type: "bool",
      defaultValue: false,
      description: "the new checkout",
      tags: ["checkout", "beta"],
      rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
    });
    expect(flag.id).toMatch(/^flag_/);
    expect(flag.rules[0]?.id).toMatch(/^rule_/);
    expect(flag).toMatchObject({ key: "new-checkout", version: 1, enabled: true, tags: ["checkout", "beta"] });
    expect(await flags.get(app, "new-checkout")).toEqual(flag);
    expect(await flags.evaluate(app, "new-checkout", { tenantId: "acme" })).toEqual({
      value: true,
      reason: "TARGETING_MATCH",
      ruleId: flag.rules[0]?.id,
    });
    expect(await flags.bool(app, "new-checkout", { tenantId: "other" }, true)).toBe(false);
    expect(audit.events.map((e) => e.action)).toEqual(["flag.created"]);
    expect(audit.events[0]).toMatchObject({ resource: "flag", appId: app, key: "new-checkout" });
    await rejectsWith(flags.define(app, { key: "new-checkout", type: "bool", defaultValue: true }), "ALREADY_EXISTS");
    await rejectsWith(flags.get(app, "missing"), "NOT_FOUND");
    expect((await flags.evaluate(app, "missing")).errorCode).toBe("FLAG_NOT_FOUND");
  });

  it("validates every value against the flag's type on write, and leaves nothing behind when it refuses", async () => {
    await rejectsWith(flags.define(app, { key: "n", type: "int", defaultValue: 1.5 }), "TYPE_MISMATCH");
    await rejectsWith(flags.define(app, { key: "n", type: "int", defaultValue: "1" }), "TYPE_MISMATCH");
    await rejectsWith(
      flags.define(app, { key: "n", type: "int", defaultValue: 1, variants: { big: 10.5 } }),
      "TYPE_MISMATCH",
    );
    await rejectsWith(
      flags.define(app, {
        key: "n",
        type: "int",
        defaultValue: 1,
        rules: [{ type: "when_user", users: ["u"], value: "two" }],
      }),
      "TYPE_MISMATCH",
    );
    await rejectsWith(flags.define(app, { key: "-bad key", type: "int", defaultValue: 1 }), "VALIDATION");
    await rejectsWith(flags.define(app, { key: "n", type: "decimal" as never, defaultValue: 1 }), "VALIDATION");
    const dup = await rejectsWith(
      flags.define(app, {
        key: "n",
        type: "int",
        defaultValue: 1,
        rules: [
          { priority: 1, type: "when_user", users: ["u"], value: 2 },
          { priority: 1, type: "when_user", users: ["v"], value: 3 },
        ],
      }),
      "VALIDATION",
    );
    expect(dup.message).toMatch(/priority 1 is used twice/);
    expect((await flags.list(app)).items).toEqual([]);
    expect(audit.events).toEqual([]);

    await flags.define(app, { key: "n", type: "int", defaultValue: 99 });
    await rejectsWith(flags.setOverride(app, "n", "acme", 99.5), "TYPE_MISMATCH");
    await rejectsWith(flags.update(app, "n", { defaultValue: true }), "TYPE_MISMATCH");
    await flags.setOverride(app, "n", "acme", 7);
    // Changing the type must still fit the overrides that exist.
    await rejectsWith(flags.update(app, "n", { type: "string", defaultValue: "x" }), "TYPE_MISMATCH");
    expect((await flags.get(app, "n")).type).toBe("int");
  });

  it("string values that look like JSON come back as the same strings (default, rule value, override)", async () => {
    // jsonb columns must not JSON-parse a stored string a second time: "123" stays a string, '{"a":1}' too.
    const looksLikeJson = ['{"a":1}', "123", "true", "null", '"quoted"'];
    for (const [i, text] of looksLikeJson.entries()) {
      await flags.define(app, {
        key: `s${i}`,
        type: "string",
        defaultValue: text,
        rules: [{ type: "when_tenant", tenants: ["rule"], value: text }],
      });
      await flags.setOverride(app, `s${i}`, "ovr", text);
      const fresh = new FlagService({ db, clock });
      try {
        expect((await fresh.get(app, `s${i}`)).defaultValue).toBe(text);
        expect((await fresh.evaluate(app, `s${i}`, {})).value).toBe(text);
        expect((await fresh.evaluate(app, `s${i}`, { tenantId: "rule" })).value).toBe(text);
        expect((await fresh.evaluate(app, `s${i}`, { tenantId: "ovr" })).value).toBe(text);
      } finally {
        await fresh.close();
      }
    }
  });

  it("update bumps the version and honours cas; enable/disable toggle evaluation", async () => {
    await flags.define(app, {
      key: "limit",
      type: "float",
      defaultValue: 99.0,
      rules: [{ type: "when_tenant", tenants: ["t1"], value: 99.5 }],
    });
    expect(await flags.int(app, "limit", {}, -1)).toBe(99);
    expect(await flags.int(app, "limit", { tenantId: "t1" }, -1)).toBe(-1);
    const updated = await flags.update(app, "limit", { description: "rate limit" }, { cas: 1 });
    expect(updated).toMatchObject({ version: 2, description: "rate limit" });
    await rejectsWith(flags.update(app, "limit", { description: "stale" }, { cas: 1 }), "CONFLICT");
    const off = await flags.disable(app, "limit");
    expect(off).toMatchObject({ enabled: false, version: 3 });
    expect(await flags.evaluate(app, "limit", { tenantId: "t1" })).toEqual({ value: 99, reason: "DISABLED" });
    await flags.enable(app, "limit", { cas: 3 });
    expect((await flags.evaluate(app, "limit", { tenantId: "t1" })).value).toBe(99.5);
    expect(audit.events.map((e) => e.action)).toEqual(["flag.created", "flag.updated", "flag.updated", "flag.updated"]);
    await rejectsWith(flags.update(app, "nope", { enabled: true }), "NOT_FOUND");
  });

  it("setRules replaces all rules atomically; priority order and first match hold", async () => {
    await flags.define(app, {
      key: "color",
      type: "string",
      defaultValue: "grey",
      rules: [{ type: "when_user", users: ["u1"], value: "red" }],
    });
    const flag = await flags.setRules(app, "color", [
      { priority: 30, type: "when_user", users: ["u1"], value: "green" },
      { priority: 10, type: "when_tenant", tenants: ["t1"], value: "blue" },
    ]);
    expect(flag.rules.map((r) => r.priority)).toEqual([10, 30]);
    expect(flag.version).toBe(2);
    expect(await flags.string(app, "color", { tenantId: "t1", userId: "u1" }, "")).toBe("blue");
    expect(await flags.string(app, "color", { userId: "u1" }, "")).toBe("green");
    // A bad replacement changes nothing.
    await rejectsWith(
      flags.setRules(app, "color", [
        { type: "when_user", users: ["u2"], value: "pink" },
        { type: "when_attribute", attribute: "v", operator: "semver_gt", values: ["one"], value: "x" },
      ]),
      "VALIDATION",
    );
    expect((await flags.get(app, "color")).rules.map((r) => r.id)).toEqual(flag.rules.map((r) => r.id));
    await rejectsWith(flags.setRules(app, "color", [], { cas: 1 }), "CONFLICT");
    expect((await flags.setRules(app, "color", [], { cas: 2 })).rules).toEqual([]);
    expect(await flags.string(app, "color", { tenantId: "t1" }, "")).toBe("grey");
    expect(audit.events.filter((e) => e.action === "flag.rules_set").length).toBe(2);
  });

  it("tenant overrides: set, replace, list with a cursor, delete; an override beats every rule", async () => {
    await flags.define(app, {
      key: "seats",
      type: "int",
      defaultValue: 5,
      rules: [{ type: "when_tenant", tenants: ["t1", "t2"], value: 10 }],
    });
    await flags.setOverride(app, "seats", "t1", 50);
    const replaced = await flags.setOverride(app, "seats", "t1", 60);
    expect(replaced).toMatchObject({ flagKey: "seats", tenantId: "t1", value: 60 });
    expect(replaced.id).toMatch(/^flagovr_/);
    for (const t of ["t3", "t4", "t5"]) await flags.setOverride(app, "seats", t, 1);
    expect(await flags.int(app, "seats", { tenantId: "t1" }, 0)).toBe(60);
    expect(await flags.int(app, "seats", { tenantId: "t2" }, 0)).toBe(10);
    const first = await flags.listOverrides(app, "seats", { limit: 3 });
    expect(first.items.map((o) => o.tenantId)).toEqual(["t1", "t3", "t4"]);
    const second = await flags.listOverrides(app, "seats", { limit: 3, cursor: first.nextCursor as string });
    expect(second.items.map((o) => o.tenantId)).toEqual(["t5"]);
    expect(second.nextCursor).toBeNull();
    await flags.deleteOverride(app, "seats", "t1");
    expect(await flags.int(app, "seats", { tenantId: "t1" }, 0)).toBe(10);
    await rejectsWith(flags.deleteOverride(app, "seats", "t1"), "NOT_FOUND");
    await rejectsWith(flags.setOverride(app, "nope", "t1", 1), "NOT_FOUND");
    const actions = audit.events.map((e) => e.action);
    expect(actions.filter((a) => a === "flag.override_set").length).toBe(5);
    expect(actions.filter((a) => a === "flag.override_deleted").length).toBe(1);
    expect(audit.events.find((e) => e.action === "flag.override_deleted")?.tenantId).toBe("t1");
  });

  it("delete takes the rules and overrides with it", async () => {
    const flag = await flags.define(app, {
      key: "gone",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_user", users: ["u"], value: true }],
    });
    await flags.setOverride(app, "gone", "t", true);
    await rejectsWith(flags.delete(app, "gone", { cas: 1 }), "CONFLICT");
    await flags.delete(app, "gone");
    expect(await db.select().from(flagRules).where(eq(flagRules.flagId, flag.id))).toEqual([]);
    expect(await db.select().from(flagOverrides).where(eq(flagOverrides.flagId, flag.id))).toEqual([]);
    await rejectsWith(flags.get(app, "gone"), "NOT_FOUND");
    await rejectsWith(flags.delete(app, "gone"), "NOT_FOUND");
    expect((await flags.evaluate(app, "gone")).errorCode).toBe("FLAG_NOT_FOUND");
    expect(audit.events.at(-1)).toMatchObject({ action: "flag.deleted", key: "gone" });
    // The key can be used again.
    await flags.define(app, { key: "gone", type: "string", defaultValue: "back" });
  });

  it("lists in key order with a tag filter, a prefix and a cursor", async () => {
    for (const key of ["b", "a", "c/one", "c/two", "d"]) {
      await flags.define(app, {
        key,
        type: "bool",
        defaultValue: true,
        tags: key === "a" || key === "d" ? ["ops"] : [],
        rules: key === "a" ? [{ type: "when_user", users: ["u"], value: false }] : [],
      });
    }
    await flags.define(`${app}-other`, { key: "a", type: "bool", defaultValue: true, tags: ["ops"] });
    const page1 = await flags.list(app, { limit: 2 });
    expect(page1.items.map((f) => f.key)).toEqual(["a", "b"]);
    expect(page1.items[0]?.rules.length).toBe(1);
    const page2 = await flags.list(app, { limit: 2, cursor: page1.nextCursor as string });
    expect(page2.items.map((f) => f.key)).toEqual(["c/one", "c/two"]);
    const page3 = await flags.list(app, { limit: 2, cursor: page2.nextCursor as string });
    expect(page3.items.map((f) => f.key)).toEqual(["d"]);
    expect(page3.nextCursor).toBeNull();
    expect((await flags.list(app, { tag: "ops" })).items.map((f) => f.key)).toEqual(["a", "d"]);
    expect((await flags.list(app, { prefix: "c/" })).items.map((f) => f.key)).toEqual(["c/one", "c/two"]);
    await rejectsWith(flags.list(app, { cursor: "garbage" }), "VALIDATION");
  });

  it("prerequisites must exist, match the required flag's type, and never form a cycle", async () => {
    await flags.define(app, { key: "a", type: "bool", defaultValue: true });
    // b is true only when its prerequisite holds (an unmet prerequisite gives b's default, false).
    await flags.define(app, {
      key: "b",
      type: "bool",
      defaultValue: false,
      prerequisites: [{ flagKey: "a", value: true }],
      rules: [{ type: "schedule", value: true }],
    });
    await flags.define(app, {
      key: "c",
      type: "string",
      defaultValue: "on",
      prerequisites: [{ flagKey: "b", value: true }],
    });
    expect(await flags.string(app, "c", {}, "")).toBe("on");
    await flags.update(app, "a", { defaultValue: false });
    const unmet = await flags.evaluate(app, "c", {});
    expect(unmet).toMatchObject({ value: "on", reason: "DEFAULT" });
    expect(unmet.detail).toBe('prerequisite "b" not met');

    const cycle = await rejectsWith(
      flags.update(app, "a", { prerequisites: [{ flagKey: "c", value: "on" }] }),
      "VALIDATION",
    );
    expect(cycle.message).toMatch(/a → c → b → a/);
    await rejectsWith(flags.update(app, "a", { prerequisites: [{ flagKey: "a", value: true }] }), "VALIDATION");
    await rejectsWith(
      flags.define(app, {
        key: "d",
        type: "bool",
        defaultValue: true,
        prerequisites: [{ flagKey: "zzz", value: true }],
      }),
      "VALIDATION",
    );
    await rejectsWith(
      flags.define(app, { key: "d", type: "bool", defaultValue: true, prerequisites: [{ flagKey: "c", value: 1 }] }),
      "TYPE_MISMATCH",
    );
    // b requires a === true: a cannot become a string.
    await rejectsWith(flags.update(app, "a", { type: "string", defaultValue: "x" }), "TYPE_MISMATCH");
  });

  it("two concurrent writers cannot close a prerequisite cycle between them", async () => {
    const second = await testDb.connectAgain();
    const other = new FlagService({ db: second.db, changes: second.changes });
    try {
      for (let round = 0; round < 10; round++) {
        const [a, b] = [`a${round}`, `b${round}`];
        await flags.define(app, { key: a, type: "bool", defaultValue: true });
        await flags.define(app, { key: b, type: "bool", defaultValue: true });
        const results = await Promise.allSettled([
          flags.update(app, a, { prerequisites: [{ flagKey: b, value: true }] }),
          other.update(app, b, { prerequisites: [{ flagKey: a, value: true }] }),
        ]);
        expect(results.filter((r) => r.status === "fulfilled").length).toBe(1);
        const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
        expect(isVaultError(rejected.reason, "VALIDATION")).toBe(true);
        expect(String(rejected.reason.message)).toMatch(/cycle/);
      }
    } finally {
      await other.close();
    }
  });

  it("a failing audit write rolls the change back", async () => {
    audit.failNext = 1;
    await expect(flags.define(app, { key: "x", type: "bool", defaultValue: true })).rejects.toThrow(/audit/);
    await rejectsWith(flags.get(app, "x"), "NOT_FOUND");
    expect(await readRevision(db, app, "flags")).toBe(0);
    await flags.define(app, { key: "x", type: "bool", defaultValue: true });
    audit.failNext = 1;
    await expect(flags.setOverride(app, "x", "t", false)).rejects.toThrow(/audit/);
    expect((await flags.listOverrides(app, "x")).items).toEqual([]);
    expect((await flags.get(app, "x")).version).toBe(1);
  });

  it("snapshot: plain JSON with the revision; the compiled snapshot is cached until a write", async () => {
    await flags.define(app, {
      key: "theme",
      type: "json",
      defaultValue: { color: "grey" },
      variants: { dark: { color: "black" } },
      rules: [{ type: "rollout", percentage: 100, variants: [{ variant: "dark", weight: 1 }] }],
    });
    const snap = await flags.snapshot(app);
    expect(snap.revision).toBe(await readRevision(db, app, "flags"));
    expect(JSON.parse(JSON.stringify(snap))).toEqual(snap);
    expect(Object.isFrozen(snap.flags[0])).toBe(true);
    expect(snap.flags[0]).toMatchObject({ key: "theme", type: "json", version: 1 });
    const e1 = await flags.evaluator(app);
    expect(await flags.evaluator(app)).toBe(e1);
    expect(e1.evaluate("theme", { tenantId: "t" })).toMatchObject({ variant: "dark", reason: "SPLIT" });
    await flags.setOverride(app, "theme", "t", { color: "red" });
    const e2 = await flags.evaluator(app);
    expect(e2).not.toBe(e1);
    expect(e2.revision).toBe(snap.revision + 1);
    expect(e2.json("theme", { tenantId: "t" }, {})).toEqual({ color: "red" });
    expect(await flags.evaluateAll(app, { tenantId: "u" })).toEqual({
      theme: { value: { color: "black" }, variant: "dark", reason: "SPLIT", ruleId: expect.stringMatching(/^rule_/) },
    });
    await rejectsWith(flags.evaluate(app, "theme", { tenantId: 5 } as never), "VALIDATION");
  });

  it("xraph/vault behaviours through the service: rollouts over 20 tenants, stickiness, schedules, custom rules", async () => {
    const tenants = Array.from({ length: 20 }, (_, i) => `tenant-${i}`);
    await flags.define(app, {
      key: "none",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "rollout", percentage: 0, value: true }],
    });
    await flags.define(app, {
      key: "all",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "rollout", percentage: 100, value: true }],
    });
    for (const tenantId of tenants) {
      expect(await flags.bool(app, "none", { tenantId }, true)).toBe(false);
      expect(await flags.bool(app, "all", { tenantId }, false)).toBe(true);
    }
    expect(await flags.bool(app, "all", { userId: "no-tenant" }, false)).toBe(false);
    await flags.define(app, {
      key: "sale",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "schedule", from: "2026-03-10T00:00:00Z", until: "2026-03-11T00:00:00Z", value: true }],
    });
    expect(await flags.bool(app, "sale", {}, true)).toBe(false);
    clock.set("2026-03-10T12:00:00Z");
    expect(await flags.bool(app, "sale", {}, false)).toBe(true);
    await flags.define(app, {
      key: "even",
      type: "bool",
      defaultValue: false,
      rules: [
        { type: "custom", evaluator: "even", value: true },
        { type: "custom", evaluator: "unregistered", value: true },
      ],
    });
    expect(await flags.bool(app, "even", { attributes: { n: 2 } }, false)).toBe(true);
    const odd = await flags.evaluate(app, "even", { attributes: { n: 3 } });
    expect(odd.value).toBe(false);
    expect(odd.detail).toMatch(/"unregistered" is not registered/);
  });

  it("a write through one instance reaches another instance's evaluation", async () => {
    const second = await testDb.connectAgain({ changePollMs: 200 });
    const other = new FlagService({ db: second.db, changes: second.changes });
    try {
      await flags.define(app, { key: "kill-switch", type: "bool", defaultValue: false });
      expect(await other.bool(app, "kill-switch", {}, true)).toBe(false);
      await flags.update(app, "kill-switch", { defaultValue: true });
      await vi.waitFor(async () => expect(await other.bool(app, "kill-switch", {}, false)).toBe(true), {
        timeout: 10_000,
        interval: 20,
      });
      await flags.setOverride(app, "kill-switch", "acme", false);
      await vi.waitFor(
        async () => expect(await other.bool(app, "kill-switch", { tenantId: "acme" }, true)).toBe(false),
        { timeout: 10_000, interval: 20 },
      );
    } finally {
      await other.close();
    }
  });
});
