import { ConfigService } from "@vault/config";
import { isVaultError, ManualClock } from "@vault/core";
import { compileConfigSnapshot } from "@vault/engine";
import { readRevision } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OverrideService } from "../src/index";

// A service resolving config from a snapshot (@vault/engine) must see what the server's Resolver sees.

/** Run a write that the test's random operations may make invalid (a type change, a missing key): ignore refusals. */
async function attempt(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (error) {
    if (!isVaultError(error)) throw error;
  }
}

describe(`config snapshots (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let config: ConfigService;
  let overrides: OverrideService;

  beforeAll(async () => {
    t = await createTestDatabase();
    const clock = new ManualClock("2026-03-01T00:00:00Z");
    config = new ConfigService({ db: t.db, clock });
    overrides = new OverrideService({ db: t.db, config, clock });
  });
  afterAll(async () => {
    config.close();
    await t.close();
  });

  it("holds every entry and every tenant's override at the app's config revision", async () => {
    await config.set("shop", "limits/max-items", 10);
    await config.set("shop", "limits/max-items", 20);
    await config.set("shop", "timeout", "1m30s", { valueType: "duration" });
    await overrides.set("shop", "limits/max-items", "acme", 50);
    await overrides.set("shop", "beta-banner", "globex", "hi");
    await config.set("other-app", "limits/max-items", 99);
    const snapshot = await config.snapshot("shop");
    expect(snapshot).toEqual({
      revision: await readRevision(t.db, "shop", "config"),
      appId: "shop",
      entries: [
        { key: "limits/max-items", value: 20, valueType: "int", version: 2 },
        { key: "timeout", value: "1m30s", valueType: "duration", version: 1 },
      ],
      overrides: [
        { key: "beta-banner", tenantId: "globex", value: "hi", valueType: "string", version: 1 },
        { key: "limits/max-items", tenantId: "acme", value: 50, valueType: "int", version: 1 },
      ],
    });
    expect(snapshot.revision).toBe(5);
    const local = compileConfigSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(local.problems).toEqual([]);
    expect(local.int("limits/max-items", 1, "acme")).toBe(50);
    expect(local.int("limits/max-items", 1, "globex")).toBe(20);
    expect(local.duration("timeout", 0)).toBe(90_000);
    expect(local.resolveAll("globex")).toEqual({ "limits/max-items": 20, timeout: "1m30s", "beta-banner": "hi" });
    await expect(config.snapshot("no such app!")).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("resolves every key for every tenant as the Resolver does, after any sequence of writes (property)", async () => {
    const keys = ["a", "b", "c"];
    const tenants = ["acme", "globex"];
    const value = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.constantFrom("x", "y", true, 1.5, { n: 1 }, [1, 2]));
    const op = fc.oneof(
      fc.record({ op: fc.constant("set" as const), key: fc.constantFrom(...keys), value }),
      fc.record({ op: fc.constant("delete" as const), key: fc.constantFrom(...keys) }),
      fc.record({
        op: fc.constant("override" as const),
        key: fc.constantFrom(...keys),
        tenant: fc.constantFrom(...tenants),
        value,
      }),
      fc.record({
        op: fc.constant("unoverride" as const),
        key: fc.constantFrom(...keys),
        tenant: fc.constantFrom(...tenants),
      }),
    );
    const resolver = overrides.resolver();
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const app = `prop-${run++}`;
        for (const o of ops) {
          if (o.op === "set") await attempt(config.set(app, o.key, o.value));
          else if (o.op === "delete") await attempt(config.delete(app, o.key));
          else if (o.op === "override") await attempt(overrides.set(app, o.key, o.tenant, o.value));
          else await attempt(overrides.delete(app, o.key, o.tenant));
        }
        const local = compileConfigSnapshot(await config.snapshot(app));
        expect(local.problems).toEqual([]);
        for (const tenant of [undefined, ...tenants, "nobody"]) {
          expect(local.resolveAll(tenant)).toEqual(await resolver.resolveAll(app, tenant));
          for (const key of [...keys, "missing"]) {
            expect(local.get(key, tenant)).toEqual(await resolver.resolveDetailed(app, key, tenant));
            expect(local.int(key, -99, tenant)).toBe(await resolver.int(app, key, -99, tenant));
            expect(local.json(key, null, tenant)).toEqual(await resolver.json(app, key, null, tenant));
          }
        }
      }),
      { numRuns: 15 },
    );
  });
});
