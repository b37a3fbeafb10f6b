import { appIdSchema, parseInput, systemClock, validation } from "@vault/core";
import { type RewrapOptions, type Rewrappable, type RewrapStatus, rewrapOptionsSchema } from "@vault/crypto";
import { noAudit, noEvents } from "@vault/store";
import { z } from "zod";
import { AppKeyCache } from "./app-keys";
import { changeAllPasswords, changeTokenPassword } from "./change-password";
import type { TokenContext } from "./context";
import { createManyTokens, createToken } from "./create";
import { deleteToken, purgeExpiredTokens, renewToken, restoreToken, softDeleteToken } from "./lifecycle";
import { prepareLookup } from "./lookup";
import { ARGON2_PRESETS, type Argon2Params, argon2id, type PasswordKdf } from "./password-kdf";
import { passwordPolicySchema } from "./password-policy";
import { countTokens, listTokens, TokenQueryBuilder } from "./query";
import { readManyTokens, readResolved, readToken, tokenExists } from "./read";
import { rewrapAll, rewrapStatus } from "./rewrap";
import { encodeValue } from "./rows";
import {
  createManyOptionsSchema,
  createOptionsSchema,
  DEFAULT_MAX_VALUE_BYTES,
  expiresAtInputSchema,
  kdfOptionsSchema,
  lockoutSchema,
  MAX_BATCH,
  nullablePasswordSchema,
  passwordOptionSchema,
  purgeExpiredOptionsSchema,
  resolveMapSchema,
  tokenListSchema,
  tokenQuerySchema,
  updateOptionsSchema,
  upsertOptionsSchema,
} from "./schemas";
import { DEFAULT_TOKEN_LENGTH, tokenLengthSchema, tokenSchema } from "./token-format";
import type {
  ChangePasswordAllResult,
  CreatedToken,
  CreateManyOptions,
  CreateTokenOptions,
  PasswordOption,
  PurgeExpiredOptions,
  ReadManyResult,
  ReadToken,
  TokenMeta,
  TokenPage,
  TokenQuery,
  TokenServiceOptions,
  TokenValue,
  UpdateTokenOptions,
  UpsertResult,
  UpsertTokenOptions,
} from "./types";
import { updateToken, upsertToken } from "./update";

const passwordArg = z.string({ error: "password must be a string" }).max(4096, "password is too long");

/**
 * Tokenization (DESIGN §6 Tokens, VaultStore's job): store a value, get an opaque token back, read the value with the
 * token — and a password, when one protects it. Tokens are stored only as HMACs; values are sealed under a DEK per
 * record; passwords go through Argon2id into a password key shared by the records of one password, so a password
 * change rewraps one key. Every operation, reads included, is audited by record id. Every method takes the app id
 * first; each validates its input and hands it to the module named after the operation.
 */
export class TokenService implements Rewrappable {
  readonly #ctx: TokenContext;

