import { isVaultError } from "@vault/core";
import { describe, expect, it } from "vitest";
import { checkValue } from "../src/index";

// The value rules themselves are tested in @vault/engine (test/config-values.test.ts); this is the write-side wrapper.
describe("checkValue (writes)", () => {
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
    // The size is checked before the type: an oversized value of the wrong type is refused for its size.
    expect(() => checkValue("x".repeat(300_000), "int", "x")).toThrow(expect.objectContaining({ code: "VALIDATION" }));
  });
});
