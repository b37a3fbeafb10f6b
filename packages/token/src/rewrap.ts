import {
  type RewrapBatch,
  type RewrapOptions,
  type RewrapStatus,
  RewrapTally,
  rewrapInBatches,
  rewrapKey,
  rewrapStatusOf,
} from "@vault/crypto";
import { type Executor, tokenApps, tokens, withTransaction } from "@vault/store";
import { and, asc, count, gt, isNotNull, isNull, ne, type SQL, sql } from "drizzle-orm";
import type { TokenContext } from "./context";

// After a KEK rotation: the keys the KEK wraps here are each app's token key (`vault_token_apps`, from which the
// lookup HMAC key and the Argon2 secret are derived) and the DEK of every record without a password (`vault_tokens`,
// `kek_id` set). A password-protected record's DEK is under its password key, which no KEK wraps: it is not touched.

/**
 * Rewrap every app key and record DEK not under the active KEK, `batchSize` keys per transaction, across apps. No
 * value is decrypted; a record's ciphertext, version and associated data stay as they are. Resumable, and safe with
 * several processes at once (`FOR UPDATE SKIP LOCKED`).
 */
export async function rewrapAll(
  ctx: TokenContext,
  batchSize: number,
  onProgress: RewrapOptions["onProgress"],
): Promise<{ rewrapped: number }> {
  const active = ctx.keys.activeKeyId();
  return rewrapInBatches<Cursor>({
    batchSize,
    batch: (after) => withTransaction(ctx.db, (tx) => rewrapBatch(ctx, tx, active, batchSize, after ?? {})),
    pending: async () => rewrapStatusOf(active, await countByKek(ctx.db)).pending,
    onProgress,
  });
}

/** Where a pass stands in each table: the last app id and record id it locked. */
interface Cursor {
  app?: string;
  record?: string;
}

/** App keys first, then record DEKs filling the batch, all in one transaction with one audit entry per app. */
async function rewrapBatch(
  ctx: TokenContext,
  tx: Executor,
  active: string,
  batchSize: number,
  after: Cursor,
): Promise<RewrapBatch<Cursor>> {
  const tally = new RewrapTally();
  const appRows = await tx
    .select({ appId: tokenApps.appId, kekId: tokenApps.kekId, wrappedKey: tokenApps.wrappedKey })
    .from(tokenApps)
    .where(and(ne(tokenApps.kekId, active), after.app === undefined ? undefined : gt(tokenApps.appId, after.app)))
    .orderBy(asc(tokenApps.appId))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const apps: SQL[] = [];
  for (const row of appRows) {
    const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedKey, active);
    apps.push(sql`(${row.appId}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
    tally.add(row.appId, "appKeys", row.kekId);
  }
  if (apps.length > 0) {
    // One UPDATE per table and batch (Drizzle has no multi-row UPDATE): the rows are locked, so nothing changed them.
    await tx.execute(
      sql`update ${tokenApps} as a set wrapped_key = m.wrapped_key, kek_id = m.kek_id
          from (values ${sql.join(apps, sql`, `)}) as m(app_id, wrapped_key, kek_id)
          where a.app_id = m.app_id`,
    );
  }
  const recordRows =
    appRows.length >= batchSize
      ? []
      : await tx
          .select({ id: tokens.id, appId: tokens.appId, kekId: tokens.kekId, wrappedDek: tokens.wrappedDek })
          .from(tokens)
          .where(
            and(
              isNotNull(tokens.kekId),
              isNull(tokens.passwordKeyId),
              ne(tokens.kekId, active),
              after.record === undefined ? undefined : gt(tokens.id, after.record),
            ),
          )
          .orderBy(asc(tokens.id))
          .limit(batchSize - appRows.length)
          .for("update", { skipLocked: true });
  const records: SQL[] = [];
  for (const row of recordRows) {
    if (row.kekId === null) continue;
    const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedDek, active);
    records.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
    tally.add(row.appId, "records", row.kekId);
  }
  if (records.length > 0) {
    // Only the wrapped DEK and its KEK id change: not the version (bound into the value's associated data), not
    // updated_at (the record did not change).
    await tx.execute(
      sql`update ${tokens} as t set wrapped_dek = m.wrapped_dek, kek_id = m.kek_id
          from (values ${sql.join(records, sql`, `)}) as m(id, wrapped_dek, kek_id)
          where t.id = m.id`,
    );
  }
  // Audit only (counts and KEK ids): a rewrap is no change a subscriber could act on, so it is not an outbox event.
  for (const { appId, metadata } of tally.byApp(active)) {
    await ctx.audit.record(tx, {
      action: "token.keys_rewrapped",
      resource: "token",
      appId,
      outcome: "success",
      metadata,
    });
  }
  return {
    moved: appRows.length + recordRows.length,
    next: { app: appRows.at(-1)?.appId ?? after.app, record: recordRows.at(-1)?.id ?? after.record },
  };
}

/** How many app keys and record DEKs each KEK wraps, and how many still need `rewrapAll`. */
export async function rewrapStatus(ctx: TokenContext): Promise<RewrapStatus> {
  return rewrapStatusOf(ctx.keys.activeKeyId(), await countByKek(ctx.db));
}

async function countByKek(db: Executor): Promise<Array<{ kekId: string; keys: number }>> {
  const apps = await db.select({ kekId: tokenApps.kekId, keys: count() }).from(tokenApps).groupBy(tokenApps.kekId);
  const records = await db
    .select({ kekId: tokens.kekId, keys: count() })
    .from(tokens)
    .where(and(isNotNull(tokens.kekId), isNull(tokens.passwordKeyId)))
    .groupBy(tokens.kekId);
  return [...apps, ...records].flatMap((row) =>
    row.kekId === null ? [] : [{ kekId: row.kekId, keys: Number(row.keys) }],
  );
}
