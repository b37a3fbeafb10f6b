import { VaultError } from "@vault/core";
import { blobs, withTransaction } from "@vault/store";
import { and, eq } from "drizzle-orm";
import { decideAccess, type ResolvedCaller } from "./access";
import type { BlobContext } from "./context";
import { enforce } from "./guard";
import { lookupEntry, purgedEntry } from "./lookup";
import { purgeRows } from "./purge";
import { blobNotFound } from "./rows";
import type { PurgeProof } from "./types";

/**
 * Purge an entry now (reason `deleted`) and return its proof, which is also recorded and audited in the purge's
 * transaction. An expired, exhausted or shredded entry not yet swept can be deleted too. Already purged → GONE.
 */
export async function deleteBlob(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  id: string,
  caller: ResolvedCaller,
): Promise<PurgeProof> {
  const found = await lookupEntry(ctx.lookups, appId, purpose, id);
  if (found === undefined) throw blobNotFound(purpose, id);
  const { policy, entry } = found;
  const target = { appId, purpose, id };
  await enforce(ctx, policy, "delete", caller, target, { stage: "visibility" });
  if (entry === undefined) throw (await purgedEntry(ctx.db, appId, purpose, id)) ?? blobNotFound(purpose, id);
  await enforce(ctx, policy, "delete", caller, { ...target, owner: entry.row.owner });
  const proof = await withTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select()
      .from(blobs)
      .where(and(eq(blobs.appId, appId), eq(blobs.purpose, purpose), eq(blobs.externalId, id)))
      .for("update");
    if (row === undefined) return undefined;
    // Replaced by another owner since the check above: decide again (a refusal here is not audited; retry to see it).
    if (!decideAccess(policy, "delete", caller, appId, row.owner).allowed) {
      throw new VaultError("CONFLICT", `blob "${purpose}/${id}" changed owner while being deleted; retry`, {
        details: { purpose, id },
      });
    }
    const [made] = await purgeRows(ctx, tx, [{ ...row, reason: "deleted" }], null);
    return made;
  });
  if (proof === undefined) throw (await purgedEntry(ctx.db, appId, purpose, id)) ?? blobNotFound(purpose, id);
  return proof;
}
