import { decodeCursor, newId, notFound, type Page, toPage, VaultError } from "@vault/core";
import { type Executor, type RotationPolicyRow, rotationPolicies, withTransaction } from "@vault/store";
import { and, asc, eq, gt } from "drizzle-orm";
import { emitEvent, type RotationServiceContext, recordEvent } from "./context";
import { policyChange, policyEvent, toPolicy } from "./rows";
import { type CreatePolicyData, type ListOptions, policyCursorSchema, type UpdatePolicyData } from "./schemas";
import { normalizeParams, type RotationStrategy } from "./strategies";
import type { RotationPolicy } from "./types";

/** Create the policy of one secret; `nextRotationAt` = now + interval. ALREADY_EXISTS if the key has one. */
export async function createPolicy(
  ctx: RotationServiceContext,
  appId: string,
  data: CreatePolicyData,
): Promise<RotationPolicy> {
  const params = normalizeParams(data.strategy, data.params);
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(rotationPolicies)
      .values({
        id: newId("rotationPolicy"),
        appId,
        secretKey: data.secretKey,
        intervalMs: data.intervalMs,
        enabled: data.enabled,
        strategy: data.strategy,
        params,
        nextRotationAt: new Date(now.getTime() + data.intervalMs),
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [rotationPolicies.appId, rotationPolicies.secretKey] })
      .returning();
    if (!row) {
      throw new VaultError("ALREADY_EXISTS", `secret "${data.secretKey}" already has a rotation policy`, {
        details: { appId, secretKey: data.secretKey },
      });
    }
    await recordEvent(ctx, tx, policyEvent("rotation.policy_created", row));
    await emitEvent(ctx, tx, policyChange("rotation.policy_created", row));
    return toPolicy(row);
  });
}

/** The app's policies in secret-key order, a page at a time. */
export async function listPolicies(
  ctx: RotationServiceContext,
  appId: string,
  { cursor, limit }: ListOptions,
): Promise<Page<RotationPolicy>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, policyCursorSchema).secretKey;
  const rows = await ctx.db
    .select()
    .from(rotationPolicies)
    .where(
      and(eq(rotationPolicies.appId, appId), after === undefined ? undefined : gt(rotationPolicies.secretKey, after)),
    )
    .orderBy(asc(rotationPolicies.secretKey))
    .limit(limit + 1);
  return toPage(rows, limit, toPolicy, (row) => ({ secretKey: row.secretKey }));
}

/**
 * Change a policy. A new interval moves `nextRotationAt` to (lastRotatedAt, or createdAt) + interval; a new strategy
 * needs params valid for it (defaults otherwise).
 */
export async function updatePolicy(
  ctx: RotationServiceContext,
  appId: string,
  secretKey: string,
  data: UpdatePolicyData,
): Promise<RotationPolicy> {
  return withTransaction(ctx.db, async (tx) => {
    const current = await findPolicy(tx, appId, secretKey, true);
    const strategy = data.strategy ?? (current.strategy as RotationStrategy);
    const params =
      data.params !== undefined || data.strategy !== undefined
        ? normalizeParams(strategy, data.params ?? (data.strategy === current.strategy ? current.params : {}))
        : current.params;
    const intervalMs = data.intervalMs ?? current.intervalMs;
    const base = current.lastRotatedAt ?? current.createdAt;
    const [row] = await tx
      .update(rotationPolicies)
      .set({
        intervalMs,
        enabled: data.enabled ?? current.enabled,
        strategy,
        params,
        nextRotationAt: data.intervalMs === undefined ? current.nextRotationAt : new Date(base.getTime() + intervalMs),
        // Re-enabling or changing how it rotates gives a failing policy a fresh start.
        ...(data.enabled === true || data.strategy !== undefined || data.params !== undefined
          ? { failures: 0, retryAt: null }
          : {}),
        updatedAt: ctx.clock.now(),
      })
      .where(eq(rotationPolicies.id, current.id))
      .returning();
    await recordEvent(ctx, tx, policyEvent("rotation.policy_updated", row!));
    await emitEvent(ctx, tx, policyChange("rotation.policy_updated", row!));
    return toPolicy(row!);
  });
}

/** Remove a policy (its rotation records stay). NOT_FOUND if there is none. */
export async function deletePolicy(ctx: RotationServiceContext, appId: string, secretKey: string): Promise<void> {
  await withTransaction(ctx.db, async (tx) => {
    const current = await findPolicy(tx, appId, secretKey, true);
    await tx.delete(rotationPolicies).where(eq(rotationPolicies.id, current.id));
    await recordEvent(ctx, tx, policyEvent("rotation.policy_deleted", current));
    await emitEvent(ctx, tx, policyChange("rotation.policy_deleted", current));
  });
}

/** The policy row of one secret, locked `FOR UPDATE` when `lock` (NOT_FOUND if it has none). Ids already validated. */
export async function findPolicy(
  executor: Executor,
  appId: string,
  secretKey: string,
  lock = false,
): Promise<RotationPolicyRow> {
  const query = executor
    .select()
    .from(rotationPolicies)
    .where(and(eq(rotationPolicies.appId, appId), eq(rotationPolicies.secretKey, secretKey)));
  const [row] = lock ? await query.for("update") : await query;
  if (!row) throw notFound("rotation policy", secretKey);
  return row;
}
