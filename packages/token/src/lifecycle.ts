import { type TokenRow, tokenPasswordKeys, tokens, withTransaction } from "@vault/store";
import { and, eq, isNotNull, isNull, lte, notExists, type SQL, sql } from "drizzle-orm";
import { recordTokenEvent, type TokenContext } from "./context";
import { tokenHmac } from "./lookup";
import { futureExpiry, tokenNotFound, toMeta } from "./rows";
import type { TokenMeta } from "./types";

/**
 * Apply one UPDATE to the record of `token` when `where` holds, and audit it in the same transaction. NOT_FOUND when
 * there is no such record or it is not in a state the verb applies to (soft-deleting twice, restoring a live one).
 */
async function changeRecord(
  ctx: TokenContext,
  appId: string,
  token: string,
  action: string,
  set: Partial<TokenRow>,
  where: SQL | undefined,
  metadata: (row: TokenRow) => Record<string, unknown> = () => ({}),
): Promise<TokenMeta> {
  const app = await ctx.appKeys.find(ctx, appId);
  if (app === undefined) throw tokenNotFound();
  return withTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .update(tokens)
      .set({ ...set, updatedAt: ctx.clock.now() })
      .where(and(eq(tokens.appId, appId), eq(tokens.tokenHmac, tokenHmac(app, token)), where))
      .returning();
    if (row === undefined) throw tokenNotFound();
    await recordTokenEvent(ctx, tx, { action, appId, key: row.id, metadata: metadata(row) });
    return toMeta(row);
  });
}

/**
 * Move a record's expiry (null: never). No password is needed: it changes metadata, not the value. An expired record
 * that is not yet purged can be renewed; a soft-deleted one cannot (restore it first).
 */
export function renewToken(
  ctx: TokenContext,
  appId: string,
  token: string,
  expiresAt: Date | null,
): Promise<TokenMeta> {
  const expiry = futureExpiry(expiresAt, ctx.clock.now()) ?? null;
  return changeRecord(ctx, appId, token, "token.renewed", { expiresAt: expiry }, isNull(tokens.deletedAt), () => ({
    expiresAt: expiry?.toISOString() ?? null,
  }));
}

/** Soft-delete: reads answer NOT_FOUND until `restore`. */
export function softDeleteToken(ctx: TokenContext, appId: string, token: string): Promise<TokenMeta> {
  return changeRecord(
    ctx,
    appId,
    token,
    "token.soft_deleted",
    { deletedAt: ctx.clock.now() },
    isNull(tokens.deletedAt),
  );
}

/** Undo a soft delete. */
export function restoreToken(ctx: TokenContext, appId: string, token: string): Promise<TokenMeta> {
  return changeRecord(ctx, appId, token, "token.restored", { deletedAt: null }, isNotNull(tokens.deletedAt));
}

/** Remove the record for good (its ciphertext and wrapped DEK with it). */
export async function deleteToken(ctx: TokenContext, appId: string, token: string): Promise<void> {
  const app = await ctx.appKeys.find(ctx, appId);
  if (app === undefined) throw tokenNotFound();
  const removed = await withTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .delete(tokens)
      .where(and(eq(tokens.appId, appId), eq(tokens.tokenHmac, tokenHmac(app, token))))
      .returning({ id: tokens.id, passwordKeyId: tokens.passwordKeyId });
    if (row === undefined) throw tokenNotFound();
    await recordTokenEvent(ctx, tx, { action: "token.deleted", appId, key: row.id });
    return row;
  });
  if (removed.passwordKeyId !== null) await dropUnusedPasswordKeys(ctx, appId);
}

/** Every record of `appId` past its expiry: removed, or with `soft` soft-deleted. Returns how many. */
export async function purgeExpiredTokens(ctx: TokenContext, appId: string, soft: boolean): Promise<number> {
  const now = ctx.clock.now();
  const due = and(eq(tokens.appId, appId), isNotNull(tokens.expiresAt), lte(tokens.expiresAt, now));
  const count = await withTransaction(ctx.db, async (tx) => {
    const rows = soft
      ? await tx
          .update(tokens)
          .set({ deletedAt: now, updatedAt: now })
          .where(and(due, isNull(tokens.deletedAt)))
          .returning({ id: tokens.id })
      : await tx.delete(tokens).where(due).returning({ id: tokens.id });
    await recordTokenEvent(ctx, tx, {
      action: soft ? "token.expired_soft_deleted" : "token.expired_purged",
      appId,
      metadata: { count: rows.length, ids: rows.slice(0, 100).map((r) => r.id) },
    });
    return rows.length;
  });
  if (!soft && count > 0) await dropUnusedPasswordKeys(ctx, appId);
  return count;
}

/**
 * Remove the app's password keys that no record uses any more, so a password's verifier does not outlive its last
 * record. Best effort, outside the caller's transaction: a concurrent create that just adopted such a key makes the
 * DELETE fail on the foreign key (and the key stays, as it should); the create retries if it lost the race.
 */
export async function dropUnusedPasswordKeys(ctx: TokenContext, appId: string): Promise<void> {
  try {
    await ctx.db
      .delete(tokenPasswordKeys)
      .where(
        and(
          eq(tokenPasswordKeys.appId, appId),
          notExists(ctx.db.select({ one: sql`1` }).from(tokens).where(eq(tokens.passwordKeyId, tokenPasswordKeys.id))),
        ),
      );
  } catch {
    // Left for the next cleanup; nothing depends on it.
  }
}
