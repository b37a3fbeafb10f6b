import { isVaultError } from "@vault/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkValue, conformsTo, inferValueType, parseDuration } from "../src/index";

describe("value types (pure)", () => {
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

  it("checkValue rejects non-JSON values as VALIDATION and wrong types as TYPE_MISMATCH naming both types", () => {
    for (const bad of [undefined, null, Number.NaN, Number.POSITIVE_INFINITY, () => 1, { d: new Date() }, 10n]) {
      expect(() => checkValue(bad, undefined, 'config "k"')).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
    try {
      checkValue("abc", "int", 'config "limit"');
      expect.unreachable();
    } catch (error) {
      expect(isVaultError(error, "TYPE_MISMATCH")).toBe(true);
      expect((error as Error).message).toBe('config "limit" expects int, got string');
    }
    expect(checkValue(3, "float", "x")).toBe("float");
    expect(checkValue("1m", "duration", "x")).toBe("duration");
    expect(() => checkValue("soon", "duration", "x")).toThrow(/expects duration, got string \(not a duration\)/);
  });

  it("rejects NUL characters, which Postgres jsonb cannot store", () => {
    expect(() => checkValue("a\u0000b", undefined, "x")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    expect(() => checkValue({ "k\u0000": 1 }, undefined, "x")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });

  it("rejects values over the size limit", () => {
    expect(() => checkValue("x".repeat(300_000), undefined, "x")).toThrow(/at most/);
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
