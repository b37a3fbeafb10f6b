import { newId } from "@vault/core";
import { events, webhookDeliveries, webhookEndpoints, withTransaction } from "@vault/store";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import type { WebhookContext } from "./context";
import { matchesEventType } from "./event-types";

/**
 * Fan waiting outbox events out to deliveries: claim up to `limit` undispatched events (`FOR UPDATE SKIP LOCKED`,
 * so workers in many processes take disjoint sets), create one pending delivery per enabled endpoint of the event's
 * app whose filters match, and mark the events dispatched — all in one transaction, so each event is fanned out
 * once. Returns how many events it took.
 */
export async function dispatchEvents(ctx: WebhookContext, limit: number): Promise<number> {
  return withTransaction(ctx.db, async (tx) => {
    const waiting = await tx
      .select({ id: events.id, appId: events.appId, type: events.type })
      .from(events)
      .where(isNull(events.dispatchedAt))
      .orderBy(asc(events.id))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (waiting.length === 0) return 0;
    const now = ctx.clock.now();
    const apps = [...new Set(waiting.map((e) => e.appId))];
    const endpoints = await tx
      .select({ id: webhookEndpoints.id, appId: webhookEndpoints.appId, eventTypes: webhookEndpoints.eventTypes })
      .from(webhookEndpoints)
      .where(and(inArray(webhookEndpoints.appId, apps), eq(webhookEndpoints.enabled, true)));
    const deliveries = waiting.flatMap((event) =>
      endpoints
        .filter((endpoint) => endpoint.appId === event.appId && matchesEventType(endpoint.eventTypes, event.type))
        .map((endpoint) => ({
          id: newId("webhookDelivery"),
          appId: event.appId,
          endpointId: endpoint.id,
          eventId: event.id,
          status: "pending",
          attempts: 0,
          nextAttemptAt: now,
          createdAt: now,
          updatedAt: now,
        })),
    );
    // In chunks: one INSERT carries at most 65,535 parameters.
    for (let start = 0; start < deliveries.length; start += 1000) {
      await tx
        .insert(webhookDeliveries)
        .values(deliveries.slice(start, start + 1000))
        .onConflictDoNothing({ target: [webhookDeliveries.endpointId, webhookDeliveries.eventId] });
    }
    await tx
      .update(events)
      .set({ dispatchedAt: now })
      .where(
        inArray(
          events.id,
          waiting.map((e) => e.id),
        ),
      );
    return waiting.length;
  });
}
