import { hash } from "node:crypto";

/**
 * The SHA-256 of an API key as a 16-character string (each character 16 bits of the digest): what the key cache is
 * keyed by, so that it never holds a key itself. Computed in JavaScript for the one-block inputs API keys are
 * (ASCII, at most 55 characters): every request looks its key up, and a call into OpenSSL through node:crypto cost
 * several microseconds in place, more than this whole digest. Other input goes through node:crypto.
 */
export function keyDigest(key: string): string {
  return isOneBlockAscii(key) ? sha256OneBlock(key) : fromBytes(hash("sha256", key, "buffer"));
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
const INITIAL = Int32Array.of(
  0x6a09e667,
  0xbb67ae85,
  0x3c6ef372,
  0xa54ff53a,
  0x510e527f,
  0x9b05688c,
  0x1f83d9ab,
  0x5be0cd19,
);
const W = new Int32Array(64);
const H = new Int32Array(8);

function isOneBlockAscii(text: string): boolean {
  if (text.length > 55) return false; // 55 bytes + 0x80 + the 8-byte length fill one 64-byte block
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
}

const rotr = (x: number, n: number): number => (x >>> n) | (x << (32 - n));

/** FIPS 180-4 SHA-256 of one padded block: `text` (ASCII, ≤ 55 bytes), 0x80, zeros, the bit length. */
function sha256OneBlock(text: string): string {
  const n = text.length;
  W.fill(0, 0, 16);
  for (let i = 0; i < n; i++) W[i >> 2]! |= text.charCodeAt(i) << (24 - (i & 3) * 8);
  W[n >> 2]! |= 0x80 << (24 - (n & 3) * 8);
  W[15] = n * 8;
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[i] = (W[i - 16]! + s0 + W[i - 7]! + s1) | 0;
  }
  let a = INITIAL[0]!;
  let b = INITIAL[1]!;
  let c = INITIAL[2]!;
  let d = INITIAL[3]!;
  let e = INITIAL[4]!;
  let f = INITIAL[5]!;
  let g = INITIAL[6]!;
  let h = INITIAL[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  H[0] = INITIAL[0]! + a;
  H[1] = INITIAL[1]! + b;
  H[2] = INITIAL[2]! + c;
  H[3] = INITIAL[3]! + d;
  H[4] = INITIAL[4]! + e;
  H[5] = INITIAL[5]! + f;
  H[6] = INITIAL[6]! + g;
  H[7] = INITIAL[7]! + h;
  let out = "";
  for (let i = 0; i < 8; i++) out += String.fromCharCode(H[i]! >>> 16, H[i]! & 0xffff);
  return out;
}

/** 32 digest bytes in {@link keyDigest}'s form. */
function fromBytes(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < 32; i += 2) out += String.fromCharCode((bytes[i]! << 8) | bytes[i + 1]!);
  return out;
}
