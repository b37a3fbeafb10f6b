import type { VaultError } from "@vault/core";
import {
  type BlobOwnerKeyRow,
  type BlobPolicyRow,
  blobOwnerKeys,
  blobPolicies,
  blobPurges,
  blobs,
  type Executor,
  type VaultDb,
} from "@vault/store";
import { and, desc, eq, sql } from "drizzle-orm";
import type { BlobMetaRow } from "./rows";
import { blobGone } from "./rows";

/** An entry's columns that describe it and locate its key — never its sealed content. */
export type EntryRow = BlobMetaRow & { ownerKeyId: string };

/** An entry and whether its owner's key was shredded. */
export interface FoundEntry {
  row: EntryRow;
  shreddedAt: Date | null;
}

/** What a read, a HEAD and a delete start from: the purpose's policy and its entry `id`, if there is one. */
export interface Lookup {
  policy: BlobPolicyRow;
  entry: FoundEntry | undefined;
}

/** What a write starts from: the policy, the owner of the entry it would replace, and the writer's live key. */
export interface WriteLookup {
  policy: BlobPolicyRow;
  currentOwner: string | undefined;
  ownerKey: Pick<BlobOwnerKeyRow, "id" | "wrappedKey" | "kekId"> | undefined;
}

const entryColumns = {
  id: blobs.id,
  appId: blobs.appId,
  purpose: blobs.purpose,
  externalId: blobs.externalId,
  owner: blobs.owner,
  ownerKeyId: blobs.ownerKeyId,
  size: blobs.size,
  metadata: blobs.metadata,
  maxRetrievals: blobs.maxRetrievals,
  retrievalCount: blobs.retrievalCount,
  expiresAt: blobs.expiresAt,
  createdAt: blobs.createdAt,
  updatedAt: blobs.updatedAt,
};

/**
 * The lookups every request makes first, as one statement each — the policy LEFT JOINed with the entry (and its
 * owner key's state, or the writer's live key) instead of a SELECT per table — prepared once per service on its own
 * handle (building a Drizzle query costs ~0.1 ms of CPU per call; see @vault/secret's read.ts). A purpose without a
 * policy answers no row.
 */
export function prepareLookups(db: VaultDb) {
  const policyOf = and(
    eq(blobPolicies.appId, sql.placeholder("appId")),
    eq(blobPolicies.purpose, sql.placeholder("purpose")),
  );
  const entryOf = and(
    eq(blobs.appId, blobPolicies.appId),
    eq(blobs.purpose, blobPolicies.purpose),
    eq(blobs.externalId, sql.placeholder("id")),
  );
  return {
    entry: db
      .select({ policy: blobPolicies, entry: entryColumns, shreddedAt: blobOwnerKeys.shreddedAt })
      .from(blobPolicies)
      .leftJoin(blobs, entryOf)
      .leftJoin(blobOwnerKeys, eq(blobOwnerKeys.id, blobs.ownerKeyId))
      .where(policyOf)
      .prepare("vault_blob_lookup_entry"),
    write: db
      .select({
        policy: blobPolicies,
        currentOwner: blobs.owner,
        ownerKey: { id: blobOwnerKeys.id, wrappedKey: blobOwnerKeys.wrappedKey, kekId: blobOwnerKeys.kekId },
      })
      .from(blobPolicies)
      .leftJoin(blobs, entryOf)
      .leftJoin(
        blobOwnerKeys,
        and(
          eq(blobOwnerKeys.appId, blobPolicies.appId),
          eq(blobOwnerKeys.owner, sql.placeholder("owner")),
          sql`${blobOwnerKeys.shreddedAt} is null`,
        ),
      )
      .where(policyOf)
      .prepare("vault_blob_lookup_write"),
  };
}
export type PreparedLookups = ReturnType<typeof prepareLookups>;

/** The policy of `purpose` and its entry `id` (undefined when the purpose has no policy). */
export async function lookupEntry(
  lookups: PreparedLookups,
  appId: string,
  purpose: string,
  id: string,
): Promise<Lookup | undefined> {
  const [found] = await lookups.entry.execute({ appId, purpose, id });
  if (found === undefined) return undefined;
  return {
    policy: found.policy,
    entry: found.entry === null ? undefined : { row: found.entry, shreddedAt: found.shreddedAt },
  };
}

/** The policy of `purpose`, the owner of its entry `id` if any, and `owner`'s live key if any. */
export async function lookupWrite(
  lookups: PreparedLookups,
  appId: string,
  purpose: string,
  id: string,
  owner: string,
): Promise<WriteLookup | undefined> {
  const [found] = await lookups.write.execute({ appId, purpose, id, owner });
  if (found === undefined) return undefined;
  return {
    policy: found.policy,
    currentOwner: found.currentOwner ?? undefined,
    ownerKey: found.ownerKey ?? undefined,
  };
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
