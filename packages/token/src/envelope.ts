import { associatedData, decryptWithKey, type EnvelopeContext, encryptWithKey, randomKey } from "@vault/crypto";
import type { TokenRow } from "@vault/store";
import type { TokenContext } from "./context";
import type { PasswordKey } from "./password-keys";

/** The table name bound into every value's associated data. */
export const TOKENS_TABLE = "vault_tokens";

/** Where a value lives, bound into its ciphertext: moved to another record or version, it no longer decrypts. */
export function valuePlace(appId: string, id: string, version: number): EnvelopeContext {
  return { table: TOKENS_TABLE, appId, key: id, version };
}

/** Where a DEK wrapped by a password key lives: its record (the DEK is rewrapped, never re-encrypted, on a change). */
function dekPlace(appId: string, id: string): Buffer {
  return associatedData({ table: `${TOKENS_TABLE}/dek`, appId, key: id, version: 0 });
}

/** The columns that hold a record's envelope. */
export interface SealedRecord {
  ciphertext: Buffer;
  wrappedDek: Buffer;
  /** The KEK wrapping the DEK (null when a password key does). */
  kekId: string | null;
  passwordKeyId: string | null;
}

/**
 * Seal a value for record `id` at `version`: a fresh DEK, AES-256-GCM with the record as associated data, the DEK
 * wrapped by the active KEK — or, with a password key, by that key.
 */
export async function sealRecord(
  ctx: TokenContext,
  appId: string,
  id: string,
  version: number,
  plaintext: readonly Uint8Array[],
  passwordKey: PasswordKey | undefined,
): Promise<SealedRecord> {
  const dek = randomKey(32);
  try {
    const ciphertext = encryptWithKey(dek, plaintext, associatedData(valuePlace(appId, id, version)));
    return { ciphertext, ...(await wrapDek(ctx, appId, id, dek, passwordKey)) };
  } finally {
    dek.fill(0);
  }
}

/** Decrypt a record's value; `passwordKey` is required (and only used) when the record has one. */
export async function openRecord(
  ctx: TokenContext,
  row: TokenRow,
  passwordKey: PasswordKey | undefined,
): Promise<Buffer> {
  const dek = await unwrapDek(ctx, row, passwordKey);
  try {
    return decryptWithKey(dek, row.ciphertext, associatedData(valuePlace(row.appId, row.id, row.version)));
  } finally {
    dek.fill(0);
  }
}

/** The record's DEK, from under its KEK or its password key. */
export async function unwrapDek(
  ctx: TokenContext,
  row: Pick<TokenRow, "id" | "appId" | "kekId" | "passwordKeyId" | "wrappedDek">,
  passwordKey: PasswordKey | undefined,
): Promise<Buffer> {
  if (row.passwordKeyId === null) return ctx.keys.unwrapKey(row.kekId!, row.wrappedDek);
  if (passwordKey === undefined || passwordKey.id !== row.passwordKeyId) {
    throw new Error(`token ${row.id}: its password key was not unlocked`);
  }
  return decryptWithKey(passwordKey.key, row.wrappedDek, dekPlace(row.appId, row.id));
}

/** Wrap a DEK for record `id`: by the active KEK, or by `passwordKey`. */
export async function wrapDek(
  ctx: TokenContext,
  appId: string,
  id: string,
  dek: Buffer,
  passwordKey: PasswordKey | undefined,
): Promise<Omit<SealedRecord, "ciphertext">> {
  if (passwordKey === undefined) {
    const wrapped = await ctx.keys.wrapKey(dek);
    return { wrappedDek: wrapped.wrapped, kekId: wrapped.keyId, passwordKeyId: null };
  }
  return {
    wrappedDek: encryptWithKey(passwordKey.key, dek, dekPlace(appId, id)),
    kekId: null,
    passwordKeyId: passwordKey.id,
  };
}
