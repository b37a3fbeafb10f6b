import {
  type RewrapBatch,
  type RewrapOptions,
  type RewrapStatus,
  RewrapTally,
  rewrapInBatches,
  rewrapKey,
  rewrapStatusOf,
} from "@vault/crypto";
import { type Executor, secrets, secretVersions, withTransaction } from "@vault/store";
import { and, asc, count, eq, gt, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { recordSecretEvent, type SecretContext } from "./context";

/**
 * Rewrap every data key not under the active KEK, `batchSize` per transaction, across apps. Values are never
 * decrypted. Resumable: each batch commits on its own, so a rerun continues where one stopped.
 */
export async function rewrapAll(
  ctx: SecretContext,
  batchSize: number,
  onProgress: RewrapOptions["onProgress"],
): Promise<{ rewrapped: number }> {
  const active = ctx.keys.activeKeyId();
  return rewrapInBatches<string>({
    batchSize,
    batch: (after) => withTransaction(ctx.db, (tx) => rewrapBatch(ctx, tx, active, batchSize, after)),
    pending: () => pendingRewrap(ctx, active),
    onProgress,
  });
}

/** The next `batchSize` versions after `after` (by id) not under `active`, rewrapped in `tx`. */
async function rewrapBatch(
  ctx: SecretContext,
  tx: Executor,
  active: string,
  batchSize: number,
  after: string | undefined,
): Promise<RewrapBatch<string>> {
  // SKIP LOCKED: several processes can rewrap at once, and writers are not blocked behind a batch.
  const rows = await tx
    .select({
      id: secretVersions.id,
      kekId: secretVersions.kekId,
      wrappedDek: secretVersions.wrappedDek,
      appId: secrets.appId,
    })
    .from(secretVersions)
    .innerJoin(secrets, eq(secrets.id, secretVersions.secretId))
    .where(
      and(
        isNotNull(secretVersions.kekId),
        ne(secretVersions.kekId, active),
        after === undefined ? undefined : gt(secretVersions.id, after),
      ),
    )
    .orderBy(asc(secretVersions.id))
    .limit(batchSize)
    .for("update", { of: secretVersions, skipLocked: true });
  const moved: SQL[] = [];
  // One audit entry per app in the batch (an entry belongs to one app), listing what moved off which KEK.
  const tally = new RewrapTally();
  for (const row of rows) {
    if (row.kekId === null || row.wrappedDek === null) continue;
    const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedDek, active);
    moved.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
    tally.add(row.appId, "versions", row.kekId);
  }
  if (moved.length > 0) {
    // One UPDATE per batch (Drizzle has no multi-row UPDATE): the rows are locked above, so nothing changed them.
    await tx.execute(
      sql`update ${secretVersions} as v set wrapped_dek = m.wrapped_dek, kek_id = m.kek_id
          from (values ${sql.join(moved, sql`, `)}) as m(id, wrapped_dek, kek_id)
          where v.id = m.id`,
    );
  }
  for (const { appId, metadata } of tally.byApp(active)) {
    await recordSecretEvent(ctx, tx, { action: "secret.rewrapped", appId, metadata });
  }
  return { moved: rows.length, next: rows.at(-1)?.id };
}

/** How many live versions each KEK wraps, and how many still need `rewrapAll`. */
export async function rewrapStatus(ctx: SecretContext): Promise<RewrapStatus> {
  const active = ctx.keys.activeKeyId();
  const rows = await ctx.db
    .select({ kekId: secretVersions.kekId, keys: count() })
    .from(secretVersions)
    .where(isNotNull(secretVersions.kekId))
    .groupBy(secretVersions.kekId);
  return rewrapStatusOf(active, rows);
}

async function pendingRewrap(ctx: SecretContext, active: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(secretVersions)
    .where(and(isNotNull(secretVersions.kekId), ne(secretVersions.kekId, active)));
  return Number(row?.n ?? 0);
}
