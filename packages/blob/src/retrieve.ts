import { isVaultError, VaultError } from "@vault/core";
import { blobOwnerKeys, blobs, withTransaction } from "@vault/store";
import { and, eq, getTableColumns, gt, isNull, lt, or, sql } from "drizzle-orm";
import type { ResolvedCaller } from "./access";
import { auditKey, type BlobContext, recordBlobDetached, recordBlobEvent } from "./context";
import { openBlob } from "./envelope";
import { enforce, recordDenial } from "./guard";
import { unwrapOwnerKey } from "./keys";
import { lookupEntry, purgedEntry, unavailable } from "./lookup";
import { purgeRows } from "./purge";
import { blobGone, blobNotFound, toMeta } from "./rows";
import type { BlobContent } from "./types";

/** Marks an error whose refusal was already audited as `blob.denied`. */
const AUDITED = new WeakSet<object>();

/**
 * Retrieve an entry's bytes, counting one retrieval atomically: a conditional UPDATE increments the count only while
 * the entry is unexpired and under its limit, so concurrent readers never exceed `maxRetrievals`; the retrieval that
 * reaches the limit purges the entry (with a proof) in the same transaction. The bytes are decrypted inside that
 * transaction and handed out only once it, and its `blob.retrieved` audit entry, committed. Refusals are audited as
 * `blob.denied`, failures (NOT_FOUND, GONE) as a failed `blob.retrieved`.
 */
export async function retrieveBlob(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  id: string,
  caller: ResolvedCaller,
): Promise<BlobContent> {
  try {
    return await retrieve(ctx, appId, purpose, id, caller);
  } catch (error) {
    if (isVaultError(error) && !AUDITED.has(error)) {
      await recordBlobDetached(ctx, {
        action: "blob.retrieved",
        appId,
        key: auditKey(purpose, id),
        outcome: "failure",
        metadata: { error: error.code, callerApp: caller.appId },
      });
    }
    throw error;
  }
}

async function retrieve(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  id: string,
  caller: ResolvedCaller,
): Promise<BlobContent> {
  const found = await lookupEntry(ctx.lookups, appId, purpose, id);
  if (found === undefined) {
    const error = blobNotFound(purpose, id);
    // Another app probing: a refusal like any other (it cannot tell a purpose without policy from a hidden one).
    if (caller.appId !== appId) {
      await recordDenial(
        ctx,
        "read",
        caller,
        { appId, purpose, id },
        { allowed: false, as: "hidden", reason: "other_app" },
      );
      AUDITED.add(error);
    }
    throw error;
  }
  const { policy, entry } = found;
  // Decided on the policy alone first: a caller refused here learns nothing of the entry the lookup also read.
  await audited(enforce(ctx, policy, "read", caller, { appId, purpose, id }, { stage: "visibility" }));
  if (entry === undefined) throw (await purgedEntry(ctx.db, appId, purpose, id)) ?? blobNotFound(purpose, id);
  await audited(enforce(ctx, policy, "read", caller, { appId, purpose, id, owner: entry.row.owner }));
  const now = ctx.clock.now();
  const gone = unavailable(entry, now);
  if (gone !== undefined) throw gone;
  return withTransaction(ctx.db, async (tx) => {
    // One statement counts the retrieval and reads the owner's key. FOR SHARE on the key: a shred waits for this
    // retrieval, or this retrieval sees the shred (a null key).
    const ownerKeyRow = tx
      .$with("owner_key")
      .as(
        tx
          .select({ wrappedKey: blobOwnerKeys.wrappedKey, kekId: blobOwnerKeys.kekId })
          .from(blobOwnerKeys)
          .where(eq(blobOwnerKeys.id, entry.row.ownerKeyId))
          .for("share"),
      );
    const [counted] = await tx
      .with(ownerKeyRow)
      .update(blobs)
      .set({ retrievalCount: sql`${blobs.retrievalCount} + 1`, updatedAt: now })
      .from(ownerKeyRow)
      .where(
        and(
          eq(blobs.id, entry.row.id),
          gt(blobs.expiresAt, now),
          or(isNull(blobs.maxRetrievals), lt(blobs.retrievalCount, blobs.maxRetrievals)),
        ),
      )
      .returning({ row: getTableColumns(blobs), wrappedKey: ownerKeyRow.wrappedKey, kekId: ownerKeyRow.kekId });
    // Another reader took the last retrieval (and purged it), or a sweep purged it, in the meantime.
    if (counted === undefined) throw blobGone(purpose, id, "exhausted or purged");
    const { row } = counted;
    const ownerKey = await unwrapOwnerKey(ctx, counted);
    if (ownerKey === undefined) throw blobGone(purpose, id, "shredded");
    let data: Buffer;
    try {
      data = openBlob(ownerKey, row);
    } finally {
      ownerKey.fill(0);
    }
    const exhausted = row.maxRetrievals !== null && row.retrievalCount >= row.maxRetrievals;
    if (exhausted) await purgeRows(ctx, tx, [{ ...row, reason: "exhausted" }], null);
    const meta = toMeta(row);
    await recordBlobEvent(ctx, tx, {
      action: "blob.retrieved",
      appId,
      key: auditKey(purpose, id),
      metadata: {
        blobId: row.id,
        size: row.size,
        retrievals: row.retrievalCount,
        retrievalsLeft: meta.retrievalsLeft,
        exhausted,
        callerApp: caller.appId,
      },
    });
    return { data, meta };
  });
}

/** Mark the refusal a check throws as audited already. */
async function audited(check: Promise<void>): Promise<void> {
  try {
    await check;
  } catch (error) {
    if (error instanceof VaultError || isVaultError(error)) AUDITED.add(error as object);
    throw error;
  }
}
