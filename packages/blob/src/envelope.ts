import { associatedData, DEK_BYTES, decryptWithKey, encryptWithKey, hmacSha256, randomKey } from "@vault/crypto";
import type { BlobRow } from "@vault/store";
import { contentDigestKey } from "./keys";

/** The table name bound into every blob's associated data. */
const BLOBS_TABLE = "vault_blobs";

/**
 * Where a blob lives, bound into its ciphertext: app, purpose, external id and row id. Copied to another entry — or
 * to the same id after a replacing write — it no longer decrypts. (Purposes and ids contain no '/', so the joined key
 * is unambiguous.)
 */
function contentPlace(appId: string, purpose: string, id: string, blobId: string): Buffer {
  return associatedData({ table: BLOBS_TABLE, appId, key: `${purpose}/${id}/${blobId}`, version: 1 });
}

/** Where a DEK wrapped by an owner key lives: its row. */
function dekPlace(appId: string, blobId: string): Buffer {
  return associatedData({ table: `${BLOBS_TABLE}/dek`, appId, key: blobId, version: 1 });
}

/** The columns a sealed blob fills. */
export interface SealedBlob {
  ciphertext: Buffer;
  wrappedDek: Buffer;
  contentDigest: Buffer;
}

/**
 * Seal `data` for row `blobId`: a fresh DEK, AES-256-GCM with the place as associated data, the DEK wrapped by the
 * owner's key (so shredding the owner's key makes it unreadable), and the content's digest under the owner's digest
 * key. Callers send opaque bytes that may already be encrypted; this is defence in depth, not the only layer.
 */
export function sealBlob(
  ownerKey: Buffer,
  place: { appId: string; purpose: string; id: string; blobId: string },
  data: Uint8Array,
): SealedBlob {
  const dek = randomKey(DEK_BYTES);
  const digestKey = contentDigestKey(ownerKey);
  try {
    return {
      ciphertext: encryptWithKey(dek, data, contentPlace(place.appId, place.purpose, place.id, place.blobId)),
      wrappedDek: encryptWithKey(ownerKey, dek, dekPlace(place.appId, place.blobId)),
      contentDigest: hmacSha256(digestKey, data),
    };
  } finally {
    dek.fill(0);
    digestKey.fill(0);
  }
}

/** Open a row's content with its owner's key. Tampered, moved or under another key → DECRYPTION_FAILED. */
export function openBlob(
  ownerKey: Buffer,
  row: Pick<BlobRow, "appId" | "purpose" | "externalId" | "id" | "ciphertext" | "wrappedDek">,
): Buffer {
  const dek = decryptWithKey(ownerKey, row.wrappedDek, dekPlace(row.appId, row.id));
  try {
    return decryptWithKey(dek, row.ciphertext, contentPlace(row.appId, row.purpose, row.externalId, row.id));
  } finally {
    dek.fill(0);
  }
}

/** The digest `content` would have under the owner's key (to check a purge against content the caller kept). */
export function digestOf(ownerKey: Buffer, content: Uint8Array): Buffer {
  const digestKey = contentDigestKey(ownerKey);
  try {
    return hmacSha256(digestKey, content);
  } finally {
    digestKey.fill(0);
  }
}
