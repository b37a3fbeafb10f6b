import type { Clock } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import {
  type AuditEvent,
  type AuditOutcome,
  type AuditSink,
  type EventSink,
  type Executor,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import type { PreparedReads } from "./read";

/** What every secret operation works with: the service's settings, resolved once by `SecretService`. */
export interface SecretContext {
  readonly db: VaultDb;
  readonly keys: KeyProvider;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  /** Versions a new secret keeps readable (a secret's own `maxVersions` wins once set). */
  readonly maxVersions: number;
  readonly maxValueBytes: number;
  /** The reads on `db`, prepared once. */
  readonly reads: PreparedReads;
}

/** Join the caller's transaction when given one, else open one. */
export function inTransaction<T>(
  ctx: SecretContext,
  tx: Executor | undefined,
  fn: (tx: Executor) => Promise<T>,
): Promise<T> {
  return tx !== undefined ? fn(tx) : withTransaction(ctx.db, fn);
}

/** Audit a secret operation inside `tx` (a failing write rolls the operation back). */
export function recordSecretEvent(
  ctx: SecretContext,
  tx: Executor,
  event: Omit<AuditEvent, "resource"> & { outcome?: AuditOutcome },
): Promise<void> {
  return ctx.audit.record(tx, { resource: "secret", outcome: "success", ...event });
}

/** The outbox event of a secret change, inside `tx` beside its audit entry: keys and versions, never a value. */
export function emitSecretEvent(
  ctx: SecretContext,
  tx: Executor,
  event: { type: string; appId: string; key: string; version?: number; data?: Record<string, unknown> },
): Promise<void> {
  return ctx.events.emit(tx, { resource: "secret", ...event });
}
