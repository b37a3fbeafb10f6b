import {
  type RewrapBatch,
  type RewrapOptions,
  type RewrapStatus,
  RewrapTally,
  rewrapInBatches,
  rewrapKey,
  rewrapStatusOf,
} from "@vault/crypto";
import { blobApps, blobOwnerKeys, type Executor, withTransaction } from "@vault/store";
import { and, asc, count, gt, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { type BlobContext, recordBlobEvent } from "./context";

// After a KEK rotation: the keys the KEK wraps here are each app's blob key (`vault_blob_apps`, from which the proof
// key is derived) and each live owner key (`vault_blob_owner_keys`, which wraps the DEKs of the owner's entries). The
// entries themselves are under owner keys, not the KEK, so nothing else moves. A shredded owner key holds nothing.

/**
 * Rewrap every app and owner key not under the active KEK, `batchSize` keys per transaction, across apps. Nothing is
 * decrypted but the keys themselves (never a blob); what they derive and wrap stays the same. Resumable, and safe
 * with several processes at once (`FOR UPDATE SKIP LOCKED`).
 */
export async function rewrapAll(
  ctx: BlobContext,
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

/** Where a pass stands in each table: the last app id and owner key id it locked. */
interface Cursor {
  app?: string;
  owner?: string;
}

/** App keys first, then owner keys filling the batch, all in one transaction with one audit entry per app. */
async function rewrapBatch(
  ctx: BlobContext,
  tx: Executor,
  active: string,
  batchSize: number,
  after: Cursor,
): Promise<RewrapBatch<Cursor>> {
  const tally = new RewrapTally();
  const appRows = await tx
    .select({ appId: blobApps.appId, kekId: blobApps.kekId, wrappedKey: blobApps.wrappedKey })
    .from(blobApps)
    .where(and(ne(blobApps.kekId, active), after.app === undefined ? undefined : gt(blobApps.appId, after.app)))
    .orderBy(asc(blobApps.appId))
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
      sql`update ${blobApps} as a set wrapped_key = m.wrapped_key, kek_id = m.kek_id
          from (values ${sql.join(apps, sql`, `)}) as m(app_id, wrapped_key, kek_id)
          where a.app_id = m.app_id`,
    );
  }
  const ownerRows =
    appRows.length >= batchSize
      ? []
      : await tx
          .select({
            id: blobOwnerKeys.id,
            appId: blobOwnerKeys.appId,
            kekId: blobOwnerKeys.kekId,
            wrappedKey: blobOwnerKeys.wrappedKey,
          })
          .from(blobOwnerKeys)
          // A shred nulls both columns in one UPDATE (and waits for this batch's lock): a shredded key is skipped.
          .where(
            and(
              isNotNull(blobOwnerKeys.kekId),
              isNotNull(blobOwnerKeys.wrappedKey),
              ne(blobOwnerKeys.kekId, active),
              after.owner === undefined ? undefined : gt(blobOwnerKeys.id, after.owner),
            ),
          )
          .orderBy(asc(blobOwnerKeys.id))
          .limit(batchSize - appRows.length)
          .for("update", { skipLocked: true });
  const owners: SQL[] = [];
  for (const row of ownerRows) {
    if (row.kekId === null || row.wrappedKey === null) continue;
    const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedKey, active);
    owners.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
    tally.add(row.appId, "ownerKeys", row.kekId);
  }
  if (owners.length > 0) {
    await tx.execute(
      sql`update ${blobOwnerKeys} as o set wrapped_key = m.wrapped_key, kek_id = m.kek_id
          from (values ${sql.join(owners, sql`, `)}) as m(id, wrapped_key, kek_id)
          where o.id = m.id`,
    );
  }
  // Counts and KEK ids only: never an owner (an identity) or a key.
  for (const { appId, metadata } of tally.byApp(active)) {
    await recordBlobEvent(ctx, tx, { action: "blob.keys_rewrapped", appId, metadata });
  }
  return {
    moved: appRows.length + ownerRows.length,
    next: { app: appRows.at(-1)?.appId ?? after.app, owner: ownerRows.at(-1)?.id ?? after.owner },
  };
}

/** How many app and live owner keys each KEK wraps, and how many still need `rewrapAll`. */
export async function rewrapStatus(ctx: BlobContext): Promise<RewrapStatus> {
  return rewrapStatusOf(ctx.keys.activeKeyId(), await countByKek(ctx.db));
}

async function countByKek(db: Executor): Promise<Array<{ kekId: string; keys: number }>> {
  const apps = await db.select({ kekId: blobApps.kekId, keys: count() }).from(blobApps).groupBy(blobApps.kekId);
  const owners = await db
    .select({ kekId: blobOwnerKeys.kekId, keys: count() })
    .from(blobOwnerKeys)
    .where(and(isNotNull(blobOwnerKeys.kekId), isNotNull(blobOwnerKeys.wrappedKey)))
    .groupBy(blobOwnerKeys.kekId);
  return [...apps, ...owners].flatMap((row) =>
    row.kekId === null ? [] : [{ kekId: row.kekId, keys: Number(row.keys) }],
  );
}
