import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  appLayer,
  asBool,
  asDuration,
  asFloat,
  asInt,
  asJson,
  asString,
  type ConfigSnapshot,
  type ConfigValue,
  compileConfigSnapshot,
  lookupConfigValue,
  mergeConfigValues,
  resolveConfigValue,
  tenantLayer,
} from "../src/index";

const entry = (value: unknown, version = 1): ConfigValue => ({ value, valueType: "int", version });

describe("resolveConfigValue (the rule)", () => {
  it("the tenant's override, else the app's entry, else nothing; version and type from whichever won", () => {
    expect(resolveConfigValue(entry(10, 3), undefined)).toEqual({
      value: 10,
      valueType: "int",
      version: 3,
      source: "app",
    });
    expect(resolveConfigValue(entry(10, 3), entry(50, 1))).toEqual({
      value: 50,
      valueType: "int",
      version: 1,
      source: "override",
    });
    // An override of a key the app has no entry for still resolves.
    expect(resolveConfigValue(undefined, entry(50, 2))).toEqual({
      value: 50,
      valueType: "int",
      version: 2,
      source: "override",
    });
    expect(resolveConfigValue(undefined, undefined)).toBeUndefined();
    expect(Object.isFrozen(resolveConfigValue(entry(1), undefined))).toBe(true);
  });

  it("layers deep-freeze their values and merge into one frozen object, the tenant's keys winning", () => {
    const app = appLayer([
      ["a", { value: { nested: [1] }, valueType: "json", version: 1 }],
      ["b", entry(2)],
    ]);
    const tenant = tenantLayer([
      ["b", entry(20, 4)],
      ["c", entry(30)],
    ]);
    const a = lookupConfigValue(app, tenant, "a")?.value as { nested: number[] };
    expect(Object.isFrozen(a) && Object.isFrozen(a.nested)).toBe(true);
    expect(lookupConfigValue(app, tenant, "b")).toMatchObject({ value: 20, version: 4, source: "override" });
    expect(lookupConfigValue(app, undefined, "b")).toMatchObject({ value: 2, source: "app" });
    const merged = mergeConfigValues(app, tenant);
    expect(merged).toEqual({ a: { nested: [1] }, b: 20, c: 30 });
    expect(Object.isFrozen(merged)).toBe(true);
    expect(mergeConfigValues(app, undefined)).toEqual({ a: { nested: [1] }, b: 2 });
  });

  it("a key named __proto__ is a key, not a prototype", () => {
    const merged = mergeConfigValues(appLayer([["__proto__", entry(1)]]), tenantLayer([["__proto__", entry(2)]]));
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.keys(merged)).toEqual(["__proto__"]);
    expect(Object.getOwnPropertyDescriptor(merged, "__proto__")?.value).toBe(2);
  });
});

describe("typed accessors", () => {
  it("the value when it has the shape, else the default; never a throw", () => {
    expect(asString("x", "d")).toBe("x");
    expect(asString(1, "d")).toBe("d");
    expect(asBool(false, true)).toBe(false);
    expect(asBool("false", true)).toBe(true);
    expect(asInt(99, 1)).toBe(99);
    expect(asInt(99.5, 1)).toBe(1);
    expect(asInt(2 ** 53, 1)).toBe(1);
    expect(asFloat(99.5, 1)).toBe(99.5);
    expect(asFloat(Number.NaN, 1)).toBe(1);
    expect(asFloat("2", 1)).toBe(1);
    expect(asDuration("1m30s", 5)).toBe(90_000);
    expect(asDuration(250, 5)).toBe(250);
    expect(asDuration("soon", 5)).toBe(5);
    expect(asJson({ a: 1 }, null)).toEqual({ a: 1 });
    expect(asJson([1], null)).toEqual([1]);
    expect(asJson("{}", null)).toBeNull();
    for (const read of [asString, asBool, asInt, asFloat, asDuration, asJson] as ((
      v: unknown,
      d: unknown,
    ) => unknown)[]) {
      expect(read(undefined, "default")).toBe("default");
    }
  });
});