  constructor(options: TokenServiceOptions) {
    const kdf = parseInput(kdfOptionsSchema, options.kdf ?? {}, "token kdf options");
    const lockout = parseInput(lockoutSchema, options.lockout ?? {}, "token lockout options");
    this.#ctx = {
      db: options.db,
      keys: options.keys,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      kdfParams: (kdf.params as Argon2Params | undefined) ?? ARGON2_PRESETS[kdf.preset ?? "default"],
      kdf: (kdf.derive as PasswordKdf | undefined) ?? argon2id,
      passwordPolicy: parseInput(passwordPolicySchema, options.passwordPolicy ?? {}, "password policy"),
      lockout,
      tokenLength: parseInput(tokenLengthSchema.default(DEFAULT_TOKEN_LENGTH), options.tokenLength, "tokenLength"),
      maxValueBytes: options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES,
      appKeys: new AppKeyCache(),
      lookup: prepareLookup(options.db),
    };
  }

  /** The Argon2id parameters new passwords are derived with. */
  get kdfParams(): Argon2Params {
    return { ...this.#ctx.kdfParams };
  }

  /**
   * Store `value` and return a new token for it — shown this once: only its HMAC is kept — with the record's
   * metadata. `password` protects it (checked against the policy); `token` chooses the token (ALREADY_EXISTS while a
   * record holds it); `expiresAt` must lie in the future.
   */
  async create(appId: string, value: TokenValue, options: CreateTokenOptions = {}): Promise<CreatedToken> {
    appId = parseInput(appIdSchema, appId, "app id");
    const plaintext = encodeValue(value, this.#ctx.maxValueBytes);
    const opts = parseInput(createOptionsSchema, options, "token create options");
    return createToken(this.#ctx, appId, plaintext, opts);
  }

  /** Store many values at once with the same options (one password derivation for all): tokens in `values` order. */
  async createMany(appId: string, values: TokenValue[], options: CreateManyOptions = {}): Promise<CreatedToken[]> {
    appId = parseInput(appIdSchema, appId, "app id");
    if (!Array.isArray(values) || values.length === 0 || values.length > MAX_BATCH) {
      throw validation(`values must be an array of 1 to ${MAX_BATCH} values`, { field: "values" });
    }
    const plaintexts = values.map((value) => encodeValue(value, this.#ctx.maxValueBytes));
    const opts = parseInput(createManyOptionsSchema, options, "token createMany options");
    return createManyTokens(this.#ctx, appId, plaintexts, opts);
  }

  /**
   * The value of `token`. No record, or soft-deleted → NOT_FOUND; past its expiry → EXPIRED; protected and the
   * password missing or wrong → FORBIDDEN (one message for both; it counts towards the lockout); locked →
   * RATE_LIMITED. Audited as `token.read`, failures included; no entry, no value.
   */
  async read(appId: string, token: string, options: PasswordOption = {}): Promise<ReadToken> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    const { password } = parseInput(passwordOptionSchema, options, "token read options");
    return readToken(this.#ctx, appId, token, password);
  }

  /** Many tokens in one query: each one's value, or the error reading it alone would have thrown, by token. */
  async readMany(
    appId: string,
    tokenList: string[],
    options: PasswordOption = {},
  ): Promise<Map<string, ReadManyResult>> {
    appId = parseInput(appIdSchema, appId, "app id");
    tokenList = parseInput(tokenListSchema, tokenList, "tokens");
    const { password } = parseInput(passwordOptionSchema, options, "token read options");
    return readManyTokens(this.#ctx, appId, tokenList, password);
  }

  /** `{ name: token }` → `{ name: value }`, all or nothing (the first failure by name is thrown). */
  async readResolved(
    appId: string,
    names: Record<string, string>,
    options: PasswordOption = {},
  ): Promise<Record<string, TokenValue>> {
    appId = parseInput(appIdSchema, appId, "app id");
    names = parseInput(resolveMapSchema, names, "token names");
    const { password } = parseInput(passwordOptionSchema, options, "token read options");
    return readResolved(this.#ctx, appId, names, password);
  }

  /** Replace a live record's value (its password required when it has one); the token stays the same. */
  async update(appId: string, token: string, value: TokenValue, options: UpdateTokenOptions = {}): Promise<TokenMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    const plaintext = encodeValue(value, this.#ctx.maxValueBytes);
    const opts = parseInput(updateOptionsSchema, options, "token update options");
    return updateToken(this.#ctx, appId, token, plaintext, opts);
  }

  /**
   * Make `token` (caller-chosen) hold `value`: created if it has no record, updated if live (its password required
   * when it has one), replaced if expired or soft-deleted. Concurrent upserts of one token leave one record.
   */
  async upsert(
    appId: string,
    token: string,
    value: TokenValue,
    options: UpsertTokenOptions = {},
  ): Promise<UpsertResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    const plaintext = encodeValue(value, this.#ctx.maxValueBytes);
    const opts = parseInput(upsertOptionsSchema, options, "token upsert options");
    return upsertToken(this.#ctx, appId, token, plaintext, opts);
  }

  /** Whether `token` has a live record (neither soft-deleted nor expired). Reads no value; audited. */
  async exists(appId: string, token: string): Promise<boolean> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    return tokenExists(this.#ctx, appId, token);
  }

  /** Set a new expiry (null: never), also for an expired record not yet purged. No password needed. */
  async renew(appId: string, token: string, expiresAt: Date | string | null): Promise<TokenMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    return renewToken(this.#ctx, appId, token, parseInput(expiresAtInputSchema, expiresAt, "expiresAt"));
  }

  /** Soft-delete: reads answer NOT_FOUND until `restore`. */
  async softDelete(appId: string, token: string): Promise<TokenMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    return softDeleteToken(this.#ctx, appId, parseInput(tokenSchema, token, "token"));
  }

  /** Undo a soft delete. */
  async restore(appId: string, token: string): Promise<TokenMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    return restoreToken(this.#ctx, appId, parseInput(tokenSchema, token, "token"));
  }

  /** Remove the record for good. */
  async delete(appId: string, token: string): Promise<void> {
    appId = parseInput(appIdSchema, appId, "app id");
    return deleteToken(this.#ctx, appId, parseInput(tokenSchema, token, "token"));
  }

  /** Remove (or with `soft`, soft-delete) every record of the app past its expiry; returns how many. */
  async purgeExpired(appId: string, options: PurgeExpiredOptions = {}): Promise<number> {
    appId = parseInput(appIdSchema, appId, "app id");
    const { soft } = parseInput(purgeExpiredOptionsSchema, options, "purgeExpired options");
    return purgeExpiredTokens(this.#ctx, appId, soft);
  }

  /**
   * Move one record from `oldPassword` to `newPassword` (rewrapping its DEK; two derivations). `null` adds a password
   * to a record without one, or removes it.
   */
  async changePassword(
    appId: string,
    token: string,
    oldPassword: string | null,
    newPassword: string | null,
  ): Promise<TokenMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    token = parseInput(tokenSchema, token, "token");
    oldPassword = parseInput(nullablePasswordSchema, oldPassword, "oldPassword");
    newPassword = parseInput(nullablePasswordSchema, newPassword, "newPassword");
    return changeTokenPassword(this.#ctx, appId, token, oldPassword, newPassword);
  }

  /**
   * Move every record of the app protected by `oldPassword` to `newPassword`: two derivations (one more per extra
   * set of stored Argon2 parameters) and one rewrapped password key, whatever the number of records.
   */
  async changePasswordAll(appId: string, oldPassword: string, newPassword: string): Promise<ChangePasswordAllResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    oldPassword = parseInput(passwordArg, oldPassword, "oldPassword");
    newPassword = parseInput(passwordArg, newPassword, "newPassword");
    return changeAllPasswords(this.#ctx, appId, oldPassword, newPassword);
  }

  /** A query builder over the app's records' metadata (never values or tokens): `.tokenIn([…]).limit(10).list()`. */
  query(appId: string, query: TokenQuery = {}): TokenQueryBuilder {
    appId = parseInput(appIdSchema, appId, "app id");
    return new TokenQueryBuilder({ list: (q) => this.list(appId, q), count: (q) => this.count(appId, q) }, query);
  }

  /** A page of records matching `query` (the builder's options as one object). */
  async list(appId: string, query: TokenQuery = {}): Promise<TokenPage> {
    appId = parseInput(appIdSchema, appId, "app id");
    return listTokens(this.#ctx, appId, parseInput(tokenQuerySchema, query, "token query"));
  }

  /** How many records match `query` (limit, offset, cursor and order ignored). */
  async count(appId: string, query: TokenQuery = {}): Promise<number> {
    appId = parseInput(appIdSchema, appId, "app id");
    const { limit: _limit, offset: _offset, cursor: _cursor, ...filters } = query;
    return countTokens(this.#ctx, appId, parseInput(tokenQuerySchema, filters, "token query"));
  }

  /**
   * After a KEK rotation: rewrap every app token key and every record DEK (records without a password) not under the
   * active KEK, `batchSize` per transaction, across apps. No value is decrypted; tokens and passwords keep working.
   * Resumable; safe on several instances at once.
   */
  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    const { batchSize } = parseInput(rewrapOptionsSchema, options, "rewrap options");
    return rewrapAll(this.#ctx, batchSize, options.onProgress);
  }

  /** How many app keys and record DEKs each KEK wraps, and how many still need `rewrapAll`. */
  async rewrapStatus(): Promise<RewrapStatus> {
    return rewrapStatus(this.#ctx);
  }
}
