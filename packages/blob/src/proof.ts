import { hmacSha256, lengthPrefixed } from "@vault/crypto";
import type { PurgeReason } from "./types";

/** What a purge proof covers (every field of the record except the proof itself). */
export interface ProofFields {
  blobId: string;
  appId: string;
  purpose: string;
  id: string;
  size: number;
  contentDigest: Uint8Array;
  reason: PurgeReason;
  purgedAt: Date;
}

const DOMAIN = "vault/blob-purge/v1";

/**
 * The keyed proof of a purge: HMAC-SHA256 under the app's proof key over a length-prefixed encoding of the domain and
 * every field. Only the holder of the key (the keyring) can make one, so a proof in the audit log cannot be forged by
 * whoever can write to the database; anyone holding the key can recompute it (`vault blobs verify-proof`). Pure.
 */
export function purgeProof(proofKey: Uint8Array, fields: ProofFields): Buffer {
  const utf8 = (text: string) => Buffer.from(text, "utf8");
  return hmacSha256(
    proofKey,
    lengthPrefixed([
      utf8(DOMAIN),
      utf8(fields.blobId),
      utf8(fields.appId),
      utf8(fields.purpose),
      utf8(fields.id),
      utf8(String(fields.size)),
      fields.contentDigest,
      utf8(fields.reason),
      utf8(fields.purgedAt.toISOString()),
    ]),
  );
}
