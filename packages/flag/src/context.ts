import type { Clock } from "@vault/core";
import type { CustomEvaluator, RegexEngine } from "@vault/engine";
import type { AuditSink, ChangeFeed, EventSink, Executor, VaultDb, VaultEvent } from "@vault/store";
import type { CacheEntry } from "./cache";
import type { UsageCounter, UsageFlush } from "./usage";

/** The change-feed topic flag writes bump. */
export const FLAGS_TOPIC = "flags";

/** What every flag operation works with: the service's settings and its cache, resolved once by `FlagService`. */
export interface FlagContext {
  readonly db: VaultDb;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  readonly customEvaluators: Record<string, CustomEvaluator> | undefined;
  /** Runs `regex` conditions (checked on write, compiled with each snapshot). */
  readonly regexEngine: RegexEngine;
  readonly changes: ChangeFeed;
  /** True when the feed was made here (no `changes` given): then close() stops it. */
  readonly ownsChanges: boolean;
  /** The compiled snapshot of each app evaluated so far (see cache.ts). */
  readonly cache: Map<string, CacheEntry>;
  /** Set by close(): from then on no app is watched. */
  closed: boolean;
  /** Evaluation counts waiting for the next flush. */
  readonly usage: UsageCounter;
  readonly countUsage: boolean;
  /** The flush running now (flushes run one at a time). */
  flushing: Promise<unknown>;
  /** Told what each flush wrote (the server's metrics). */
  readonly onUsageFlushed: ((flush: UsageFlush) => void) | undefined;
}

/** Write the outbox event of a flag change inside `tx`, beside its audit entry. */
export function emitFlagEvent(ctx: FlagContext, tx: Executor, event: Omit<VaultEvent, "resource">): Promise<void> {
  return ctx.events.emit(tx, { resource: "flag", ...event });
}
