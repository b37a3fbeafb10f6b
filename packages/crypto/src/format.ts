import { VaultError } from "@vault/core";

/** The leading byte of every blob this package writes. A new format gets a new byte; old ones stay readable. */
export const FORMAT_VERSION = 1;
/** AES-GCM nonce length: 96 bits, random per encryption. */
export const NONCE_BYTES = 12;
/** AES-GCM tag length: 128 bits. */
export const TAG_BYTES = 16;

/**
 * Canonical, unambiguous encoding of a list of fields: each one as a 4-byte big-endian length and its bytes, so
 * `("ab","c")` and `("a","bc")` never encode alike.
 */
export function lengthPrefixed(parts: readonly Uint8Array[]): Buffer {
  let total = 0;
  for (const part of parts) total += 4 + part.length;
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (const part of parts) {
    out.writeUInt32BE(part.length, offset);
    offset += 4;
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** DECRYPTION_FAILED with a message that says what failed and never what the data was. */
export function decryptionFailed(message: string, cause?: unknown): VaultError {
  return new VaultError("DECRYPTION_FAILED", message, cause === undefined ? {} : { cause });
}
