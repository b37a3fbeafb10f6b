import type { KeyProvider } from "@vault/crypto";
import type { StoreContext } from "@vault/store";
import type { RetrySchedule } from "./retry";
import type { Sender } from "./sender";
import type { UrlPolicy } from "./url-guard";

/** A webhook endpoint, never its signing secret (shown once, on create and on rotation). */
export interface WebhookEndpoint {
  /** `whk_…` */
  id: string;
  appId: string;
  url: string;
  description: string;
  /** Types delivered (`secret.set`, `flag.*`); empty: every type. */
  eventTypes: string[];
  enabled: boolean;
  /** `manual` (disabled by a caller) or `failures` (by the worker after a run of failed deliveries); null when enabled. */
  disabledReason: string | null;
  /** Deliveries in a row that failed for good; reset by a success. */
  consecutiveFailures: number;
  /** Until when the secret replaced by the last rotation still signs (null: no overlap running). */
  previousSecretExpiresAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** An endpoint with its signing secret (`whsec_…`): what create and rotateSecret answer, once. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

export type DeliveryStatus = "pending" | "succeeded" | "failed";

/** One event to one endpoint. */
export interface WebhookDelivery {
  /** `whd_…` */
  id: string;
  appId: string;
  endpointId: string;
  /** `evt_…`: also the `webhook-id` header, the same on every attempt (receivers de-duplicate by it). */
  eventId: string;
  eventType: string;
  status: DeliveryStatus;
  /** Attempts since the delivery was (re)scheduled. */
  attempts: number;
  nextAttemptAt: Date | null;
  lastAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastDurationMs: number | null;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

/** One attempt in the delivery log. */
export interface DeliveryAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  outcome: "succeeded" | "failed";
  statusCode: number | null;
  error: string | null;
  info: Record<string, unknown>;
}

/** A delivery with its log and the payload it sends. */
export interface DeliveryDetail extends WebhookDelivery {
  attemptLog: DeliveryAttempt[];
  payload: WebhookPayload;
}

/** The JSON body of every webhook (Standard Webhooks' recommended shape). */
export interface WebhookPayload {
  type: string;
  /** When the change was made (ISO 8601, UTC). */
  timestamp: string;
  data: {
    /** `evt_…`, also the `webhook-id` header. */
    id: string;
    appId: string;
    resource: string;
    key: string | null;
    version: number | null;
    tenantId: string | null;
    actor: Record<string, string> | null;
    details: Record<string, unknown>;
  };
}

export interface CreateEndpointInput {
  url: string;
  description?: string;
  eventTypes?: string[];
  enabled?: boolean;
}

export interface UpdateEndpointInput {
  url?: string;
  description?: string;
  eventTypes?: string[];
  /** true re-enables an endpoint (also one the worker disabled) and resets its failure count. */
  enabled?: boolean;
}

export interface ListDeliveriesQuery {
  endpointId?: string;
  status?: DeliveryStatus;
  eventType?: string;
  cursor?: string;
  limit?: number;
}

/** What one attempt ended as, for metrics. */
export interface DeliveryReport {
  appId: string;
  endpointId: string;
  eventType: string;
  /** `succeeded`; `retrying` (failed, another attempt scheduled); `failed` (given up). */
  outcome: "succeeded" | "retrying" | "failed";
  statusCode: number | null;
  durationMs: number;
  /** From the change's commit (the event's time) to the end of this attempt. */
  sinceEventMs: number;
}

export interface ReminderOptions {
  /** Days before a secret's `expiresAt` at which `secret.expiring` is emitted, once each (default [30, 7, 1]). */
  expiringDays?: number[];
  /** Consecutive failed rotations after which `rotation.failing` is emitted, once per run (default 3). */
  rotationFailures?: number;
}

export interface WebhookServiceOptions extends Omit<StoreContext, "changes" | "events"> {
  /** The keyring (or a KMS-backed KeyProvider): seals the endpoints' signing secrets. */
  keys: KeyProvider;
  /** Where webhooks may go (default: public addresses only). */
  urlPolicy?: UrlPolicy;
  /** How long an attempt may take before it counts as failed (default 15,000 ms). */
  timeoutMs?: number;
  retry?: Partial<RetrySchedule>;
  /** Deliveries in a row that fail for good before the endpoint is disabled (default 5; 0 never disables). */
  disableAfterFailures?: number;
  /** How long the replaced secret keeps signing after a rotation (default 24 h). */
  secretOverlapMs?: number;
  /** Deliveries one worker claims at a time (default 100). */
  batchSize?: number;
  /** Requests one worker has in flight at once (default 16). */
  concurrency?: number;
  reminders?: ReminderOptions;
  /** Days dispatched events and finished deliveries are kept (default 30). */
  retentionDays?: number;
  /** Most endpoints an app may have (default 50). */
  maxEndpointsPerApp?: number;
  /** Sends the requests (default: undici, through the URL guard). Tests and benchmarks may pass their own. */
  sender?: Sender;
  /** Uniform in [0, 1), for the retry jitter (default Math.random). */
  random?: () => number;
  /** Told about every attempt's outcome (metrics). */
  onDelivery?: (report: DeliveryReport) => void;
}
