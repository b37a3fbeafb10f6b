import { performance } from "node:perf_hooks";
import { runAs } from "@vault/core";
import {
  type EventRow,
  type Executor,
  events,
  queryRows,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  webhookAttempts,
  webhookDeliveries,
  webhookEndpoints,
  withTransaction,
} from "@vault/store";
import { and, asc, eq, gt, inArray, lte, sql } from "drizzle-orm";
import { recordWebhookChange, type WebhookContext } from "./context";
import { eventRow, insertEvent } from "./outbox";
import { retryDelayMs } from "./retry";
import { toPayload } from "./rows";
import { describeFailure } from "./sender";
import { webhookHeaders } from "./signature";
import { activeSecrets } from "./signing-secrets";

/** A delivery this worker holds the lease of, with what sending it needs. */
export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  endpoint: WebhookEndpointRow;
  event: EventRow;
  /** Whether a failure may be retried on the schedule (a test ping is tried once). */
  retry: boolean;
  info: Record<string, unknown>;
}

export interface DeliverStats {
  succeeded: number;
  retrying: number;
  failed: number;
}

/** Margin on top of the attempt's timeout before a claimed delivery's lease runs out and another worker may take it. */
const LEASE_MARGIN_MS = 30_000;

/**
 * Claim up to `limit` due pending deliveries: `FOR UPDATE SKIP LOCKED` picks rows no other worker is claiming, and
 * the same statement leases them by moving `next_attempt_at` past the attempt's timeout and counting the attempt.
 * Committed before any request is sent, so no transaction is held open across the network; a worker that dies
 * mid-attempt leaves a lease that runs out, and the delivery is tried again (at least once).
 */
