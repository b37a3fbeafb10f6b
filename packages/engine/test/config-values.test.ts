import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkConfigValue, conformsTo, inferValueType, parseDuration } from "../src/index";

describe("config value types", () => {
  it("infers string, bool, int, float and json", () => {
    expect(inferValueType("hello")).toBe("string");
    expect(inferValueType(true)).toBe("bool");
    expect(inferValueType(3)).toBe("int");
    expect(inferValueType(3.14)).toBe("float");
    expect(inferValueType({ a: 1 })).toBe("json");
    expect(inferValueType([1, 2])).toBe("json");
    expect(inferValueType(null)).toBeUndefined();
    expect(inferValueType(Number.NaN)).toBeUndefined();
    expect(inferValueType(undefined)).toBeUndefined();
    expect(inferValueType(new Date())).toBeUndefined();
  });

  it("infers a type every value conforms to, and only that scalar type (property)", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const type = inferValueType(value);
        if (value === null) {
          expect(type).toBeUndefined();
          return;
        }
        expect(type).toBeDefined();
        expect(conformsTo(type!, value)).toBe(true);
        // A value of one inferred type never passes as another, except int → float (a widening).
        for (const other of ["string", "bool", "int", "json"] as const) {
          if (other !== type) expect(conformsTo(other, value)).toBe(false);
        }
      }),
    );
  });

  it("int is integral numbers only; float takes any finite number (property)", () => {
    fc.assert(
      fc.property(fc.double(), (n) => {
        expect(conformsTo("int", n)).toBe(Number.isSafeInteger(n));
        expect(conformsTo("float", n)).toBe(Number.isFinite(n));
        if (Number.isSafeInteger(n)) expect(inferValueType(n)).toBe("int");
      }),
    );
  });

  it("checkConfigValue: the stored type, or not_json / type_mismatch naming both types, never a throw", () => {
    expect(checkConfigValue(3, undefined)).toEqual({ ok: true, valueType: "int" });
    expect(checkConfigValue(3, "float")).toEqual({ ok: true, valueType: "float" });
    expect(checkConfigValue("1m", "duration")).toEqual({ ok: true, valueType: "duration" });
    for (const bad of [undefined, null, Number.NaN, () => 1, { d: new Date() }, 10n, "a\u0000b", { "k\u0000": 1 }]) {
      expect(checkConfigValue(bad, undefined)).toEqual({ ok: false, problem: "not_json" });
    }
    expect(checkConfigValue("abc", "int")).toEqual({
      ok: false,
      problem: "type_mismatch",
      expected: "int",
      actual: "string",
    });
    expect(checkConfigValue("soon", "duration")).toEqual({
      ok: false,
      problem: "type_mismatch",
      expected: "duration",
      actual: "string (not a duration)",
    });
  });
});

describe("durations (pure)", () => {
  it("reads the documented forms", () => {
    const table: Array<[unknown, number | undefined]> = [
      ["1m30s", 90_000],
      ["500ms", 500],
      ["2h", 7_200_000],
      ["1h30m", 5_400_000],
      ["1.5s", 1500],
      ["1d", 86_400_000],
      ["0", 0],
      [250, 250],
      [0, 0],
      ["abc", undefined],
      ["", undefined],
      ["10", undefined],
      ["-5s", undefined],
      ["5 s", undefined],
      ["1h 30m", undefined],
      [-1, undefined],
      [Number.NaN, undefined],
      [true, undefined],
      [null, undefined],
    ];
    for (const [input, expected] of table) expect([input, parseDuration(input)]).toEqual([input, expected]);
  });

  it("sums any sequence of <integer><unit> parts (property)", () => {
    const unit = fc.constantFrom(["ms", 1], ["s", 1000], ["m", 60_000], ["h", 3_600_000], ["d", 86_400_000]);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000 }), unit), { minLength: 1, maxLength: 5 }),
        (parts) => {
          const text = parts.map(([n, [u]]) => `${n}${u}`).join("");
          const expected = parts.reduce((sum, [n, [, ms]]) => sum + n * (ms as number), 0);
          expect(parseDuration(text)).toBe(expected);
        },
      ),
    );
  });

  it("never throws and never returns a negative or non-finite number (property)", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.jsonValue()), (input) => {
        const ms = parseDuration(input);
        if (ms !== undefined) expect(Number.isFinite(ms) && ms >= 0).toBe(true);
      }),
    );
  });
});
