export { type AuditEvent, type AuditOutcome, type AuditSink, MemoryAuditSink, noAudit } from "./audit";
export { bumpRevision, CHANGES_CHANNEL, type Change, ChangeFeed, changeFeed, readRevision } from "./changes";
export {
  closeDatabase,
  type Driver,
  driverOf,
  type Executor,
  type OpenDatabaseOptions,
  openDatabase,
  queryRows,
  type Schema,
  type VaultDb,
  type VaultTx,
  withTransaction,
} from "./database";
export { byteOrderKeyset } from "./keyset";
export { MIGRATIONS_FOLDER, migrate, pendingMigrations } from "./migrate";
export { bytea, jsonValue, utc } from "./schema/columns";
export * from "./schema/index";
