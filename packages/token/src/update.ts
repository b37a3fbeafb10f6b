import { isVaultError, VaultError } from "@vault/core";
import { type Executor, type TokenRow, tokens, withTransaction } from "@vault/store";
import { eq } from "drizzle-orm";
import { recordTokenEvent, type TokenContext } from "./context";
import { newRow, prepareCreate } from "./create";
import { sealRecord } from "./envelope";
import { findRecord, lockRecord } from "./lookup";
import type { PasswordKey } from "./password-keys";
import { checkLive, futureExpiry, isExpired, tokenNotFound, toMeta } from "./rows";
import type { UpdateInput } from "./schemas";
import type { TokenMeta, UpsertResult } from "./types";
import { unlockRecord } from "./unlock";

/**
 * Replace a live record's value (and its data or expiry when given) under the same protection: a new DEK, the
 * version bumped, wrapped by the KEK or by the record's own password key — which the password unlocks first.
 */
export async function updateToken(
  ctx: TokenContext,
  appId: string,
  token: string,
  plaintext: readonly Uint8Array[],
  opts: UpdateInput,
): Promise<TokenMeta> {
  const app = await ctx.appKeys.find(ctx, appId);
  if (app === undefined) throw tokenNotFound();
  const row = await findRecord(ctx.db, appId, app, token);
  checkLive(row, ctx.clock.now());
  // The derivation runs before the transaction (it takes tens of milliseconds); the row is re-checked under its lock.
  const passwordKey = await unlockRecord(ctx, app, row, opts.password);
  return withTransaction(ctx.db, async (tx) => {
    const locked = await lockRecord(tx, row.id);
    checkLive(locked, ctx.clock.now());
    checkSameProtection(row, locked);
    const updated = await rewriteValue(ctx, tx, locked, plaintext, passwordKey, opts);
    await recordTokenEvent(ctx, tx, {
      action: "token.updated",
      appId,
      key: row.id,
      metadata: { version: updated.version },
    });
    return toMeta(updated);
  });
}

/**
 * Create the record of a caller-chosen token, or update it. A live record is updated as by `update` (its password
 * required when it has one); an expired or soft-deleted one is replaced as if created anew. Concurrent upserts of one
 * token end with one record: the insert is ON CONFLICT DO NOTHING on the token's HMAC, and the losers update the
 * winner's record under its row lock.
 */
export async function upsertToken(
  ctx: TokenContext,
  appId: string,
  token: string,
  plaintext: readonly Uint8Array[],
  opts: UpdateInput,
): Promise<UpsertResult> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await upsertOnce(ctx, appId, token, plaintext, opts);
    } catch (error) {
      // The record changed protection between our look and our lock (another upsert created it with a password we
      // did not unlock): start over, now on the update path.
      if (attempt < 3 && isVaultError(error, "CONFLICT") && error.details.retry === true) continue;
      throw error;
    }
  }
}

async function upsertOnce(
  ctx: TokenContext,
  appId: string,
  token: string,
  plaintext: readonly Uint8Array[],
  opts: UpdateInput,
): Promise<UpsertResult> {
  const now = ctx.clock.now();
  const app = await ctx.appKeys.findOrCreate(ctx, appId);
  const existing = await findRecord(ctx.db, appId, app, token);
  if (existing !== undefined && existing.deletedAt === null && !isExpired(existing, now)) {
    return { outcome: "updated", meta: await updateToken(ctx, appId, token, plaintext, opts) };
  }
  const { record } = await prepareCreate(ctx, appId, opts);
  const fresh = await newRow(ctx, appId, app, token, plaintext, record);
  return withTransaction(ctx.db, async (tx) => {
    const [inserted] = await tx
      .insert(tokens)
      .values(fresh)
      .onConflictDoNothing({ target: [tokens.appId, tokens.tokenHmac] })
      .returning();
    if (inserted !== undefined) {
      await audit(ctx, tx, appId, inserted, "created");
      return { outcome: "created", meta: toMeta(inserted) };
    }
    const locked = (await findRecord(tx, appId, app, token, true))!;
    const live = locked.deletedAt === null && !isExpired(locked, ctx.clock.now());
    if (live) {
      // Another upsert created it meanwhile. Without a password we can write it; with one, only if it is ours.
      checkSameProtection({ id: locked.id, passwordKeyId: record.passwordKey?.id ?? null }, locked);
      const updated = await rewriteValue(ctx, tx, locked, plaintext, record.passwordKey, opts);
      await audit(ctx, tx, appId, updated, "updated");
      return { outcome: "updated", meta: toMeta(updated) };
    }
    const replaced = await replaceRecord(ctx, tx, locked, plaintext, record.passwordKey, record);
    await audit(ctx, tx, appId, replaced, "replaced");
    return { outcome: "replaced", meta: toMeta(replaced) };
  });
}

function audit(ctx: TokenContext, tx: Executor, appId: string, row: TokenRow, outcome: UpsertResult["outcome"]) {
  return recordTokenEvent(ctx, tx, {
    action: "token.upserted",
    appId,
    key: row.id,
    metadata: { outcome, version: row.version, passwordProtected: row.passwordKeyId !== null },
  });
}

/** CONFLICT (retryable) when the record's protection changed since it was unlocked. */
function checkSameProtection(seen: Pick<TokenRow, "id" | "passwordKeyId">, locked: TokenRow): void {
  if (seen.passwordKeyId !== locked.passwordKeyId) {
    throw new VaultError("CONFLICT", `token ${locked.id} changed while it was being written; retry`, {
      details: { tokenId: locked.id, retry: true },
    });
  }
}

/** Seal `plaintext` as the locked record's next version, under the same protection. */
async function rewriteValue(
  ctx: TokenContext,
  tx: Executor,
  locked: TokenRow,
  plaintext: readonly Uint8Array[],
  passwordKey: PasswordKey | undefined,
  opts: UpdateInput,
): Promise<TokenRow> {
  const now = ctx.clock.now();
  const version = locked.version + 1;
  const sealed = await sealRecord(ctx, locked.appId, locked.id, version, plaintext, passwordKey);
  const [row] = await tx
    .update(tokens)
    .set({
      ...sealed,
      version,
      ...(opts.data === undefined ? {} : { data: opts.data }),
      ...(opts.expiresAt === undefined ? {} : { expiresAt: futureExpiry(opts.expiresAt, now) }),
      updatedAt: now,
    })
    .where(eq(tokens.id, locked.id))
    .returning();
  return row!;
}

/** An expired or soft-deleted record starts over: new value, protection, data and expiry; lockout cleared. */
async function replaceRecord(
  ctx: TokenContext,
  tx: Executor,
  locked: TokenRow,
  plaintext: readonly Uint8Array[],
  passwordKey: PasswordKey | undefined,
  record: { expiresAt: Date | null; data: Record<string, unknown> },
): Promise<TokenRow> {
  const now = ctx.clock.now();
  const version = locked.version + 1;
  const sealed = await sealRecord(ctx, locked.appId, locked.id, version, plaintext, passwordKey);
  const [row] = await tx
    .update(tokens)
    .set({
      ...sealed,
      version,
      data: record.data,
      expiresAt: record.expiresAt,
      deletedAt: null,
      failedPasswordAttempts: 0,
      lockedUntil: null,
      updatedAt: now,
    })
    .where(eq(tokens.id, locked.id))
    .returning();
  return row!;
}
