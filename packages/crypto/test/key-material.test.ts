import { describe, expect, it } from "vitest";
import { type EnvelopeContext, type KeyProvider, Keyring, openValue, randomKey, sealValue } from "../src/index";

// Key material must never sit in Node's shared 8 KiB Buffer pool, where every other pooled buffer reaches it through
// `.buffer` and nothing ever zeroes it.
const ownsItsMemory = (buffer: Buffer) => buffer.byteOffset === 0 && buffer.buffer.byteLength === buffer.length;
/** The pool small Buffer.allocUnsafe / Buffer.from results are sliced from right now. */
const currentPool = () => Buffer.allocUnsafe(1).buffer;
/** Run `action` and return every pool it could have allocated from (it allocates far less than one pool). */
function poolsDuring(action: () => void): ArrayBufferLike[] {
  const before = currentPool();
  action();
  return [before, currentPool()];
}
const anyPoolHolds = (pools: ArrayBufferLike[], needle: Buffer) =>
  pools.some((pool) => Buffer.from(pool).includes(needle));

const place: EnvelopeContext = { table: "vault_secret_versions", appId: "billing", key: "db/password", version: 1 };

describe("key material stays out of Node's shared Buffer pool", () => {
  it("randomKey() returns a buffer of its own", () => {
    for (const bytes of [16, 32, 64]) expect(ownsItsMemory(randomKey(bytes))).toBe(true);
  });

  it("an unwrapped DEK is a buffer of its own, and no copy of it is left in the pool", () => {
    const ring = Keyring.generate();
    const dek = randomKey(32);
    const { wrapped } = ring.wrapKey(dek);
    let unwrapped: Buffer | undefined;
    const pools = poolsDuring(() => {
      unwrapped = ring.unwrapKey(ring.activeKeyId(), wrapped);
    });
    expect(unwrapped?.equals(dek)).toBe(true);
    expect(ownsItsMemory(unwrapped!)).toBe(true);
    expect(anyPoolHolds(pools, dek)).toBe(false);
  });

  it("parsing a keyring, adding a key and generating one leave no copy of a KEK in the pool", () => {
    const material = randomKey(32);
    const pools = poolsDuring(() => {
      Keyring.parse(`k1:${material.toString("base64")}`);
      Keyring.parse(JSON.stringify({ active: "k1", keys: { k1: material.toString("base64url") } }));
      Keyring.generate().add({ id: "given", key: material });
    });
    expect(anyPoolHolds(pools, material)).toBe(false);

    let generated: Keyring | undefined;
    const generatePools = poolsDuring(() => {
      generated = Keyring.generate();
      generated.add({ id: "second" });
    });
    const keys = JSON.parse(generated!.serialize()).keys as Record<string, string>;
    for (const text of Object.values(keys)) {
      const kek = Buffer.alloc(32); // decoded outside the pool, so the check cannot find the test's own copy
      kek.write(text, "base64");
      expect(anyPoolHolds(generatePools, kek)).toBe(false);
    }
  });

  it("sealValue and openValue hand the KeyProvider DEKs of their own, and zero them once used", async () => {
    const ring = Keyring.generate();
    const seen: Buffer[] = [];
    const spy: KeyProvider = {
      activeKeyId: () => ring.activeKeyId(),
      hasKey: (id) => ring.hasKey(id),
      wrapKey: (dek, keyId) => {
        seen.push(dek as Buffer);
        expect(dek.some((byte) => byte !== 0)).toBe(true); // a real key while it is being used
        return ring.wrapKey(dek, keyId);
      },
      unwrapKey: (keyId, wrapped) => {
        const dek = ring.unwrapKey(keyId, wrapped);
        seen.push(dek);
        return dek;
      },
    };
    const sealed = await sealValue(spy, Buffer.from("hunter2"), place);
    expect((await openValue(spy, sealed, place)).toString()).toBe("hunter2");
    expect(seen).toHaveLength(2);
    for (const dek of seen) {
      expect(ownsItsMemory(dek)).toBe(true);
      expect(dek.every((byte) => byte === 0)).toBe(true);
    }
  });
});
