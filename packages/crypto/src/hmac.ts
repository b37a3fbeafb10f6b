import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { randomKeyBuffer } from "./key-buffer";

/** HMAC-SHA256 of `data` under `key` (32 bytes). */
export function hmacSha256(key: Uint8Array, data: Uint8Array | string): Buffer {
  return createHmac("sha256", key).update(data).digest();
}

/** SHA-256 of `data`. */
export function sha256(data: Uint8Array | string): Buffer {
  return createHash("sha256").update(data).digest();
}

/**
 * Compare two secrets in time that depends only on their lengths, never on where they differ. Different lengths
 * return false (after a comparison of the same cost, so the length check does not stand out).
 */
export function constantTimeEqual(a: Uint8Array | string, b: Uint8Array | string): boolean {
  const left = typeof a === "string" ? Buffer.from(a, "utf8") : a;
  const right = typeof b === "string" ? Buffer.from(b, "utf8") : b;
  if (left.length !== right.length) {
    timingSafeEqual(left, left);
    return false;
  }
  return timingSafeEqual(left, right);
}

/** A random key: `bytes` from the CSPRNG, in a buffer of its own (never a slice of Node's shared pool). */
export function randomKey(bytes = 32): Buffer {
  return randomKeyBuffer(bytes);
}

/** A random token: `bytes` from the CSPRNG (default 32 = 256 bits) in base64url, optionally after a prefix. */
export function randomToken(bytes = 32, prefix = ""): string {
  if (!Number.isInteger(bytes) || bytes < 16) throw new RangeError("a token needs at least 16 random bytes");
  return `${prefix}${randomBytes(bytes).toString("base64url")}`;
}
