import { decodeCursor, encodeCursor } from "@vault/core";
import { blobs } from "@vault/store";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { z } from "zod";
import { identityOf, type ResolvedCaller } from "./access";
import { type BlobContext, recordBlobDetached } from "./context";
import { enforce } from "./guard";
import { findPolicy } from "./policies";
import { policyNotFound, toMeta } from "./rows";
import type { ListInput } from "./schemas";
import type { BlobPage } from "./types";

const cursorSchema = z.object({ after: z.string().regex(/^blob_[0-9a-z]{26}$/) });

/** The columns a listing reads: never the ciphertext, the wrapped DEK or the content digest. */
const META_COLUMNS = {
  id: blobs.id,
  appId: blobs.appId,
  purpose: blobs.purpose,
  externalId: blobs.externalId,
  owner: blobs.owner,
  size: blobs.size,
  metadata: blobs.metadata,
  maxRetrievals: blobs.maxRetrievals,
  retrievalCount: blobs.retrievalCount,
  expiresAt: blobs.expiresAt,
  createdAt: blobs.createdAt,
  updatedAt: blobs.updatedAt,
};

/**
 * A page of a purpose's entries, metadata only, in the order they were stored (by `blob_…` id, a UUIDv7). Under
 * `owner-only` a caller who is not an admin sees only its own entries. Audited as `blob.listed`.
 */
export async function listBlobs(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  caller: ResolvedCaller,
  q: ListInput,
): Promise<BlobPage> {
  const policy = await findPolicy(ctx.db, appId, purpose);
  if (policy === undefined) throw policyNotFound(purpose);
  await enforce(ctx, policy, "list", caller, { appId, purpose });
  const after = q.cursor === undefined ? undefined : decodeCursor(q.cursor, cursorSchema).after;
  const ownOnly = policy.access === "owner-only" && caller.admin !== true;
  const rows = await ctx.db
    .select(META_COLUMNS)
    .from(blobs)
    .where(
      and(
        eq(blobs.appId, appId),
        eq(blobs.purpose, purpose),
        ownOnly ? eq(blobs.owner, identityOf(caller)) : undefined,
        after === undefined ? undefined : gt(sql`${blobs.id} collate "C"`, after),
      ),
    )
    .orderBy(asc(sql`${blobs.id} collate "C"`))
    .limit(q.limit + 1);
  const more = rows.length > q.limit;
  const page = more ? rows.slice(0, q.limit) : rows;
  await recordBlobDetached(ctx, {
    action: "blob.listed",
    appId,
    key: purpose,
    metadata: { returned: page.length, ownOnly, callerApp: caller.appId },
  });
  return {
    items: page.map(toMeta),
    nextCursor: more ? encodeCursor({ after: page[page.length - 1]!.id }) : null,
  };
}
