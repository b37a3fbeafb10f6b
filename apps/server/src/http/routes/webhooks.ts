import { appIdSchema, idSchema, notFound } from "@vault/core";
import { EVENT_TYPES } from "@vault/webhook";
import { z } from "zod";
import { defineRoute, type RouteDef, timestamp } from "../route";
import { appParams, pageOf, pageQuery } from "./schemas";

export const webhookEndpointSchema = z.object({
  id: z.string(),
  appId: z.string(),
  url: z.string(),
  description: z.string(),
  /** Event types delivered (`secret.set`, `flag.*`); empty: every type. */
  eventTypes: z.array(z.string()),
  enabled: z.boolean(),
  /** `manual`, or `failures` when the worker disabled it after a run of failed deliveries. */
  disabledReason: z.string().nullable(),
  consecutiveFailures: z.number().int(),
  /** Until when the secret replaced by the last rotation still signs. */
  previousSecretExpiresAt: timestamp.nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
});

/** An endpoint and its signing secret: only in the answers of create and rotate-secret. */
const endpointWithSecretSchema = z.object({
  endpoint: webhookEndpointSchema,
  /** `whsec_…`: verify `webhook-signature` with it (Standard Webhooks). Shown this once. */
  secret: z.string(),
});

export const webhookDeliverySchema = z.object({
  id: z.string(),
  appId: z.string(),
  endpointId: z.string(),
  /** Also the `webhook-id` header, the same on every attempt: receivers de-duplicate by it. */
  eventId: z.string(),
  eventType: z.string(),
  status: z.enum(["pending", "succeeded", "failed"]),
  attempts: z.number().int(),
  nextAttemptAt: timestamp.nullable(),
  lastAttemptAt: timestamp.nullable(),
  lastStatusCode: z.number().int().nullable(),
  lastError: z.string().nullable(),
  lastDurationMs: z.number().int().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  completedAt: timestamp.nullable(),
});

const deliveryDetailSchema = webhookDeliverySchema.extend({
  attemptLog: z.array(
    z.object({
      attempt: z.number().int(),
      startedAt: timestamp,
      durationMs: z.number().int(),
      outcome: z.enum(["succeeded", "failed"]),
      statusCode: z.number().int().nullable(),
      error: z.string().nullable(),
      info: z.record(z.string(), z.unknown()),
    }),
  ),
  /** The JSON body sent (the same bytes on every attempt). */
  payload: z.object({
    type: z.string(),
    timestamp: z.string(),
    data: z.object({
      id: z.string(),
      appId: z.string(),
      resource: z.string(),
      key: z.string().nullable(),
      version: z.number().int().nullable(),
      tenantId: z.string().nullable(),
      actor: z.record(z.string(), z.string()).nullable(),
      details: z.record(z.string(), z.unknown()),
    }),
  }),
});

const endpointParams = z.object({ appId: appIdSchema, webhookId: idSchema("webhook") });
const deliveryParams = endpointParams.extend({ deliveryId: idSchema("webhookDelivery") });
const eventTypes = z.array(z.string().max(100)).max(100);

/**
 * Webhooks of an app (DESIGN §6): endpoints with their signing secrets (shown once; rotatable with an overlap),
 * deliveries with their log, redelivery and a test ping. Delivery itself runs in the webhook worker.
 */
