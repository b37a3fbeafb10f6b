import { hash } from "node:crypto";

/**
 * Values found by the SHA-256 of an API key, so that the cache never holds a key itself: what the API-key cache is.
 * A lookup hashes the presented key (in JavaScript for the one-block inputs API keys are: ASCII, at most 55
 * characters; a call into OpenSSL through node:crypto cost several microseconds in place, more than this whole
 * digest), finds the slot by 30 bits of the digest (a small integer: no string to build or hash) and compares all
 * 256 bits without an early exit. How long a lookup takes says nothing usable about a cached key. Two keys whose
 * digests share those 30 bits take turns in one slot: the one pushed out is looked up again, never confused.
 */
export class KeyDigestCache<V> {
  readonly #slots = new Map<number, { digest: Int32Array; value: V }>();

  get(key: string): V | undefined {
    const digest = sha256Words(key);
    const slot = this.#slots.get(digest[0]! >> 2);
    return slot !== undefined && sameDigest(slot.digest, digest) ? slot.value : undefined;
  }

  set(key: string, value: V): void {
    const digest = Int32Array.from(sha256Words(key));
    this.#slots.set(digest[0]! >> 2, { digest, value });
  }

  /** Forget `key`'s value; true if there was one. */
  delete(key: string): boolean {
    const digest = sha256Words(key);
    const index = digest[0]! >> 2;
    const slot = this.#slots.get(index);
    return slot !== undefined && sameDigest(slot.digest, digest) && this.#slots.delete(index);
  }

  /** Drop every value `test` picks (e.g. all of a revoked key's). */
  deleteWhere(test: (value: V) => boolean): void {
    for (const [index, slot] of this.#slots) if (test(slot.value)) this.#slots.delete(index);
  }

  get size(): number {
    return this.#slots.size;
  }
}

function sameDigest(a: Int32Array, b: Int32Array): boolean {
  let difference = 0;
  for (let i = 0; i < 8; i++) difference |= a[i]! ^ b[i]!;
  return difference === 0;
}

/**
 * The SHA-256 of `text` (UTF-8) as eight big-endian 32-bit words, in a scratch array the next call overwrites (copy
 * it to keep it).
 */
export function sha256Words(text: string): Int32Array {
  if (isOneBlockAscii(text)) return sha256OneBlock(text);
  const bytes = hash("sha256", text, "buffer");
  for (let i = 0; i < 8; i++) H[i] = bytes.readInt32BE(i * 4);
  return H;
}

const K = Int32Array.of(
  0x428a2f98,
  0x71374491,
  0xb5c0fbcf,
  0xe9b5dba5,
  0x3956c25b,
  0x59f111f1,
  0x923f82a4,
  0xab1c5ed5,
  0xd807aa98,
  0x12835b01,
  0x243185be,
  0x550c7dc3,
  0x72be5d74,
  0x80deb1fe,
  0x9bdc06a7,
  0xc19bf174,
  0xe49b69c1,
  0xefbe4786,
  0x0fc19dc6,
  0x240ca1cc,
  0x2de92c6f,
  0x4a7484aa,
  0x5cb0a9dc,
  0x76f988da,
  0x983e5152,
  0xa831c66d,
  0xb00327c8,
  0xbf597fc7,
  0xc6e00bf3,
  0xd5a79147,
  0x06ca6351,
  0x14292967,
  0x27b70a85,
  0x2e1b2138,
  0x4d2c6dfc,
  0x53380d13,
  0x650a7354,
  0x766a0abb,
  0x81c2c92e,
  0x92722c85,
  0xa2bfe8a1,
  0xa81a664b,
  0xc24b8b70,
  0xc76c51a3,
  0xd192e819,
  0xd6990624,
  0xf40e3585,
  0x106aa070,
  0x19a4c116,
  0x1e376c08,
  0x2748774c,
  0x34b0bcb5,
  0x391c0cb3,
  0x4ed8aa4a,
  0x5b9cca4f,
  0x682e6ff3,
  0x748f82ee,
  0x78a5636f,
  0x84c87814,
  0x8cc70208,
  0x90befffa,
  0xa4506ceb,
  0xbef9a3f7,
  0xc67178f2,
);
const W = new Int32Array(64);
const H = new Int32Array(8);
const [H0, H1, H2, H3, H4, H5, H6, H7] = [
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
].map((word) => word | 0) as [number, number, number, number, number, number, number, number];

function isOneBlockAscii(text: string): boolean {
  if (text.length > 55) return false; // 55 bytes + 0x80 + the 8-byte length fill one 64-byte block
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

/**
 * FIPS 180-4 SHA-256 of one padded block: `text` (ASCII, ≤ 55 bytes), 0x80, zeros, the bit length. The rotations are
 * written out (x >>> n | x << 32 - n), which V8 compiles to single instructions.
 */
function sha256OneBlock(text: string): Int32Array {
  const n = text.length;
  W.fill(0, 0, 16);
  for (let i = 0; i < n; i++) W[i >> 2]! |= text.charCodeAt(i) << (24 - (i & 3) * 8);
  W[n >> 2]! |= 0x80 << (24 - (n & 3) * 8);
  W[15] = n * 8;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = ((w15 >>> 7) | (w15 << 25)) ^ ((w15 >>> 18) | (w15 << 14)) ^ (w15 >>> 3);
    const s1 = ((w2 >>> 17) | (w2 << 15)) ^ ((w2 >>> 19) | (w2 << 13)) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = H0;
  let b = H1;
  let c = H2;
  let d = H3;
  let e = H4;
  let f = H5;
  let g = H6;
  let h = H7;
  for (let i = 0; i < 64; i++) {
    const S1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
    const t1 = (h + S1 + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const S0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
    const t2 = (S0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = H0 + a;
  H[1] = H1 + b;
  H[2] = H2 + c;
  H[3] = H3 + d;
  H[4] = H4 + e;
  H[5] = H5 + f;
  H[6] = H6 + g;
  H[7] = H7 + h;
  return H;
}
