import { createCipheriv, createDecipheriv, randomFillSync } from "node:crypto";
import { FORMAT_VERSION, NONCE_BYTES, TAG_BYTES } from "./format";

// AES-256-GCM through node:crypto (OpenSSL inside Node), for every blob this package writes. Private to the package:
// callers use encryptWithKey/decryptWithKey and the Keyring.

const ALGORITHM = "aes-256-gcm";

/**
 * Encrypt the concatenation of `parts` under `key` (32 bytes) with a fresh random 96-bit nonce, authenticating `ad`:
 * `FORMAT_VERSION ‖ nonce ‖ ciphertext ‖ 16-byte tag`.
 */
export function sealBlob(key: Uint8Array, ad: Uint8Array, parts: readonly Uint8Array[]): Buffer {
  let length = 0;
  for (const part of parts) length += part.length;
  // Only public bytes (version, nonce, ciphertext, tag) go in here, so Node's shared pool is fine.
  const out = Buffer.allocUnsafe(1 + NONCE_BYTES + length + TAG_BYTES);
  out[0] = FORMAT_VERSION;
  const nonce = out.subarray(1, 1 + NONCE_BYTES);
  randomFillSync(nonce);
  const cipher = createCipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(ad);
  let offset = 1 + NONCE_BYTES;
  for (const part of parts) {
    const chunk = cipher.update(part);
    out.set(chunk, offset);
    offset += chunk.length;
  }
  const tail = cipher.final(); // empty for GCM, a stream mode; kept so nothing is lost if that ever changes
  out.set(tail, offset);
  offset += tail.length;
  out.set(cipher.getAuthTag(), offset);
  return out;
}

/**
 * Open a blob laid out as {@link sealBlob} writes it; the caller has checked its version byte and length. Undefined
 * when it does not authenticate.
 */
export function openBlob(key: Uint8Array, ad: Uint8Array, blob: Uint8Array): Buffer | undefined {
  return openGcm(
    key,
    blob.subarray(1, 1 + NONCE_BYTES),
    ad,
    blob.subarray(1 + NONCE_BYTES, blob.length - TAG_BYTES),
    blob.subarray(blob.length - TAG_BYTES),
  );
}

/**
 * Decrypt `body` and check `tag`, which must be the full 16 bytes: without `authTagLength` node:crypto accepts any
 * tag from 4 bytes up, and a 4-byte tag is forged in about 2³² tries. Undefined when anything does not authenticate.
 */
export function openGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  ad: Uint8Array,
  body: Uint8Array,
  tag: Uint8Array,
): Buffer | undefined {
  let plain: Buffer | undefined;
  try {
    const decipher = createDecipheriv(ALGORITHM, key, nonce, { authTagLength: TAG_BYTES });
    decipher.setAAD(ad);
    decipher.setAuthTag(tag);
    plain = decipher.update(body);
    decipher.final();
    return plain;
  } catch {
    // GCM decrypts before it authenticates: bytes update() produced from a forged body never leave, zeroed.
    plain?.fill(0);
    return undefined;
  }
}
