import { VaultError } from "@vault/core";
import { type Executor, type TokenPasswordKeyRow, tokenPasswordKeys, tokens, withTransaction } from "@vault/store";
import { and, asc, count, eq, gt, inArray } from "drizzle-orm";
import type { AppTokenKeys } from "./app-keys";
import { recordTokenEvent, type TokenContext } from "./context";
import { unwrapDek, wrapDek } from "./envelope";
import { dropUnusedPasswordKeys } from "./lifecycle";
import { findRecord, lockRecord } from "./lookup";
import {
  type DerivedPassword,
  derivePassword,
  findByFingerprint,
  findOrCreatePasswordKey,
  type PasswordKey,
  paramsOf,
  unlockWith,
  wrapPasswordKey,
} from "./password-keys";
import { checkPasswordPolicy } from "./password-policy";
import { checkLive, tokenNotFound, toMeta } from "./rows";
import type { ChangePasswordAllResult, TokenMeta } from "./types";
import { unlockRecord } from "./unlock";

/**
 * Move one record from `oldPassword` to `newPassword`: its DEK is unwrapped with the old password key and wrapped
 * with the new password's (found or made) — the value is never re-encrypted. Two derivations. `null` on either side
 * adds or removes the password (the DEK then moves to or from the KEK).
 */
export async function changeTokenPassword(
  ctx: TokenContext,
  appId: string,
  token: string,
  oldPassword: string | null,
  newPassword: string | null,
): Promise<TokenMeta> {
  if (newPassword !== null) checkPasswordPolicy(ctx.passwordPolicy, newPassword, "newPassword");
  const app = await ctx.appKeys.find(ctx, appId);
  if (app === undefined) throw tokenNotFound();
  const row = await findRecord(ctx.db, appId, app, token);
  checkLive(row, ctx.clock.now());
  const from = await unlockRecord(ctx, app, row, oldPassword ?? undefined);
  const to = newPassword === null ? undefined : await findOrCreatePasswordKey(ctx, appId, app, newPassword);
  const meta = await withTransaction(ctx.db, async (tx) => {
    const locked = await lockRecord(tx, row.id);
    checkLive(locked, ctx.clock.now());
    if (locked.passwordKeyId !== row.passwordKeyId || locked.version !== row.version) {
      throw new VaultError("CONFLICT", `token ${row.id} changed while its password was being changed; retry`, {
        details: { tokenId: row.id },
      });
    }
    const dek = await unwrapDek(ctx, locked, from);
    let wrapped: Awaited<ReturnType<typeof wrapDek>>;
    try {
      wrapped = await wrapDek(ctx, appId, row.id, dek, to);
    } finally {
      dek.fill(0);
    }
    const [updated] = await tx
      .update(tokens)
      .set({ ...wrapped, failedPasswordAttempts: 0, lockedUntil: null, updatedAt: ctx.clock.now() })
      .where(eq(tokens.id, row.id))
      .returning();
    await recordTokenEvent(ctx, tx, {
      action: "token.password_changed",
      appId,
      key: row.id,
      metadata: { wasProtected: from !== undefined, isProtected: to !== undefined },
    });
    return toMeta(updated!);
  });
  if (from !== undefined && from.id !== to?.id) await dropUnusedPasswordKeys(ctx, appId);
  return meta;
}

/** Records moved per transaction when two password keys are merged. */
const MERGE_BATCH = 500;

/**
 * Move every record of `appId` protected by `oldPassword` to `newPassword`, without a derivation per record: one
 * derivation of the old password per distinct set of Argon2 parameters among the app's password keys (one, unless
 * the defaults changed), one of the new password, then the matching password key is rewrapped under the new K — one
 * row, whatever the number of records. Only if the new password already protects records of its own are the two keys
 * merged: then each record's DEK is rewrapped (AES only, still no derivation).
 */