// Values of each type, as the server would store them.
const storedValue = fc.oneof(
  fc.record({ valueType: fc.constant("string" as const), value: fc.string().filter((s) => !s.includes("\u0000")) }),
  fc.record({ valueType: fc.constant("bool" as const), value: fc.boolean() }),
  fc.record({ valueType: fc.constant("int" as const), value: fc.integer() }),
  // -0 is not JSON (it is written as 0): a snapshot's copy holds 0, as the database does.
  fc.record({
    valueType: fc.constant("float" as const),
    value: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  }),
  fc.record({ valueType: fc.constant("duration" as const), value: fc.constantFrom("1m30s", "500ms", "0", 250) }),
  fc.record({ valueType: fc.constant("json" as const), value: fc.array(fc.integer(), { maxLength: 3 }) }),
);
const keyArb = fc.constantFrom("a", "b", "c", "d");
const tenantArb = fc.constantFrom("acme", "globex", "initech");

const snapshotArb: fc.Arbitrary<ConfigSnapshot> = fc.record({
  revision: fc.nat(),
  appId: fc.constant("app"),
  entries: fc.uniqueArray(
    fc.tuple(keyArb, storedValue, fc.integer({ min: 1, max: 9 })).map(([key, v, version]) => ({ key, ...v, version })),
    { selector: (e) => e.key },
  ),
  overrides: fc.uniqueArray(
    fc
      .tuple(keyArb, tenantArb, storedValue, fc.integer({ min: 1, max: 9 }))
      .map(([key, tenantId, v, version]) => ({ key, tenantId, ...v, version })),
    { selector: (o) => `${o.tenantId}/${o.key}` },
  ),
});

