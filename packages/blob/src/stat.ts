import type { ResolvedCaller } from "./access";
import type { BlobContext } from "./context";
import { enforce } from "./guard";
import { lookupEntry, purgedEntry, unavailable } from "./lookup";
import { blobNotFound, toMeta } from "./rows";
import type { BlobMeta } from "./types";

/**
 * What HEAD answers: the entry's metadata (existence, size, expiry, retrievals left) under the same access rules and
 * with the same errors as a retrieval — but nothing is counted, nothing decrypted and nothing audited.
 */
export async function statBlob(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  id: string,
  caller: ResolvedCaller,
): Promise<BlobMeta> {
  const found = await lookupEntry(ctx.lookups, appId, purpose, id);
  if (found === undefined) throw blobNotFound(purpose, id);
  const { policy, entry } = found;
  const target = { appId, purpose, id };
  await enforce(ctx, policy, "read", caller, target, { stage: "visibility", audited: false });
  if (entry === undefined) throw (await purgedEntry(ctx.db, appId, purpose, id)) ?? blobNotFound(purpose, id);
  await enforce(ctx, policy, "read", caller, { ...target, owner: entry.row.owner }, { audited: false });
  const gone = unavailable(entry, ctx.clock.now());
  if (gone !== undefined) throw gone;
  return toMeta(entry.row);
}
