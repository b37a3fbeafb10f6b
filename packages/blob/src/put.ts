import { newId, VaultError } from "@vault/core";
import { blobOwnerKeys, blobs, withTransaction } from "@vault/store";
import { and, eq, isNull } from "drizzle-orm";
import { decideAccess, identityOf, type ResolvedCaller } from "./access";
import { auditKey, type BlobContext, emitBlobEvent, recordBlobEvent } from "./context";
import { sealBlob } from "./envelope";
import { enforce } from "./guard";
import { findOrCreateOwnerKey } from "./keys";
import { findPolicy } from "./policies";
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
  const policy = await findPolicy(ctx.db, appId, purpose);
  if (policy === undefined) {
    if (caller.appId !== appId) throw blobNotFound(purpose, id);
    throw noPolicy(purpose);
  }
  await enforce(ctx, policy, "create", caller, { appId, purpose, id });
  const now = ctx.clock.now();
  const rules = { ...policy, purpose };
  const expiresAt = resolveExpiry(rules, opts.expiresAt, now);
  const maxRetrievals = resolveMaxRetrievals(rules, opts.maxRetrievals);
  const owner = identityOf(caller);
  // Made before the transaction, so that purges inside it find the app's proof key.
  await ctx.appKeys.proofKey(ctx, appId);
  for (let attempt = 1; ; attempt++) {
    // Replacing is checked here, where a refusal can be audited (a detached audit write cannot wait inside our
    // transaction on a single-connection database); inside, the same decision is re-checked without side effects.
    const [current] = await ctx.db
      .select({ owner: blobs.owner })
      .from(blobs)
      .where(and(eq(blobs.appId, appId), eq(blobs.purpose, purpose), eq(blobs.externalId, id)));
    if (current !== undefined)
      await enforce(ctx, policy, "replace", caller, { appId, purpose, id, owner: current.owner });
    const ownerKey = await findOrCreateOwnerKey(ctx, appId, owner);
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
        const [existing] = await tx
          .select()
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

/** Thrown inside the write's transaction to roll it back and try again. */
class RetryWrite extends Error {}
