import { index, jsonb, pgTable, text, uniqueIndex } from "drizzle-orm/pg-core";
import { apps } from "./apps";
import { bytea, utc } from "./columns";

/**
 * API keys of the HTTP server. The key itself is shown once and never stored: only its SHA-256 (the key is 32
 * random bytes, so a plain hash cannot be brute-forced) and a short prefix for display. Each key is bound to one app.
 */
export const apiKeys = pgTable(
  "vault_api_keys",
  {
    id: text("id").primaryKey(),
    appId: text("app_id")
      .notNull()
      .references(() => apps.id),
    name: text("name").notNull(),
    scopes: jsonb("scopes").$type<string[]>().notNull(),
    keyHash: bytea("key_hash").notNull(),
    prefix: text("prefix").notNull(),
    createdAt: utc("created_at").notNull(),
    lastUsedAt: utc("last_used_at"),
    revokedAt: utc("revoked_at"),
  },
  (t) => [uniqueIndex("vault_api_keys_key_hash_uq").on(t.keyHash), index("vault_api_keys_app_idx").on(t.appId, t.id)],
);

export type ApiKeyRow = typeof apiKeys.$inferSelect;
