import { VaultError } from "@vault/core";
import { type TokenRow, tokenPasswordKeys, tokens } from "@vault/store";
import { eq, sql } from "drizzle-orm";
import type { AppTokenKeys } from "./app-keys";
import type { TokenContext } from "./context";
import { derivePassword, type PasswordKey, paramsOf, unlockWith } from "./password-keys";

/**
 * The one answer to a wrong or a missing password: the same code and message for both, so neither the caller nor
 * anything that records errors can tell them apart.
 */
export function passwordRefused(id: string): VaultError {
  return new VaultError("FORBIDDEN", `token ${id}: the password is missing or wrong`, {
    details: { tokenId: id, reason: "password" },
  });
}

/** Password checks of one call, by password key id: records sharing a password key cost one derivation. */
export type UnlockCache = Map<string, PasswordKey | "wrong">;

/**
 * Unlock what reading `row` needs: nothing for a record without a password (a password given anyway is ignored);
 * its password key otherwise, after one derivation with the parameters stored beside it. A wrong or missing password
 * counts towards the record's lockout and throws {@link passwordRefused}; a locked record is RATE_LIMITED without a
 * derivation, whatever the password.
 */
export async function unlockRecord(
  ctx: TokenContext,
  app: AppTokenKeys,
  row: TokenRow,
  password: string | undefined,
  cache: UnlockCache = new Map(),
): Promise<PasswordKey | undefined> {
  if (row.passwordKeyId === null) return undefined;
  const now = ctx.clock.now();
  if (ctx.lockout !== false && row.lockedUntil !== null && row.lockedUntil.getTime() > now.getTime()) {
    throw new VaultError(
      "RATE_LIMITED",
      `token ${row.id}: too many wrong passwords; locked until ${row.lockedUntil.toISOString()}`,
      { details: { tokenId: row.id, lockedUntil: row.lockedUntil.toISOString() } },
    );
  }
  let unlocked = cache.get(row.passwordKeyId);
  if (unlocked === undefined && password !== undefined) {
    const [keyRow] = await ctx.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.id, row.passwordKeyId));
    if (keyRow !== undefined) {
      const derived = await derivePassword(ctx, app, password, paramsOf(keyRow));
      try {
        unlocked = unlockWith(keyRow, derived) ?? "wrong";
      } finally {
        derived.k.fill(0);
      }
      cache.set(row.passwordKeyId, unlocked);
    }
  }
  if (unlocked === undefined || unlocked === "wrong") {
    await recordWrongPassword(ctx, row.id, now);
    throw passwordRefused(row.id);
  }
  if (row.failedPasswordAttempts > 0 || row.lockedUntil !== null) {
    await ctx.db.update(tokens).set({ failedPasswordAttempts: 0, lockedUntil: null }).where(eq(tokens.id, row.id));
  }
  return unlocked;
}

/** One more wrong password for record `id`; the one that reaches the limit locks it (and restarts the count). */
async function recordWrongPassword(ctx: TokenContext, id: string, now: Date): Promise<void> {
  if (ctx.lockout === false) return;
  const { maxAttempts, lockMs } = ctx.lockout;
  const lockedUntil = new Date(now.getTime() + lockMs);
  // One statement, so concurrent wrong guesses each count.
  await ctx.db
    .update(tokens)
    .set({
      failedPasswordAttempts: sql`case when ${tokens.failedPasswordAttempts} + 1 >= ${maxAttempts} then 0 else ${tokens.failedPasswordAttempts} + 1 end`,
      lockedUntil: sql`case when ${tokens.failedPasswordAttempts} + 1 >= ${maxAttempts} then ${lockedUntil.toISOString()}::timestamptz else ${tokens.lockedUntil} end`,
    })
    .where(eq(tokens.id, id));
}
