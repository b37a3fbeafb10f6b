export { AuditLog } from "./audit-log";
export {
  CANONICAL_VERSION,
  canonicalEntry,
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  type HashedEntry,
  protectValue,
} from "./canonical";
export { parseExport } from "./query";
export { toEntry } from "./rows";
export { CHAIN_ID } from "./sequencer";
export type { AuditCount, AuditEntry, AuditFilter, AuditLogOptions, AuditQuery } from "./types";
export {
  type AuditChainProblem,
  type AuditVerification,
  type ChainedEntry,
  type VerifyChainOptions,
  verifyChain,
} from "./verify";