export function webhookRoutes(): RouteDef[] {
  const base = "/v1/apps/:appId/webhooks";
  const one = `${base}/:webhookId`;
  return [
    defineRoute({
      method: "GET",
      url: `/v1/apps/:appId/webhook-event-types`,
      operationId: "listWebhookEventTypes",
      summary: "Every event type an endpoint can subscribe to (or `<resource>.*`, or none for all).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:read" },
      params: appParams,
      response: z.object({ items: z.array(z.string()) }),
      handler: async () => ({ items: [...EVENT_TYPES] }),
    }),
    defineRoute({
      method: "GET",
      url: base,
      operationId: "listWebhooks",
      summary: "The app's webhook endpoints, oldest first (never their secrets).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:read" },
      params: appParams,
      query: pageQuery.extend({ limit: z.coerce.number().int().min(1).max(200).optional() }),
      response: pageOf(webhookEndpointSchema),
      handler: async ({ vault, params, query }) => vault.webhooks.listEndpoints(params.appId, query),
    }),
    defineRoute({
      method: "POST",
      url: base,
      operationId: "createWebhook",
      summary:
        "Add an endpoint. The URL must reach a public address (private, link-local and metadata addresses are refused unless the server's allowlist names them). The answer carries the signing secret, this once.",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: appParams,
      body: z.object({
        url: z.string().max(2048),
        description: z.string().max(500).optional(),
        eventTypes: eventTypes.optional(),
        enabled: z.boolean().optional(),
      }),
      response: endpointWithSecretSchema,
      status: 201,
      handler: async ({ vault, params, body }) => vault.webhooks.createEndpoint(params.appId, body),
    }),
    defineRoute({
      method: "GET",
      url: one,
      operationId: "getWebhook",
      summary: "One endpoint (never its secret).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:read" },
      params: endpointParams,
      response: webhookEndpointSchema,
      handler: async ({ vault, params }) => vault.webhooks.getEndpoint(params.appId, params.webhookId),
    }),
    defineRoute({
      method: "PATCH",
      url: one,
      operationId: "updateWebhook",
      summary:
        "Change an endpoint's URL, description, event types or enabled state (enabling resets its failure count).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: endpointParams,
      body: z.object({
        url: z.string().max(2048).optional(),
        description: z.string().max(500).optional(),
        eventTypes: eventTypes.optional(),
        enabled: z.boolean().optional(),
      }),
      response: webhookEndpointSchema,
      handler: async ({ vault, params, body }) => vault.webhooks.updateEndpoint(params.appId, params.webhookId, body),
    }),
    defineRoute({
      method: "DELETE",
      url: one,
      operationId: "deleteWebhook",
      summary: "Remove an endpoint with its deliveries and their log.",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: endpointParams,
      response: null,
      status: 204,
      handler: async ({ vault, params }) => vault.webhooks.deleteEndpoint(params.appId, params.webhookId),
    }),
    defineRoute({
      method: "POST",
      url: `${one}/rotate-secret`,
      operationId: "rotateWebhookSecret",
      summary:
        "A new signing secret (in the answer, this once). The old one keeps signing beside it for overlapMs (default 24 h; 0 stops it at once).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: endpointParams,
      body: z.object({ overlapMs: z.number().int().min(0).max(604_800_000).optional() }).optional(),
      response: endpointWithSecretSchema,
      handler: async ({ vault, params, body }) =>
        vault.webhooks.rotateSecret(params.appId, params.webhookId, body ?? {}),
    }),
    defineRoute({
      method: "POST",
      url: `${one}/test`,
      operationId: "testWebhook",
      summary:
        "Send a webhook.test event to this endpoint now, once (no retries); the answer is the delivery after the attempt.",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: endpointParams,
      response: webhookDeliverySchema,
      timeoutMs: 130_000,
      handler: async ({ vault, params }) => vault.webhooks.test(params.appId, params.webhookId),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/deliveries`,
      operationId: "listWebhookDeliveries",
      summary: "The endpoint's deliveries, newest first, optionally by status or event type.",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:read" },
      params: endpointParams,
      query: pageQuery.extend({
        limit: z.coerce.number().int().min(1).max(200).optional(),
        status: z.enum(["pending", "succeeded", "failed"]).optional(),
        eventType: z.string().max(100).optional(),
      }),
      response: pageOf(webhookDeliverySchema),
      handler: async ({ vault, params, query }) =>
        vault.webhooks.listDeliveries(params.appId, { ...query, endpointId: params.webhookId }),
    }),
    defineRoute({
      method: "GET",
      url: `${one}/deliveries/:deliveryId`,
      operationId: "getWebhookDelivery",
      summary: "One delivery with its attempt log and the payload it sends.",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:read" },
      params: deliveryParams,
      response: deliveryDetailSchema,
      handler: async ({ vault, params }) => {
        const delivery = await vault.webhooks.getDelivery(params.appId, params.deliveryId);
        if (delivery.endpointId !== params.webhookId) throw notFound("webhook delivery", params.deliveryId);
        return delivery;
      },
    }),
    defineRoute({
      method: "POST",
      url: `${one}/deliveries/:deliveryId/redeliver`,
      operationId: "redeliverWebhook",
      summary:
        "Send a finished delivery again on a fresh retry schedule, with the same webhook-id (409 while it is still pending).",
      tag: "webhooks",
      auth: { kind: "app", scope: "webhooks:write" },
      params: deliveryParams,
      response: webhookDeliverySchema,
      status: 202,
      handler: async ({ vault, params }) => {
        const delivery = await vault.webhooks.getDelivery(params.appId, params.deliveryId);
        if (delivery.endpointId !== params.webhookId) throw notFound("webhook delivery", params.deliveryId);
        const redelivered = await vault.webhooks.redeliver(params.appId, params.deliveryId);
        vault.webhookWorker?.wake();
        return redelivered;
      },
    }),
  ];
}
