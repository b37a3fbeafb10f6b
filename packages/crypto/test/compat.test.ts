import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decryptWithKey, type EnvelopeContext, Keyring, openValue } from "../src/index";

// Written once by the crypto code as it was before AES-GCM moved to node:crypto only (the native binding was in
// use). Stored data made then must open unchanged now.
interface Fixture {
  keyring: string;
  activeKekId: string;
  envelopes: {
    note: string;
    context: EnvelopeContext;
    plaintext: string;
    ciphertext: string;
    wrappedDek: string;
    kekId: string;
  }[];
  wrappedKeys: { keyId: string; dek: string; wrapped: string }[];
  raw: { key: string; blobs: { note: string; ad: string; plaintext: string; blob: string }[] };
}

const fixture: Fixture = JSON.parse(
  readFileSync(new URL("./fixtures/pre-node-crypto.json", import.meta.url), "utf8"),
) as Fixture;
const bytes = (base64: string) => Buffer.from(base64, "base64");

describe("data written by the pre-node:crypto-only code", () => {
  const keyring = Keyring.parse(fixture.keyring, "fixture keyring");

  it("covers what it claims: two KEKs, envelopes under both, the edge-case values", () => {
    expect(keyring.keyIds()).toHaveLength(2);
    expect(keyring.activeKeyId()).toBe(fixture.activeKekId);
    expect(new Set(fixture.envelopes.map((e) => e.kekId)).size).toBe(2);
    expect(fixture.envelopes.map((e) => e.note)).toEqual(
      expect.arrayContaining(["under the non-active KEK", "empty value", "multi-part value", "non-ASCII value"]),
    );
    expect(fixture.wrappedKeys.length).toBeGreaterThan(0);
    expect(fixture.raw.blobs.length).toBeGreaterThan(0);
  });

  it.each(fixture.envelopes)("opens the sealed value: $note", async (item) => {
    const opened = await openValue(
      keyring,
      { ciphertext: bytes(item.ciphertext), wrappedDek: bytes(item.wrappedDek), kekId: item.kekId },
      item.context,
    );
    expect(opened.equals(bytes(item.plaintext))).toBe(true);
  });

  it.each(fixture.wrappedKeys)("unwraps a DEK wrapped by $keyId", (item) => {
    expect(keyring.unwrapKey(item.keyId, bytes(item.wrapped)).equals(bytes(item.dek))).toBe(true);
  });

  it.each(fixture.raw.blobs)("decrypts an encryptWithKey blob: $note", (item) => {
    const plain = decryptWithKey(bytes(fixture.raw.key), bytes(item.blob), bytes(item.ad));
    expect(plain.equals(bytes(item.plaintext))).toBe(true);
  });

  it("still refuses a fixture value opened at another place", async () => {
    const item = fixture.envelopes[0]!;
    await expect(
      openValue(
        keyring,
        { ciphertext: bytes(item.ciphertext), wrappedDek: bytes(item.wrappedDek), kekId: item.kekId },
        { ...item.context, version: item.context.version + 1 },
      ),
    ).rejects.toMatchObject({ code: "DECRYPTION_FAILED" });
  });
});
