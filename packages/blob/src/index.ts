export { type AccessDecision, type BlobOperation, decideAccess, decideVisibility, identityOf } from "./access";
export { purgeProof } from "./proof";
export { DAY_MS, resolveExpiry, resolveMaxRetrievals } from "./retention";
export { ACCESS_MODES, blobIdSchema, identitySchema, purposeSchema } from "./schemas";
export { BlobService, DEFAULT_MAX_BLOB_BYTES, DEFAULT_SWEEP_BATCH } from "./service";
export type {
  AccessMode,
  BlobAuditEvidence,
  BlobCaller,
  BlobContent,
  BlobMeta,
  BlobPage,
  BlobPolicy,
  BlobPolicyInput,
  BlobServiceOptions,
  ProofVerification,
  PurgeProof,
  PurgeReason,
  PutBlobOptions,
  PutBlobResult,
  SetPolicyResult,
  ShredResult,
  SweepOptions,
  SweepRun,
  SweepStatus,
} from "./types";