export async function claimDue(ctx: WebhookContext, limit: number, onlyId?: string): Promise<ClaimedDelivery[]> {
  const now = ctx.clock.now();
  const leaseUntil = new Date(now.getTime() + ctx.timeoutMs + LEASE_MARGIN_MS);
  const claimed = await withTransaction(ctx.db, async (tx) => {
    const due = tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(
        and(
          eq(webhookDeliveries.status, "pending"),
          lte(webhookDeliveries.nextAttemptAt, now),
          onlyId === undefined ? undefined : eq(webhookDeliveries.id, onlyId),
        ),
      )
      .orderBy(asc(webhookDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(webhookDeliveries)
      .set({
        attempts: sql`${webhookDeliveries.attempts} + 1`,
        nextAttemptAt: leaseUntil,
        lastAttemptAt: now,
        updatedAt: now,
      })
      .where(inArray(webhookDeliveries.id, due))
      .returning();
  });
  if (claimed.length === 0) return [];
  const [endpointRows, eventRows] = await Promise.all([
    ctx.db
      .select()
      .from(webhookEndpoints)
      .where(inArray(webhookEndpoints.id, [...new Set(claimed.map((d) => d.endpointId))])),
    ctx.db
      .select()
      .from(events)
      .where(inArray(events.id, [...new Set(claimed.map((d) => d.eventId))])),
  ]);
  const endpointById = new Map(endpointRows.map((row) => [row.id, row]));
  const eventById = new Map(eventRows.map((row) => [row.id, row]));
  return claimed.flatMap((delivery) => {
    const endpoint = endpointById.get(delivery.endpointId);
    const event = eventById.get(delivery.eventId);
    // Deleted meanwhile: its deliveries went with it (ON DELETE CASCADE).
    if (!endpoint || !event) return [];
    return [{ delivery, endpoint, event, retry: true, info: {} }];
  });
}

/** What one attempt came to, before it is recorded. */
interface AttemptResult {
  item: ClaimedDelivery;
  startedAt: Date;
  durationMs: number;
  ok: boolean;
  statusCode: number | null;
  error: string | null;
}

/**
 * Send each claimed delivery (at most `ctx.concurrency` requests at once) and record how each went. Outcomes are
 * recorded in groups — whatever finished while the previous group was being written goes into the next
 * transaction — so a batch costs a few commits, not one per request, and no request waits for a commit.
 */
export async function sendAll(ctx: WebhookContext, claimed: ClaimedDelivery[]): Promise<DeliverStats> {
  const stats: DeliverStats = { succeeded: 0, retrying: 0, failed: 0 };
  const finished: AttemptResult[] = [];
  let writing: Promise<void> | undefined;
  const write = (): Promise<void> => {
    writing ??= (async () => {
      try {
        while (finished.length > 0) {
          for (const outcome of await record(ctx, finished.splice(0))) stats[outcome] += 1;
        }
      } finally {
        writing = undefined;
      }
    })();
    return writing;
  };
  let next = 0;
  const lanes = Array.from({ length: Math.min(ctx.concurrency, claimed.length) }, async () => {
    while (next < claimed.length) {
      finished.push(await send(ctx, claimed[next++]!));
      void write().catch(() => {}); // a failed write is retried below, and its error surfaces there
    }
  });
  await Promise.all(lanes);
  while (writing !== undefined || finished.length > 0) await (writing ?? write());
  return stats;
}

/**
 * One delivery sent and recorded on its own (a test ping). Returns undefined when the lease was lost meanwhile
 * (another worker owns the delivery now; this attempt is not recorded).
 */
export async function attempt(ctx: WebhookContext, item: ClaimedDelivery): Promise<keyof DeliverStats | undefined> {
  const [outcome] = await record(ctx, [await send(ctx, item)]);
  return outcome;
}

/** Sign the event's payload with the endpoint's active secrets and POST it; never throws. */
async function send(ctx: WebhookContext, item: ClaimedDelivery): Promise<AttemptResult> {
  const { endpoint, event } = item;
  const startedAt = ctx.clock.now();
  if (!endpoint.enabled) {
    return { item, startedAt, durationMs: 0, ok: false, statusCode: null, error: "endpoint disabled" };
  }
  const body = JSON.stringify(toPayload(event));
  const started = performance.now();
  const done = (ok: boolean, statusCode: number | null, error: string | null): AttemptResult => ({
    item,
    startedAt,
    durationMs: Math.round(performance.now() - started),
    ok,
    statusCode,
    error,
  });
  try {
    const secrets = activeSecrets(endpoint, await ctx.secrets.get(ctx, endpoint), startedAt);
    const headers = webhookHeaders(secrets, event.id, startedAt, body);
    const response = await ctx.sender.send({ url: endpoint.url, headers, body, timeoutMs: ctx.timeoutMs });
    const ok = response.status >= 200 && response.status < 300;
    return done(ok, response.status, ok ? null : `HTTP ${response.status}`);
  } catch (error) {
    return done(false, null, describeFailure(error, ctx.timeoutMs));
  }
}

/**
 * Record attempts in one transaction: each delivery's new state (only where the lease is still ours: still pending,
 * the attempt count we claimed), the log rows of those, the endpoints' failure counts. Returns the outcome of each
 * recorded attempt (a lost lease records nothing) and tells `onDelivery` after the commit.
 */
async function record(ctx: WebhookContext, results: AttemptResult[]): Promise<Array<keyof DeliverStats>> {
  const now = ctx.clock.now();
  const planned = results.map((result) => {
    const { delivery, endpoint } = result.item;
    const canRetry = result.item.retry && endpoint.enabled && delivery.attempts < ctx.retry.maxAttempts;
    const outcome: keyof DeliverStats = result.ok ? "succeeded" : canRetry ? "retrying" : "failed";
    const next =
      outcome === "retrying" ? new Date(now.getTime() + retryDelayMs(ctx.retry, delivery.attempts, ctx.random)) : null;
    return { result, outcome, next };
  });
  const recorded = await withTransaction(ctx.db, async (tx) => {
    const values = planned.map(
      ({ result, outcome, next }) =>
        sql`(${result.item.delivery.id}, ${result.item.delivery.attempts}::int, ${outcome === "retrying" ? "pending" : outcome},
             ${next?.toISOString() ?? null}::timestamptz, ${result.statusCode}::int, ${result.error},
             ${result.durationMs}::int, ${outcome === "retrying" ? null : now.toISOString()}::timestamptz)`,
    );
    const updated = await queryRows<{ id: string }>(
      tx,
      sql`update ${webhookDeliveries} as d
          set status = v.status, next_attempt_at = v.next_attempt_at, last_status_code = v.status_code,
              last_error = v.error, last_duration_ms = v.duration_ms, completed_at = v.completed_at,
              updated_at = ${now.toISOString()}::timestamptz
          from (values ${sql.join(values, sql`, `)})
            as v(id, attempts, status, next_attempt_at, status_code, error, duration_ms, completed_at)
          where d.id = v.id and d.status = 'pending' and d.attempts = v.attempts
          returning d.id`,
    );
    const ours = new Set(updated.map((row) => row.id));
    const kept = planned.filter((p) => ours.has(p.result.item.delivery.id));
    if (kept.length === 0) return kept;
    await tx.insert(webhookAttempts).values(
      kept.map(({ result }) => ({
        deliveryId: result.item.delivery.id,
        // Numbered on from the log: a redelivery starts its attempt count again, not the log's.
        attempt: sql`(select coalesce(max(${webhookAttempts.attempt}), 0) + 1 from ${webhookAttempts} where ${webhookAttempts.deliveryId} = ${result.item.delivery.id})`,
        appId: result.item.delivery.appId,
        startedAt: result.startedAt,
        durationMs: result.durationMs,
        outcome: result.ok ? "succeeded" : "failed",
        statusCode: result.statusCode,
        error: result.error,
        info: result.item.info,
      })),
    );
    const healthy = [...new Set(kept.filter((p) => p.outcome === "succeeded").map((p) => p.result.item.endpoint.id))];
    if (healthy.length > 0) {
      await tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: 0 })
        .where(and(inArray(webhookEndpoints.id, healthy), gt(webhookEndpoints.consecutiveFailures, 0)));
    }
    // Only scheduled deliveries that ran out of retries count against an endpoint (not a test ping, not a
    // delivery failed because its endpoint was already disabled).
    const givenUp = new Map<string, { endpoint: WebhookEndpointRow; count: number }>();
    for (const { result, outcome } of kept) {
      const { endpoint, retry } = result.item;
      if (outcome !== "failed" || !retry || !endpoint.enabled) continue;
      const entry = givenUp.get(endpoint.id) ?? { endpoint, count: 0 };
      entry.count += 1;
      givenUp.set(endpoint.id, entry);
    }
    for (const { endpoint, count } of givenUp.values()) await countFailures(ctx, tx, endpoint, count, now);
    return kept;
  });
  for (const { result, outcome } of recorded) {
    ctx.onDelivery?.({
      appId: result.item.delivery.appId,
      endpointId: result.item.endpoint.id,
      eventType: result.item.event.type,
      outcome,
      statusCode: result.statusCode,
      durationMs: result.durationMs,
      sinceEventMs: now.getTime() - result.item.event.createdAt.getTime(),
    });
  }
  return recorded.map((p) => p.outcome);
}

