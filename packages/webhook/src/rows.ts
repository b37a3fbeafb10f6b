import { notFound } from "@vault/core";
import type { EventRow, WebhookAttemptRow, WebhookDeliveryRow, WebhookEndpointRow } from "@vault/store";
import type { DeliveryAttempt, DeliveryStatus, WebhookDelivery, WebhookEndpoint, WebhookPayload } from "./types";

export function toEndpoint(row: WebhookEndpointRow): WebhookEndpoint {
  return {
    id: row.id,
    appId: row.appId,
    url: row.url,
    description: row.description,
    eventTypes: row.eventTypes,
    enabled: row.enabled,
    disabledReason: row.disabledReason,
    consecutiveFailures: row.consecutiveFailures,
    previousSecretExpiresAt: row.previousSecretExpiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toDelivery(row: WebhookDeliveryRow, eventType: string): WebhookDelivery {
  return {
    id: row.id,
    appId: row.appId,
    endpointId: row.endpointId,
    eventId: row.eventId,
    eventType,
    status: row.status as DeliveryStatus,
    attempts: row.attempts,
    nextAttemptAt: row.status === "pending" ? row.nextAttemptAt : null,
    lastAttemptAt: row.lastAttemptAt,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    lastDurationMs: row.lastDurationMs,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    completedAt: row.completedAt,
  };
}

export function toAttempt(row: WebhookAttemptRow): DeliveryAttempt {
  return {
    attempt: row.attempt,
    startedAt: row.startedAt,
    durationMs: row.durationMs,
    outcome: row.outcome as DeliveryAttempt["outcome"],
    statusCode: row.statusCode,
    error: row.error,
    info: row.info,
  };
}

/** The body every endpoint receives for `event`: the same bytes on every attempt, so its signature is stable too. */
export function toPayload(event: EventRow): WebhookPayload {
  return {
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: {
      id: event.id,
      appId: event.appId,
      resource: event.resource,
      key: event.key,
      version: event.version,
      tenantId: event.tenantId,
      actor: event.actor,
      details: event.data,
    },
  };
}

export function endpointNotFound(appId: string, id: string) {
  return notFound("webhook endpoint", id, { appId });
}

export function deliveryNotFound(appId: string, id: string) {
  return notFound("webhook delivery", id, { appId });
}
