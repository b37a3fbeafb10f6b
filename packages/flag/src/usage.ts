// Flag usage: evaluations counted in memory per app, flag and variant, and added to vault_flag_usage by a periodic
// flush (never a write per evaluation); reports of what a flag was last evaluated at and which flags are stale.

import type { EvaluationResult } from "@vault/engine";
import { flagUsage } from "@vault/store";
import { and, asc, eq, gte, max, sql, sum } from "drizzle-orm";
import type { FlagContext } from "./context";
import { loadSnapshot } from "./evaluate";
import type { UsageReportEntry, UsageReportResult } from "./types";

const DAY_MS = 86_400_000;

/** Counts of one flag and variant (`variant` "" when the result had none), as they are flushed. */
export interface UsageEntry {
  appId: string;
  flagKey: string;
  variant: string;
  count: number;
}

/** What was flushed at `at` (the server's metrics count from this). */
export interface UsageFlush {
  at: Date;
  entries: readonly UsageEntry[];
}

interface AppTally {
  /** flag key → variant → count since the last drain. */
  flags: Map<string, Map<string, number>>;
}

/**
 * The counts of one process, waiting for the next flush. Memory stays bounded: only flags of the compiled snapshot
 * are counted (the engine reports no unknown key), and their variants are the flag's own.
 */
export class UsageCounter {
  readonly #apps = new Map<string, AppTally>();

