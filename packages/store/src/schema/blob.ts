// Tables of governed blob storage (@vault/blob, DESIGN §5 Crypto-shred and §6 Governed blobs). Prefixed vault_.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex } from "drizzle-orm/pg-core";
import { bytea, utc } from "./columns";

/**
 * One row per app that has stored blobs: the app's blob key, a random 32-byte key wrapped by the KEK `kek_id`, from
 * which the key of the purge proofs (HMAC) is derived. Created on the app's first blob write.
 */
export const blobApps = pgTable("vault_blob_apps", {
  appId: text("app_id").primaryKey(),
  wrappedKey: bytea("wrapped_key").notNull(),
  kekId: text("kek_id").notNull(),
  createdAt: utc("created_at").notNull(),
});

/**
 * The retention and access policy of one purpose of an app. A purpose without a row refuses writes
 * (RETENTION_VIOLATION): nothing is stored that no policy governs.
 */
export const blobPolicies = pgTable(
  "vault_blob_policies",
  {
    appId: text("app_id").notNull(),
    /** A slug: the folder of the entries it governs. */
    purpose: text("purpose").notNull(),
    /** No entry may expire later than this many days after it was stored (RETENTION_VIOLATION otherwise). */
    maxRetentionDays: integer("max_retention_days").notNull(),
    /** The expiry of an entry stored without one. */
    defaultTtlDays: integer("default_ttl_days").notNull(),
    /** `owner-only`, `same-purpose`, `open-retrieve` or `admin-only`. */
    access: text("access").$type<"owner-only" | "same-purpose" | "open-retrieve" | "admin-only">().notNull(),
    /** Other apps whose keys may read entries (every other app gets 404). */
    allowedApps: jsonb("allowed_apps").$type<string[]>().notNull().default([]),
    /** API key ids granted this purpose (what `same-purpose` lets read). */
    grantedKeys: jsonb("granted_keys").$type<string[]>().notNull().default([]),
    /** Every operation needs the caller to present an identity (recorded in the audit entry). */
    requireIdentity: boolean("require_identity").notNull().default(false),
    /** Retrievals an entry allows (its own limit may only be lower); null: unlimited. */
    maxRetrievals: integer("max_retrievals"),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [primaryKey({ name: "vault_blob_policies_pk", columns: [t.appId, t.purpose] })],
);

/**
 * An owner's key: a random 32-byte key, wrapped by the KEK `kek_id`, that wraps the DEK of every blob the owner (an
 * identity) stored in the app. Crypto-shredding the owner nulls `wrapped_key` and `kek_id`: every such blob is then
 * unreadable at once. A shredded owner who stores again gets a new key (one live key per owner).
 */
export const blobOwnerKeys = pgTable(
  "vault_blob_owner_keys",
  {
    /** `blobown_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    owner: text("owner").notNull(),
    wrappedKey: bytea("wrapped_key"),
    kekId: text("kek_id"),
    createdAt: utc("created_at").notNull(),
    shreddedAt: utc("shredded_at"),
  },
  (t) => [
    uniqueIndex("vault_blob_owner_keys_live").on(t.appId, t.owner).where(sql`${t.shreddedAt} is null`),
    // A KEK's rewrap status counts owner keys by KEK, and its rewrap finds those off the active one.
    index("vault_blob_owner_keys_kek").on(t.kekId),
  ],
);

/**
 * One row per stored blob. The bytes are sealed under a per-entry DEK with associated data binding app, purpose,
 * external id and row id; the DEK is wrapped by the owner's key. `content_digest` is an HMAC of the bytes under a key
 * derived from the owner's key (so it reveals nothing once the owner is shredded). `due_at` is when the sweep purges
 * the entry: its expiry, or now once its owner is shredded.
 */
export const blobs = pgTable(
  "vault_blobs",
  {
    /** `blob_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    purpose: text("purpose").notNull(),
    externalId: text("external_id").notNull(),
    /** The identity that stored it. */
    owner: text("owner").notNull(),
    ownerKeyId: text("owner_key_id")
      .notNull()
      .references(() => blobOwnerKeys.id, { onDelete: "restrict" }),
    /** Bytes of the content (not of the ciphertext). */
    size: integer("size").notNull(),
    contentDigest: bytea("content_digest").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    wrappedDek: bytea("wrapped_dek").notNull(),
    /** Caller metadata (never secret: it is listed). */
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    /** Retrievals allowed (null: unlimited); the retrieval that reaches it purges the entry. */
    maxRetrievals: integer("max_retrievals"),
    retrievalCount: integer("retrieval_count").notNull().default(0),
    expiresAt: utc("expires_at").notNull(),
    dueAt: utc("due_at").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    uniqueIndex("vault_blobs_app_purpose_external").on(t.appId, t.purpose, t.externalId),
    // Listing pages through a purpose in id (creation) order; the report groups by purpose.
    index("vault_blobs_app_purpose_id").on(t.appId, t.purpose, t.id),
    // The sweep's work queue.
    index("vault_blobs_due").on(t.dueAt),
    // shredOwner marks the owner's entries due.
    index("vault_blobs_owner_key").on(t.ownerKeyId),
  ],
);

/**
 * One row per purged entry: what was destroyed, why, when, and the keyed proof of it (HMAC-SHA256 under the app's
 * proof key over app, purpose, external id, row id, content digest, size, reason and time), also written to the audit
 * log. Holds no content. A GET of a purged entry answers 410 GONE from here.
 */
export const blobPurges = pgTable(
  "vault_blob_purges",
  {
    /** The purged entry's row id (`blob_…`): one proof per entry, whoever purged it. */
    blobId: text("blob_id").primaryKey(),
    appId: text("app_id").notNull(),
    purpose: text("purpose").notNull(),
    externalId: text("external_id").notNull(),
    /** The owner key the entry was under (its content digest can be checked while that key lives). */
    ownerKeyId: text("owner_key_id").notNull(),
    size: integer("size").notNull(),
    contentDigest: bytea("content_digest").notNull(),
    /** `deleted`, `expired`, `exhausted`, `shredded` or `replaced`. */
    reason: text("reason").$type<"deleted" | "expired" | "exhausted" | "shredded" | "replaced">().notNull(),
    purgedAt: utc("purged_at").notNull(),
    /** The sweep that purged it (null for a DELETE, an exhausting GET or a replacing PUT). */
    sweepId: text("sweep_id"),
    proof: bytea("proof").notNull(),
  },
  (t) => [
    index("vault_blob_purges_app_entry").on(t.appId, t.purpose, t.externalId, t.purgedAt),
    index("vault_blob_purges_app_time").on(t.appId, t.purgedAt),
  ],
);

/** One row per sweep run: on a schedule (every app) or on demand (one app). */
export const blobSweeps = pgTable(
  "vault_blob_sweeps",
  {
    /** `blobswp_…` */
    id: text("id").primaryKey(),
    /** The app swept; null: every app. */
    appId: text("app_id"),
    /** `schedule` or `manual`. */
    trigger: text("trigger").$type<"schedule" | "manual">().notNull(),
    startedAt: utc("started_at").notNull(),
    finishedAt: utc("finished_at"),
    purged: integer("purged").notNull().default(0),
    batches: integer("batches").notNull().default(0),
    /** Why the run stopped early (its purges so far stand). */
    error: text("error"),
  },
  (t) => [index("vault_blob_sweeps_started").on(t.startedAt)],
);

export type BlobAppRow = typeof blobApps.$inferSelect;
export type BlobPolicyRow = typeof blobPolicies.$inferSelect;
export type BlobOwnerKeyRow = typeof blobOwnerKeys.$inferSelect;
export type BlobRow = typeof blobs.$inferSelect;
export type BlobPurgeRow = typeof blobPurges.$inferSelect;
export type BlobSweepRow = typeof blobSweeps.$inferSelect;
