import { newId, parseInput } from "@vault/core";
import {
  associatedData,
  constantTimeEqual,
  decryptWithKey,
  encryptWithKey,
  hmacSha256,
  randomKey,
} from "@vault/crypto";
import { type Executor, type TokenPasswordKeyRow, tokenPasswordKeys } from "@vault/store";
import { and, eq } from "drizzle-orm";
import type { AppTokenKeys } from "./app-keys";
import type { TokenContext } from "./context";
import { type Argon2Params, argon2ParamsSchema } from "./password-kdf";

/**
 * Password keys (DESIGN §5 Passwords). K = Argon2id(password, app salt, app secret, params) is derived once per call;
 * a password key row is found by its fingerprint HMAC(K, label) and holds a random key wrapped under K; the records'
 * DEKs are wrapped under that random key. So every record protected by one password shares one row, and changing
 * that password rewraps one row, whatever the number of records.
 */

export const PASSWORD_KEYS_TABLE = "vault_token_password_keys";
const FINGERPRINT_LABEL = "vault/token-password/v1";

/** An unlocked password key: its row id and the random key it holds. */
export interface PasswordKey {
  id: string;
  key: Buffer;
}

/** K and its fingerprint for `password` under `params`: one Argon2id derivation. */
export interface DerivedPassword {
  params: Argon2Params;
  k: Buffer;
  fingerprint: Buffer;
}

export async function derivePassword(
  ctx: TokenContext,
  app: AppTokenKeys,
  password: string,
  params: Argon2Params,
): Promise<DerivedPassword> {
  const k = await ctx.kdf(password, params, app.passwordSalt, app.passwordSecret);
  return { params, k, fingerprint: hmacSha256(k, FINGERPRINT_LABEL) };
}

/** The parameters stored with a password key (checked: a row edited by hand fails here, not inside Argon2). */
export function paramsOf(row: Pick<TokenPasswordKeyRow, "kdf">): Argon2Params {
  return parseInput(argon2ParamsSchema, row.kdf, "stored Argon2 parameters") as Argon2Params;
}

/** The random key of `row` if `derived` is the right password for it; undefined otherwise. */
export function unlockWith(row: TokenPasswordKeyRow, derived: DerivedPassword): PasswordKey | undefined {
  if (!constantTimeEqual(derived.fingerprint, row.fingerprint)) return undefined;
  return { id: row.id, key: decryptWithKey(derived.k, row.wrappedKey, keyAd(row.appId, row.id)) };
}

/** `key` wrapped under K, bound to its app and row. */
export function wrapPasswordKey(derived: DerivedPassword, appId: string, id: string, key: Buffer): Buffer {
  return encryptWithKey(derived.k, key, keyAd(appId, id));
}

/**
 * The password key of `password` in `appId` under the current parameters, made if it does not exist (one
 * derivation). Concurrent callers with one password end up with the same row (unique on app and fingerprint).
 */
export async function findOrCreatePasswordKey(
  ctx: TokenContext,
  appId: string,
  app: AppTokenKeys,
  password: string,
): Promise<PasswordKey> {
  const derived = await derivePassword(ctx, app, password, ctx.kdfParams);
  try {
    const existing = await findByFingerprint(ctx.db, appId, derived.fingerprint);
    if (existing !== undefined) return unlockOrFail(existing, derived);
    const id = newId("tokenPasswordKey");
    const key = randomKey(32);
    const now = ctx.clock.now();
    await ctx.db
      .insert(tokenPasswordKeys)
      .values({
        id,
        appId,
        fingerprint: derived.fingerprint,
        kdf: { ...ctx.kdfParams },
        wrappedKey: wrapPasswordKey(derived, appId, id, key),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [tokenPasswordKeys.appId, tokenPasswordKeys.fingerprint] });
    const row = await findByFingerprint(ctx.db, appId, derived.fingerprint);
    if (row === undefined) throw new Error("password key vanished after creation");
    if (row.id === id) return { id, key };
    key.fill(0);
    return unlockOrFail(row, derived);
  } finally {
    derived.k.fill(0);
  }
}

export async function findByFingerprint(
  executor: Executor,
  appId: string,
  fingerprint: Buffer,
  lock = false,
): Promise<TokenPasswordKeyRow | undefined> {
  const query = executor
    .select()
    .from(tokenPasswordKeys)
    .where(and(eq(tokenPasswordKeys.appId, appId), eq(tokenPasswordKeys.fingerprint, fingerprint)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

function unlockOrFail(row: TokenPasswordKeyRow, derived: DerivedPassword): PasswordKey {
  const unlocked = unlockWith(row, derived);
  // The fingerprint matched in SQL; only a corrupted row gets here.
  if (unlocked === undefined) throw new Error("password key fingerprint mismatch");
  return unlocked;
}

function keyAd(appId: string, id: string): Buffer {
  return associatedData({ table: PASSWORD_KEYS_TABLE, appId, key: id, version: 0 });
}
