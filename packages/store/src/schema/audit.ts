// Tables of the audit subsystem (owned by its issue). Table names are prefixed vault_.
import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/**
 * The append-only audit trail. Services insert a row inside their own transaction (seq, prev_hash and hash still
 * null); the chain sequencer of `@vault/audit` later assigns `seq`, `prev_hash` and `hash` exactly once, in one
 * gapless hash-linked order. A trigger (migration `audit_append_only`) rejects every other UPDATE, every DELETE
 * and TRUNCATE.
 */
export const auditEntries = pgTable(
  "vault_audit_entries",
  {
    id: text("id").primaryKey(),
    /** Position in the chain, 1, 2, 3, … without gaps; null until chained. */
    seq: bigint("seq", { mode: "number" }),
    appId: text("app_id").notNull(),
    action: text("action").notNull(),
    resource: text("resource").notNull(),
    key: text("key"),
    tenantId: text("tenant_id"),
    actorAppId: text("actor_app_id"),
    actorApiKeyId: text("actor_api_key_id"),
    actorUserId: text("actor_user_id"),
    actorSystem: text("actor_system"),
    ip: text("ip"),
    requestId: text("request_id"),
    outcome: text("outcome").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: utc("created_at").notNull(),
    /** Hex sha256 of the previous entry (64 zeros before the first); null until chained. */
    prevHash: text("prev_hash"),
    /** Hex sha256(prev_hash ‖ canonical(entry)); null until chained. */
    hash: text("hash"),
  },
  (t) => [
    uniqueIndex("vault_audit_entries_seq_uq").on(t.seq),
    // The sequencer's work queue: only unchained rows are in this index, so it stays tiny.
    index("vault_audit_entries_unchained_idx").on(t.id).where(sql`${t.seq} is null`),
    index("vault_audit_entries_app_seq_idx").on(t.appId, t.seq),
    index("vault_audit_entries_app_key_seq_idx").on(t.appId, t.key, t.seq),
    index("vault_audit_entries_app_action_seq_idx").on(t.appId, t.action, t.seq),
    // No index on hash: only verify() looks an entry up by hash, once, after it has found a broken link while reading
    // the whole table anyway; an index would cost every append (measured: bench/audit.bench.ts, docs/benchmarks.md).
  ],
);

/**
 * The head of the audit chain: one row per chain (`main`). Sequencers lock it `FOR UPDATE` so that exactly one
 * process extends the chain at a time, on any Postgres-compatible database.
 */
export const auditChain = pgTable("vault_audit_chain", {
  id: text("id").primaryKey(),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
  lastHash: text("last_hash").notNull(),
  updatedAt: utc("updated_at").notNull(),
});

export type AuditEntryRow = typeof auditEntries.$inferSelect;
export type AuditChainRow = typeof auditChain.$inferSelect;
