import { constantTimeEqual } from "@vault/crypto";
import { blobApps, blobOwnerKeys, blobPurges } from "@vault/store";
import { eq } from "drizzle-orm";
import type { BlobContext } from "./context";
import { digestOf } from "./envelope";
import { unwrapOwnerKey } from "./keys";
import { purgeProof } from "./proof";
import type { ProofVerification, PurgeProof } from "./types";

/**
 * Check a purge proof (from a DELETE answer, an audit entry or `vault_blob_purges`): recompute the HMAC under the
 * app's proof key and compare in constant time; say whether the purge is on record with the same proof; and, given
 * the content the caller kept, whether the purged entry held exactly it (possible while its owner's key lives).
 */
export async function verifyPurgeProof(
  ctx: BlobContext,
  record: PurgeProof,
  content: Uint8Array | undefined,
): Promise<ProofVerification> {
  const [app] = await ctx.db.select({ appId: blobApps.appId }).from(blobApps).where(eq(blobApps.appId, record.appId));
  if (app === undefined) return { valid: false, contentMatches: null, recorded: false };
  const proofKey = await ctx.appKeys.proofKey(ctx, record.appId);
  const digest = Buffer.from(record.contentDigest, "hex");
  const expected = purgeProof(proofKey, { ...record, contentDigest: digest });
  const valid = constantTimeEqual(expected, Buffer.from(record.proof, "hex"));
  const [stored] = await ctx.db.select().from(blobPurges).where(eq(blobPurges.blobId, record.blobId));
  const recorded =
    stored !== undefined &&
    stored.appId === record.appId &&
    constantTimeEqual(stored.proof, Buffer.from(record.proof, "hex"));
  let contentMatches: boolean | null = null;
  if (content !== undefined && stored !== undefined && stored.appId === record.appId) {
    const [key] = await ctx.db
      .select({ wrappedKey: blobOwnerKeys.wrappedKey, kekId: blobOwnerKeys.kekId })
      .from(blobOwnerKeys)
      .where(eq(blobOwnerKeys.id, stored.ownerKeyId));
    const ownerKey = key === undefined ? undefined : await unwrapOwnerKey(ctx, key);
    if (ownerKey !== undefined) {
      try {
        contentMatches = constantTimeEqual(digestOf(ownerKey, content), digest);
      } finally {
        ownerKey.fill(0);
      }
    }
  }
  return { valid, contentMatches, recorded };
}
