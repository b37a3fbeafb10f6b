import { decodeCursor, encodeCursor, newId, type Page, VaultError } from "@vault/core";
import { events, webhookAttempts, webhookDeliveries, withTransaction } from "@vault/store";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import type { WebhookContext } from "./context";
import { attempt, type ClaimedDelivery, claimDue } from "./deliver";
import { findEndpoint } from "./endpoints";
import { eventRow, insertEvent } from "./outbox";
import { deliveryNotFound, toAttempt, toDelivery, toPayload } from "./rows";
import type { ListDeliveriesData } from "./schemas";
import type { DeliveryDetail, WebhookDelivery } from "./types";

/** The app's deliveries, newest first, optionally of one endpoint, status or event type. */
export async function listDeliveries(
  ctx: WebhookContext,
  appId: string,
  query: ListDeliveriesData,
): Promise<Page<WebhookDelivery>> {
  if (query.endpointId !== undefined) await findEndpoint(ctx.db, appId, query.endpointId);
  const before = query.cursor === undefined ? undefined : decodeCursor(query.cursor, z.object({ id: z.string() })).id;
  const rows = await ctx.db
    .select({ delivery: webhookDeliveries, eventType: events.type })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(
      and(
        eq(webhookDeliveries.appId, appId),
        query.endpointId === undefined ? undefined : eq(webhookDeliveries.endpointId, query.endpointId),
        query.status === undefined ? undefined : eq(webhookDeliveries.status, query.status),
        query.eventType === undefined ? undefined : eq(events.type, query.eventType),
        before === undefined ? undefined : lt(webhookDeliveries.id, before),
      ),
    )
    .orderBy(desc(webhookDeliveries.id))
    .limit(query.limit + 1);
  const hasMore = rows.length > query.limit;
  const page = hasMore ? rows.slice(0, query.limit) : rows;
  const last = page.at(-1);
  return {
    items: page.map((r) => toDelivery(r.delivery, r.eventType)),
    nextCursor: hasMore && last ? encodeCursor({ id: last.delivery.id }) : null,
  };
}

/** One delivery with its attempt log and the payload it sends. */
export async function getDelivery(ctx: WebhookContext, appId: string, id: string): Promise<DeliveryDetail> {
  const [row] = await ctx.db
    .select({ delivery: webhookDeliveries, event: events })
    .from(webhookDeliveries)
    .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
    .where(and(eq(webhookDeliveries.appId, appId), eq(webhookDeliveries.id, id)));
  if (!row) throw deliveryNotFound(appId, id);
  const attempts = await ctx.db
    .select()
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, id))
    .orderBy(asc(webhookAttempts.attempt));
  return {
    ...toDelivery(row.delivery, row.event.type),
    attemptLog: attempts.map(toAttempt),
    payload: toPayload(row.event),
  };
}

/**
 * Send a finished delivery (succeeded or failed) again, on a fresh retry schedule starting now, with the same
 * `webhook-id`. A pending delivery is already scheduled: CONFLICT. The endpoint must be enabled.
 */
export async function redeliver(ctx: WebhookContext, appId: string, id: string): Promise<WebhookDelivery> {
  return withTransaction(ctx.db, async (tx) => {
    const [row] = await tx
      .select({ delivery: webhookDeliveries, eventType: events.type })
      .from(webhookDeliveries)
      .innerJoin(events, eq(events.id, webhookDeliveries.eventId))
      .where(and(eq(webhookDeliveries.appId, appId), eq(webhookDeliveries.id, id)))
      .for("update", { of: webhookDeliveries });
    if (!row) throw deliveryNotFound(appId, id);
    if (row.delivery.status === "pending") {
      throw new VaultError("CONFLICT", `webhook delivery "${id}" is still pending: its next attempt is scheduled`, {
        details: { id, nextAttemptAt: row.delivery.nextAttemptAt?.toISOString() ?? null },
      });
    }
    const endpoint = await findEndpoint(tx, appId, row.delivery.endpointId);
    if (!endpoint.enabled) {
      throw new VaultError("CONFLICT", `webhook endpoint "${endpoint.id}" is disabled: enable it first`, {
        details: { endpointId: endpoint.id, disabledReason: endpoint.disabledReason },
      });
    }
    const now = ctx.clock.now();
    const [updated] = await tx
      .update(webhookDeliveries)
      .set({ status: "pending", attempts: 0, nextAttemptAt: now, completedAt: null, updatedAt: now })
      .where(eq(webhookDeliveries.id, id))
      .returning();
    await ctx.audit.record(tx, {
      action: "webhook.redelivered",
      resource: "webhook_delivery",
      appId,
      key: id,
      outcome: "success",
      metadata: { endpointId: endpoint.id, eventId: row.delivery.eventId, previousStatus: row.delivery.status },
    });
    return toDelivery(updated!, row.eventType);
  });
}

/**
 * A test ping: a `webhook.test` event for this endpoint alone, sent at once and only once (no retries), whatever the
 * endpoint's filters. Answers the delivery after the attempt, with its status and response code.
 */
export async function testEndpoint(ctx: WebhookContext, appId: string, id: string): Promise<WebhookDelivery> {
  const deliveryId = newId("webhookDelivery");
  const now = ctx.clock.now();
  await withTransaction(ctx.db, async (tx) => {
    const endpoint = await findEndpoint(tx, appId, id);
    if (!endpoint.enabled) {
      throw new VaultError("CONFLICT", `webhook endpoint "${id}" is disabled: enable it first`, {
        details: { endpointId: id, disabledReason: endpoint.disabledReason },
      });
    }
    // Written dispatched: the dispatcher must not fan a test out to the app's other endpoints.
    const event = eventRow(
      { type: "webhook.test", resource: "webhook_endpoint", appId, key: id, data: { test: true } },
      now,
      now,
    );
    await insertEvent(tx, event);
    await tx.insert(webhookDeliveries).values({
      id: deliveryId,
      appId,
      endpointId: id,
      eventId: event.id,
      status: "pending",
      attempts: 0,
      nextAttemptAt: now,
      createdAt: now,
      updatedAt: now,
    });
  });
  const [claimed] = await claimDue(ctx, 1, deliveryId);
  if (claimed) await attempt(ctx, { ...claimed, retry: false, info: { test: true } } satisfies ClaimedDelivery);
  const detail = await getDelivery(ctx, appId, deliveryId);
  const { attemptLog: _log, payload: _payload, ...delivery } = detail;
  return delivery;
}
