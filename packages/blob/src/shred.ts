import { blobOwnerKeys, blobs, withTransaction } from "@vault/store";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { type BlobContext, emitBlobEvent, recordBlobEvent } from "./context";
import type { ShredResult } from "./types";

/**
 * Crypto-shred an owner: destroy its key (the row keeps that it existed and when it was shredded), so every entry it
 * stored in the app is unreadable at once — each entry's DEK is wrapped by that key and nothing else. The entries are
 * marked due, and the sweep purges them with proofs. Audited as `blob.owner_shredded` with the owner HMAC'd. A backup
 * taken before holds the wrapped key: see DESIGN §5 and docs/blobs.md on what completes a shred there.
 */
export async function shredOwner(ctx: BlobContext, appId: string, owner: string): Promise<ShredResult> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const keys = await tx
      .update(blobOwnerKeys)
      .set({ wrappedKey: null, kekId: null, shreddedAt: now })
      .where(and(eq(blobOwnerKeys.appId, appId), eq(blobOwnerKeys.owner, owner), isNull(blobOwnerKeys.shreddedAt)))
      .returning({ id: blobOwnerKeys.id });
    const entries =
      keys.length === 0
        ? []
        : await tx
            .update(blobs)
            .set({ dueAt: now, updatedAt: now })
            .where(
              inArray(
                blobs.ownerKeyId,
                keys.map((k) => k.id),
              ),
            )
            .returning({ id: blobs.id });
    await recordBlobEvent(ctx, tx, {
      action: "blob.owner_shredded",
      appId,
      metadata: { owner, shredded: keys.length > 0, entries: entries.length },
      sensitive: ["owner"],
    });
    // The owner is HMAC'd in the audit entry; an event leaves the system, so it does not name the owner at all.
    await emitBlobEvent(ctx, tx, {
      type: "blob.owner_shredded",
      appId,
      data: { shredded: keys.length > 0, entries: entries.length },
    });
    return { shredded: keys.length > 0, entries: entries.length };
  });
}
