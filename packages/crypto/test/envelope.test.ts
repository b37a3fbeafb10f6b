import { isVaultError, type VaultErrorCode } from "@vault/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  associatedData,
  decryptWithKey,
  type EnvelopeContext,
  encryptWithKey,
  Keyring,
  openValue,
  rewrapKey,
  sealValue,
} from "../src/index";

const place: EnvelopeContext = { table: "vault_secret_versions", appId: "billing", key: "db/password", version: 3 };

function codeOf(fn: () => unknown): VaultErrorCode | "no error" {
  try {
    fn();
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

async function asyncCodeOf(promise: Promise<unknown>): Promise<VaultErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

describe("envelope encryption", () => {
  const keyring = Keyring.generate();

  it("round-trips a value and leads every blob with the format version byte", async () => {
    const sealed = await sealValue(keyring, Buffer.from("hunter2"), place);
    expect(sealed.ciphertext[0]).toBe(1);
    expect(sealed.wrappedDek[0]).toBe(1);
    expect(sealed.wrappedDek.length).toBe(1 + 12 + 32 + 16);
    expect(sealed.kekId).toBe(keyring.activeKeyId());
    expect(sealed.ciphertext.includes(Buffer.from("hunter2"))).toBe(false);
    expect((await openValue(keyring, sealed, place)).toString()).toBe("hunter2");
  });

  it("encrypts the same value differently every time (fresh DEK and nonce)", async () => {
    const a = await sealValue(keyring, Buffer.from("same"), place);
    const b = await sealValue(keyring, Buffer.from("same"), place);
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false);
    expect(a.wrappedDek.equals(b.wrappedDek)).toBe(false);
  });

  it("encrypts plaintext given in parts as their concatenation", async () => {
    const sealed = await sealValue(keyring, [Buffer.of(1), Buffer.from("abc"), Buffer.alloc(0)], place);
    expect(await openValue(keyring, sealed, place)).toEqual(Buffer.from("\x01abc"));
  });

  it("fails to open at any other place (table, app, key or version)", async () => {
    const sealed = await sealValue(keyring, Buffer.from("v"), place);
    for (const other of [
      { ...place, table: "vault_tokens" },
      { ...place, appId: "billing2" },
      { ...place, key: "db/password2" },
      { ...place, version: 4 },
    ]) {
      expect(await asyncCodeOf(openValue(keyring, sealed, other))).toBe("DECRYPTION_FAILED");
    }
  });

  it("encodes associated data unambiguously", () => {
    const a = associatedData({ table: "t", appId: "ab", key: "c", version: 1 });
    const b = associatedData({ table: "t", appId: "a", key: "bc", version: 1 });
    expect(a.equals(b)).toBe(false);
    expect(() => associatedData({ ...place, version: -1 })).toThrow(RangeError);
  });

  it("rewraps a DEK under another KEK without touching the ciphertext", async () => {
    const ring = Keyring.generate();
    const oldId = ring.activeKeyId();
    const sealed = await sealValue(ring, Buffer.from("keep me"), place);
    const newId = ring.add();
    ring.activate(newId);
    const rewrapped = await rewrapKey(ring, sealed.kekId, sealed.wrappedDek);
    expect(rewrapped.keyId).toBe(newId);
    ring.remove(oldId);
    const opened = await openValue(ring, { ...sealed, wrappedDek: rewrapped.wrapped, kekId: newId }, place);
    expect(opened.toString()).toBe("keep me");
    // The old wrapping is now unusable: its KEK is gone.
    expect(await asyncCodeOf(openValue(ring, sealed, place))).toBe("KEY_UNAVAILABLE");
  });

  it("names the missing KEK in KEY_UNAVAILABLE", async () => {
    const sealed = await sealValue(keyring, Buffer.from("x"), place);
    const other = Keyring.generate();
    await expect(openValue(other, sealed, place)).rejects.toMatchObject({
      code: "KEY_UNAVAILABLE",
      details: { kekId: keyring.activeKeyId() },
      message: expect.stringContaining(keyring.activeKeyId()),
    });
  });

  it("rejects a wrapped DEK relabelled with another KEK id of the same key material", async () => {
    const ring = Keyring.generate();
    const material = Buffer.from(JSON.parse(ring.serialize()).keys[ring.activeKeyId()], "base64");
    const alias = ring.add({ id: "alias", key: material });
    const sealed = await sealValue(ring, Buffer.from("x"), place);
    expect(await asyncCodeOf(openValue(ring, { ...sealed, kekId: alias }, place))).toBe("DECRYPTION_FAILED");
  });

  it("property: any plaintext round-trips at any place", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 2048 }),
        fc.record({
          table: fc.string(),
          appId: fc.string(),
          key: fc.string(),
          version: fc.nat(),
        }),
        async (plain, context) => {
          const sealed = await sealValue(keyring, plain, context);
          expect(new Uint8Array(await openValue(keyring, sealed, context))).toEqual(plain);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("property: changing any single byte of the ciphertext or wrapped DEK fails with DECRYPTION_FAILED", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 256 }),
        fc.boolean(),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        async (plain, inDek, position, xor) => {
          const sealed = await sealValue(keyring, plain, place);
          const target = inDek ? sealed.wrappedDek : sealed.ciphertext;
          const index = position % target.length;
          target[index] = target[index]! ^ xor;
          expect(await asyncCodeOf(openValue(keyring, sealed, place))).toBe("DECRYPTION_FAILED");
        },
      ),
      { numRuns: 300 },
    );
  });

  it("property: a truncated or extended blob fails with DECRYPTION_FAILED", () => {
    const key = Buffer.alloc(32, 7);
    const ad = associatedData(place);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), fc.integer({ min: -80, max: 8 }), (plain, delta) => {
        fc.pre(delta !== 0);
        const blob = encryptWithKey(key, plain, ad);
        const changed =
          delta < 0 ? blob.subarray(0, Math.max(0, blob.length + delta)) : Buffer.concat([blob, Buffer.alloc(delta)]);
        expect(codeOf(() => decryptWithKey(key, changed, ad))).toBe("DECRYPTION_FAILED");
      }),
    );
  });

  it("refuses a value, a raw blob or a wrapped DEK whose tag was cut to 4 or 12 bytes", async () => {
    const cut = (blob: Buffer, tagBytes: number) => Buffer.from(blob.subarray(0, blob.length - 16 + tagBytes));
    const key = Buffer.alloc(32, 9);
    const ad = associatedData(place);
    for (const plain of [Buffer.alloc(0), Buffer.from("a value longer than any tag, so only the tag is missing")]) {
      const blob = encryptWithKey(key, plain, ad);
      const sealed = await sealValue(keyring, plain, place);
      for (const tagBytes of [4, 12]) {
        expect(codeOf(() => decryptWithKey(key, cut(blob, tagBytes), ad))).toBe("DECRYPTION_FAILED");
        const shortCiphertext = { ...sealed, ciphertext: cut(sealed.ciphertext, tagBytes) };
        expect(await asyncCodeOf(openValue(keyring, shortCiphertext, place))).toBe("DECRYPTION_FAILED");
        const shortDek = { ...sealed, wrappedDek: cut(sealed.wrappedDek, tagBytes) };
        expect(await asyncCodeOf(openValue(keyring, shortDek, place))).toBe("DECRYPTION_FAILED");
      }
    }
  });

  it("rejects an unknown format version byte", () => {
    const key = Buffer.alloc(32, 1);
    const blob = encryptWithKey(key, Buffer.from("x"), Buffer.alloc(0));
    blob[0] = 2;
    expect(() => decryptWithKey(key, blob, Buffer.alloc(0))).toThrow(/unknown format version 2/);
  });
});
