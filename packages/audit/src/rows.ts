import { type AuditEntryRow, type AuditOutcome, auditEntries, type Executor } from "@vault/store";
import type { AuditEntry } from "./types";

/** A new entry as the log builds it, before it joins the chain. */
export type NewEntryRow = Omit<typeof auditEntries.$inferInsert, "seq" | "prevHash" | "hash"> & {
  createdAt: Date;
  metadata: Record<string, unknown>;
};

/**
 * At most this many entries go into one INSERT: Postgres takes at most 65,535 parameters per statement, and an entry
 * takes 15.
 */
export const ENTRIES_PER_INSERT = 1000;

/** Insert entries unchained (`seq`, `prev_hash`, `hash` null), in one statement. The sequencer chains them later. */
export async function insertEntries(executor: Executor, rows: NewEntryRow[]): Promise<void> {
  await executor.insert(auditEntries).values(rows);
}

/** A stored row as the public entry shape (also what the hash covers, plus the chain columns). */
export function toEntry(row: Omit<AuditEntryRow, "seq"> & { seq: number | null }): AuditEntry & { seq: number } {
  return {
    id: row.id,
    seq: row.seq as number,
    appId: row.appId,
    action: row.action,
    resource: row.resource,
    key: row.key,
    tenantId: row.tenantId,
    actor: {
      appId: row.actorAppId,
      apiKeyId: row.actorApiKeyId,
      userId: row.actorUserId,
      system: row.actorSystem,
    },
    ip: row.ip,
    requestId: row.requestId,
    outcome: row.outcome as AuditOutcome,
    metadata: row.metadata,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
