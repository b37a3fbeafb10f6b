// The shapes of rewrapAll/rewrapStatus, shared with every service a KEK rotation moves.
export type { RewrapOptions, RewrapProgress, RewrapStatus } from "@vault/crypto";
export type { DeliverStats } from "./deliver";
export { EVENT_TYPES, type EventType, matchesEventType } from "./event-types";
export { eventRow, OutboxEventSink } from "./outbox";
export { baseDelayMs, DEFAULT_RETRY_SCHEDULE, type RetrySchedule, retryDelayMs } from "./retry";
export { type Sender, USER_AGENT, undiciSender, type WebhookRequest, type WebhookResponse } from "./sender";
export { WebhookService } from "./service";
export { generateSigningSecret, signatureHeader, webhookHeaders } from "./signature";
export type {
  CreateEndpointInput,
  DeliveryAttempt,
  DeliveryDetail,
  DeliveryReport,
  DeliveryStatus,
  EndpointWithSecret,
  ListDeliveriesQuery,
  ReminderOptions,
  UpdateEndpointInput,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookPayload,
  WebhookServiceOptions,
} from "./types";
export { UrlGuard, type UrlPolicy } from "./url-guard";
export { WebhookWorker, type WebhookWorkerOptions } from "./worker";