/**
 * Deliveries failed for good: count them against the endpoint, and past `disableAfterFailures` in a row disable the
 * endpoint — audited, and itself an event (`webhook.endpoint_disabled`) for the app's other endpoints.
 */
async function countFailures(
  ctx: WebhookContext,
  tx: Executor,
  endpoint: WebhookEndpointRow,
  failures: number,
  now: Date,
): Promise<void> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ consecutiveFailures: sql`${webhookEndpoints.consecutiveFailures} + ${failures}` })
    .where(eq(webhookEndpoints.id, endpoint.id))
    .returning();
  if (!row?.enabled || ctx.disableAfterFailures === 0 || row.consecutiveFailures < ctx.disableAfterFailures) {
    return;
  }
  await tx
    .update(webhookEndpoints)
    .set({ enabled: false, disabledReason: "failures", updatedAt: now })
    .where(eq(webhookEndpoints.id, endpoint.id));
  await runAs({ system: "webhook-worker" }, async () => {
    await recordWebhookChange(ctx, tx, {
      action: "webhook.endpoint_disabled",
      appId: endpoint.appId,
      key: endpoint.id,
      metadata: { reason: "failures", consecutiveFailures: row.consecutiveFailures },
    });
    await insertEvent(
      tx,
      eventRow(
        {
          type: "webhook.endpoint_disabled",
          resource: "webhook_endpoint",
          appId: endpoint.appId,
          key: endpoint.id,
          data: { reason: "failures", consecutiveFailures: row.consecutiveFailures },
        },
        now,
      ),
    );
  });
}
