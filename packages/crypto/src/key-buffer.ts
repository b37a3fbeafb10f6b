import { randomFillSync } from "node:crypto";

// Key material (KEKs, DEKs, anything derived from them) lives in buffers with an ArrayBuffer of their own, made by
// Buffer.alloc. Small Buffer.allocUnsafe / Buffer.from results are slices of Node's shared 8 KiB pool: every other
// pooled buffer reaches a key there through `.buffer`, and the pool is never zeroed.

/** `bytes` random bytes from the CSPRNG in a buffer of its own. */
export function randomKeyBuffer(bytes: number): Buffer {
  const key = Buffer.alloc(bytes);
  randomFillSync(key);
  return key;
}

/** A copy of `source` in a buffer of its own. The caller zeroes `source` when it is key material it owns. */
export function keyBufferFrom(source: Uint8Array): Buffer {
  const key = Buffer.alloc(source.length);
  key.set(source);
  return key;
}
