import { newId, VaultError } from "@vault/core";
import { blobOwnerKeys, blobs, withTransaction } from "@vault/store";
import { and, eq, isNull } from "drizzle-orm";
import { decideAccess, identityOf, type ResolvedCaller } from "./access";
import { auditKey, type BlobContext, emitBlobEvent, recordBlobEvent } from "./context";
import { sealBlob } from "./envelope";
import { enforce } from "./guard";
import { findOrCreateOwnerKey, type OwnerKey, unwrapOwnerKey } from "./keys";
import { lookupWrite, type WriteLookup } from "./lookup";
import { purgeRows } from "./purge";
import { noPolicy, resolveExpiry, resolveMaxRetrievals } from "./retention";
import { blobNotFound, toMeta } from "./rows";
import type { PutInput } from "./schemas";
import type { PutBlobResult } from "./types";

/**
 * Store `data` as entry `id` of `purpose`: checked against the purpose's policy (none → RETENTION_VIOLATION; expiry
 * within its maximum, default TTL otherwise; retrieval limit), sealed under a fresh DEK wrapped by the owner's key,
 * and inserted with its audit entry in one transaction. A live entry of the same id is replaced: its content is
 * purged with a proof (reason `replaced`) in that transaction. Nothing is written when anything fails.
 */
export async function putBlob(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  id: string,
  data: Uint8Array,
  opts: PutInput,
  caller: ResolvedCaller,
): Promise<PutBlobResult> {
  const owner = identityOf(caller);
  for (let attempt = 1; ; attempt++) {
    // One statement: the policy, the owner of the entry this would replace, and the writer's live key.
    const found = await lookupWrite(ctx.lookups, appId, purpose, id, owner);
    if (found === undefined) {
      if (caller.appId !== appId) throw blobNotFound(purpose, id);
      throw noPolicy(purpose);
    }
    const { policy, currentOwner } = found;
    await enforce(ctx, policy, "create", caller, { appId, purpose, id });
    const now = ctx.clock.now();
    const rules = { ...policy, purpose };
    const expiresAt = resolveExpiry(rules, opts.expiresAt, now);
    const maxRetrievals = resolveMaxRetrievals(rules, opts.maxRetrievals);
    // Made before the transaction, so that purges inside it find the app's proof key (kept after the first use).
    await ctx.appKeys.proofKey(ctx, appId);
    // Replacing is checked here, where a refusal can be audited (a detached audit write cannot wait inside our
    // transaction on a single-connection database); inside, the same decision is re-checked without side effects.
    if (currentOwner !== undefined)
      await enforce(ctx, policy, "replace", caller, { appId, purpose, id, owner: currentOwner });
    const ownerKey = await writerKey(ctx, appId, owner, found.ownerKey);
    const blobId = newId("blob");
    let sealed: ReturnType<typeof sealBlob>;
    try {
      sealed = sealBlob(ownerKey.key, { appId, purpose, id, blobId }, data);
    } finally {
      ownerKey.key.fill(0);
    }
    try {
      return await withTransaction(ctx.db, async (tx) => {
        // The owner's key must still be live when the entry commits: a shred that committed in between would leave an
        // entry nobody can read and no sweep would pick up. FOR SHARE holds off a shred until this commits.
        const [live] = await tx
          .select({ id: blobOwnerKeys.id })
          .from(blobOwnerKeys)
          .where(and(eq(blobOwnerKeys.id, ownerKey.id), isNull(blobOwnerKeys.shreddedAt)))
          .for("share");
        if (live === undefined) throw new RetryWrite("owner key shredded");
        // Locked and purged only when the lookup saw an entry to replace; a first write goes straight to the INSERT,
        // and one that a concurrent first write beat conflicts there and goes again as a replacement.
        const [existing] =
          currentOwner === undefined
            ? []
            : await tx
                .select(purgeableColumns)
                .from(blobs)
                .where(and(eq(blobs.appId, appId), eq(blobs.purpose, purpose), eq(blobs.externalId, id)))
                .for("update");
        if (existing !== undefined) {
          if (!decideAccess(policy, "replace", caller, appId, existing.owner).allowed) {
            throw new RetryWrite("replaced concurrently by another owner");
          }
          await purgeRows(ctx, tx, [{ ...existing, reason: "replaced" }], null);
        }
        const [row] = await tx
          .insert(blobs)
          .values({
            id: blobId,
            appId,
            purpose,
            externalId: id,
            owner,
            ownerKeyId: ownerKey.id,
            size: data.length,
            ...sealed,
            metadata: opts.metadata ?? {},
            maxRetrievals,
            retrievalCount: 0,
            expiresAt,
            dueAt: expiresAt,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing({ target: [blobs.appId, blobs.purpose, blobs.externalId] })
          .returning();
        // A concurrent first write of the same id won: go again, as a replacement of it.
        if (row === undefined) throw new RetryWrite("concurrent write");
        await recordBlobEvent(ctx, tx, {
          action: "blob.stored",
          appId,
          key: auditKey(purpose, id),
          metadata: {
            blobId,
            size: data.length,
            expiresAt: expiresAt.toISOString(),
            maxRetrievals,
            replaced: existing !== undefined,
          },
        });
        await emitBlobEvent(ctx, tx, {
          type: "blob.stored",
          appId,
          key: auditKey(purpose, id),
          data: {
            blobId,
            purpose,
            size: data.length,
            expiresAt: expiresAt.toISOString(),
            replaced: existing !== undefined,
          },
        });
        return { meta: toMeta(row), replaced: existing !== undefined };
      });
    } catch (error) {
      if (!(error instanceof RetryWrite)) throw error;
      if (attempt >= 5) {
        throw new VaultError("CONFLICT", `blob "${purpose}/${id}" is being written concurrently; retry`, {
          details: { purpose, id },
        });
      }
    }
  }
}

const purgeableColumns = {
  id: blobs.id,
  appId: blobs.appId,
  purpose: blobs.purpose,
  externalId: blobs.externalId,
  owner: blobs.owner,
  ownerKeyId: blobs.ownerKeyId,
  size: blobs.size,
  contentDigest: blobs.contentDigest,
};

/** The writer's live key: unwrapped from the lookup's row when it has one, else made (the owner's first write). */
async function writerKey(
  ctx: BlobContext,
  appId: string,
  owner: string,
  live: WriteLookup["ownerKey"],
): Promise<OwnerKey> {
  const key = live === undefined ? undefined : await unwrapOwnerKey(ctx, live);
  if (live !== undefined && key !== undefined) return { id: live.id, key };
  return findOrCreateOwnerKey(ctx, appId, owner);
}

/** Thrown inside the write's transaction to roll it back and try again. */
class RetryWrite extends Error {}
