import {
  type RewrapBatch,
  type RewrapOptions,
  type RewrapStatus,
  RewrapTally,
  rewrapInBatches,
  rewrapKey,
  rewrapStatusOf,
} from "@vault/crypto";
import { type Executor, webhookEndpoints, withTransaction } from "@vault/store";
import { and, asc, count, gt, ne, type SQL, sql } from "drizzle-orm";
import { recordWebhookChange, type WebhookContext } from "./context";

// After a KEK rotation: the key the KEK wraps here is the DEK of each endpoint's sealed signing secrets. Only the
// wrapped DEK and its KEK id change; the ciphertext and `secrets_version` (bound into its associated data) stay, so
// the cache of opened secrets (by version) stays right too.

/**
 * Rewrap the signing-secret DEK of every endpoint not under the active KEK, `batchSize` per transaction, across
 * apps. No secret is decrypted. Resumable, and safe with several processes at once (`FOR UPDATE SKIP LOCKED`).
 */
export async function rewrapAll(
  ctx: WebhookContext,
  batchSize: number,
  onProgress: RewrapOptions["onProgress"],
): Promise<{ rewrapped: number }> {
  const active = ctx.keys.activeKeyId();
  return rewrapInBatches<string>({
    batchSize,
    batch: (after) => withTransaction(ctx.db, (tx) => rewrapBatch(ctx, tx, active, batchSize, after)),
    pending: async () => {
      const [row] = await ctx.db
        .select({ n: count() })
        .from(webhookEndpoints)
        .where(ne(webhookEndpoints.secretsKekId, active));
      return Number(row?.n ?? 0);
    },
    onProgress,
  });
}

async function rewrapBatch(
  ctx: WebhookContext,
  tx: Executor,
  active: string,
  batchSize: number,
  after: string | undefined,
): Promise<RewrapBatch<string>> {
  const rows = await tx
    .select({
      id: webhookEndpoints.id,
      appId: webhookEndpoints.appId,
      kekId: webhookEndpoints.secretsKekId,
      wrappedDek: webhookEndpoints.secretsWrappedDek,
    })
    .from(webhookEndpoints)
    .where(
      and(ne(webhookEndpoints.secretsKekId, active), after === undefined ? undefined : gt(webhookEndpoints.id, after)),
    )
    .orderBy(asc(webhookEndpoints.id))
    .limit(batchSize)
    .for("update", { skipLocked: true });
  const tally = new RewrapTally();
  const moved: SQL[] = [];
  for (const row of rows) {
    const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedDek, active);
    moved.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
    tally.add(row.appId, "endpoints", row.kekId);
  }
  if (moved.length > 0) {
    // One UPDATE per batch (Drizzle has no multi-row UPDATE): the rows are locked, so nothing changed them. Not
    // updated_at: the endpoint did not change.
    await tx.execute(
      sql`update ${webhookEndpoints} as e set secrets_wrapped_dek = m.wrapped_dek, secrets_kek_id = m.kek_id
          from (values ${sql.join(moved, sql`, `)}) as m(id, wrapped_dek, kek_id)
          where e.id = m.id`,
    );
  }
  for (const { appId, metadata } of tally.byApp(active)) {
    await recordWebhookChange(ctx, tx, { action: "webhook.secrets_rewrapped", appId, metadata });
  }
  return { moved: rows.length, next: rows.at(-1)?.id };
}

/** How many endpoints' signing secrets each KEK wraps, and how many still need `rewrapAll`. */
export async function rewrapStatus(ctx: WebhookContext): Promise<RewrapStatus> {
  const active = ctx.keys.activeKeyId();
  const rows = await ctx.db
    .select({ kekId: webhookEndpoints.secretsKekId, keys: count() })
    .from(webhookEndpoints)
    .groupBy(webhookEndpoints.secretsKekId);
  return rewrapStatusOf(active, rows);
}