describe("compileConfigSnapshot", () => {
  it("resolves every key for every tenant exactly as resolveConfigValue does (property)", () => {
    fc.assert(
      fc.property(snapshotArb, (snapshot) => {
        const config = compileConfigSnapshot(snapshot);
        expect(config.problems).toEqual([]);
        for (const tenantId of [undefined, null, "acme", "globex", "initech", "nobody"]) {
          const expectedAll: Record<string, unknown> = {};
          for (const key of ["a", "b", "c", "d", "missing"]) {
            const found = snapshot.entries.find((e) => e.key === key);
            const override = snapshot.overrides.find((o) => o.key === key && o.tenantId === tenantId);
            const expected = resolveConfigValue(found, override);
            expect(config.get(key, tenantId)).toEqual(expected);
            if (expected) expectedAll[key] = expected.value;
            const value = expected?.value;
            expect(config.string(key, "d", tenantId)).toBe(asString(value, "d"));
            expect(config.bool(key, true, tenantId)).toBe(asBool(value, true));
            expect(config.int(key, -1, tenantId)).toBe(asInt(value, -1));
            expect(config.float(key, -1, tenantId)).toBe(asFloat(value, -1));
            expect(config.duration(key, -1, tenantId)).toBe(asDuration(value, -1));
            expect(config.json(key, null, tenantId)).toEqual(asJson(value, null));
          }
          expect(config.resolveAll(tenantId)).toEqual(expectedAll);
          expect(config.resolveAll(tenantId)).toBe(config.resolveAll(tenantId));
        }
      }),
    );
  });

  it("the README's case: an override for acme, the app value for everyone else", () => {
    const config = compileConfigSnapshot({
      revision: 12,
      appId: "billing",
      entries: [{ key: "limits/max-items", value: 10, valueType: "int", version: 3 }],
      overrides: [{ key: "limits/max-items", tenantId: "acme", value: 50, valueType: "int", version: 1 }],
    });
    expect(config.revision).toBe(12);
    expect(config.appId).toBe("billing");
    expect(config.get("limits/max-items", "acme")).toEqual({
      value: 50,
      valueType: "int",
      version: 1,
      source: "override",
    });
    expect(config.int("limits/max-items", 1, "globex")).toBe(10);
    expect(config.int("limits/max-items", 1)).toBe(10);
    expect(config.string("limits/max-items", "none", "acme")).toBe("none");
    expect(config.get("missing")).toBeUndefined();
  });

  it("copies the snapshot and freezes what it hands out", () => {
    const snapshot = {
      revision: 1,
      appId: "app",
      entries: [{ key: "list", value: [1, 2], valueType: "json" as const, version: 1 }],
      overrides: [],
    };
    const config = compileConfigSnapshot(snapshot);
    snapshot.entries[0]!.value.push(3);
    const list = config.json<number[]>("list", []);
    expect(list).toEqual([1, 2]);
    expect(Object.isFrozen(list)).toBe(true);
    expect(Object.isFrozen(config.get("list"))).toBe(true);
    expect(Object.isFrozen(snapshot.entries[0]!.value)).toBe(false);
  });

  it("leaves out what does not check out, says why, and reads the rest", () => {
    const config = compileConfigSnapshot({
      revision: 1,
      appId: "app",
      entries: [
        { key: "ok", value: 1, valueType: "int", version: 1 },
        { key: "wrong-type", value: "abc", valueType: "int", version: 1 },
        { key: "bad-type", value: 1, valueType: "number", version: 1 },
        { key: "bad-version", value: 1, valueType: "int", version: 0 },
        { key: "not-json", value: null, valueType: "json", version: 1 },
        { key: "twice", value: 1, valueType: "int", version: 1 },
        { key: "twice", value: 2, valueType: "int", version: 2 },
        { value: 1, valueType: "int", version: 1 },
        "junk",
      ],
      overrides: [
        { key: "ok", tenantId: "acme", value: 5, valueType: "int", version: 1 },
        { key: "ok", tenantId: "globex", value: 6, valueType: "int", version: 1 },
        { key: "ok", tenantId: "globex", value: 7, valueType: "int", version: 2 },
        { key: "ok", tenantId: "initech", value: "x", valueType: "duration", version: 1 },
        { key: "ok", value: 5, valueType: "int", version: 1 },
      ],
    });
    expect(config.get("ok")?.value).toBe(1);
    expect(config.get("ok", "acme")?.value).toBe(5);
    // Two overrides for one tenant: neither is a safe guess, so the tenant gets the app value.
    expect(config.get("ok", "globex")?.value).toBe(1);
    expect(config.get("ok", "initech")?.value).toBe(1);
    for (const key of ["wrong-type", "bad-type", "bad-version", "not-json", "twice"]) {
      expect(config.get(key), key).toBeUndefined();
    }
    expect(config.int("twice", -1)).toBe(-1);
    expect(config.problems).toEqual([
      { key: "wrong-type", message: "value must be int, got string" },
      { key: "bad-type", message: "valueType must be one of string, bool, int, float, duration, json" },
      { key: "bad-version", message: "version must be a positive integer" },
      { key: "not-json", message: "value must be a JSON string, number, boolean, object or array" },
      { key: "", message: "an entry without a key was left out" },
      { key: "", message: "an entry without a key was left out" },
      { key: "twice", message: "the key has more than one entry; all were left out" },
      { key: "ok", tenantId: "initech", message: "value must be duration, got string (not a duration)" },
      { key: "ok", message: "an override without a key and a tenant id was left out" },
      { key: "ok", tenantId: "globex", message: "the tenant has more than one override of the key; all were left out" },
    ]);
  });

  it("never throws, whatever it is given, and its reads never throw (property)", () => {
    const shaped = fc.record({
      revision: fc.anything(),
      appId: fc.anything(),
      entries: fc.oneof(
        fc.anything(),
        fc.array(fc.record({ key: keyArb, value: fc.anything(), valueType: fc.anything(), version: fc.anything() })),
      ),
      overrides: fc.oneof(
        fc.anything(),
        fc.array(
          fc.record({
            key: fc.anything(),
            tenantId: fc.anything(),
            value: fc.jsonValue(),
            valueType: fc.constantFrom("int", "json", "string"),
            version: fc.anything(),
          }),
        ),
      ),
    });
    fc.assert(
      fc.property(fc.oneof(fc.anything(), shaped), fc.anything(), fc.anything(), (snapshot, key, tenantId) => {
        const config = compileConfigSnapshot(snapshot);
        config.get(key as string, tenantId as string);
        config.resolveAll(tenantId as string);
        expect(typeof config.string(key as string, "d", tenantId as string)).toBe("string");
        expect(typeof config.int("a", 0, tenantId as string)).toBe("number");
        expect(Number.isSafeInteger(config.int("a", 0))).toBe(true);
        expect(Object.isFrozen(config.resolveAll())).toBe(true);
      }),
    );
  });
});
