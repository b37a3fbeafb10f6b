import { VaultError } from "@vault/core";
import type { BlobPolicyRow, BlobPurgeRow, BlobRow } from "@vault/store";
import type { AccessMode, BlobMeta, BlobPolicy, PurgeProof, PurgeReason } from "./types";

/** The columns of `vault_blobs` that describe an entry (everything but its sealed content). */
export type BlobMetaRow = Pick<
  BlobRow,
  | "id"
  | "appId"
  | "purpose"
  | "externalId"
  | "owner"
  | "size"
  | "metadata"
  | "maxRetrievals"
  | "retrievalCount"
  | "expiresAt"
  | "createdAt"
  | "updatedAt"
>;

export function toMeta(row: BlobMetaRow): BlobMeta {
  return {
    id: row.externalId,
    blobId: row.id,
    appId: row.appId,
    purpose: row.purpose,
    owner: row.owner,
    size: row.size,
    metadata: row.metadata as BlobMeta["metadata"],
    maxRetrievals: row.maxRetrievals,
    retrievals: row.retrievalCount,
    retrievalsLeft: row.maxRetrievals === null ? null : Math.max(0, row.maxRetrievals - row.retrievalCount),
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toPolicy(row: BlobPolicyRow): BlobPolicy {
  return {
    appId: row.appId,
    purpose: row.purpose,
    maxRetentionDays: row.maxRetentionDays,
    defaultTtlDays: row.defaultTtlDays,
    access: row.access as AccessMode,
    allowedApps: row.allowedApps,
    grantedKeys: row.grantedKeys,
    requireIdentity: row.requireIdentity,
    maxRetrievals: row.maxRetrievals,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toProof(row: BlobPurgeRow): PurgeProof {
  return {
    blobId: row.blobId,
    appId: row.appId,
    purpose: row.purpose,
    id: row.externalId,
    size: row.size,
    contentDigest: Buffer.from(row.contentDigest).toString("hex"),
    reason: row.reason as PurgeReason,
    purgedAt: row.purgedAt,
    proof: Buffer.from(row.proof).toString("hex"),
  };
}

/** NOT_FOUND for an entry: the message names purpose and id (never content). */
export function blobNotFound(purpose: string, id: string): VaultError {
  return new VaultError("NOT_FOUND", `blob "${purpose}/${id}" not found`, { details: { what: "blob", purpose, id } });
}

/** GONE for an entry that existed: why (expired, exhausted, shredded, or purged for a reason) and since when. */
export function blobGone(purpose: string, id: string, why: string, since?: Date): VaultError {
  return new VaultError("GONE", `blob "${purpose}/${id}" is gone (${why})`, {
    details: { what: "blob", purpose, id, reason: why, ...(since === undefined ? {} : { since: since.toISOString() }) },
  });
}

/** NOT_FOUND for a purpose without a policy (so no entries). */
export function policyNotFound(purpose: string): VaultError {
  return new VaultError("NOT_FOUND", `purpose "${purpose}" has no policy`, {
    details: { what: "blob policy", purpose },
  });
}
