// Tables of the webhook subsystem (@vault/webhook, DESIGN §6 Events and webhooks). Table names are prefixed vault_.
import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
import { bytea, utc } from "./columns";
import { events } from "./events";

/**
 * A webhook endpoint of an app: where to POST, which event types, and its signing secrets. The secrets (the current
 * one, and the one it replaced while its overlap window lasts) are sealed together under a per-row DEK wrapped by the
 * KEK `secrets_kek_id`, bound to (app, endpoint id, `secrets_version`); rotation bumps the version.
 */
export const webhookEndpoints = pgTable(
  "vault_webhook_endpoints",
  {
    /** `whk_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    /** Event types delivered (`secret.set`, or `secret.*`); empty: every type. */
    eventTypes: jsonb("event_types").$type<string[]>().notNull().default([]),
    enabled: boolean("enabled").notNull(),
    /** Why it is disabled: `manual`, or `failures` (the worker disabled it after a run of failed deliveries). */
    disabledReason: text("disabled_reason"),
    secretsCiphertext: bytea("secrets_ciphertext").notNull(),
    secretsWrappedDek: bytea("secrets_wrapped_dek").notNull(),
    secretsKekId: text("secrets_kek_id").notNull(),
    secretsVersion: integer("secrets_version").notNull(),
    /** Until when the previous secret still signs (null: there is none), shown without opening the secrets. */
    previousSecretExpiresAt: utc("previous_secret_expires_at"),
    /** Deliveries that failed for good in a row; reset by a success. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [index("vault_webhook_endpoints_app_idx").on(t.appId, t.id)],
);

/**
 * One event to one endpoint. Workers claim due pending rows with `FOR UPDATE SKIP LOCKED` and lease them by moving
 * `next_attempt_at` past the attempt's timeout, so each is sent by one worker at a time; a crashed worker's lease
 * simply runs out.
 */
export const webhookDeliveries = pgTable(
  "vault_webhook_deliveries",
  {
    /** `whd_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    endpointId: text("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventId: text("event_id")
      .notNull()
      .references(() => events.id, { onDelete: "cascade" }),
    /** `pending`, `succeeded` or `failed`. */
    status: text("status").notNull(),
    /** Attempts started so far. */
    attempts: integer("attempts").notNull().default(0),
    /** Pending: when the next attempt is due (or, while one runs, when its lease ends). */
    nextAttemptAt: utc("next_attempt_at"),
    lastAttemptAt: utc("last_attempt_at"),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
    /** When it succeeded or was given up on. */
    completedAt: utc("completed_at"),
  },
  (t) => [
    unique("vault_webhook_deliveries_endpoint_event").on(t.endpointId, t.eventId),
    // The workers' queue: only pending rows are in this index.
    index("vault_webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index("vault_webhook_deliveries_endpoint_idx").on(t.endpointId, t.id),
    index("vault_webhook_deliveries_event_idx").on(t.eventId),
  ],
);

/** The delivery log: one row per attempt (when, how long, the response code or the error). */
export const webhookAttempts = pgTable(
  "vault_webhook_attempts",
  {
    deliveryId: text("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    /** 1, 2, 3, … per delivery. */
    attempt: integer("attempt").notNull(),
    appId: text("app_id").notNull(),
    startedAt: utc("started_at").notNull(),
    durationMs: integer("duration_ms").notNull(),
    /** `succeeded` (a 2xx), `failed` (another status, a timeout, a refused or unreachable address). */
    outcome: text("outcome").notNull(),
    statusCode: integer("status_code"),
    error: text("error"),
    /** A few facts about the request: `{ redelivery: true }`. */
    info: jsonb("info").$type<Record<string, unknown>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);

export type WebhookEndpointRow = typeof webhookEndpoints.$inferSelect;
export type WebhookDeliveryRow = typeof webhookDeliveries.$inferSelect;
export type WebhookAttemptRow = typeof webhookAttempts.$inferSelect;
