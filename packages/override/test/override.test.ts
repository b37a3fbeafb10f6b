import { ConfigService } from "@vault/config";
import { isVaultError, ManualClock } from "@vault/core";
import { MemoryAuditSink, readRevision } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OverrideService } from "../src/index";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
  return "resolved";
}

describe(`overrides and resolver (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let config: ConfigService;
  let overrides: OverrideService;
  const audit = new MemoryAuditSink();
  const clock = new ManualClock("2026-03-01T00:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase({ changePollMs: 50 });
    config = new ConfigService({ db: t.db, audit, clock });
    overrides = new OverrideService({ db: t.db, config, audit, clock });
  });
  afterAll(async () => {
    await config.close();
    await t.close();
  });

  it("resolver: tenant override 50 over app value 10; another tenant gets 10", async () => {
    const resolver = overrides.resolver();
    await config.set("app", "limit", 10);
    const o = await overrides.set("app", "limit", "acme", 50);
    expect(o).toMatchObject({ appId: "app", key: "limit", tenantId: "acme", value: 50, valueType: "int", version: 1 });
    expect(o.id).toMatch(/^ovr_/);
    expect(await resolver.resolve("app", "limit", "acme")).toBe(50);
    expect(await resolver.resolve("app", "limit", "globex")).toBe(10);
    expect(await resolver.resolve("app", "limit")).toBe(10);
    expect(await resolver.resolveDetailed("app", "limit", "acme")).toMatchObject({ source: "override", value: 50 });
    expect(await resolver.resolveDetailed("app", "limit", "globex")).toMatchObject({ source: "app", value: 10 });
    expect(await resolver.resolve("app", "missing", "acme")).toBeUndefined();
  });

  it("an override with no base entry is allowed (type inferred) and returned by the resolver", async () => {
    const o = await overrides.set("app", "beta-banner", "acme", "Welcome, beta tester");
    expect(o.valueType).toBe("string");
    const resolver = overrides.resolver();
    expect(await resolver.resolve("app", "beta-banner", "acme")).toBe("Welcome, beta tester");
    expect(await resolver.resolve("app", "beta-banner", "globex")).toBeUndefined();
    expect(await resolver.string("app", "beta-banner", "none", "acme")).toBe("Welcome, beta tester");
    // Its type is kept on later sets.
    expect(await codeOf(overrides.set("app", "beta-banner", "acme", 5))).toBe("TYPE_MISMATCH");
  });

  it("validates an override against the base entry's type: 'abc' on an int entry is TYPE_MISMATCH", async () => {
    await config.set("typed", "limit", 10);
    try {
      await overrides.set("typed", "limit", "acme", "abc");
      expect.unreachable();
    } catch (error) {
      expect(isVaultError(error, "TYPE_MISMATCH")).toBe(true);
      expect((error as Error).message).toMatch(/expects int, got string/);
      expect((error as { details: unknown }).details).toMatchObject({
        expected: "int",
        actual: "string",
        key: "limit",
        tenantId: "acme",
      });
    }
    expect(await codeOf(overrides.set("typed", "limit", "acme", 2.5))).toBe("TYPE_MISMATCH");
    expect(await codeOf(overrides.set("typed", "limit", "acme", 5, { valueType: "float" }))).toBe("TYPE_MISMATCH");
    expect(await codeOf(overrides.get("typed", "limit", "acme"))).toBe("NOT_FOUND");
    // The base's JSON schema applies to overrides too.
    await config.set("typed", "plan", { seats: 3 }, { schema: { type: "object", required: ["seats"] } });
    expect(await codeOf(overrides.set("typed", "plan", "acme", { users: 3 }))).toBe("VALIDATION");
    expect((await overrides.set("typed", "plan", "acme", { seats: 30 })).valueType).toBe("json");
    // A duration entry takes duration overrides.
    await config.set("typed", "timeout", "30s", { valueType: "duration" });
    expect((await overrides.set("typed", "timeout", "acme", "2m")).valueType).toBe("duration");
    expect(await codeOf(overrides.set("typed", "timeout", "acme", "soon"))).toBe("TYPE_MISMATCH");
  });

  it("an entry re-created with another type, or given a schema, must agree with the overrides it already has", async () => {
    await config.set("retyped", "limit", 10);
    await overrides.set("retyped", "limit", "t1", 5);
    await config.delete("retyped", "limit");
    // The override outlives the entry; a new entry of another type would leave it unchecked.
    const refused = await config.set("retyped", "limit", "abc").catch((error: unknown) => error);
    expect(isVaultError(refused, "TYPE_MISMATCH")).toBe(true);
    expect((refused as Error).message).toMatch(/tenant "t1"/);
    expect(await codeOf(config.get("retyped", "limit"))).toBe("NOT_FOUND");
    expect((await config.set("retyped", "limit", 20)).version).toBe(1);
    expect(await overrides.resolver().resolve("retyped", "limit", "t1")).toBe(5);

    await config.set("retyped", "plan", { seats: 3 });
    await overrides.set("retyped", "plan", "t1", { users: 3 });
    const schema = { type: "object", required: ["seats"] };
    expect(await codeOf(config.set("retyped", "plan", { seats: 4 }, { schema }))).toBe("VALIDATION");
    expect((await config.get("retyped", "plan")).schema).toBeNull();
    await overrides.set("retyped", "plan", "t1", { seats: 9 });
    expect((await config.set("retyped", "plan", { seats: 4 }, { schema })).schema).toEqual(schema);
  });

  it("accepts an override exactly when the value fits the base type (property)", async () => {
    await config.set("prop", "n", 1);
    await config.set("prop", "s", "x");
    await config.set("prop", "j", { a: 1 });
    let i = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom("n", "s", "j"), fc.jsonValue({ maxDepth: 2 }), async (key, value) => {
        const tenant = `t${i++}`;
        const valid = value !== null && !JSON.stringify(value).includes("\\u0000");
        const fits =
          valid &&
          (key === "n"
            ? Number.isSafeInteger(value)
            : key === "s"
              ? typeof value === "string"
              : typeof value === "object");
        const code = await codeOf(overrides.set("prop", key, tenant, value));
        expect([key, value, code]).toEqual([key, value, fits ? "resolved" : valid ? "TYPE_MISMATCH" : "VALIDATION"]);
      }),
      { numRuns: 40 },
    );
  });

  it("get, set again (version + 1, cas), delete", async () => {
    await config.set("crud", "k", 1);
    await overrides.set("crud", "k", "acme", 2, { description: "bigger for acme", cas: 0 });
    expect(await codeOf(overrides.set("crud", "k", "acme", 3, { cas: 0 }))).toBe("CONFLICT");
    const again = await overrides.set("crud", "k", "acme", 3, { cas: 1 });
    expect(again).toMatchObject({ version: 2, value: 3, description: "bigger for acme" });
    expect((await overrides.get("crud", "k", "acme")).value).toBe(3);
    expect(await codeOf(overrides.delete("crud", "k", "acme", { cas: 1 }))).toBe("CONFLICT");
    await overrides.delete("crud", "k", "acme");
    expect(await codeOf(overrides.get("crud", "k", "acme"))).toBe("NOT_FOUND");
    expect(await codeOf(overrides.delete("crud", "k", "acme"))).toBe("NOT_FOUND");
    expect(await overrides.resolver().resolve("crud", "k", "acme")).toBe(1);
  });

  it("rejects bad input as VALIDATION", async () => {
    const before = await readRevision(t.db, "crud", "config");
    expect(await codeOf(overrides.set("crud", "k", "", 1))).toBe("VALIDATION");
    expect(await codeOf(overrides.set("Bad", "k", "acme", 1))).toBe("VALIDATION");
    expect(await codeOf(overrides.set("crud", "k", "acme", undefined))).toBe("VALIDATION");
    expect(await codeOf(overrides.set("crud", "k", "acme", 1, { extra: 1 } as never))).toBe("VALIDATION");
    expect(await codeOf(overrides.resolver().resolve("crud", "k", ""))).toBe("VALIDATION");
    expect(await readRevision(t.db, "crud", "config")).toBe(before);
  });

  it("lists by tenant (key order, prefix, pages) and by key (tenant order)", async () => {
    for (const key of ["b", "a", "c/x", "c/y"]) await overrides.set("lists", key, "acme", key);
    for (const tenant of ["zeta", "alpha", "Mid"]) await overrides.set("lists", "a", tenant, tenant);
    const keys: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await overrides.listByTenant("lists", "acme", { limit: 3, cursor });
      keys.push(...page.items.map((o) => o.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(keys).toEqual(["a", "b", "c/x", "c/y"]);
    expect((await overrides.listByTenant("lists", "acme", { prefix: "c/" })).items.map((o) => o.key)).toEqual([
      "c/x",
      "c/y",
    ]);
    const tenants: string[] = [];
    cursor = undefined;
    do {
      const page = await overrides.listByKey("lists", "a", { limit: 1, cursor });
      tenants.push(...page.items.map((o) => o.tenantId));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(tenants).toEqual(["Mid", "acme", "alpha", "zeta"]);
  });

  it("resolveAll returns the merged map for a tenant", async () => {
    await config.set("merge", "a", 1);
    await config.set("merge", "b", "two");
    await config.set("merge", "c", { three: 3 });
    await overrides.set("merge", "b", "acme", "TWO");
    await overrides.set("merge", "d", "acme", true);
    const resolver = overrides.resolver();
    expect(await resolver.resolveAll("merge", "acme")).toEqual({ a: 1, b: "TWO", c: { three: 3 }, d: true });
    expect(await resolver.resolveAll("merge", "globex")).toEqual({ a: 1, b: "two", c: { three: 3 } });
    expect(await resolver.resolveAll("merge")).toEqual({ a: 1, b: "two", c: { three: 3 } });
    const all = await resolver.resolveAll("merge", "acme");
    expect(Object.isFrozen(all)).toBe(true);
    expect(await resolver.resolveAll("merge", "acme")).toBe(all);
  });

  it("invalidates resolver caches at once on every config and override write in this process", async () => {
    const resolver = overrides.resolver();
    await config.set("inv", "k", 10);
    expect(await resolver.resolve("inv", "k", "acme")).toBe(10);
    await overrides.set("inv", "k", "acme", 50);
    expect(await resolver.resolve("inv", "k", "acme")).toBe(50);
    await config.set("inv", "k", 11);
    expect(await resolver.resolve("inv", "k", "globex")).toBe(11);
    expect(await resolver.resolveAll("inv", "globex")).toEqual({ k: 11 });
    await overrides.delete("inv", "k", "acme");
    expect(await resolver.resolve("inv", "k", "acme")).toBe(11);
    await config.rollback("inv", "k", 1);
    expect(await resolver.resolve("inv", "k", "acme")).toBe(10);
    await config.delete("inv", "k");
    expect(await resolver.resolve("inv", "k", "acme")).toBeUndefined();
    expect(await resolver.int("inv", "k", -1, "acme")).toBe(-1);
  });

  it("typed accessors on the resolver: the tenant's value, else the default on missing or wrong type", async () => {
    const resolver = overrides.resolver();
    await config.set("acc", "timeout", "30s", { valueType: "duration" });
    await overrides.set("acc", "timeout", "acme", "1m30s");
    await config.set("acc", "name", "base");
    expect(await resolver.duration("acc", "timeout", 0, "acme")).toBe(90_000);
    expect(await resolver.duration("acc", "timeout", 0)).toBe(30_000);
    expect(await resolver.int("acc", "name", 7, "acme")).toBe(7);
    expect(await resolver.bool("acc", "missing", true, "acme")).toBe(true);
    expect(await resolver.float("acc", "name", 1.5)).toBe(1.5);
    expect(await resolver.json("acc", "name", { d: 1 })).toEqual({ d: 1 });
    expect(await resolver.string("NOT VALID", "name", "d")).toBe("d");
  });

  it("audits override.set and override.deleted with key, tenant and version", async () => {
    audit.events.length = 0;
    await overrides.set("aud", "k", "acme", 1);
    await overrides.set("aud", "k", "acme", 2);
    await overrides.delete("aud", "k", "acme");
    expect(audit.events.map((e) => [e.action, e.resource, e.key, e.tenantId, e.metadata?.version])).toEqual([
      ["override.set", "override", "k", "acme", 1],
      ["override.set", "override", "k", "acme", 2],
      ["override.deleted", "override", "k", "acme", 2],
    ]);
    audit.failNext = 1;
    await expect(overrides.set("aud", "k", "acme", 3)).rejects.toThrow(/audit/);
    expect(await codeOf(overrides.get("aud", "k", "acme"))).toBe("NOT_FOUND");
  });
});
