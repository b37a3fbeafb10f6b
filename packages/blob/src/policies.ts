import { type BlobPolicyRow, blobPolicies, blobs, type Executor, withTransaction } from "@vault/store";
import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type BlobContext, emitBlobEvent, recordBlobEvent } from "./context";
import { toPolicy } from "./rows";
import type { PolicyInput } from "./schemas";
import type { BlobPolicy, SetPolicyResult } from "./types";

/** The policy of `purpose` in `appId`, or undefined. */
export async function findPolicy(db: Executor, appId: string, purpose: string): Promise<BlobPolicyRow | undefined> {
  const [row] = await db
    .select()
    .from(blobPolicies)
    .where(and(eq(blobPolicies.appId, appId), eq(blobPolicies.purpose, purpose)));
  return row;
}

/** Every policy of the app, by purpose. */
export async function listPolicies(db: Executor, appId: string): Promise<BlobPolicy[]> {
  const rows = await db
    .select()
    .from(blobPolicies)
    .where(eq(blobPolicies.appId, appId))
    .orderBy(asc(sql`${blobPolicies.purpose} collate "C"`));
  return rows.map(toPolicy);
}

/**
 * Create or replace the policy of `purpose`. A lower `maxRetentionDays` applies to the entries already stored: any that
 * would outlive it get the new maximum as their expiry, in the same transaction (the sweep then purges them when
 * due), so no entry ever outlives its purpose's maximum. Audited as `blob.policy_set`.
 */
export async function setPolicy(
  ctx: BlobContext,
  appId: string,
  purpose: string,
  input: PolicyInput,
): Promise<SetPolicyResult> {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const [existing] = await tx
      .select()
      .from(blobPolicies)
      .where(and(eq(blobPolicies.appId, appId), eq(blobPolicies.purpose, purpose)))
      .for("update");
    const values = {
      maxRetentionDays: input.maxRetentionDays,
      defaultTtlDays: input.defaultTtlDays,
      access: input.access,
      allowedApps: [...new Set(input.allowedApps)],
      grantedKeys: [...new Set(input.grantedKeys)],
      requireIdentity: input.requireIdentity,
      maxRetrievals: input.maxRetrievals,
      updatedAt: now,
    };
    const [row] =
      existing === undefined
        ? await tx
            .insert(blobPolicies)
            .values({ appId, purpose, ...values, createdAt: now })
            .onConflictDoUpdate({ target: [blobPolicies.appId, blobPolicies.purpose], set: values })
            .returning()
        : await tx
            .update(blobPolicies)
            .set(values)
            .where(and(eq(blobPolicies.appId, appId), eq(blobPolicies.purpose, purpose)))
            .returning();
    let entriesShortened = 0;
    if (existing !== undefined && input.maxRetentionDays < existing.maxRetentionDays) {
      const latest = sql`${blobs.createdAt} + ${input.maxRetentionDays} * interval '1 day'`;
      const shortened = await tx
        .update(blobs)
        .set({ expiresAt: latest, dueAt: sql`least(${blobs.dueAt}, ${latest})`, updatedAt: now })
        .where(and(eq(blobs.appId, appId), eq(blobs.purpose, purpose), gt(blobs.expiresAt, latest)))
        .returning({ id: blobs.id });
      entriesShortened = shortened.length;
    }
    await recordBlobEvent(ctx, tx, {
      action: "blob.policy_set",
      appId,
      key: purpose,
      metadata: { created: existing === undefined, ...values, updatedAt: now.toISOString(), entriesShortened },
    });
    await emitBlobEvent(ctx, tx, {
      type: "blob.policy_set",
      appId,
      key: purpose,
      data: { created: existing === undefined, entriesShortened },
    });
    return { policy: toPolicy(row!), created: existing === undefined, entriesShortened };
  });
}
