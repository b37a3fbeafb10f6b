// The event outbox (DESIGN §6 Events and webhooks). Table names are prefixed vault_.
import { sql } from "drizzle-orm";
import { index, integer, jsonb, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/**
 * The transactional outbox: one row per change, written by the service in the change's own transaction (through
 * an `EventSink`), so an event exists exactly when its change committed. Never a value, a token or a password.
 * The webhook dispatcher fans each row out to the app's matching endpoints once (`dispatched_at`).
 */
export const events = pgTable(
  "vault_events",
  {
    /** `evt_…`, K-sortable: the order events were written in. */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    /** `secret.set`, `flag.updated`, … */
    type: text("type").notNull(),
    resource: text("resource").notNull(),
    key: text("key"),
    version: integer("version"),
    tenantId: text("tenant_id"),
    /** Who made the change: `{ appId?, apiKeyId?, userId?, system?, requestId? }` (never an IP or a credential). */
    actor: jsonb("actor").$type<Record<string, string>>(),
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: utc("created_at").notNull(),
    /** When the dispatcher created this event's deliveries; null while it waits. */
    dispatchedAt: utc("dispatched_at"),
  },
  (t) => [
    // The dispatcher's work queue: only waiting rows are in this index, so it stays tiny.
    index("vault_events_waiting_idx").on(t.id).where(sql`${t.dispatchedAt} is null`),
    index("vault_events_app_id_idx").on(t.appId, t.id),
    index("vault_events_created_idx").on(t.createdAt),
  ],
);

/**
 * Which reminders were emitted: one row per (app, kind, subject, mark), inserted in the transaction that writes the
 * reminder's event. The primary key makes many schedulers emit each reminder once (`secret.expiring` for a secret's
 * version and threshold, `rotation.failing` for a policy's run of failures).
 */
export const eventReminders = pgTable(
  "vault_event_reminders",
  {
    appId: text("app_id").notNull(),
    /** The event type the reminder emitted: `secret.expiring`, `rotation.failing`. */
    kind: text("kind").notNull(),
    /** What it is about: the secret's id and version, the policy's id. */
    subject: text("subject").notNull(),
    /** Which occasion: the threshold in days, the instant the run of failures began. */
    mark: text("mark").notNull(),
    eventId: text("event_id").notNull(),
    createdAt: utc("created_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.appId, t.kind, t.subject, t.mark] }),
    index("vault_event_reminders_created_idx").on(t.createdAt),
  ],
);

export type EventRow = typeof events.$inferSelect;
export type EventReminderRow = typeof eventReminders.$inferSelect;
