import { createHmac } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, hmacSha256, randomToken, sha256 } from "../src/index";

describe("HMAC, hashing, comparison and tokens", () => {
  it("computes HMAC-SHA256 (RFC 4231 test case 2)", () => {
    expect(hmacSha256(Buffer.from("Jefe"), "what do ya want for nothing?").toString("hex")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
    expect(sha256("abc").toString("hex")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("compares equal and different values, including different lengths", () => {
    expect(constantTimeEqual("secret", "secret")).toBe(true);
    expect(constantTimeEqual("secret", "secreT")).toBe(false);
    expect(constantTimeEqual("secret", "secret!")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(true);
    expect(constantTimeEqual(Buffer.from("a"), "")).toBe(false);
  });

  it("property: constantTimeEqual agrees with byte equality", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 40 }), (a, b) => {
        expect(constantTimeEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(constantTimeEqual(a, a.slice())).toBe(true);
      }),
    );
  });

  it("makes distinct base64url tokens with a prefix", () => {
    const token = randomToken(32, "vk_");
    expect(token).toMatch(/^vk_[A-Za-z0-9_-]{43}$/);
    expect(new Set(Array.from({ length: 100 }, () => randomToken())).size).toBe(100);
    expect(() => randomToken(8)).toThrow(RangeError);
    expect(createHmac("sha256", "k").update("x").digest()).toEqual(hmacSha256(Buffer.from("k"), "x"));
  });
});
