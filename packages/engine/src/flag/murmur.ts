// MurmurHash3 x86_32 over UTF-8 bytes, written for the rollout hot path: the "<groupId>:" prefix of a rule is hashed
// once at compile time (its whole 4-byte blocks folded into the state), and each evaluation only encodes the
// stickiness value into a reused buffer, so hashing allocates nothing.

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** The seed Unleash uses for percentage buckets. */
export const ROLLOUT_SEED = 0;
/** The seed Unleash uses to pick a weighted variant. */
export const VARIANT_SEED = 86028157;

const encoder = new TextEncoder();
let scratch = new Uint8Array(256);

function mixBlock(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** Hash `length` bytes of `bytes` starting from state `h` (whole blocks, tail and finalisation); `total` feeds fmix. */
function finish(h: number, bytes: Uint8Array, length: number, total: number): number {
  const blocks = length & ~3;
  let i = 0;
  for (; i < blocks; i += 4) {
    h = mixBlock(
      h,
      (bytes[i] as number) |
        ((bytes[i + 1] as number) << 8) |
        ((bytes[i + 2] as number) << 16) |
        ((bytes[i + 3] as number) << 24),
    );
  }
  const rest = length & 3;
  if (rest !== 0) {
    let k = bytes[i] as number;
    if (rest > 1) k |= (bytes[i + 1] as number) << 8;
    if (rest > 2) k |= (bytes[i + 2] as number) << 16;
    k = Math.imul(k, C1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, C2);
    h ^= k;
  }
  h ^= total;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** MurmurHash3 x86_32 of raw bytes (unsigned 32-bit result). */
export function murmur3(bytes: Uint8Array, seed = 0): number {
  return finish(seed | 0, bytes, bytes.length, bytes.length);
}

/** MurmurHash3 x86_32 of a string's UTF-8 bytes. Allocates; the hot path uses {@link PrefixHasher}. */
export function murmur3String(text: string, seed = 0): number {
  return murmur3(encoder.encode(text), seed);
}

/**
 * Hashes `prefix + value` for a fixed prefix and many values. The prefix's whole blocks are folded into the state
 * up front; its 0–3 leftover bytes are copied in front of each value's bytes.
 */
export class PrefixHasher {
  readonly #state: number;
  readonly #tail: Uint8Array;
  readonly #consumed: number;

  constructor(prefix: string, seed: number) {
    const bytes = encoder.encode(prefix);
    const whole = bytes.length & ~3;
    let h = seed | 0;
    for (let i = 0; i < whole; i += 4) {
      h = mixBlock(
        h,
        (bytes[i] as number) |
          ((bytes[i + 1] as number) << 8) |
          ((bytes[i + 2] as number) << 16) |
          ((bytes[i + 3] as number) << 24),
      );
    }
    this.#state = h;
    this.#consumed = whole;
    this.#tail = bytes.slice(whole);
  }

  /** MurmurHash3 x86_32 of utf8(prefix + value). */
  hash(value: string): number {
    const tail = this.#tail;
    const t = tail.length;
    const n = value.length;
    // Worst case UTF-8 is 3 bytes per UTF-16 unit; grow the shared buffer only for unusually long values.
    if (scratch.length < t + n * 3) scratch = new Uint8Array(Math.max(scratch.length * 2, t + n * 3));
    const buf = scratch;
    for (let i = 0; i < t; i++) buf[i] = tail[i] as number;
    let length = t;
    let ascii = true;
    for (let i = 0; i < n; i++) {
      const c = value.charCodeAt(i);
      if (c >= 0x80) {
        ascii = false;
        break;
      }
      buf[length++] = c;
    }
    if (!ascii) length = t + (encoder.encodeInto(value, buf.subarray(t)).written ?? 0);
    return finish(this.#state, buf, length, this.#consumed + length);
  }
}

/** The Unleash percentage bucket (1–100) of `hash`. */
export function bucketOf(hash: number): number {
  return (hash % 100) + 1;
}
