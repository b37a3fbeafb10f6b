import type { Executor } from "./database";

/**
 * What a service reports about one change, for the outbox (DESIGN §6 Events and webhooks): which object of which
 * app changed and how, never what it holds. The actor comes from core's `currentActor()` and the time from the
 * sink's clock, both read by the sink.
 */
export interface VaultEvent {
  /** `secret.set`, `flag.updated`, `config.rolled_back`, `override.set`, `apikey.revoked`, `token.created`, … */
  type: string;
  appId: string;
  /** The kind of object: `secret`, `flag`, `config`, `override`, `rotation_policy`, `api_key`, `token`, … */
  resource: string;
  /** The object's key (secrets, flags, config) or id (tokens, API keys, endpoints). */
  key?: string;
  /** The object's version after the change, where it has one. */
  version?: number;
  tenantId?: string;
  /**
   * A few facts about the change that a subscriber may act on (which versions, which fields moved, an error
   * code). Never a value, a token or a password: sinks store it as given and deliver it to the outside world.
   */
  data?: Record<string, unknown>;
}

/**
 * Where services write events. `emit` runs inside the caller's transaction, beside its audit entry: if it throws,
 * the change rolls back, and if the change rolls back, so does the event — no event without the change, no change
 * without the event. `@vault/webhook` implements it with a transactional outbox; the composition root wires it in.
 */
export interface EventSink {
  emit(tx: Executor, event: VaultEvent): Promise<void>;
}

/** A sink that drops every event, for library users who want no outbox. */
export const noEvents: EventSink = { emit: async () => {} };

/** A sink that keeps events in memory, for tests that assert what was emitted. */
export class MemoryEventSink implements EventSink {
  readonly events: VaultEvent[] = [];
  /** Make the next `emit` calls throw, to test that the caller rolls back. */
  failNext = 0;

  async emit(_tx: Executor, event: VaultEvent): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("event sink unavailable (simulated)");
    }
    this.events.push(structuredClone(event));
  }
}