export async function changeAllPasswords(
  ctx: TokenContext,
  appId: string,
  oldPassword: string,
  newPassword: string,
): Promise<ChangePasswordAllResult> {
  checkPasswordPolicy(ctx.passwordPolicy, newPassword, "newPassword");
  const app = await ctx.appKeys.find(ctx, appId);
  const matches = app === undefined ? [] : await matchPassword(ctx, appId, app, oldPassword);
  if (app === undefined || matches.length === 0) {
    await withTransaction(ctx.db, (tx) => audit(ctx, tx, appId, { records: 0, passwordKeys: 0, rewrappedRecords: 0 }));
    return { records: 0, passwordKeys: 0, rewrappedRecords: 0 };
  }
  const next = await derivePassword(ctx, app, newPassword, ctx.kdfParams);
  try {
    const result = await withTransaction(ctx.db, async (tx) => {
      const matchedIds = matches.map((m) => m.key.id);
      // Lock the matched keys; a concurrent change of the same password waits here, then finds them changed.
      const current = await tx
        .select()
        .from(tokenPasswordKeys)
        .where(inArray(tokenPasswordKeys.id, matchedIds))
        .orderBy(asc(tokenPasswordKeys.id))
        .for("update");
      for (const match of matches) {
        const now = current.find((r) => r.id === match.key.id);
        if (now === undefined || !Buffer.from(now.fingerprint).equals(match.row.fingerprint)) {
          throw new VaultError("CONFLICT", "the password changed concurrently; retry", { details: { appId } });
        }
      }
      const [{ records } = { records: 0 }] = await tx
        .select({ records: count() })
        .from(tokens)
        .where(inArray(tokens.passwordKeyId, matchedIds));
      const existing = await findByFingerprint(tx, appId, next.fingerprint, true);
      let target: PasswordKey;
      let toMerge: PasswordKey[];
      if (existing === undefined) {
        // The common case: the first matching key becomes the new password's key, by rewrapping that one row.
        const [first, ...rest] = matches;
        await tx
          .update(tokenPasswordKeys)
          .set({
            fingerprint: next.fingerprint,
            kdf: { ...next.params },
            wrappedKey: wrapPasswordKey(next, appId, first!.key.id, first!.key.key),
            updatedAt: ctx.clock.now(),
          })
          .where(eq(tokenPasswordKeys.id, first!.key.id));
        target = first!.key;
        toMerge = rest.map((m) => m.key);
      } else {
        target = unlockWith(existing, next)!;
        toMerge = matches.map((m) => m.key).filter((k) => k.id !== target.id);
      }
      let rewrappedRecords = 0;
      for (const from of toMerge) {
        rewrappedRecords += await moveRecords(ctx, tx, appId, from, target);
        await tx.delete(tokenPasswordKeys).where(eq(tokenPasswordKeys.id, from.id));
      }
      const result = { records, passwordKeys: matches.length, rewrappedRecords };
      await audit(ctx, tx, appId, result);
      return result;
    });
    return result;
  } finally {
    next.k.fill(0);
    for (const match of matches) match.key.key.fill(0);
  }
}

/**
 * The app's password keys that `password` opens: one derivation per distinct parameter set. A key made under other
 * parameters than the current defaults is found all the same (that is why they are stored).
 */
async function matchPassword(
  ctx: TokenContext,
  appId: string,
  app: AppTokenKeys,
  password: string,
): Promise<Array<{ row: TokenPasswordKeyRow; key: PasswordKey }>> {
  const rows = await ctx.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, appId));
  const byParams = new Map<string, TokenPasswordKeyRow[]>();
  for (const row of rows) {
    const params = paramsOf(row);
    const id = `${params.memoryKiB}/${params.iterations}/${params.parallelism}`;
    byParams.set(id, [...(byParams.get(id) ?? []), row]);
  }
  const matches: Array<{ row: TokenPasswordKeyRow; key: PasswordKey }> = [];
  for (const group of byParams.values()) {
    const derived: DerivedPassword = await derivePassword(ctx, app, password, paramsOf(group[0]!));
    try {
      for (const row of group) {
        const key = unlockWith(row, derived);
        if (key !== undefined) matches.push({ row, key });
      }
    } finally {
      derived.k.fill(0);
    }
  }
  return matches;
}

/** Rewrap the DEK of every record under `from` to `to`, in batches (AES key wrapping only). */
async function moveRecords(
  ctx: TokenContext,
  tx: Executor,
  appId: string,
  from: PasswordKey,
  to: PasswordKey,
): Promise<number> {
  let moved = 0;
  let after = "";
  for (;;) {
    const batch = await tx
      .select({
        id: tokens.id,
        appId: tokens.appId,
        kekId: tokens.kekId,
        passwordKeyId: tokens.passwordKeyId,
        wrappedDek: tokens.wrappedDek,
      })
      .from(tokens)
      .where(and(eq(tokens.passwordKeyId, from.id), gt(tokens.id, after)))
      .orderBy(asc(tokens.id))
      .limit(MERGE_BATCH)
      .for("update");
    if (batch.length === 0) return moved;
    for (const row of batch) {
      const dek = await unwrapDek(ctx, row, from);
      try {
        const wrapped = await wrapDek(ctx, appId, row.id, dek, to);
        await tx.update(tokens).set(wrapped).where(eq(tokens.id, row.id));
      } finally {
        dek.fill(0);
      }
    }
    moved += batch.length;
    after = batch[batch.length - 1]!.id;
  }
}

function audit(ctx: TokenContext, tx: Executor, appId: string, result: ChangePasswordAllResult) {
  return recordTokenEvent(ctx, tx, { action: "token.passwords_changed", appId, metadata: { ...result } });
}
