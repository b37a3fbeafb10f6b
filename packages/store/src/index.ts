export { type AuditEvent, type AuditOutcome, type AuditSink, MemoryAuditSink, noAudit } from "./audit";
export {
  bumpRevision,
  CHANGES_CHANNEL,
  type Change,
  ChangeFeed,
  type ChangeFeedOptions,
  type Listen,
  postgresListener,
  readRevision,
} from "./changes";
export type { StoreContext } from "./context";
export {
  type Database,
  type Driver,
  type Executor,
  type OpenDatabaseOptions,
  openDatabase,
  queryRows,
  type Schema,
  type VaultDb,
  type VaultTx,
  withTransaction,
} from "./database";
export { type EventSink, MemoryEventSink, noEvents, type VaultEvent } from "./events";
export { byteOrderKeyset } from "./keyset";
export { MIGRATIONS_FOLDER, migrate, pendingMigrations } from "./migrate";
export { bytea, jsonValue, utc } from "./schema/columns";
export * from "./schema/index";
