import { openBlob, sealBlob } from "./aes-gcm";
import { decryptionFailed, FORMAT_VERSION, NONCE_BYTES, TAG_BYTES } from "./format";
import { randomKeyBuffer } from "./key-buffer";
import type { KeyProvider } from "./keyring";

/** Bytes in a data key (AES-256). */
export const DEK_BYTES = 32;

/** Where a value lives. It is authenticated with the value: a ciphertext moved to another place fails to open. */
export interface EnvelopeContext {
  /** The table (or other namespace) the value is stored in, e.g. `vault_secret_versions`. */
  table: string;
  appId: string;
  key: string;
  version: number;
}

/** What a row stores for one encrypted value. */
export interface SealedValue {
  /** version byte ‖ 12-byte nonce ‖ AES-256-GCM ciphertext ‖ 16-byte tag, under the DEK. */
  ciphertext: Buffer;
  /** The DEK wrapped by the KEK `kekId` (same layout, see {@link KeyProvider.wrapKey}). */
  wrappedDek: Buffer;
  kekId: string;
}

const VALUE_DOMAIN = Buffer.from("vault/value/v1", "utf8");

/**
 * The associated data for a value at `context`: the format version byte, then the domain and each field
 * length-prefixed (see {@link lengthPrefixed}), so no two distinct places share an encoding.
 */
export function associatedData(context: EnvelopeContext): Buffer {
  if (!Number.isSafeInteger(context.version) || context.version < 0) {
    throw new RangeError("envelope context version must be a non-negative safe integer");
  }
  const version = String(context.version);
  const fields = [context.table, context.appId, context.key, version];
  let length = 1 + 4 + VALUE_DOMAIN.length;
  for (const field of fields) length += 4 + Buffer.byteLength(field, "utf8");
  // One allocation, written in place: this runs twice per stored value read or written.
  const out = Buffer.allocUnsafe(length);
  out[0] = FORMAT_VERSION;
  out.writeUInt32BE(VALUE_DOMAIN.length, 1);
  VALUE_DOMAIN.copy(out, 5);
  let offset = 5 + VALUE_DOMAIN.length;
  for (const field of fields) {
    const written = out.write(field, offset + 4, "utf8");
    out.writeUInt32BE(written, offset);
    offset += 4 + written;
  }
  return out;
}

/**
 * AES-256-GCM under `key` with a random 96-bit nonce: `version ‖ nonce ‖ ciphertext ‖ tag`. `plaintext` may be
 * given in parts (encrypted as their concatenation, without copying them together first).
 */
export function encryptWithKey(key: Uint8Array, plaintext: Uint8Array | readonly Uint8Array[], ad: Uint8Array): Buffer {
  return sealBlob(key, ad, plaintext instanceof Uint8Array ? [plaintext] : plaintext);
}

/** Open a blob made by {@link encryptWithKey}. Any change to it, the key or the AD → DECRYPTION_FAILED, no output. */
export function decryptWithKey(key: Uint8Array, blob: Uint8Array, ad: Uint8Array): Buffer {
  if (blob.length < 1 + NONCE_BYTES + TAG_BYTES) throw decryptionFailed("ciphertext is too short");
  if (blob[0] !== FORMAT_VERSION) throw decryptionFailed(`ciphertext has unknown format version ${blob[0]}`);
  const plain = openBlob(key, ad, blob);
  if (plain === undefined) {
    throw decryptionFailed("ciphertext failed authentication (tampered, or stored under another key or version)");
  }
  return plain;
}

/** Encrypt a value for `context`: a fresh random DEK, AES-256-GCM with the place as AD, the DEK wrapped by the active KEK. */
export async function sealValue(
  keys: KeyProvider,
  plaintext: Uint8Array | readonly Uint8Array[],
  context: EnvelopeContext,
): Promise<SealedValue> {
  const dek = randomKeyBuffer(DEK_BYTES);
  try {
    const ciphertext = encryptWithKey(dek, plaintext, associatedData(context));
    const wrapped = await keys.wrapKey(dek);
    return { ciphertext, wrappedDek: wrapped.wrapped, kekId: wrapped.keyId };
  } finally {
    dek.fill(0);
  }
}

/**
 * Decrypt a value sealed by {@link sealValue} at the same `context`. Missing KEK → KEY_UNAVAILABLE; anything
 * tampered or moved → DECRYPTION_FAILED.
 */
export async function openValue(keys: KeyProvider, sealed: SealedValue, context: EnvelopeContext): Promise<Buffer> {
  const dek = await keys.unwrapKey(sealed.kekId, sealed.wrappedDek);
  try {
    return decryptWithKey(dek, sealed.ciphertext, associatedData(context));
  } finally {
    dek.fill(0);
  }
}
