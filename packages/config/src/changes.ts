import type { Clock } from "@vault/core";
import { bumpRevision, ChangeFeed, configChanges, type Executor, readRevision, type VaultDb } from "@vault/store";
import { and, asc, eq, gt, lte } from "drizzle-orm";

/** The change-feed topic config entries and overrides share. */
export const CONFIG_TOPIC = "config";

/**
 * How many revisions of the change log are kept per app. A process that falls further behind than this (asleep,
 * disconnected) cannot tell which keys changed; it drops its caches and its watchers get one `resync` change.
 */
export const CHANGE_LOG_RETENTION = 1000;

export type ConfigChangeKind = "set" | "deleted" | "rolled_back" | "override_set" | "override_deleted" | "resync";

/** What a watcher is told. `tenantId` is set for override changes; a `resync` change has `key: "*"`. */
export interface ConfigChange {
  appId: string;
  key: string;
  tenantId: string | null;
  kind: ConfigChangeKind;
  revision: number;
}

export type ConfigWatcher = (change: ConfigChange) => void | Promise<void>;

/**
 * Record a change inside the writer's transaction: bump the app's `config` revision and log which key moved, then
 * prune the log beyond {@link CHANGE_LOG_RETENTION}. Used by ConfigService and OverrideService; after the commit,
 * pass the result to `config.committed(change)`.
 */
export async function recordConfigChange(
  tx: Executor,
  change: Omit<ConfigChange, "revision">,
  clock: Clock,
): Promise<ConfigChange> {
  const revision = await bumpRevision(tx, change.appId, CONFIG_TOPIC, clock);
  await tx.insert(configChanges).values({
    appId: change.appId,
    revision,
    key: change.key,
    tenantId: change.tenantId,
    kind: change.kind,
    createdAt: clock.now(),
  });
  if (revision > CHANGE_LOG_RETENTION) {
    await tx
      .delete(configChanges)
      .where(and(eq(configChanges.appId, change.appId), lte(configChanges.revision, revision - CHANGE_LOG_RETENTION)));
  }
  return { ...change, revision };
}

interface Watch {
  pattern: string;
  prefix: boolean;
  callback: ConfigWatcher;
}

interface AppTracking {
  /** The last revision whose changes were applied (caches invalidated, watchers fired); undefined until known. */
  applied: number | undefined;
  ready: Promise<void>;
  /** Catch-ups run one after another, in revision order. */
  chain: Promise<void>;
  /** Revisions of this process's writes fired before the start revision was known (not to be fired twice). */
  firedEarly: Set<number>;
  stopFeed: () => void;
}

/**
 * Keeps one process's view of config current. It tracks the apps someone caches or watches: on a write in this
 * process it applies the change at once; when the change feed reports that another process moved an app's revision
 * it drops that app's caches at once, then reads the change log to fire the matching watchers.
 */
export class ConfigChangeHub {
  readonly #db: VaultDb;
  readonly #apps = new Map<string, AppTracking>();
  readonly #watches = new Map<string, Set<Watch>>();
  readonly #invalidators = new Set<(appId: string) => void>();
  readonly #feed: ChangeFeed;
  /** True when the feed was made here (none given): then close() stops it. */
  readonly #ownsFeed: boolean;
  #closed = false;

  /** `feed`: the process's change feed; without one the hub polls with a feed of its own. */
  constructor(db: VaultDb, feed?: ChangeFeed) {
    this.#db = db;
    this.#ownsFeed = feed === undefined;
    this.#feed = feed ?? new ChangeFeed({ db });
  }

