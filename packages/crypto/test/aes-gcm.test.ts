import { createCipheriv, randomBytes } from "node:crypto";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openBlob, openGcm, sealBlob } from "../src/aes-gcm";

const hex = (text: string) => Buffer.from(text, "hex");

// The GCM specification's Test Case 16 (McGrew & Viega): AES-256, 96-bit IV, with associated data.
const vector = {
  key: hex("feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"),
  nonce: hex("cafebabefacedbaddecaf888"),
  ad: hex("feedfacedeadbeeffeedfacedeadbeefabaddad2"),
  plaintext: hex(
    "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39",
  ),
  ciphertext: hex(
    "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662",
  ),
  tag: hex("76fc6ece0f4e1768cddf8853bb2d551b"),
};

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

describe("AES-256-GCM (node:crypto)", () => {
  it("opens the published GCM test vector and rejects it with a changed tag", () => {
    const { key, nonce, ad, plaintext, ciphertext, tag } = vector;
    expect(openGcm(key, nonce, ad, ciphertext, tag)?.equals(plaintext)).toBe(true);
    const changed = Buffer.from(tag);
    changed[15]! ^= 1;
    expect(openGcm(key, nonce, ad, ciphertext, changed)).toBeUndefined();
  });

  it("writes version byte, random nonce, ciphertext and a 16-byte tag, and opens it again", () => {
    const key = randomBytes(32);
    const ad = Buffer.from("place");
    for (const plain of [Buffer.alloc(0), Buffer.from("hunter2"), randomBytes(1024 * 1024)]) {
      const blob = sealBlob(key, ad, [plain]);
      expect(blob[0]).toBe(1);
      expect(blob.length).toBe(1 + 12 + plain.length + 16);
      expect(openBlob(key, ad, blob)?.equals(plain)).toBe(true);
    }
    // Fresh nonce each time.
    expect(sealBlob(key, ad, [Buffer.from("x")]).equals(sealBlob(key, ad, [Buffer.from("x")]))).toBe(false);
  });

  it("encrypts parts as their concatenation (byte-identical to node:crypto over the joined plaintext)", () => {
    fc.assert(
      fc.property(bytes(32, 32), bytes(0, 80), fc.array(bytes(0, 300), { maxLength: 12 }), (key, ad, parts) => {
        const blob = sealBlob(key, ad, parts);
        const nonce = blob.subarray(1, 13);
        const cipher = createCipheriv("aes-256-gcm", key, nonce);
        cipher.setAAD(ad);
        const expected = Buffer.concat([cipher.update(Buffer.concat(parts)), cipher.final(), cipher.getAuthTag()]);
        expect(blob.subarray(13).equals(expected)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it("refuses any single flipped bit in nonce, body, tag, AD or key", () => {
    fc.assert(
      fc.property(
        bytes(32, 32),
        bytes(0, 80),
        bytes(0, 300),
        fc.constantFrom("blob", "ad", "key"),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (key, ad, plain, where, position, bit) => {
          const input = { blob: sealBlob(key, ad, [plain]), ad: Buffer.from(ad), key: Buffer.from(key) };
          const target = where === "blob" ? input.blob.subarray(1) : input[where]; // byte 0 is checked by callers
          fc.pre(target.length > 0);
          target[position % target.length]! ^= 1 << bit;
          expect(openBlob(input.key, input.ad, input.blob)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses a correct tag cut short to 4, 12 or 15 bytes (node:crypto alone would accept 4 and up)", () => {
    const { key, nonce, ad, ciphertext, tag } = vector;
    for (const length of [4, 8, 12, 15]) {
      expect(openGcm(key, nonce, ad, ciphertext, tag.subarray(0, length))).toBeUndefined();
    }
    expect(openGcm(key, nonce, ad, ciphertext, tag)).toBeDefined();
  });
});
