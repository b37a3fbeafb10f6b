// The shapes of rewrapAll/rewrapStatus, shared with every service a KEK rotation moves.
export type { RewrapOptions, RewrapProgress, RewrapStatus } from "@vault/crypto";
export { type AccessDecision, type BlobOperation, decideAccess, decideVisibility, identityOf } from "./access";
export { purgeProof } from "./proof";
export type { ComplianceReport, PurposeInventory } from "./report";
export { renderReportHtml } from "./report-html";
export { DAY_MS, resolveExpiry, resolveMaxRetrievals } from "./retention";
export { ACCESS_MODES, blobIdSchema, identitySchema, purposeSchema, RESERVED_PURPOSES } from "./schemas";
export { BlobService, DEFAULT_MAX_BLOB_BYTES, DEFAULT_SWEEP_BATCH, DEFAULT_SWEEP_PAUSE_MS } from "./service";
export { BlobSweeper, type BlobSweeperOptions } from "./sweeper";
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
