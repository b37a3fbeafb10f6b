import { isVaultError, ManualClock } from "@vault/core";
import { FlagService, type UsageFlush } from "@vault/flag";
import { flagUsage, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

const DAY = 86_400_000;

describe(`FlagService usage: counts, flushes, lastEvaluatedAt, stale flags (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let db: VaultDb;
  let clock: ManualClock;
  let flags: FlagService;
  let flushes: UsageFlush[];
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
    clock = new ManualClock("2026-03-01T10:00:00.000Z");
    flushes = [];
    // No timer: the test flushes when it wants to.
    flags = new FlagService({ db, clock, usage: { flushIntervalMs: 0, onFlush: (f) => flushes.push(f) } });
    appCounter += 1;
    app = `usage-${appCounter}`;
  });

  const rows = () =>
    db
      .select()
      .from(flagUsage)
      .where(eq(flagUsage.appId, app))
      .orderBy(asc(flagUsage.flagKey), asc(flagUsage.variant), asc(flagUsage.day));

  async function defineThemeAndBeta() {
    await flags.define(app, {
      key: "theme",
      type: "string",
      defaultValue: "light",
      variants: { dark: "dark", contrast: "contrast" },
      rules: [
        { type: "when_user", users: ["u-dark"], variant: "dark" },
        { type: "when_user", users: ["u-contrast"], variant: "contrast" },
      ],
    });
    await flags.define(app, { key: "beta", type: "bool", defaultValue: false });
  }

  it("counts every evaluation per flag and variant in memory and writes them only when flushed", async () => {
    await defineThemeAndBeta();
    for (let i = 0; i < 500; i++) await flags.evaluate(app, "theme", { userId: "u-dark" });
    for (let i = 0; i < 200; i++) await flags.string(app, "theme", { userId: "u-contrast" }, "x");
    for (let i = 0; i < 50; i++) await flags.evaluate(app, "theme", { userId: "someone" });
    await flags.evaluateAll(app, { userId: "u-dark" });
    await flags.bool(app, "beta", {}, true);
    await flags.evaluate(app, "missing", {}); // unknown keys are not counted
    // Not one write per evaluation: nothing is in the table until the flush.
    expect(await rows()).toEqual([]);
    expect(await flags.flushUsage()).toBe(4);
    const day = new Date("2026-03-01T00:00:00.000Z");
    const at = new Date("2026-03-01T10:00:00.000Z");
    expect(await rows()).toEqual([
      { appId: app, flagKey: "beta", variant: "", day, count: 2, lastEvaluatedAt: at },
      { appId: app, flagKey: "theme", variant: "", day, count: 50, lastEvaluatedAt: at },
      { appId: app, flagKey: "theme", variant: "contrast", day, count: 200, lastEvaluatedAt: at },
      { appId: app, flagKey: "theme", variant: "dark", day, count: 501, lastEvaluatedAt: at },
    ]);
    expect(flushes).toHaveLength(1);
    expect(flushes[0]?.entries).toHaveLength(4);
    expect(await flags.flushUsage()).toBe(0); // nothing new
    expect(flushes).toHaveLength(1);

    // Later the same day the counts add up and lastEvaluatedAt moves; the next day starts new rows.
    clock.advance(3_600_000);
    await flags.evaluate(app, "theme", { userId: "u-dark" });
    await flags.flushUsage();
    clock.advance(DAY);
    await flags.evaluate(app, "theme", { userId: "u-dark" });
    await flags.flushUsage();
    const dark = (await rows()).filter((r) => r.flagKey === "theme" && r.variant === "dark");
    expect(dark.map((r) => [r.day.toISOString(), r.count, r.lastEvaluatedAt.toISOString()])).toEqual([
      ["2026-03-01T00:00:00.000Z", 502, "2026-03-01T11:00:00.000Z"],
      ["2026-03-02T00:00:00.000Z", 1, "2026-03-02T11:00:00.000Z"],
    ]);

    const usage = await flags.usage(app, { days: 7 });
    expect(usage).toEqual([
      { flagKey: "beta", total: 2, variants: [{ variant: null, count: 2 }], lastEvaluatedAt: at },
      {
        flagKey: "theme",
        total: 753,
        variants: [
          { variant: "dark", count: 503 },
          { variant: "contrast", count: 200 },
          { variant: null, count: 50 },
        ],
        lastEvaluatedAt: new Date("2026-03-02T11:00:00.000Z"),
      },
    ]);
    // Today only (the window is in whole UTC days), and one flag.
    expect(await flags.usage(app, { days: 1, flagKey: "theme" })).toEqual([
      {
        flagKey: "theme",
        total: 1,
        variants: [{ variant: "dark", count: 1 }],
        lastEvaluatedAt: new Date("2026-03-02T11:00:00.000Z"),
      },
    ]);
  });

  it("two processes flushing the same flag add up (the flush is an upsert that adds)", async () => {
    await defineThemeAndBeta();
    const other = new FlagService({ db, clock, usage: { flushIntervalMs: 0 } });
    try {
      for (let i = 0; i < 30; i++) {
        await flags.evaluate(app, "beta", {});
        await other.evaluate(app, "beta", {});
      }
      await Promise.all([flags.flushUsage(), other.flushUsage(), flags.flushUsage(), other.flushUsage()]);
      expect((await rows()).map((r) => r.count)).toEqual([60]);
    } finally {
      await other.close();
    }
  });

  it("a flush that fails keeps its counts for the next one; close() flushes what is left", async () => {
    await defineThemeAndBeta();
    let failing = true;
    const flaky = new Proxy(db, {
      get(target, property, receiver) {
        if (property === "transaction" && failing) {
          return () => Promise.reject(new Error("database away"));
        }
        return Reflect.get(target, property, receiver);
      },
    });
    const errors: unknown[] = [];
    const service = new FlagService({
      db: flaky,
      clock,
      usage: { flushIntervalMs: 0, onError: (e) => errors.push(e) },
    });
    // Evaluate through the flaky handle only after the snapshot is loaded (loading uses a transaction too).
    failing = false;
    await service.evaluate(app, "beta", {});
    failing = true;
    for (let i = 0; i < 9; i++) await service.evaluate(app, "beta", {});
    await expect(service.flushUsage()).rejects.toThrow("database away");
    await expect(service.flushUsage()).rejects.toThrow("database away");
    expect(await rows()).toEqual([]);
    failing = false;
    await service.evaluate(app, "beta", {});
    await service.close();
    expect((await rows()).map((r) => r.count)).toEqual([11]);
    expect(errors).toEqual([]);
  });

  it("client reports are counted with the rest, only for flags and variants the app has", async () => {
    await defineThemeAndBeta();
    const result = await flags.recordUsage(app, [
      { flagKey: "theme", variant: "dark", count: 40 },
      { flagKey: "theme", count: 2 },
      { flagKey: "theme", variant: "neon", count: 5 },
      { flagKey: "ghost", count: 9 },
    ]);
    expect(result).toEqual({
      accepted: 2,
      ignored: [
        { flagKey: "theme", variant: "neon", reason: "no such variant" },
        { flagKey: "ghost", reason: "no such flag" },
      ],
    });
    await flags.evaluate(app, "theme", { userId: "u-dark" });
    await flags.flushUsage();
    expect((await rows()).map((r) => [r.variant, r.count])).toEqual([
      ["", 2],
      ["dark", 41],
    ]);
    for (const bad of [
      [{ flagKey: "theme", count: 0 }],
      [{ flagKey: "theme", count: 1.5 }],
      [{ flagKey: "", count: 1 }],
    ]) {
      const error = await flags.recordUsage(app, bad).catch((e: unknown) => e);
      expect(isVaultError(error, "VALIDATION"), String(error)).toBe(true);
    }
  });

  it("counting can be turned off", async () => {
    const quiet = new FlagService({ db, clock, usage: false });
    try {
      await defineThemeAndBeta();
      await quiet.evaluate(app, "beta", {});
      expect(await quiet.flushUsage()).toBe(0);
      expect((await quiet.recordUsage(app, [{ flagKey: "beta", count: 1 }])).accepted).toBe(0);
      expect(await rows()).toEqual([]);
    } finally {
      await quiet.close();
    }
  });

  it("lists stale flags through the injected clock: not evaluated for N days, or one value for everyone for N days", async () => {
    await flags.define(app, {
      key: "used",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_user", users: ["u"], value: true }],
    });
    await flags.define(app, {
      key: "forgotten",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_user", users: ["u"], value: true }],
    });
    await flags.define(app, {
      key: "rolled-out",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "rollout", percentage: 100, value: true }],
    });
    await flags.define(app, { key: "killed", type: "string", defaultValue: "old", enabled: false });
    await flags.define(app, {
      key: "audience",
      type: "bool",
      defaultValue: false,
      rules: [
        {
          type: "rollout",
          percentage: 100,
          value: true,
          constraints: [{ attribute: "plan", operator: "eq", values: ["pro"] }],
        },
      ],
    });
    await flags.define(app, { key: "overridden", type: "int", defaultValue: 1 });
    await flags.setUserOverride(app, "overridden", "alice", 2);
    // Day 0 to 20: everything but "forgotten" is evaluated now and then.
    for (let day = 0; day <= 20; day += 5) {
      for (const key of ["used", "rolled-out", "killed", "audience", "overridden"])
        await flags.evaluate(app, key, { userId: "u" });
      await flags.flushUsage();
      clock.advance(5 * DAY);
    }
    // Day 25: nothing is stale for 30 days yet.
    expect(await flags.staleFlags(app, { days: 30 })).toEqual([]);
    // With a 10-day horizon: "forgotten" was never evaluated; three serve one value to everyone.
    const tenDays = await flags.staleFlags(app, { days: 10 });
    expect(tenDays.map((f) => [f.key, f.reasons, f.servesValue])).toEqual([
      ["forgotten", ["not_evaluated"], undefined],
      ["killed", ["fully_rolled_out"], "old"],
      ["rolled-out", ["fully_rolled_out"], true],
    ]);
    expect(tenDays[0]?.lastEvaluatedAt).toBeNull();
    // Day 60: nothing evaluated since day 20.
    clock.advance(35 * DAY);
    const sixty = await flags.staleFlags(app, { days: 30 });
    expect(sixty.map((f) => [f.key, f.reasons])).toEqual([
      ["audience", ["not_evaluated"]],
      ["forgotten", ["not_evaluated"]],
      ["killed", ["not_evaluated", "fully_rolled_out"]],
      ["overridden", ["not_evaluated"]],
      ["rolled-out", ["not_evaluated", "fully_rolled_out"]],
      ["used", ["not_evaluated"]],
    ]);
    expect(sixty.find((f) => f.key === "used")?.lastEvaluatedAt).toEqual(new Date("2026-03-21T10:00:00.000Z"));
    // A change restarts the clock of "one value for N days"; an evaluation that of "not evaluated".
    await flags.setRules(app, "rolled-out", [{ type: "rollout", percentage: 100, value: true }]);
    await flags.evaluate(app, "used", {});
    await flags.flushUsage();
    const after = await flags.staleFlags(app, { days: 30 });
    expect(after.find((f) => f.key === "rolled-out")?.reasons).toEqual(["not_evaluated"]);
    expect(after.find((f) => f.key === "used")).toBeUndefined();
    const error = await flags.staleFlags(app, { days: 0 }).catch((e: unknown) => e);
    expect(isVaultError(error, "VALIDATION")).toBe(true);
  });
});
