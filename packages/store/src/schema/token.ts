// Tables of the token subsystem (@vault/token, DESIGN §5 Passwords and §6 Tokens). Table names are prefixed vault_.
import { index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { bytea, utc } from "./columns";

/**
 * One row per app that has used tokens: the app's token key, a random 32-byte key wrapped by the KEK `kek_id` (the
 * keyring holds the only key that opens it), from which the token-lookup HMAC key and the Argon2 secret are derived;
 * and the app's public Argon2 salt. Created on the app's first token write.
 */
export const tokenApps = pgTable("vault_token_apps", {
  appId: text("app_id").primaryKey(),
  wrappedKey: bytea("wrapped_key").notNull(),
  kekId: text("kek_id").notNull(),
  /** 16 random bytes: the Argon2 salt of every password in this app (public; the secret half comes from the key). */
  passwordSalt: bytea("password_salt").notNull(),
  createdAt: utc("created_at").notNull(),
  updatedAt: utc("updated_at").notNull(),
});

/**
 * A password key: a random 32-byte key shared by every record protected by one password in one app, wrapped under
 * K = Argon2id(password, app salt, app secret, `kdf`). Found by `fingerprint` = HMAC(K, label), so a password is
 * matched with one derivation and never compared with anything stored in the clear. Changing the password of every
 * record under it rewraps this one row.
 */
export const tokenPasswordKeys = pgTable(
  "vault_token_password_keys",
  {
    /** `tokpwk_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    fingerprint: bytea("fingerprint").notNull(),
    /** The Argon2id parameters K was derived with (kept beside it, so new defaults never strand a key). */
    kdf: jsonb("kdf").$type<Record<string, unknown>>().notNull(),
    wrappedKey: bytea("wrapped_key").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_token_password_keys_app_fingerprint").on(t.appId, t.fingerprint)],
);

/**
 * One row per token. The token itself is never stored: `token_hmac` is its HMAC under the app's lookup key. The value
 * is sealed under a per-record DEK, bound to (app, record id, version); the DEK is wrapped by the KEK `kek_id`, or —
 * for a password-protected record — by the password key `password_key_id` (then `kek_id` is null).
 */
export const tokens = pgTable(
  "vault_tokens",
  {
    /** `tok_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    tokenHmac: bytea("token_hmac").notNull(),
    /** Bumped on every value write; bound into the ciphertext's associated data. */
    version: integer("version").notNull(),
    ciphertext: bytea("ciphertext").notNull(),
    wrappedDek: bytea("wrapped_dek").notNull(),
    kekId: text("kek_id"),
    passwordKeyId: text("password_key_id").references(() => tokenPasswordKeys.id, { onDelete: "restrict" }),
    /** Caller metadata (never secret). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    /** Wrong passwords in a row; reset by a right one. */
    failedPasswordAttempts: integer("failed_password_attempts").notNull().default(0),
    /** Password checks are refused until this instant (the lockout). */
    lockedUntil: utc("locked_until"),
    expiresAt: utc("expires_at"),
    deletedAt: utc("deleted_at"),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    unique("vault_tokens_app_token").on(t.appId, t.tokenHmac),
    // The query builder orders and pages by creation time or expiry within an app; purgeExpired scans by expiry.
    index("vault_tokens_app_created").on(t.appId, t.createdAt, t.id),
    index("vault_tokens_app_expires").on(t.appId, t.expiresAt),
    // changePasswordAll and the password-key cleanup find records by their password key.
    index("vault_tokens_password_key").on(t.passwordKeyId),
    // A KEK's rewrap status counts records by KEK, and its rewrap finds those off the active one.
    index("vault_tokens_kek").on(t.kekId),
  ],
);

export type TokenAppRow = typeof tokenApps.$inferSelect;
export type TokenPasswordKeyRow = typeof tokenPasswordKeys.$inferSelect;
export type TokenRow = typeof tokens.$inferSelect;
