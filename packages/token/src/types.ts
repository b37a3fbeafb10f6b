import type { Metadata, VaultError } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { StoreContext } from "@vault/store";
import type { Argon2Params, Argon2Preset, PasswordKdf } from "./password-kdf";
import type { PasswordPolicy } from "./password-policy";

/** What a token holds: a string, or bytes (returned as a Uint8Array). The kind is kept. */
export type TokenValue = string | Uint8Array;

/** The Store context (tokens cache nothing shared, so no change feed) and the token service's own options. */
export interface TokenServiceOptions extends Omit<StoreContext, "changes"> {
  /** The keyring (or a KMS-backed KeyProvider): wraps each app's token key and the DEKs of records without a password. */
  keys: KeyProvider;
  /** Argon2id for passwords: a preset (default `"default"`) or explicit parameters, and the KDF itself (tests). */
  kdf?: { preset?: Argon2Preset; params?: Argon2Params; derive?: PasswordKdf };
  /** What new passwords must satisfy (default: at least 8 characters). */
  passwordPolicy?: PasswordPolicy;
  /**
   * Wrong (or missing) passwords for one token before it is locked, and for how long: default 5 attempts, 15
   * minutes. While locked every password check of that token is RATE_LIMITED, even a right one. `false` disables.
   */
  lockout?: { maxAttempts?: number; lockMs?: number } | false;
  /** Random characters of a generated token after `tk_` (16–64, default 32 ≈ 190 bits). */
  tokenLength?: number;
  /** Largest value accepted, in bytes (default 1 MiB). */
  maxValueBytes?: number;
}

/** Describes a token's record, never its token or value: safe to log, list and serialise. */
export interface TokenMeta {
  /** `tok_…`: the record's id (not the token, and no substitute for it). */
  id: string;
  appId: string;
  /** Caller metadata given on create or update (never secret). */
  data: Metadata;
  passwordProtected: boolean;
  /** Bumped on every value write. */
  version: number;
  expiresAt: Date | null;
  /** Set while soft-deleted. */
  deletedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface CreateTokenOptions {
  /** Protects the value: reading it then needs the password as well as the token. */
  password?: string;
  /** After this instant reads answer EXPIRED. Must lie in the future. */
  expiresAt?: Date | string | null;
  /** Metadata stored beside the record (never secret: it is listed and queried). */
  data?: Metadata;
  /** A token of your choosing instead of a generated one (accepted once; ALREADY_EXISTS while a record holds it). */
  token?: string;
  /** Random characters of the generated token (16–64; default the service's). */
  tokenLength?: number;
}

export interface CreateManyOptions {
  password?: string;
  expiresAt?: Date | string | null;
  data?: Metadata;
  tokenLength?: number;
}

/** A new token — shown this once: only its HMAC is stored — and its record. */
export interface CreatedToken {
  token: string;
  meta: TokenMeta;
}

export interface PasswordOption {
  password?: string;
}

/** A token's value and its record. */
export interface ReadToken<V extends TokenValue = TokenValue> {
  value: V;
  meta: TokenMeta;
}

/** One token's outcome in `readMany`: its value, or the error reading it alone would have thrown. */
export type ReadManyResult = { ok: true; value: TokenValue; meta: TokenMeta } | { ok: false; error: VaultError };

export interface UpdateTokenOptions {
  /** The record's password, when it has one (required then). */
  password?: string;
  /** Replaces the metadata; left out, it is kept. */
  data?: Metadata;
  /** Replaces the expiry (null clears it); left out, it is kept. */
  expiresAt?: Date | string | null;
}

export interface UpsertTokenOptions {
  /** For a new record: its password. For a live one: its current password (required when it has one). */
  password?: string;
  data?: Metadata;
  expiresAt?: Date | string | null;
}

/** What `upsert` did: created the record, updated a live one, or replaced an expired or soft-deleted one. */
export interface UpsertResult {
  outcome: "created" | "updated" | "replaced";
  meta: TokenMeta;
}

export interface PurgeExpiredOptions {
  /** Soft-delete the expired records instead of removing them (default false). */
  soft?: boolean;
}

export interface ChangePasswordAllResult {
  /** Records now under the new password. */
  records: number;
  /** Password keys that matched the old password (usually 0 or 1). */
  passwordKeys: number;
  /** Records whose DEK had to be rewrapped (only when the new password already had records of its own). */
  rewrappedRecords: number;
}

/** The columns a query may return. `id` is always returned. */
export type TokenColumn = keyof TokenMeta;
export type TokenOrderBy = "createdAt" | "updatedAt" | "expiresAt" | "id";

/**
 * A query over token records' metadata — never values, never tokens in the answer. Ranges are half-open: `from`
 * inclusive, `to` exclusive. `offset` and `cursor` are exclusive of each other.
 */
export interface TokenQuery {
  ids?: string[];
  /** Records of these tokens (matched by HMAC). */
  tokens?: string[];
  createdFrom?: Date | string;
  createdTo?: Date | string;
  /** Records without an expiry never match an expiry range. */
  expiresFrom?: Date | string;
  expiresTo?: Date | string;
  /** Soft-deleted records too (default false). */
  includeDeleted?: boolean;
  /** Default `createdAt`; `expiresAt` puts records without an expiry last in ascending order. */
  orderBy?: TokenOrderBy;
  /** Default `asc`. */
  direction?: "asc" | "desc";
  /** 1–1000, default 50. */
  limit?: number;
  offset?: number;
  /** `nextCursor` of the previous page of the same query. */
  cursor?: string;
  /** Which fields each item carries (default: all). */
  columns?: TokenColumn[];
}

/** A page of records (the chosen columns and the id). */
export interface TokenPage {
  items: Array<Partial<TokenMeta> & { id: string }>;
  nextCursor: string | null;
}
