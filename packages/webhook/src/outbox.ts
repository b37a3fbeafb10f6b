import { type Actor, type Clock, currentActor, newId, systemClock } from "@vault/core";
import { type EventRow, type EventSink, type Executor, events, type VaultEvent } from "@vault/store";

/**
 * The transactional outbox (DESIGN §6): every event becomes a row of `vault_events` inside the transaction of the
 * change it reports, so the two commit or roll back together. The webhook worker fans the rows out to endpoints
 * later; nothing here waits for the network. Wire one into every service's Store context as `events`.
 */
export class OutboxEventSink implements EventSink {
  readonly #clock: Clock;

  constructor(options: { clock?: Clock } = {}) {
    this.#clock = options.clock ?? systemClock;
  }

  async emit(tx: Executor, event: VaultEvent): Promise<void> {
    await insertEvent(tx, eventRow(event, this.#clock.now()));
  }
}

/** The outbox row for `event` at `now`, with the current actor. */
export function eventRow(event: VaultEvent, now: Date, dispatchedAt: Date | null = null): EventRow {
  return {
    id: newId("event"),
    appId: event.appId,
    type: event.type,
    resource: event.resource,
    key: event.key ?? null,
    version: event.version ?? null,
    tenantId: event.tenantId ?? null,
    actor: actorOf(currentActor()),
    data: event.data ?? {},
    createdAt: now,
    dispatchedAt,
  };
}

/**
 * Insert one outbox row. Sent as a named prepared statement: it runs in every change's transaction, and postgres.js
 * then skips asking the server for parameter types each time (bench/webhook.bench.ts measures what the outbox adds).
 */
export async function insertEvent(tx: Executor, row: EventRow): Promise<void> {
  await tx.insert(events).values(row).prepare("vault_event_insert").execute();
}

/**
 * Who made the change, as subscribers may see it: the calling app, API key, user, system label and request id.
 * The IP address stays in the audit log (a webhook leaves the system; an address is personal data).
 */
function actorOf(actor: Actor | undefined): Record<string, string> | null {
  if (actor === undefined) return null;
  const out: Record<string, string> = {};
  if (actor.appId) out.appId = actor.appId;
  if (actor.apiKeyId) out.apiKeyId = actor.apiKeyId;
  if (actor.userId) out.userId = actor.userId;
  if (actor.system) out.system = actor.system;
  if (actor.requestId) out.requestId = actor.requestId;
  return Object.keys(out).length === 0 ? null : out;
}
