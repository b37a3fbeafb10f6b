import type { Clock } from "@vault/core";
import { and, eq, inArray, sql } from "drizzle-orm";
import { connectionInternals, type Executor, type VaultDb } from "./database";
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

/**
 * Tells a process when another process changed something it caches. One feed per database handle
 * ({@link changeFeed}); it watches only the (app, topic) pairs someone asked for, polls their revisions, and on
 * Postgres also LISTENs so that changes arrive at once. Listeners get every revision they have not seen yet.
 */
export class ChangeFeed {
  readonly #db: VaultDb;
  readonly #listeners = new Map<string, Set<Listener>>();
  readonly #seen = new Map<string, number>();
  #timer: ReturnType<typeof setInterval> | undefined;
  #unlisten: (() => Promise<void>) | undefined;
  #starting: Promise<void> | undefined;
  #polling = false;
  #stopped = false;

  constructor(db: VaultDb) {
    this.#db = db;
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

  /** Read every watched revision now (also what the timer does). */
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
    } catch {
      // A failed poll (database restarting) is retried on the next tick; caches stay as they are meanwhile.
    } finally {
      this.#polling = false;
    }
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#starting?.catch(() => {});
    await this.#unlisten?.().catch(() => {});
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
      } catch {
        // One failing listener must not starve the others.
      }
    }
  }

  #start(): Promise<void> {
    if (this.#starting || this.#stopped) return this.#starting ?? Promise.resolve();
    const internals = connectionInternals(this.#db);
    internals.onClose.push(() => this.stop());
    this.#timer = setInterval(() => void this.poll(), internals.changePollMs);
    this.#timer.unref?.();
    this.#starting = (async () => {
      if (internals.driver !== "postgres") return;
      try {
        this.#unlisten = await internals.listen(CHANGES_CHANNEL, (payload) => {
          const change = parseChange(payload);
          if (change) this.#deliver(change);
        });
      } catch {
        // LISTEN is an optimisation (not every Postgres-compatible database has it); polling still works.
      }
    })();
    return this.#starting;
  }
}

const feeds = new WeakMap<VaultDb, ChangeFeed>();

/** The change feed of a database handle (one per handle, stopped by closeDatabase). */
export function changeFeed(db: VaultDb): ChangeFeed {
  let feed = feeds.get(db);
  if (!feed) {
    feed = new ChangeFeed(db);
    feeds.set(db, feed);
  }
  return feed;
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
