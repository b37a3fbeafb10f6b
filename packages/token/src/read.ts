import { isVaultError, VaultError } from "@vault/core";
import type { TokenRow } from "@vault/store";
import { recordTokenRead, type TokenContext } from "./context";
import { openRecord } from "./envelope";
import { findRecord, findRecordPrepared, findRecords } from "./lookup";
import { checkLive, decodeValue, isExpired, tokenNotFound, toMeta } from "./rows";
import type { ReadManyResult, ReadToken } from "./types";
import { type UnlockCache, unlockRecord } from "./unlock";

/**
 * Read one token's value and audit the read, success or failure (`token.read`; the entry names the record id, never
 * the token). The value is returned only once the entry is committed (fail-closed).
 */
export async function readToken(
  ctx: TokenContext,
  appId: string,
  token: string,
  password: string | undefined,
): Promise<ReadToken> {
  let row: TokenRow | undefined;
  let outcome: { read: ReadToken } | { error: VaultError };
  try {
    const app = await ctx.appKeys.find(ctx, appId);
    if (app === undefined) throw tokenNotFound();
    row = await findRecordPrepared(ctx.lookup, appId, app, token);
    checkLive(row, ctx.clock.now());
    const passwordKey = await unlockRecord(ctx, app, row, password);
    const plain = await openRecord(ctx, row, passwordKey);
    outcome = { read: { value: decodeValue(plain, row.id), meta: toMeta(row) } };
  } catch (error) {
    if (!isVaultError(error)) throw error;
    outcome = { error };
  }
  await recordTokenRead(ctx, {
    action: "token.read",
    appId,
    ...(row === undefined ? {} : { key: row.id }),
    ...("error" in outcome
      ? { outcome: deniedOrFailed(outcome.error), metadata: { error: outcome.error.code } }
      : { metadata: { passwordProtected: outcome.read.meta.passwordProtected } }),
  });
  if ("error" in outcome) throw outcome.error;
  return outcome.read;
}

/**
 * Read many tokens with one query and one password: each token's value or the error reading it alone would have
 * thrown, by token. Records sharing a password key cost one derivation between them. One audit entry lists the
 * record ids read and the error code of each that failed.
 */
export async function readManyTokens(
  ctx: TokenContext,
  appId: string,
  tokenList: readonly string[],
  password: string | undefined,
): Promise<Map<string, ReadManyResult>> {
  const results = new Map<string, ReadManyResult>();
  const app = await ctx.appKeys.find(ctx, appId);
  const rows = app === undefined ? new Map<string, TokenRow>() : await findRecords(ctx.db, appId, app, tokenList);
  const cache: UnlockCache = new Map();
  const now = ctx.clock.now();
  for (const token of new Set(tokenList)) {
    const row = rows.get(token);
    try {
      checkLive(row, now);
      const passwordKey = await unlockRecord(ctx, app!, row, password, cache);
      const plain = await openRecord(ctx, row, passwordKey);
      results.set(token, { ok: true, value: decodeValue(plain, row.id), meta: toMeta(row) });
    } catch (error) {
      if (!isVaultError(error)) throw error;
      results.set(token, { ok: false, error });
    }
  }
  const read: string[] = [];
  const failed: Record<string, string> = {};
  let notFound = 0;
  for (const [token, result] of results) {
    const id = rows.get(token)?.id;
    if (result.ok) read.push(id!);
    else if (id === undefined) notFound += 1;
    else failed[id] = result.error.code;
  }
  await recordTokenRead(ctx, {
    action: "token.read_many",
    appId,
    outcome: read.length === results.size ? "success" : "failure",
    metadata: { requested: results.size, read, failed, notFound },
  });
  return results;
}

/**
 * `{ name: token }` → `{ name: value }` (VaultStore's TokensReadToResolvedMap): all or nothing — the first failure,
 * in name order, is thrown.
 */
export async function readResolved(
  ctx: TokenContext,
  appId: string,
  names: Record<string, string>,
  password: string | undefined,
): Promise<Record<string, ReadToken["value"]>> {
  const results = await readManyTokens(ctx, appId, Object.values(names), password);
  const out: Record<string, ReadToken["value"]> = {};
  for (const name of Object.keys(names).sort()) {
    const result = results.get(names[name]!)!;
    if (!result.ok) {
      throw new VaultError(result.error.code, `${name}: ${result.error.message}`, {
        details: { ...result.error.details, name },
      });
    }
    out[name] = result.value;
  }
  return out;
}

/** Whether `token` has a live record (not soft-deleted, not expired). No value is read; audited as `token.exists`. */
export async function tokenExists(ctx: TokenContext, appId: string, token: string): Promise<boolean> {
  const app = await ctx.appKeys.find(ctx, appId);
  const row = app === undefined ? undefined : await findRecord(ctx.db, appId, app, token);
  const exists = row !== undefined && row.deletedAt === null && !isExpired(row, ctx.clock.now());
  await recordTokenRead(ctx, {
    action: "token.exists",
    appId,
    ...(row === undefined ? {} : { key: row.id }),
    metadata: { exists },
  });
  return exists;
}

/** A wrong password or a lockout is a denial; anything else a failure. */
export function deniedOrFailed(error: VaultError): "denied" | "failure" {
  return error.code === "FORBIDDEN" || error.code === "RATE_LIMITED" ? "denied" : "failure";
}