  #tally(appId: string): AppTally {
    let tally = this.#apps.get(appId);
    if (!tally) {
      tally = { flags: new Map() };
      this.#apps.set(appId, tally);
    }
    return tally;
  }

  /** The engine's `onEvaluation` hook for one app: two map updates per evaluation. */
  recorderFor(appId: string): (flagKey: string, result: EvaluationResult) => void {
    const tally = this.#tally(appId);
    return (flagKey, result) => add(tally, flagKey, result.variant ?? "", 1);
  }

  add(appId: string, flagKey: string, variant: string, count: number): void {
    add(this.#tally(appId), flagKey, variant, count);
  }

  /** Take every count recorded so far (the counter starts again from zero). */
  drain(): UsageEntry[] {
    const out: UsageEntry[] = [];
    for (const [appId, tally] of this.#apps) {
      if (tally.flags.size === 0) continue;
      const flags = tally.flags;
      tally.flags = new Map();
      for (const [flagKey, variants] of flags) {
        for (const [variant, count] of variants) out.push({ appId, flagKey, variant, count });
      }
    }
    return out;
  }

  /** Put back counts a flush could not write (they go out with the next one). */
  restore(entries: readonly UsageEntry[]): void {
    for (const e of entries) this.add(e.appId, e.flagKey, e.variant, e.count);
  }

  /** How many (app, flag, variant) counts wait for a flush. */
  get pending(): number {
    let n = 0;
    for (const tally of this.#apps.values()) for (const variants of tally.flags.values()) n += variants.size;
    return n;
  }
}

function add(tally: AppTally, flagKey: string, variant: string, count: number): void {
  let variants = tally.flags.get(flagKey);
  if (variants === undefined) {
    variants = new Map();
    tally.flags.set(flagKey, variants);
  }
  variants.set(variant, (variants.get(variant) ?? 0) + count);
}

/** Midnight UTC of the day `at` falls on. */
export function startOfUtcDay(at: Date): Date {
  return new Date(Math.floor(at.getTime() / DAY_MS) * DAY_MS);
}

const FLUSH_CHUNK = 500;

/**
 * Write the pending counts: one transaction adding them to the rows of today (UTC) and moving `last_evaluated_at`
 * to now (so it is as precise as the flush interval). Counts a failed flush could not write are kept for the next.
 * Flushes run one at a time. Returns how many rows it wrote to.
 */
export async function flushUsage(ctx: FlagContext): Promise<number> {
  const previous = ctx.flushing;
  const run = previous.then(async () => {
    const entries = ctx.usage.drain();
    if (entries.length === 0) return 0;
    const at = ctx.clock.now();
    const day = startOfUtcDay(at);
    try {
      await ctx.db.transaction(async (tx) => {
        for (let i = 0; i < entries.length; i += FLUSH_CHUNK) {
          const rows = entries.slice(i, i + FLUSH_CHUNK).map((e) => ({
            appId: e.appId,
            flagKey: e.flagKey,
            variant: e.variant,
            day,
            count: e.count,
            lastEvaluatedAt: at,
          }));
          await tx
            .insert(flagUsage)
            .values(rows)
            .onConflictDoUpdate({
              target: [flagUsage.appId, flagUsage.flagKey, flagUsage.variant, flagUsage.day],
              set: {
                count: sql`${flagUsage.count} + excluded.count`,
                lastEvaluatedAt: sql`greatest(${flagUsage.lastEvaluatedAt}, excluded.last_evaluated_at)`,
              },
            });
        }
      });
    } catch (error) {
      ctx.usage.restore(entries);
      throw error;
    }
    try {
      ctx.onUsageFlushed?.({ at, entries });
    } catch {
      // A metrics hook that fails must not turn a written flush into a failed one.
    }
    return entries.length;
  });
  ctx.flushing = run.catch(() => undefined);
  return run;
}

/** One flag's evaluations over a window of days. */
export interface FlagUsage {
  flagKey: string;
  /** Evaluations in the window. */
  total: number;
  /** By variant, most first; `variant: null` counts results without a variant. */
  variants: { variant: string | null; count: number }[];
  /** The last flush that counted an evaluation of this flag (any time, not only in the window). */
  lastEvaluatedAt: Date | null;
}

/** Every flag's (or one flag's) flushed evaluation counts of the last `days` UTC days, today included. */
export async function readUsage(
  ctx: FlagContext,
  app: string,
  { days, flagKey }: { days: number; flagKey?: string },
): Promise<FlagUsage[]> {
  const since = new Date(startOfUtcDay(ctx.clock.now()).getTime() - (days - 1) * DAY_MS);
  const scope =
    flagKey === undefined ? eq(flagUsage.appId, app) : and(eq(flagUsage.appId, app), eq(flagUsage.flagKey, flagKey));
  const counted = await ctx.db
    .select({
      flagKey: flagUsage.flagKey,
      variant: flagUsage.variant,
      count: sum(flagUsage.count).mapWith(Number),
    })
    .from(flagUsage)
    .where(and(scope, gte(flagUsage.day, since)))
    .groupBy(flagUsage.flagKey, flagUsage.variant)
    .orderBy(asc(flagUsage.flagKey), asc(flagUsage.variant));
  const last = await lastEvaluated(ctx, app, flagKey);
  const byFlag = new Map<string, FlagUsage>();
  for (const row of counted) {
    let usage = byFlag.get(row.flagKey);
    if (!usage) {
      usage = { flagKey: row.flagKey, total: 0, variants: [], lastEvaluatedAt: last.get(row.flagKey) ?? null };
      byFlag.set(row.flagKey, usage);
    }
    usage.total += row.count;
    usage.variants.push({ variant: row.variant === "" ? null : row.variant, count: row.count });
  }
  for (const usage of byFlag.values()) usage.variants.sort((a, b) => b.count - a.count);
  return [...byFlag.values()];
}

/** When each flag of the app (or one flag) was last counted, by flag key. */
export async function lastEvaluated(ctx: FlagContext, app: string, flagKey?: string): Promise<Map<string, Date>> {
  const scope =
    flagKey === undefined ? eq(flagUsage.appId, app) : and(eq(flagUsage.appId, app), eq(flagUsage.flagKey, flagKey));
  const rows = await ctx.db
    .select({ flagKey: flagUsage.flagKey, at: max(flagUsage.lastEvaluatedAt) })
    .from(flagUsage)
    .where(scope)
    .groupBy(flagUsage.flagKey);
  return new Map(rows.filter((r) => r.at !== null).map((r) => [r.flagKey, new Date(r.at as Date)]));
}

/**
 * Add a client's counts (an SDK evaluating locally reports what it evaluated) to this process's, for the next flush.
 * Only flags the app has, and their own variants, are counted: anything else is returned as ignored, so a report
 * cannot grow the counter without bound.
 */
export async function recordUsageReport(
  ctx: FlagContext,
  app: string,
  entries: readonly UsageReportEntry[],
): Promise<UsageReportResult> {
  const ignored: UsageReportResult["ignored"] = [];
  if (!ctx.countUsage) {
    return { accepted: 0, ignored: entries.map((e) => ({ ...pick(e), reason: "usage counting is off" })) };
  }
  const snapshot = await loadSnapshot(ctx, app);
  const variantsOf = new Map(snapshot.flags.map((f) => [f.key, f.variants ?? {}]));
  let accepted = 0;
  for (const entry of entries) {
    const variants = variantsOf.get(entry.flagKey);
    if (variants === undefined) ignored.push({ ...pick(entry), reason: "no such flag" });
    else if (entry.variant !== undefined && !Object.hasOwn(variants, entry.variant)) {
      ignored.push({ ...pick(entry), reason: "no such variant" });
    } else {
      ctx.usage.add(app, entry.flagKey, entry.variant ?? "", entry.count);
      accepted += 1;
    }
  }
  return { accepted, ignored };
}

function pick(entry: UsageReportEntry): { flagKey: string; variant?: string } {
  return entry.variant === undefined ? { flagKey: entry.flagKey } : { flagKey: entry.flagKey, variant: entry.variant };
}
