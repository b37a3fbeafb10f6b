import type { BlobRow, Executor } from "@vault/store";
import { blobPurges, blobs } from "@vault/store";
import { inArray } from "drizzle-orm";
import { auditKey, type BlobContext, emitBlobEvent, recordBlobEvent } from "./context";
import { purgeProof } from "./proof";
import type { PurgeProof, PurgeReason } from "./types";

/** The columns a purge reads from an entry (never its content). */
export type PurgeableRow = Pick<
  BlobRow,
  "id" | "appId" | "purpose" | "externalId" | "ownerKeyId" | "size" | "contentDigest"
>;

/**
 * Purge `rows` (already locked by the caller) inside `tx`: delete them, record one proof each in `vault_blob_purges`
 * and write the proofs to the audit log — one entry per app and reason, listing every proof — in the same
 * transaction, so there is no purge without its proof and no proof without its purge.
 */
export async function purgeRows(
  ctx: BlobContext,
  tx: Executor,
  rows: readonly (PurgeableRow & { reason: PurgeReason })[],
  sweepId: string | null,
): Promise<PurgeProof[]> {
  if (rows.length === 0) return [];
  const purgedAt = ctx.clock.now();
  const proofs: PurgeProof[] = [];
  const records: (typeof blobPurges.$inferInsert)[] = [];
  for (const row of rows) {
    const proofKey = await ctx.appKeys.proofKey(ctx, row.appId, tx);
    const fields = {
      blobId: row.id,
      appId: row.appId,
      purpose: row.purpose,
      id: row.externalId,
      size: row.size,
      contentDigest: row.contentDigest,
      reason: row.reason,
      purgedAt,
    };
    const proof = purgeProof(proofKey, fields);
    records.push({
      blobId: row.id,
      appId: row.appId,
      purpose: row.purpose,
      externalId: row.externalId,
      ownerKeyId: row.ownerKeyId,
      size: row.size,
      contentDigest: row.contentDigest,
      reason: row.reason,
      purgedAt,
      sweepId,
      proof,
    });
    proofs.push({
      ...fields,
      contentDigest: Buffer.from(row.contentDigest).toString("hex"),
      proof: proof.toString("hex"),
    });
  }
  await tx.delete(blobs).where(
    inArray(
      blobs.id,
      rows.map((r) => r.id),
    ),
  );
  await tx.insert(blobPurges).values(records);
  const groups = new Map<string, PurgeProof[]>();
  for (const proof of proofs) {
    const group = `${proof.appId}\u0000${proof.reason}`;
    groups.set(group, [...(groups.get(group) ?? []), proof]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    await recordBlobEvent(ctx, tx, {
      action: "blob.purged",
      appId: first.appId,
      ...(group.length === 1 ? { key: auditKey(first.purpose, first.id) } : {}),
      metadata: {
        reason: first.reason,
        purgedAt: purgedAt.toISOString(),
        count: group.length,
        ...(sweepId === null ? {} : { sweepId }),
        proofs: group.map((p) => ({
          blobId: p.blobId,
          purpose: p.purpose,
          id: p.id,
          size: p.size,
          contentDigest: p.contentDigest,
          proof: p.proof,
        })),
      },
    });
  }
  // One event per entry (a sweep's batch is bounded): subscribers learn which entry went and why, not its digest.
  for (const proof of proofs) {
    await emitBlobEvent(ctx, tx, {
      type: "blob.purged",
      appId: proof.appId,
      key: auditKey(proof.purpose, proof.id),
      data: { blobId: proof.blobId, purpose: proof.purpose, reason: proof.reason },
    });
  }
  return proofs;
}
