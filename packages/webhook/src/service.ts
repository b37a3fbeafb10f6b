import { appIdSchema, type Page, parseInput, systemClock } from "@vault/core";
import { type RewrapOptions, type Rewrappable, type RewrapStatus, rewrapOptionsSchema } from "@vault/crypto";
import { events, noAudit, webhookDeliveries } from "@vault/store";
import { count, eq, isNull } from "drizzle-orm";
import type { WebhookContext } from "./context";
import { claimDue, type DeliverStats, sendAll } from "./deliver";
import { getDelivery, listDeliveries, redeliver, testEndpoint } from "./deliveries";
import { dispatchEvents } from "./dispatch";
import { createEndpoint, deleteEndpoint, getEndpoint, listEndpoints, rotateSecret, updateEndpoint } from "./endpoints";
import { pruneEvents } from "./prune";
import { emitReminders } from "./reminders";
import { rewrapAll, rewrapStatus } from "./rewrap";
import {
  createEndpointSchema,
  deliveryIdSchema,
  endpointIdSchema,
  listDeliveriesSchema,
  listQuerySchema,
  rotateSecretSchema,
  serviceSettingsSchema,
  updateEndpointSchema,
} from "./schemas";
import { undiciSender } from "./sender";
import { SigningSecretCache } from "./signing-secrets";
import type {
  CreateEndpointInput,
  DeliveryDetail,
  EndpointWithSecret,
  ListDeliveriesQuery,
  UpdateEndpointInput,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookServiceOptions,
} from "./types";
import { UrlGuard } from "./url-guard";

/**
 * Webhooks (DESIGN §6 Events and webhooks): an app's endpoints and the delivery of its outbox events to them,
 * signed per Standard Webhooks, retried with exponential backoff and jitter, logged, redeliverable; and the
 * reminders that are events too. Many processes may run `dispatch`/`deliverDue`/`emitReminders` on one database:
 * claims use `FOR UPDATE SKIP LOCKED` and leases, so each event is delivered once in normal operation (at least
 * once under faults; `webhook-id` lets receivers de-duplicate). `WebhookWorker` runs them on a schedule.
 */
export class WebhookService implements Rewrappable {
  readonly #ctx: WebhookContext;
  readonly #ownsSender: boolean;

