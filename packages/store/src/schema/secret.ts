// Tables of the secret subsystem (owned by its issue). Table names are prefixed vault_.
import { index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { bytea, utc } from "./columns";

/**
 * The head row of a secret: one per (app, key). Writers lock it (`SELECT … FOR UPDATE`) to hand out version numbers,
 * so concurrent sets on one key get strictly increasing versions. Holds the settings that persist across versions.
 */
export const secrets = pgTable(
  "vault_secrets",
  {
    /** `sec_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    /** The latest version written; 0 while the first set is still in its transaction. */
    currentVersion: integer("current_version").notNull().default(0),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    /** Versions kept readable; older ones are destroyed on set. */
    maxVersions: integer("max_versions").notNull(),
    /** After this instant `get` answers EXPIRED. */
    expiresAt: utc("expires_at"),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_secrets_app_key").on(t.appId, t.key)],
);

/**
 * One row per version of a secret: the envelope (ciphertext under a per-value DEK, the DEK wrapped by the KEK
 * `kek_id`). Destroying a version nulls all three (crypto-shred) and keeps the row as a record that it existed.
 */
export const secretVersions = pgTable(
  "vault_secret_versions",
  {
    /** `secver_…` */
    id: text("id").primaryKey(),
    secretId: text("secret_id")
      .notNull()
      .references(() => secrets.id, { onDelete: "cascade" }),
    version: integer("version").notNull(),
    ciphertext: bytea("ciphertext"),
    wrappedDek: bytea("wrapped_dek"),
    kekId: text("kek_id"),
    createdAt: utc("created_at").notNull(),
    /** The actor that wrote it (API key, user or system label), when known. */
    createdBy: text("created_by"),
    deletedAt: utc("deleted_at"),
    destroyedAt: utc("destroyed_at"),
  },
  (t) => [
    unique("vault_secret_versions_secret_version").on(t.secretId, t.version),
    // rewrapAll and rewrapStatus look versions up by the KEK that wraps them.
    index("vault_secret_versions_kek").on(t.kekId),
  ],
);

export type SecretRow = typeof secrets.$inferSelect;
export type SecretVersionRow = typeof secretVersions.$inferSelect;
