export {
  type AuditEntry,
  type AuditFilter,
  AuditLog,
  type AuditLogOptions,
  type AuditQuery,
  CHAIN_ID,
  parseExport,
  toEntry,
} from "./audit-log";
export {
  CANONICAL_VERSION,
  canonicalEntry,
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  type HashedEntry,
  protectValue,
} from "./canonical";
export {
  type AuditChainProblem,
  type AuditVerification,
  type ChainedEntry,
  type VerifyChainOptions,
  verifyChain,
} from "./verify";
