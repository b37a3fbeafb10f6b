import { type Clock, VaultError } from "@vault/core";
import { auditChain, auditEntries, type Executor, queryRows, type VaultDb, withTransaction } from "@vault/store";
import { asc, eq, isNull, sql } from "drizzle-orm";
import { entryHash, GENESIS_HASH } from "./canonical";
import { toEntry } from "./rows";
import type { ChainHead } from "./types";

/** The single chain every entry belongs to (the head row's id). */
export const CHAIN_ID = "main";

/**
 * Lock the chain head's row until `tx` ends and read it. Every sequencer, in every process, takes this lock before
 * it extends the chain, so exactly one extends it at a time (a plain row lock: any Postgres-compatible database).
 */
export async function lockHead(tx: Executor): Promise<ChainHead> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const [head] = await tx
      .select({ lastSeq: auditChain.lastSeq, lastHash: auditChain.lastHash })
      .from(auditChain)
      .where(eq(auditChain.id, CHAIN_ID))
      .for("update");
    if (head) return head;
    // The migration creates the head; recreate it if someone removed it, then lock it.
    await tx
      .insert(auditChain)
      .values({ id: CHAIN_ID, lastSeq: 0, lastHash: GENESIS_HASH, updatedAt: new Date(0) })
      .onConflictDoNothing();
  }
  throw new VaultError("INTERNAL", "audit chain head is missing");
}

/** The chain head as last committed, without locking it. */
export async function readHead(db: Executor): Promise<ChainHead> {
  const [head] = await db
    .select({ lastSeq: auditChain.lastSeq, lastHash: auditChain.lastHash })
    .from(auditChain)
    .where(eq(auditChain.id, CHAIN_ID));
  return head ?? { lastSeq: 0, lastHash: GENESIS_HASH };
}

async function moveHead(tx: Executor, head: ChainHead, now: Date): Promise<void> {
  await tx
    .update(auditChain)
    .set({ lastSeq: head.lastSeq, lastHash: head.lastHash, updatedAt: now })
    .where(eq(auditChain.id, CHAIN_ID));
}

/**
 * Chain up to `limit` committed, unchained entries (oldest id first) after `head`, whose row lock `tx` holds: each
 * gets its seq, prev_hash and hash in one UPDATE. Returns the new head (not yet stored) and how many were chained.
 * Hashes are computed over the rows as read back, so the metadata hashed is exactly what jsonb stored.
 */
export async function chainPending(
  tx: Executor,
  head: ChainHead,
  limit: number,
): Promise<{ head: ChainHead; count: number }> {
  const rows = await tx
    .select()
    .from(auditEntries)
    .where(isNull(auditEntries.seq))
    .orderBy(asc(auditEntries.id))
    .limit(limit);
  if (rows.length === 0) return { head, count: 0 };
  let seq = head.lastSeq;
  let prevHash = head.lastHash;
  const links = rows.map((row) => {
    seq += 1;
    const hash = entryHash(prevHash, toEntry({ ...row, seq }));
    const link = { id: row.id, seq, prev_hash: prevHash, hash };
    prevHash = hash;
    return link;
  });
  // The links travel as one parameter, typed text so that no driver encodes the string as JSON a second time.
  const updated = await queryRows<{ id: string }>(
    tx,
    sql`update ${auditEntries} as e set seq = v.seq, prev_hash = v.prev_hash, hash = v.hash
        from json_to_recordset(${JSON.stringify(links)}::text::json) as v(id text, seq bigint, prev_hash text, hash text)
        where e.id = v.id and e.seq is null
        returning e.id`,
  );
  if (updated.length !== rows.length) {
    // Cannot happen while every sequencer holds the head lock; refuse rather than leave a gap.
    throw new VaultError("CONFLICT", "audit chain changed while it was being extended; retry");
  }
  return { head: { lastSeq: seq, lastHash: prevHash }, count: rows.length };
}

export interface SequencerOptions {
  db: VaultDb;
  clock: Clock;
  batchSize: number;
  flushDelayMs: number;
  sweepIntervalMs: number;
  onError: (error: unknown) => void;
}

/**
 * Chains committed entries: on demand ({@link run}), shortly after entries were written ({@link schedule}), and
 * every `sweepIntervalMs` once anything was written, for entries committed after a run looked or written by
 * another (perhaps crashed) process. Each batch is one transaction under the head's row lock.
 */
export class Sequencer {
  readonly #options: SequencerOptions;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  #running: Promise<number> = Promise.resolve(0);
  #scheduledSinceRun = false;
  #stopped = false;

  constructor(options: SequencerOptions) {
    this.#options = options;
  }

  /**
   * Chain every committed, unchained entry now, in batches. Runs of this process follow one another; runs of other
   * processes wait on the head lock. Resolves to how many entries this run chained.
   */
  run(): Promise<number> {
    const run = this.#running.catch(() => 0).then(() => this.#chainAll());
    this.#running = run;
    return run;
  }

  /** Run soon: entries were just written, or will be committed in a moment. */
  schedule(): void {
    if (this.#stopped) return;
    this.#scheduledSinceRun = true;
    const { flushDelayMs, sweepIntervalMs } = this.#options;
    if (this.#sweepTimer === undefined && sweepIntervalMs > 0) {
      this.#sweepTimer = setInterval(() => this.#runInBackground(), sweepIntervalMs);
      this.#sweepTimer.unref?.();
    }
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      this.#runInBackground();
    }, flushDelayMs);
    this.#flushTimer.unref?.();
  }

  /** Stop the timers. {@link run} still works. */
  stop(): void {
    this.#stopped = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.#flushTimer = undefined;
    this.#sweepTimer = undefined;
  }

  #runInBackground(): void {
    if (this.#stopped) return;
    this.#scheduledSinceRun = false;
    this.run().then(
      () => {
        // Entries written while this run was going may have committed after it looked: run again.
        if (this.#scheduledSinceRun) this.schedule();
      },
      (error) => this.#options.onError(error),
    );
  }

  async #chainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const chained = await this.#chainBatch();
      total += chained;
      if (chained < this.#options.batchSize) return total;
    }
  }

  #chainBatch(): Promise<number> {
    return withTransaction(this.#options.db, async (tx) => {
      const head = await lockHead(tx);
      const chained = await chainPending(tx, head, this.#options.batchSize);
      if (chained.count > 0) await moveHead(tx, chained.head, this.#options.clock.now());
      return chained.count;
    });
  }
}
