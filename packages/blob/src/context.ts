import type { Clock } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { AuditEvent, AuditOutcome, AuditSink, EventSink, Executor, VaultDb, VaultEvent } from "@vault/store";
import type { AppKeyCache } from "./keys";
import type { PreparedLookups } from "./lookup";
import type { BlobAuditEvidence } from "./types";

/** What every blob operation works with: the service's settings, resolved once by `BlobService`. */
export interface BlobContext {
  readonly db: VaultDb;
  readonly keys: KeyProvider;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  readonly maxBlobBytes: number;
  readonly sweepBatchSize: number;
  readonly sweepPauseMs: number;
  readonly evidence: BlobAuditEvidence | undefined;
  /** Each app's proof key, kept after first use. */
  readonly appKeys: AppKeyCache;
  /** The first lookup of a read, a HEAD, a delete and a write, prepared once on `db`. */
  readonly lookups: PreparedLookups;
}

/** The audit entry of a blob operation: `key` is `<purpose>/<id>`, never content. */
export type BlobAuditEvent = Omit<AuditEvent, "resource"> & { outcome?: AuditOutcome };

/** The audit key of an entry. */
export function auditKey(purpose: string, id: string): string {
  return `${purpose}/${id}`;
}

/** Audit a blob operation inside `tx` (a failing write rolls the operation back). */
export function recordBlobEvent(ctx: BlobContext, tx: Executor, event: BlobAuditEvent): Promise<void> {
  return ctx.audit.record(tx, { resource: "blob", outcome: "success", ...event });
}

/** Audit something that changed nothing (a refusal, a listing); durable before the caller is answered. */
export function recordBlobDetached(ctx: BlobContext, event: BlobAuditEvent): Promise<void> {
  return ctx.audit.recordDetached({ resource: "blob", outcome: "success", ...event });
}

/** The outbox event of a blob change, inside `tx` beside its audit entry: ids and sizes, never content or an owner. */
export function emitBlobEvent(ctx: BlobContext, tx: Executor, event: Omit<VaultEvent, "resource">): Promise<void> {
  return ctx.events.emit(tx, { resource: "blob", ...event });
}
