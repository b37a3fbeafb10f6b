import { events, webhookDeliveries } from "@vault/store";
import { and, inArray, isNotNull, lt, notExists, sql } from "drizzle-orm";
import type { WebhookContext } from "./context";

/**
 * Remove dispatched events older than the retention (default 30 days) whose deliveries are all finished, with
 * their deliveries and attempt log (ON DELETE CASCADE), at most `limit` events per call. Returns how many.
 */
export async function pruneEvents(ctx: WebhookContext, limit = 1000): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - ctx.retentionMs);
  const old = ctx.db
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        isNotNull(events.dispatchedAt),
        lt(events.createdAt, cutoff),
        notExists(
          ctx.db
            .select({ one: sql`1` })
            .from(webhookDeliveries)
            .where(and(sql`${webhookDeliveries.eventId} = ${events.id}`, sql`${webhookDeliveries.status} = 'pending'`)),
        ),
      ),
    )
    .limit(limit);
  const removed = await ctx.db.delete(events).where(inArray(events.id, old)).returning({ id: events.id });
  return removed.length;
}
