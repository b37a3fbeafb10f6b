import { compileSnapshot, deepFreeze, type FlagEvaluator, type FlagSnapshot } from "@vault/engine";
import { FLAGS_TOPIC, type FlagContext } from "./context";
import { readSnapshot } from "./rows";

// Compiled snapshots are cached per app. Each cached app is watched on the change feed: a revision newer than the
// cached snapshot's (another process wrote) drops it; this process's writes drop it themselves (integrity.ts).

export interface CacheEntry {
  evaluator?: FlagEvaluator;
  snapshot?: FlagSnapshot;
  loading?: Promise<CacheEntry>;
  /** Bumped on every invalidation; a load started under an older generation is not installed. */
  generation: number;
  unwatch: () => void;
}

function entryFor(ctx: FlagContext, appId: string): CacheEntry {
  let entry = ctx.cache.get(appId);
  if (!entry) {
    const created: CacheEntry = { generation: 0, unwatch: () => {} };
    if (!ctx.closed) {
      created.unwatch = ctx.changes.watch(appId, FLAGS_TOPIC, (change) => {
        // Our own writes invalidate before publishing; anything newer than what we hold is someone else's.
        if (created.snapshot === undefined || change.revision > created.snapshot.revision) invalidate(ctx, appId);
      });
    }
    entry = created;
    ctx.cache.set(appId, entry);
  }
  return entry;
}

export function invalidate(ctx: FlagContext, appId: string): void {
  const entry = ctx.cache.get(appId);
  if (!entry) return;
  entry.generation += 1;
  entry.evaluator = undefined;
  entry.snapshot = undefined;
  entry.loading = undefined;
}

/** The compiled evaluator when it is cached: the hot path of evaluate() then awaits nothing. */
export function cachedEvaluator(ctx: FlagContext, appId: string): FlagEvaluator | undefined {
  return ctx.cache.get(appId)?.evaluator;
}

export async function load(ctx: FlagContext, appId: string): Promise<CacheEntry> {
  const entry = entryFor(ctx, appId);
  if (entry.evaluator) return entry;
  if (entry.loading) return entry.loading;
  const generation = entry.generation;
  const loading = (async () => {
    // Frozen: snapshot() hands out this object, and a caller changing it must not change the cache.
    const snapshot = deepFreeze(await readSnapshot(ctx.db, appId));
    const evaluator = compileSnapshot(snapshot, {
      clock: ctx.clock,
      customEvaluators: ctx.customEvaluators,
      regexEngine: ctx.regexEngine,
      ...(ctx.countUsage ? { onEvaluation: ctx.usage.recorderFor(appId) } : {}),
    });
    if (entry.generation === generation) {
      entry.snapshot = snapshot;
      entry.evaluator = evaluator;
      entry.loading = undefined;
      return entry;
    }
    // Invalidated while loading: this snapshot may be stale; answer from it, but do not cache it.
    return { ...entry, snapshot, evaluator };
  })();
  entry.loading = loading;
  loading.catch(() => {
    if (entry.loading === loading) entry.loading = undefined;
  });
  return loading;
}

/** Stop watching every app and drop the cache; stop the change feed if it was made here. */
export async function closeCache(ctx: FlagContext): Promise<void> {
  ctx.closed = true;
  for (const entry of ctx.cache.values()) entry.unwatch();
  ctx.cache.clear();
  if (ctx.ownsChanges) await ctx.changes.stop();
}
