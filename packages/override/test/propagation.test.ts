import { type ConfigChange, ConfigService } from "@vault/config";
import { ManualClock } from "@vault/core";
import { bumpRevision, withTransaction } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { OverrideService } from "../src/index";

// With the default change-feed settings (500 ms polling; LISTEN/NOTIFY on Postgres) a change arrives within about a
// second; the bound here is generous so that a loaded CI machine does not fail the test. How fast propagation is, is
// measured by the benchmarks, not asserted here.
const PROPAGATED = { timeout: 10_000, interval: 10 };

describe(`change propagation between two service instances (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const clock = new ManualClock();
  // "Process" A writes; "process" B has its own database handle (its own pool and change feed on Postgres).
  let configA: ConfigService;
  let overridesA: OverrideService;
  let configB: ConfigService;
  let overridesB: OverrideService;

  beforeAll(async () => {
    t = await createTestDatabase();
    configA = new ConfigService({ db: t.db, changes: t.changes, clock });
    overridesA = new OverrideService({ db: t.db, config: configA, clock });
    const other = await t.connectAgain();
    configB = new ConfigService({ db: other.db, changes: other.changes, clock });
    overridesB = new OverrideService({ db: other.db, config: configB, clock });
  });
  afterAll(async () => {
    await configA.close();
    await configB.close();
    await t.close();
  });

  it("a config write through one reaches the other's resolver, accessors and watchers", async () => {
    await configA.set("shop", "limit", 10);
    const resolverB = overridesB.resolver();
    expect(await resolverB.resolve("shop", "limit", "acme")).toBe(10);
    expect(await configB.int("shop", "limit", 0)).toBe(10);
    const seen: ConfigChange[] = [];
    configB.watch("shop", "limit", (change) => {
      seen.push(change);
    });
    await configB.changes.track("shop");

    await configA.set("shop", "limit", 20);
    await vi.waitFor(async () => {
      expect(await resolverB.resolve("shop", "limit", "acme")).toBe(20);
      expect(await configB.int("shop", "limit", 0)).toBe(20);
      expect(seen.map((c) => [c.kind, c.key])).toEqual([["set", "limit"]]);
    }, PROPAGATED);

    await configA.rollback("shop", "limit", 1);
    await vi.waitFor(async () => {
      expect(await resolverB.resolve("shop", "limit")).toBe(10);
      expect(seen.at(-1)).toMatchObject({ kind: "rolled_back", key: "limit", tenantId: null });
    }, PROPAGATED);

    await configA.delete("shop", "limit");
    await vi.waitFor(async () => {
      expect(await resolverB.resolve("shop", "limit", "acme")).toBeUndefined();
      expect(seen.at(-1)).toMatchObject({ kind: "deleted", key: "limit" });
    }, PROPAGATED);
    // Each change exactly once, in order.
    expect(seen.map((c) => c.kind)).toEqual(["set", "rolled_back", "deleted"]);
    expect(seen.map((c) => c.revision)).toEqual([...seen.map((c) => c.revision)].sort((a, b) => a - b));
  });

  it("an override write through one reaches the other's resolver and watchers", async () => {
    await configA.set("tenants", "seats", 5);
    const resolverB = overridesB.resolver();
    expect(await resolverB.resolve("tenants", "seats", "acme")).toBe(5);
    expect(await resolverB.resolveAll("tenants", "acme")).toEqual({ seats: 5 });
    const seen: ConfigChange[] = [];
    configB.watch("tenants", "*", (change) => {
      seen.push(change);
    });
    await configB.changes.track("tenants");

    await overridesA.set("tenants", "seats", "acme", 50);
    await vi.waitFor(async () => {
      expect(await resolverB.resolve("tenants", "seats", "acme")).toBe(50);
      expect(await resolverB.resolveAll("tenants", "acme")).toEqual({ seats: 50 });
      expect(await resolverB.resolve("tenants", "seats", "globex")).toBe(5);
      expect(seen).toEqual([
        expect.objectContaining({ kind: "override_set", key: "seats", tenantId: "acme", appId: "tenants" }),
      ]);
    }, PROPAGATED);

    await overridesA.delete("tenants", "seats", "acme");
    await vi.waitFor(async () => {
      expect(await resolverB.resolve("tenants", "seats", "acme")).toBe(5);
      expect(seen.at(-1)).toMatchObject({ kind: "override_deleted", key: "seats", tenantId: "acme" });
    }, PROPAGATED);
  });

  it("fires watchers of this process at once, matching keys exactly or by prefix", async () => {
    const exact: string[] = [];
    const prefix: string[] = [];
    const every: string[] = [];
    const stops = [
      configA.watch("match", "db/host", (c) => {
        exact.push(c.key);
      }),
      configA.watch("match", "db/*", (c) => {
        prefix.push(c.key);
      }),
      configA.watch("match", "*", (c) => {
        every.push(`${c.kind}:${c.key}`);
      }),
    ];
    await configA.set("match", "db/host", "h");
    await configA.set("match", "db/hostname", "h");
    await configA.set("match", "dbx", 1);
    await overridesA.set("match", "db/host", "acme", "h2");
    // No waiting: this process's writes reach its watchers before the write returns.
    expect(exact).toEqual(["db/host", "db/host"]);
    expect(prefix).toEqual(["db/host", "db/hostname", "db/host"]);
    expect(every).toEqual(["set:db/host", "set:db/hostname", "set:dbx", "override_set:db/host"]);
    for (const stop of stops) stop();
    await configA.set("match", "db/host", "again");
    expect(exact).toHaveLength(2);
  });

  it("a watcher that throws does not break the write or other watchers", async () => {
    const seen: string[] = [];
    configA.watch("throwing", "*", () => {
      throw new Error("boom");
    });
    configA.watch("throwing", "*", async () => {
      throw new Error("async boom");
    });
    configA.watch("throwing", "*", (c) => {
      seen.push(c.key);
    });
    await configA.set("throwing", "k", 1);
    expect(seen).toEqual(["k"]);
  });

  it("drops caches and fires a resync when it cannot tell which key changed", async () => {
    await configA.set("resync", "k", 1);
    const resolverB = overridesB.resolver();
    expect(await resolverB.resolve("resync", "k")).toBe(1);
    const seen: ConfigChange[] = [];
    configB.watch("resync", "k", (change) => {
      seen.push(change);
    });
    await configB.changes.track("resync");
    // A revision with no change-log row: what a process sees after the log was pruned past it.
    const revision = await withTransaction(t.db, (tx) => bumpRevision(tx, "resync", "config", clock));
    t.changes.publish({ appId: "resync", topic: "config", revision });
    await vi.waitFor(() => {
      expect(seen).toEqual([{ appId: "resync", key: "*", tenantId: null, kind: "resync", revision }]);
    }, PROPAGATED);
  });
});
