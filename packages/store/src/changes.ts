import type { Clock } from "@vault/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor, VaultDb } from "./database";
import { revisions } from "./schema/changes";

/** The NOTIFY channel revision bumps are announced on (Postgres only; polling covers every database). */
export const CHANGES_CHANNEL = "vault_changes";

export interface Change {
  appId: string;
  topic: string;
  revision: number;
}

/**
 * Move the (app, topic) revision forward by one inside the caller's transaction and announce it. Call it from every
 * write other processes must notice; the new revision is visible (and NOTIFY delivered) only when the caller commits.
 */
export async function bumpRevision(tx: Executor, appId: string, topic: string, clock: Clock): Promise<number> {
  const now = clock.now();
  const [row] = await tx
    .insert(revisions)
    .values({ appId, topic, revision: 1, updatedAt: now })
    .onConflictDoUpdate({
      target: [revisions.appId, revisions.topic],
      set: { revision: sql`${revisions.revision} + 1`, updatedAt: now },
    })
    .returning({ revision: revisions.revision });
  const revision = row?.revision ?? 0;
  const payload = JSON.stringify({ appId, topic, revision } satisfies Change);
  await tx.execute(sql`select pg_notify(${CHANGES_CHANNEL}, ${payload})`);
  return revision;
}

/** The stored revision of (app, topic); 0 when nothing was ever written. */
export async function readRevision(executor: Executor, appId: string, topic: string): Promise<number> {
  const [row] = await executor
    .select({ revision: revisions.revision })
    .from(revisions)
    .where(and(eq(revisions.appId, appId), eq(revisions.topic, topic)));
  return row?.revision ?? 0;
}

type Listener = (change: Change) => void;

/** Subscribe to a NOTIFY channel; resolves to the unsubscribe function. */
export type Listen = (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;

/** LISTEN through a postgres.js client (the one a Drizzle database was opened with). */
export function postgresListener(client: {
  listen(channel: string, onNotify: (payload: string) => void): Promise<{ unlisten(): Promise<void> }>;
}): Listen {
  return async (channel, onPayload) => {
    const subscription = await client.listen(channel, onPayload);
    return () => subscription.unlisten();
  };
}

export interface ChangeFeedOptions {
  /** Any Drizzle pg-core database holding the store's tables. */
  db: VaultDb;
  /** How often watched revisions are polled, in ms (default 500). */
  pollIntervalMs?: number;
  /**
   * Push notifications (Postgres LISTEN on the `vault_changes` channel), so changes arrive at once. Without it the
   * feed polls only, which works on any Postgres-compatible database.
   */
  listen?: Listen;
  /** Told about every failure: a poll that could not reach the database, a LISTEN that failed, a throwing listener. */
  onError?: (error: unknown) => void;
}

/**
 * Tells a process when another process changed something it caches. It watches only the (app, topic) pairs someone
 * asked for, polls their revisions, and with `listen` also receives NOTIFYs so that changes arrive at once.
 * Listeners get every revision they have not seen yet, once. Pass one feed to every service of a process (the
 * Store context's `changes`); a service given none polls with a feed of its own.
 */
export class ChangeFeed {
  readonly #db: VaultDb;
  readonly #pollIntervalMs: number;
  readonly #listen: Listen | undefined;
  readonly #onError: (error: unknown) => void;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #seen = new Map<string, number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #starting: Promise<void> | undefined;
  #polling = false;
  #stopped = false;

  constructor(options: ChangeFeedOptions) {
    this.#db = options.db;
    this.#pollIntervalMs = options.pollIntervalMs ?? 500;
    this.#listen = options.listen;
    this.#onError = options.onError ?? (() => {});
  }

  /** Call `listener` whenever the revision of (app, topic) moves. Returns the unsubscribe function. */
  watch(appId: string, topic: string, listener: Listener): () => void {
    const id = pairKey(appId, topic);
    let set = this.#listeners.get(id);
    if (!set) {
      set = new Set();
      this.#listeners.set(id, set);
    }
    set.add(listener);
    void this.#start();
    return () => {
      set.delete(listener);
      if (set.size === 0) {
        this.#listeners.delete(id);
        this.#seen.delete(id);
      }
    };
  }

  /** Tell this process's listeners about a change it committed itself, without waiting for the database. */
  publish(change: Change): void {
    this.#deliver(change);
  }

  /** Read every watched revision now (also what the timer does). A failure goes to `onError` and is retried. */
  async poll(): Promise<void> {
    if (this.#polling || this.#listeners.size === 0 || this.#stopped) return;
    this.#polling = true;
    try {
      const pairs = [...this.#listeners.keys()].map(splitKey);
      const rows = await this.#db
        .select({ appId: revisions.appId, topic: revisions.topic, revision: revisions.revision })
        .from(revisions)
        .where(
          and(
            inArray(revisions.appId, [...new Set(pairs.map((p) => p.appId))]),
            inArray(revisions.topic, [...new Set(pairs.map((p) => p.topic))]),
          ),
        );
      for (const row of rows) this.#deliver(row);
    } catch (error) {
      // The database is away (restarting, unreachable): caches stay as they are and the next tick tries again.
      this.#onError(error);
    } finally {
      this.#polling = false;
    }
  }

  /** Stop polling and listening. Idempotent. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#starting?.catch(() => {});
    await this.#unlisten?.().catch((error: unknown) => this.#onError(error));
    this.#unlisten = undefined;
  }

  #deliver(change: Change): void {
    const id = pairKey(change.appId, change.topic);
    const listeners = this.#listeners.get(id);
    if (!listeners) return;
    const seen = this.#seen.get(id) ?? 0;
    if (change.revision <= seen) return;
    this.#seen.set(id, change.revision);
    for (const listener of [...listeners]) {
      try {
        listener(change);
      } catch (error) {
        // One failing listener must not starve the others.
        this.#onError(error);
      }
    }
  }

  #start(): Promise<void> {
    if (this.#starting || this.#stopped) return this.#starting ?? Promise.resolve();
    this.#timer = setInterval(() => void this.poll(), this.#pollIntervalMs);
    this.#timer.unref?.();
    const listen = this.#listen;
    this.#starting = (async () => {
      if (listen === undefined) return;
      try {
        this.#unlisten = await listen(CHANGES_CHANNEL, (payload) => {
          const change = parseChange(payload);
          if (change) this.#deliver(change);
        });
      } catch (error) {
        // LISTEN is an optimisation (not every Postgres-compatible database has it); polling still works.
        this.#onError(error);
      }
    })();
    return this.#starting;
  }
}

function pairKey(appId: string, topic: string): string {
  return `${topic}\u0000${appId}`;
}

function splitKey(id: string): { appId: string; topic: string } {
  const [topic = "", appId = ""] = id.split("\u0000");
  return { appId, topic };
}

function parseChange(payload: string): Change | undefined {
  try {
    const value = JSON.parse(payload) as Partial<Change>;
    if (typeof value.appId === "string" && typeof value.topic === "string" && typeof value.revision === "number") {
      return { appId: value.appId, topic: value.topic, revision: value.revision };
    }
  } catch {
    // Not ours.
  }
  return undefined;
}
