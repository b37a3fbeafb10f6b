import type { VaultError } from "@vault/core";
import { type BlobRow, blobOwnerKeys, blobPurges, blobs, type Executor } from "@vault/store";
import { and, desc, eq } from "drizzle-orm";
import { blobGone } from "./rows";

/** An entry and whether its owner's key was shredded. */
export interface FoundEntry {
  row: BlobRow;
  shreddedAt: Date | null;
}

/** The live entry `id` of `purpose`, with its owner key's state; undefined when there is none. */
export async function findEntry(
  db: Executor,
  appId: string,
  purpose: string,
  id: string,
): Promise<FoundEntry | undefined> {
  const [found] = await db
    .select({ row: blobs, shreddedAt: blobOwnerKeys.shreddedAt })
    .from(blobs)
    .innerJoin(blobOwnerKeys, eq(blobOwnerKeys.id, blobs.ownerKeyId))
    .where(and(eq(blobs.appId, appId), eq(blobs.purpose, purpose), eq(blobs.externalId, id)));
  return found;
}

/** GONE for an entry that cannot be read any more (expired, exhausted, shredded), or undefined when it can. */
export function unavailable(entry: FoundEntry, now: Date): VaultError | undefined {
  const { row } = entry;
  if (entry.shreddedAt !== null) return blobGone(row.purpose, row.externalId, "shredded", entry.shreddedAt);
  if (row.expiresAt.getTime() <= now.getTime()) return blobGone(row.purpose, row.externalId, "expired", row.expiresAt);
  if (row.maxRetrievals !== null && row.retrievalCount >= row.maxRetrievals) {
    return blobGone(row.purpose, row.externalId, "exhausted");
  }
  return undefined;
}

/** GONE when `id` was purged (its latest purge's reason and time), undefined when it never existed. */
export async function purgedEntry(
  db: Executor,
  appId: string,
  purpose: string,
  id: string,
): Promise<VaultError | undefined> {
  const [last] = await db
    .select({ reason: blobPurges.reason, purgedAt: blobPurges.purgedAt })
    .from(blobPurges)
    .where(and(eq(blobPurges.appId, appId), eq(blobPurges.purpose, purpose), eq(blobPurges.externalId, id)))
    .orderBy(desc(blobPurges.purgedAt))
    .limit(1);
  if (last === undefined) return undefined;
  return blobGone(purpose, id, `purged: ${last.reason}`, last.purgedAt);
}