  /** Start following an app (idempotent). Resolves once its current revision is known: load caches after that. */
  track(appId: string): Promise<void> {
    const existing = this.#apps.get(appId);
    if (existing) return existing.ready;
    const tracking: AppTracking = {
      applied: undefined,
      ready: Promise.resolve(),
      chain: Promise.resolve(),
      firedEarly: new Set(),
      stopFeed: () => {},
    };
    this.#apps.set(appId, tracking);
    if (this.#closed) return tracking.ready;
    tracking.stopFeed = this.#feed.watch(appId, CONFIG_TOPIC, (change) => this.#onRevision(appId, change.revision));
    // Read the revision before any cache of this app is loaded, so every later commit has a larger revision.
    tracking.ready = readRevision(this.#db, appId, CONFIG_TOPIC).then(
      (revision) => {
        tracking.applied = Math.max(tracking.applied ?? 0, revision);
      },
      () => {
        // Unknown start: the next revision seen drops the caches and resyncs the watchers.
        tracking.applied = undefined;
      },
    );
    tracking.chain = tracking.ready;
    return tracking.ready;
  }

  /** Call `invalidate(appId)` whenever an app's config may have changed. */
  onInvalidate(invalidate: (appId: string) => void): () => void {
    this.#invalidators.add(invalidate);
    return () => this.#invalidators.delete(invalidate);
  }

  /** Fire `callback` on changes to `pattern`: a key, a prefix ending in `*` (`"db/*"`), or `"*"` for every key. */
  watch(appId: string, pattern: string, callback: ConfigWatcher): () => void {
    const prefix = pattern.endsWith("*");
    const watch: Watch = { pattern: prefix ? pattern.slice(0, -1) : pattern, prefix, callback };
    let set = this.#watches.get(appId);
    if (!set) {
      set = new Set();
      this.#watches.set(appId, set);
    }
    set.add(watch);
    void this.track(appId);
    return () => {
      set.delete(watch);
      if (set.size === 0 && this.#watches.get(appId) === set) this.#watches.delete(appId);
    };
  }

  /** A write of this process committed: apply it now and tell other services on the same database handle. */
  committed(change: ConfigChange): void {
    const tracking = this.#apps.get(change.appId);
    if (tracking) {
      if (tracking.applied !== undefined && change.revision === tracking.applied + 1) {
        tracking.applied = change.revision;
        this.#invalidate(change.appId);
        this.#fire(change);
      } else if (tracking.applied === undefined) {
        // Following started a moment ago: a watcher registered before this write must still hear of it.
        tracking.firedEarly.add(change.revision);
        this.#invalidate(change.appId);
        this.#fire(change);
        this.#catchUp(change.appId, tracking, change.revision);
      } else if (change.revision > tracking.applied) {
        // Another writer committed in between (or the start revision is not known yet): read the log in order.
        this.#invalidate(change.appId);
        this.#catchUp(change.appId, tracking, change.revision);
      }
    }
    this.#feed.publish({ appId: change.appId, topic: CONFIG_TOPIC, revision: change.revision });
  }

  /** Stop following every app (watchers stay registered but no longer fire). A feed it was given stays running. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const tracking of this.#apps.values()) tracking.stopFeed();
    this.#apps.clear();
    if (this.#ownsFeed) await this.#feed.stop();
  }

  /** Wait until every change seen so far has been applied (tests and orderly shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.#apps.values()].map((t) => t.chain));
  }

  #onRevision(appId: string, revision: number): void {
    const tracking = this.#apps.get(appId);
    if (!tracking) return;
    if (tracking.applied !== undefined && revision <= tracking.applied) return;
    this.#invalidate(appId);
    this.#catchUp(appId, tracking, revision);
  }

  #catchUp(appId: string, tracking: AppTracking, target: number): void {
    tracking.chain = tracking.chain.then(async () => {
      if (this.#closed) return;
      const from = tracking.applied;
      if (from !== undefined && target <= from) return;
      try {
        const rows =
          from === undefined
            ? []
            : await this.#db
                .select()
                .from(configChanges)
                .where(
                  and(
                    eq(configChanges.appId, appId),
                    gt(configChanges.revision, from),
                    lte(configChanges.revision, target),
                  ),
                )
                .orderBy(asc(configChanges.revision));
        // Caches may have been refilled while the log was read; drop them again, it is cheap.
        this.#invalidate(appId);
        // A write of this process may have been applied meanwhile (committed()); fire only what is still new.
        const start = tracking.applied;
        const early = tracking.firedEarly;
        tracking.firedEarly = new Set([...early].filter((revision) => revision > target));
        if (start !== undefined && target <= start) return;
        const pending = start === undefined ? [] : rows.filter((row) => row.revision > start);
        const complete = start !== undefined && pending.length === target - start && pending[0]?.revision === start + 1;
        tracking.applied = target;
        if (!complete) {
          this.#fire({ appId, key: "*", tenantId: null, kind: "resync", revision: target });
          return;
        }
        for (const row of pending) {
          if (early.has(row.revision)) continue;
          this.#fire({
            appId,
            key: row.key,
            tenantId: row.tenantId,
            kind: row.kind as ConfigChangeKind,
            revision: row.revision,
          });
        }
      } catch {
        // The database is unreachable: leave `applied` where it was, so the next revision seen retries.
        this.#invalidate(appId);
      }
    });
  }

  #invalidate(appId: string): void {
    for (const invalidate of this.#invalidators) {
      try {
        invalidate(appId);
      } catch {
        // An invalidator must not stop the others.
      }
    }
  }

  #fire(change: ConfigChange): void {
    const set = this.#watches.get(change.appId);
    if (!set) return;
    for (const watch of [...set]) {
      const matches =
        change.kind === "resync" ||
        (watch.prefix ? change.key.startsWith(watch.pattern) : change.key === watch.pattern);
      if (!matches) continue;
      try {
        const result = watch.callback(change);
        if (result && typeof (result as Promise<void>).catch === "function") (result as Promise<void>).catch(() => {});
      } catch {
        // A failing watcher must not stop the others or the writer.
      }
    }
  }
}
