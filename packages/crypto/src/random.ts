import { randomFillSync } from "node:crypto";

// Small random values (nonces, data keys) come from a pool the CSPRNG fills in bulk: one system call per 4 KiB
// instead of one per value. Every pool byte is handed out once and zeroed when taken, the pool is never refilled in
// place while bytes are outstanding, and it is module-private. Node's own randomUUID() uses the same technique.
const POOL_BYTES = 4096;
const pool = Buffer.alloc(POOL_BYTES);
let offset = POOL_BYTES;

/** Fill `target` with random bytes from the pool (for values up to 256 bytes). */
export function fillRandom(target: Uint8Array): void {
  const length = target.length;
  if (length > 256) {
    randomFillSync(target);
    return;
  }
  if (offset + length > POOL_BYTES) {
    randomFillSync(pool);
    offset = 0;
  }
  target.set(pool.subarray(offset, offset + length));
  pool.fill(0, offset, offset + length);
  offset += length;
}

/** A new buffer of `length` random bytes. */
export function randomBuffer(length: number): Buffer {
  const out = Buffer.allocUnsafe(length);
  fillRandom(out);
  return out;
}
