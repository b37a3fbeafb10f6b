import { isVaultError, ManualClock } from "@vault/core";
import { configChanges, MemoryAuditSink, queryRows, readRevision } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CHANGE_LOG_RETENTION, type ConfigChange, ConfigService } from "../src/index";

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
  return "resolved";
}

describe(`config service (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let config: ConfigService;
  const audit = new MemoryAuditSink();
  const clock = new ManualClock("2026-03-01T00:00:00Z");

  beforeAll(async () => {
    t = await createTestDatabase({ changePollMs: 50 });
    config = new ConfigService({ db: t.db, audit, clock });
  });
  afterAll(async () => {
    await config.close();
    await t.close();
  });

  it("increases the version by one per set and keeps every version", async () => {
    const a = await config.set("app", "limit", 1, { description: "max items" });
    expect(a).toMatchObject({ appId: "app", key: "limit", value: 1, valueType: "int", version: 1 });
    expect(a.id).toMatch(/^cfg_/);
    clock.advance(1000);
    const b = await config.set("app", "limit", 2);
    const c = await config.set("app", "limit", 3);
    expect([b.version, c.version]).toEqual([2, 3]);
    expect(c.description).toBe("max items");
    expect(c.createdAt).toEqual(a.createdAt);
    expect(c.updatedAt.getTime()).toBe(a.createdAt.getTime() + 1000);
    const versions = await config.versions("app", "limit");
    expect(versions.items.map((v) => [v.version, v.value])).toEqual([
      [3, 3],
      [2, 2],
      [1, 1],
    ]);
    expect(versions.items[0]!.id).toMatch(/^cfgver_/);
    expect((await config.get("app", "limit")).value).toBe(3);
  });

  it("infers string, bool, int, float and json, and stores each value exactly", async () => {
    const cases: Array<[string, unknown, string]> = [
      ["t/string", "hello", "string"],
      ["t/bool", true, "bool"],
      ["t/int", 3, "int"],
      ["t/float", 3.14, "float"],
      ["t/object", { a: [1, { b: null }] }, "json"],
      ["t/array", [1, "two"], "json"],
      ["t/json-string", '{"looks":"like json"}', "string"],
    ];
    for (const [key, value, type] of cases) {
      const entry = await config.set("infer", key, value);
      expect([key, entry.valueType]).toEqual([key, type]);
      expect((await config.get("infer", key)).value).toEqual(value);
    }
  });

  it("enforces the type on every later write: an int entry then 'abc' is TYPE_MISMATCH naming both types", async () => {
    await config.set("types", "limit", 10);
    try {
      await config.set("types", "limit", "abc");
      expect.unreachable();
    } catch (error) {
      expect(isVaultError(error, "TYPE_MISMATCH")).toBe(true);
      expect((error as Error).message).toContain("int");
      expect((error as Error).message).toContain("string");
      expect((error as { details: unknown }).details).toMatchObject({
        expected: "int",
        actual: "string",
        key: "limit",
      });
    }
    expect(await codeOf(config.set("types", "limit", 1.5))).toBe("TYPE_MISMATCH");
    expect(await codeOf(config.set("types", "limit", 5, { valueType: "float" }))).toBe("TYPE_MISMATCH");
    expect((await config.get("types", "limit")).version).toBe(1);
    // A float entry takes integral numbers too.
    await config.set("types", "ratio", 0.5);
    expect((await config.set("types", "ratio", 1)).version).toBe(2);
  });

  it("keeps a written value's type whatever the value (property)", async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.jsonValue({ maxDepth: 3 }), fc.jsonValue({ maxDepth: 3 }), async (first, second) => {
        const key = `prop/${n++}`;
        const invalid = (v: unknown) => v === null || JSON.stringify(v).includes("\\u0000");
        if (invalid(first)) {
          expect(await codeOf(config.set("prop", key, first))).toBe("VALIDATION");
          return;
        }
        const entry = await config.set("prop", key, first);
        // Stored as JSON: the value comes back as JSON would carry it (-0 becomes 0).
        expect((await config.get("prop", key)).value).toEqual(JSON.parse(JSON.stringify(first)));
        const code = await codeOf(config.set("prop", key, second));
        const sameKind =
          !invalid(second) &&
          (typeof second === typeof first || (entry.valueType === "float" && typeof second === "number")) &&
          (entry.valueType !== "int" || Number.isSafeInteger(second)) &&
          (entry.valueType !== "json" || (typeof second === "object" && second !== null));
        expect(code).toBe(sameKind ? "resolved" : invalid(second) ? "VALIDATION" : "TYPE_MISMATCH");
      }),
      { numRuns: 40 },
    );
  });

  it("takes duration only when asked, and validates it", async () => {
    const d = await config.set("dur", "timeout", "1m30s", { valueType: "duration" });
    expect(d.valueType).toBe("duration");
    expect((await config.set("dur", "timeout", 500)).version).toBe(2);
    expect(await codeOf(config.set("dur", "timeout", "soon"))).toBe("TYPE_MISMATCH");
    expect((await config.set("dur", "plain", "1m30s")).valueType).toBe("string");
    expect(await codeOf(config.set("dur", "bad", "abc", { valueType: "duration" }))).toBe("TYPE_MISMATCH");
  });

  it("rejects bad input as VALIDATION without writing anything", async () => {
    const before = await readRevision(t.db, "bad", "config");
    expect(await codeOf(config.set("Bad App", "k", 1))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "", 1))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", null))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", undefined))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", 1, { cas: -1 }))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", 1, { valueType: "number" as never }))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", 1, { bogus: true } as never))).toBe("VALIDATION");
    expect(await codeOf(config.set("bad", "k", 1, { schema: { type: "object" } }))).toBe("VALIDATION");
    expect(await codeOf(config.get("bad", "k"))).toBe("NOT_FOUND");
    expect(await readRevision(t.db, "bad", "config")).toBe(before);
  });

  it("validates json values against a JSON schema on every write, and the schema itself", async () => {
    const schema = { type: "object", properties: { max: { type: "integer", minimum: 1 } }, required: ["max"] };
    await config.set("js", "limits", { max: 5 }, { schema });
    expect(await codeOf(config.set("js", "limits", { max: 0 }))).toBe("VALIDATION");
    expect(await codeOf(config.set("js", "limits", { other: 1 }))).toBe("VALIDATION");
    expect((await config.set("js", "limits", { max: 9 })).version).toBe(2);
    expect(await codeOf(config.set("js", "bad-schema", { a: 1 }, { schema: { type: "objekt" } }))).toBe("VALIDATION");
    expect(await codeOf(config.set("js", "typo-schema", { a: 1 }, { schema: { requierd: ["a"] } }))).toBe("VALIDATION");
    expect(await codeOf(config.set("js", "limits", { max: 9 }, { schema: { type: "array" } }))).toBe("VALIDATION");
    // Removing the schema lifts the check.
    await config.set("js", "limits", { anything: true }, { schema: null });
    expect((await config.get("js", "limits")).schema).toBeNull();
    // The failure message says what is wrong.
    await config.set("js", "ports", [80], { schema: { type: "array", items: { type: "integer" } } });
    await expect(config.set("js", "ports", ["eighty"])).rejects.toThrow(/\/0 must be integer/);
  });

  it("keeps apps' JSON schemas apart: the same $id in two apps, and no $ref into another app's schema", async () => {
    const owned = { $id: "https://example.test/limits", type: "object", required: ["x"] };
    await config.set("app-a", "shape", { x: 1 }, { schema: owned });
    // Same $id, different schema, another app: accepted, and checked against its own schema only.
    await config.set("app-b", "shape", { y: 1 }, { schema: { $id: "https://example.test/limits", type: "object" } });
    // A reference to app A's schema resolves to nothing in app B.
    expect(
      await codeOf(config.set("app-b", "probe", { y: 1 }, { schema: { $ref: "https://example.test/limits" } })),
    ).toBe("VALIDATION");
  });

  it("checks patterns in linear time: a pattern that backtracks catastrophically in JavaScript answers at once", async () => {
    // With JavaScript's RegExp, ^(a+)+$ against 40 a's and a "!" takes minutes. RE2 answers in microseconds, so a
    // check never needs a wall-clock limit, and the verdict does not depend on how loaded the machine is.
    const schema = { type: "object", properties: { name: { type: "string", pattern: "^(a+)+$" } } };
    await config.set("redos", "p", { name: "aaa" }, { schema });
    const refused = await config
      .set("redos", "p", { name: `${"a".repeat(100_000)}!` })
      .catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "VALIDATION", details: { field: "value" } });
    expect((refused as Error).message).toMatch(/does not match its JSON schema: \/name must match pattern/);
    expect((await config.get("redos", "p")).value).toEqual({ name: "aaa" });
    expect((await config.set("redos", "p", { name: "a".repeat(100_000) })).version).toBe(2);
  });

  it("refuses, when written, a pattern the linear-time engine cannot run (backreferences, lookaround)", async () => {
    for (const pattern of ["(a)\\1", "(?<=a)b", "a(?!b)"]) {
      const schema = { type: "object", properties: { name: { type: "string", pattern } } };
      const refused = await config
        .set("redos", `bad-${pattern.length}`, { name: "a" }, { schema })
        .catch((e: unknown) => e);
      expect(refused, pattern).toMatchObject({ code: "VALIDATION", details: { field: "schema" } });
    }
  });

  it("check-and-set: cas 0 creates only, cas n updates only version n", async () => {
    await config.set("cas", "k", "a", { cas: 0 });
    expect(await codeOf(config.set("cas", "k", "b", { cas: 0 }))).toBe("CONFLICT");
    expect(await codeOf(config.set("cas", "k", "b", { cas: 2 }))).toBe("CONFLICT");
    expect((await config.set("cas", "k", "b", { cas: 1 })).version).toBe(2);
    expect(await codeOf(config.delete("cas", "k", { cas: 1 }))).toBe("CONFLICT");
  });

  it("rollback(1) after three versions creates version 4 with version 1's value", async () => {
    await config.set("rb", "mode", "one");
    await config.set("rb", "mode", "two");
    await config.set("rb", "mode", "three");
    const rolled = await config.rollback("rb", "mode", 1);
    expect(rolled).toMatchObject({ version: 4, value: "one" });
    expect((await config.get("rb", "mode")).value).toBe("one");
    const versions = await config.versions("rb", "mode");
    expect(versions.items[0]).toMatchObject({ version: 4, value: "one", rolledBackFrom: 1 });
    expect(await codeOf(config.rollback("rb", "mode", 9))).toBe("NOT_FOUND");
    expect(await codeOf(config.rollback("rb", "missing", 1))).toBe("NOT_FOUND");
    expect(await codeOf(config.rollback("rb", "mode", 0))).toBe("VALIDATION");
  });

  it("deletes an entry with its versions; a later set starts over with a fresh type", async () => {
    await config.set("del", "k", 1);
    await config.set("del", "k", 2);
    await config.delete("del", "k");
    expect(await codeOf(config.get("del", "k"))).toBe("NOT_FOUND");
    expect(await codeOf(config.versions("del", "k"))).toBe("NOT_FOUND");
    expect(await codeOf(config.delete("del", "k"))).toBe("NOT_FOUND");
    const again = await config.set("del", "k", "now a string");
    expect(again).toMatchObject({ version: 1, valueType: "string" });
  });

  it("lists in key order with a prefix and cursor pages", async () => {
    const keys = ["svc/b", "svc/a", "svc/c_d", "svc/c.d", "svcx", "other", "svc/Z"];
    for (const key of keys) await config.set("list", key, key);
    const all: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await config.list("list", { prefix: "svc/", limit: 2, cursor });
      all.push(...page.items.map((e) => e.key));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(all).toEqual(["svc/Z", "svc/a", "svc/b", "svc/c.d", "svc/c_d"]);
    expect((await config.list("list", { prefix: "svc/c_" })).items.map((e) => e.key)).toEqual(["svc/c_d"]);
    expect((await config.list("list")).items).toHaveLength(keys.length);
    expect(await codeOf(config.list("list", { cursor: "garbage" }))).toBe("VALIDATION");
  });

  it("gives concurrent writers of one key strictly increasing versions, none lost", async () => {
    const other = await t.connectAgain();
    const second = new ConfigService({ db: other.db, changes: other.changes, clock });
    const writes = Array.from({ length: 12 }, (_, i) => (i % 2 ? config : second).set("race", "counter", i));
    const results = await Promise.all(writes);
    expect(results.map((r) => r.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const versions = await config.versions("race", "counter", { limit: 100 });
    expect(versions.items.map((v) => v.version)).toEqual(Array.from({ length: 12 }, (_, i) => 12 - i));
    await second.close();
  });

  it("audits every mutation inside its transaction, and rolls back when the audit write fails", async () => {
    audit.events.length = 0;
    await config.set("aud", "k", 1);
    await config.set("aud", "k", 2);
    await config.rollback("aud", "k", 1);
    await config.delete("aud", "k");
    expect(audit.events.map((e) => [e.action, e.resource, e.key, e.metadata?.version])).toEqual([
      ["config.set", "config", "k", 1],
      ["config.set", "config", "k", 2],
      ["config.rolled_back", "config", "k", 3],
      ["config.deleted", "config", "k", 3],
    ]);
    // Values stay out of the audit trail and out of error messages.
    const canary = "canary-7f3a9c";
    await config.set("aud", "canary", canary);
    const mismatch = await config.set("aud", "canary", 5).catch((error: Error) => error);
    expect(JSON.stringify(audit.events)).not.toContain(canary);
    expect(String((mismatch as Error).message)).not.toContain(canary);
    const revision = await readRevision(t.db, "aud", "config");
    audit.failNext = 1;
    await expect(config.set("aud", "k", 1)).rejects.toThrow(/audit/);
    expect(await codeOf(config.get("aud", "k"))).toBe("NOT_FOUND");
    expect(await readRevision(t.db, "aud", "config")).toBe(revision);
  });

  it("typed accessors return the value, or the caller's default on a missing key or wrong type", async () => {
    await config.set("acc", "name", "vault");
    await config.set("acc", "on", true);
    await config.set("acc", "count", 7);
    await config.set("acc", "ratio", 0.25);
    await config.set("acc", "obj", { a: 1 });
    await config.set("acc", "wait", "1m30s", { valueType: "duration" });
    expect(await config.string("acc", "name", "d")).toBe("vault");
    expect(await config.bool("acc", "on", false)).toBe(true);
    expect(await config.int("acc", "count", 0)).toBe(7);
    expect(await config.float("acc", "ratio", 0)).toBe(0.25);
    expect(await config.float("acc", "count", 0)).toBe(7);
    expect(await config.json("acc", "obj", {})).toEqual({ a: 1 });
    expect(await config.duration("acc", "wait", 1)).toBe(90_000);
    // Wrong type or missing: the default.
    expect(await config.int("acc", "name", 42)).toBe(42);
    expect(await config.int("acc", "ratio", 42)).toBe(42);
    expect(await config.bool("acc", "count", false)).toBe(false);
    expect(await config.string("acc", "count", "d")).toBe("d");
    expect(await config.json("acc", "name", { d: 1 })).toEqual({ d: 1 });
    expect(await config.string("acc", "missing", "d")).toBe("d");
    expect(await config.int("Not An App", "count", 5)).toBe(5);
    // Cached values are frozen: a caller cannot change what others read.
    const obj = await config.json<{ a: number }>("acc", "obj", { a: 0 });
    expect(() => {
      obj.a = 2;
    }).toThrow();
  });

  it("duration accessor reads the table above and gives the default for 'abc'", async () => {
    const table: Array<[unknown, number]> = [
      ["1m30s", 90_000],
      ["500ms", 500],
      ["2h", 7_200_000],
      ["1h30m", 5_400_000],
      [1500, 1500],
      ["abc", -1],
    ];
    for (const [i, [value]] of table.entries()) await config.set("durs", `d${i}`, value);
    for (const [i, [, expected]] of table.entries()) expect(await config.duration("durs", `d${i}`, -1)).toBe(expected);
  });

  it("getAs validates with a zod schema: the parsed value, NOT_FOUND or TYPE_MISMATCH", async () => {
    await config.set("zod", "limits", { max: 5, name: "x" });
    const limits = await config.getAs("zod", "limits", z.object({ max: z.number().int(), name: z.string() }));
    expect(limits.max).toBe(5);
    expect(await codeOf(config.getAs("zod", "limits", z.object({ max: z.string() })))).toBe("TYPE_MISMATCH");
    expect(await codeOf(config.getAs("zod", "nope", z.string()))).toBe("NOT_FOUND");
  });

  it("invalidates the accessor cache on every write in this process at once", async () => {
    await config.set("inv", "n", 1);
    expect(await config.int("inv", "n", 0)).toBe(1);
    await config.set("inv", "n", 2);
    expect(await config.int("inv", "n", 0)).toBe(2);
    await config.rollback("inv", "n", 1);
    expect(await config.int("inv", "n", 0)).toBe(1);
    await config.delete("inv", "n");
    expect(await config.int("inv", "n", 0)).toBe(0);
  });

  it("logs which key changed per revision and prunes the log beyond the retention", async () => {
    const seen: ConfigChange[] = [];
    const stop = config.watch("log", "*", (c) => {
      seen.push(c);
    });
    await config.set("log", "a", 1);
    await config.delete("log", "a");
    const rows = await queryRows<{ revision: string | number; key: string; kind: string }>(
      t.db,
      sql`select revision, key, kind from ${configChanges} where app_id = 'log' order by revision`,
    );
    expect(rows.map((r) => [Number(r.revision), r.key, r.kind])).toEqual([
      [1, "a", "set"],
      [2, "a", "deleted"],
    ]);
    expect(seen.map((c) => [c.revision, c.kind])).toEqual([
      [1, "set"],
      [2, "deleted"],
    ]);
    stop();
    // Jump the revision close to the retention limit, then write: old rows go.
    await queryRows(t.db, sql`update vault_revisions set revision = ${CHANGE_LOG_RETENTION + 5} where app_id = 'log'`);
    await config.set("log", "b", 1);
    const left = await queryRows<{ revision: string | number }>(
      t.db,
      sql`select revision from ${configChanges} where app_id = 'log' order by revision`,
    );
    expect(left.map((r) => Number(r.revision))).toEqual([CHANGE_LOG_RETENTION + 6]);
  });
});