  constructor(options: WebhookServiceOptions) {
    const settings = parseInput(
      serviceSettingsSchema,
      {
        timeoutMs: options.timeoutMs,
        retry: options.retry === undefined ? undefined : { ...options.retry },
        disableAfterFailures: options.disableAfterFailures,
        secretOverlapMs: options.secretOverlapMs,
        batchSize: options.batchSize,
        concurrency: options.concurrency,
        reminders: options.reminders,
        retentionDays: options.retentionDays,
        maxEndpointsPerApp: options.maxEndpointsPerApp,
      },
      "webhook settings",
    );
    const guard = new UrlGuard(options.urlPolicy);
    this.#ownsSender = options.sender === undefined;
    this.#ctx = {
      db: options.db,
      keys: options.keys,
      audit: options.audit ?? noAudit,
      clock: options.clock ?? systemClock,
      guard,
      sender: options.sender ?? undiciSender(guard, { connections: settings.concurrency * 2 }),
      timeoutMs: settings.timeoutMs,
      retry: settings.retry,
      disableAfterFailures: settings.disableAfterFailures,
      secretOverlapMs: settings.secretOverlapMs,
      batchSize: settings.batchSize,
      concurrency: settings.concurrency,
      reminders: settings.reminders,
      retentionMs: settings.retentionDays * 86_400_000,
      maxEndpointsPerApp: settings.maxEndpointsPerApp,
      random: options.random ?? Math.random,
      onDelivery: options.onDelivery,
      secrets: new SigningSecretCache(),
    };
  }

  /** Attempts in all before a delivery is marked failed, and the rest of the retry schedule. */
  get retrySchedule() {
    return { ...this.#ctx.retry };
  }

  /** Add an endpoint; its signing secret (`whsec_…`) is in the answer, this once. The URL must pass the guard. */
  async createEndpoint(appId: string, input: CreateEndpointInput): Promise<EndpointWithSecret> {
    appId = parseInput(appIdSchema, appId, "app id");
    return createEndpoint(this.#ctx, appId, parseInput(createEndpointSchema, input, "webhook endpoint"));
  }

  async getEndpoint(appId: string, id: string): Promise<WebhookEndpoint> {
    appId = parseInput(appIdSchema, appId, "app id");
    return getEndpoint(this.#ctx, appId, parseInput(endpointIdSchema, id, "webhook endpoint id"));
  }

  async listEndpoints(appId: string, query: { cursor?: string; limit?: number } = {}): Promise<Page<WebhookEndpoint>> {
    appId = parseInput(appIdSchema, appId, "app id");
    return listEndpoints(this.#ctx, appId, parseInput(listQuerySchema, query, "webhook endpoint list"));
  }

  async updateEndpoint(appId: string, id: string, patch: UpdateEndpointInput): Promise<WebhookEndpoint> {
    appId = parseInput(appIdSchema, appId, "app id");
    id = parseInput(endpointIdSchema, id, "webhook endpoint id");
    return updateEndpoint(this.#ctx, appId, id, parseInput(updateEndpointSchema, patch, "webhook endpoint update"));
  }

  async deleteEndpoint(appId: string, id: string): Promise<void> {
    appId = parseInput(appIdSchema, appId, "app id");
    return deleteEndpoint(this.#ctx, appId, parseInput(endpointIdSchema, id, "webhook endpoint id"));
  }

  /** A new signing secret (in the answer, this once); the old one keeps signing for `overlapMs` (default 24 h). */
  async rotateSecret(appId: string, id: string, options: { overlapMs?: number } = {}): Promise<EndpointWithSecret> {
    appId = parseInput(appIdSchema, appId, "app id");
    id = parseInput(endpointIdSchema, id, "webhook endpoint id");
    const { overlapMs } = parseInput(rotateSecretSchema, options, "secret rotation options");
    return rotateSecret(this.#ctx, appId, id, overlapMs);
  }

  /** The app's deliveries, newest first (filters: endpoint, status, event type). */
  async listDeliveries(appId: string, query: ListDeliveriesQuery = {}): Promise<Page<WebhookDelivery>> {
    appId = parseInput(appIdSchema, appId, "app id");
    return listDeliveries(this.#ctx, appId, parseInput(listDeliveriesSchema, query, "webhook delivery list"));
  }

  /** One delivery with its attempt log and payload. */
  async getDelivery(appId: string, id: string): Promise<DeliveryDetail> {
    appId = parseInput(appIdSchema, appId, "app id");
    return getDelivery(this.#ctx, appId, parseInput(deliveryIdSchema, id, "webhook delivery id"));
  }

  /** Send a finished delivery again on a fresh schedule (same `webhook-id`). */
  async redeliver(appId: string, id: string): Promise<WebhookDelivery> {
    appId = parseInput(appIdSchema, appId, "app id");
    return redeliver(this.#ctx, appId, parseInput(deliveryIdSchema, id, "webhook delivery id"));
  }

  /** Send a `webhook.test` event to the endpoint now, once; answers the delivery after the attempt. */
  async test(appId: string, id: string): Promise<WebhookDelivery> {
    appId = parseInput(appIdSchema, appId, "app id");
    return testEndpoint(this.#ctx, appId, parseInput(endpointIdSchema, id, "webhook endpoint id"));
  }

  /** Fan waiting events out to deliveries (one batch); returns how many events it took. */
  dispatch(limit = this.#ctx.batchSize): Promise<number> {
    return dispatchEvents(this.#ctx, limit);
  }

  /** Claim one batch of due deliveries and send them; returns how each ended. */
  async deliverDue(limit = this.#ctx.batchSize): Promise<DeliverStats & { claimed: number }> {
    const claimed = await claimDue(this.#ctx, limit);
    return { claimed: claimed.length, ...(await sendAll(this.#ctx, claimed)) };
  }

  /** Emit the reminders that are due (`secret.expiring`, `rotation.failing`); returns how many. */
  emitReminders(): Promise<number> {
    return emitReminders(this.#ctx);
  }

  /** Remove events past the retention whose deliveries are finished; returns how many. */
  prune(): Promise<number> {
    return pruneEvents(this.#ctx);
  }

  /** What waits: events not yet fanned out, and pending deliveries (due now or later). */
  async queueDepth(): Promise<{ waitingEvents: number; pendingDeliveries: number }> {
    const [[waiting], [pending]] = await Promise.all([
      this.#ctx.db.select({ n: count() }).from(events).where(isNull(events.dispatchedAt)),
      this.#ctx.db.select({ n: count() }).from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending")),
    ]);
    return { waitingEvents: waiting?.n ?? 0, pendingDeliveries: pending?.n ?? 0 };
  }

  /**
   * After a KEK rotation: rewrap the signing-secret DEK of every endpoint not under the active KEK, `batchSize` per
   * transaction, across apps. No secret is decrypted; signatures do not change. Resumable; safe on several instances.
   */
  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    const { batchSize } = parseInput(rewrapOptionsSchema, options, "rewrap options");
    return rewrapAll(this.#ctx, batchSize, options.onProgress);
  }

  /** How many endpoints' signing secrets each KEK wraps, and how many still need `rewrapAll`. */
  async rewrapStatus(): Promise<RewrapStatus> {
    return rewrapStatus(this.#ctx);
  }

  /** Close the HTTP connections (when the service made its own sender). */
  async close(): Promise<void> {
    if (this.#ownsSender) await this.#ctx.sender.close();
  }
}
