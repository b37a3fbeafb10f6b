import { Readable } from "node:stream";
import { type Clock, type Page, systemClock, VaultError } from "@vault/core";
import type { AuditEvent, AuditSink, Executor, VaultDb } from "@vault/store";
import { newEntryRow } from "./event";
import {
  chainUpTo,
  countGroups,
  countPending,
  exportLines,
  findByHash,
  parseFilter,
  parseQuery,
  queryEntries,
} from "./query";
import { ENTRIES_PER_INSERT, insertEntries, type NewEntryRow } from "./rows";
import { readHead, Sequencer } from "./sequencer";
import type { AuditCount, AuditEntry, AuditFilter, AuditLogOptions, AuditQuery } from "./types";
import { type AuditVerification, verifyChain } from "./verify";

/** An entry of {@link AuditLog.recordDetached} waiting for its group commit, and how to tell its caller. */
interface WaitingEntry {
  row: NewEntryRow;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * The append-only, hash-chained audit log (DESIGN §6 Audit). Implements the store's `AuditSink`: services call
 * `record(tx, event)` inside their transaction, so no audit row means no change, and `recordDetached(event)` for
 * reads. Either way the entry is inserted unchained; the {@link Sequencer} chains committed entries in batches. The
 * actor comes from core's `currentActor()`. Sensitive metadata values are stored as HMACs.
 */
export class AuditLog implements AuditSink {
  readonly #db: VaultDb;
  readonly #hmacKey: Buffer;
  readonly #clock: Clock;
  readonly #sequencer: Sequencer;
  #closed = false;
  /** Entries of {@link recordDetached} waiting for the next group commit. */
  readonly #waiting: WaitingEntry[] = [];
  /** The group commit in progress, if any. */
  #groupCommit: Promise<void> | undefined;

  constructor(options: AuditLogOptions) {
    this.#db = options.db;
    this.#hmacKey = Buffer.from(
      typeof options.hmacKey === "string" ? Buffer.from(options.hmacKey, "utf8") : options.hmacKey,
    );
    if (this.#hmacKey.length < 16) {
      throw new VaultError("VALIDATION", "audit hmacKey must be at least 16 bytes", { details: { field: "hmacKey" } });
    }
    this.#clock = options.clock ?? systemClock;
    this.#sequencer = new Sequencer({
      db: this.#db,
      clock: this.#clock,
      batchSize: options.batchSize ?? 500,
      flushDelayMs: options.flushDelayMs ?? 50,
      sweepIntervalMs: options.sweepIntervalMs ?? 1000,
      onError: options.onError ?? (() => {}),
    });
  }

  /**
   * Append one entry inside `tx`, unchained; the sequencer chains it once `tx` has committed. Throws (and so rolls
   * the caller back) if the entry cannot be written.
   */
  async record(tx: Executor, event: AuditEvent): Promise<void> {
    await insertEntries(tx, [this.#newRow(event)]);
    this.#sequencer.schedule();
  }

  /**
   * Append one entry in a transaction of the log's own; resolves once it is committed (a normal, durable commit),
   * rejects if it could not be. Meant for reads, which change nothing: the caller returns its value only after this
   * resolves. Entries that arrive while a write is in flight go together into the next one (group commit), so N
   * concurrent reads cost one INSERT and one commit rather than N. The sequencer chains them afterwards.
   */
  recordDetached(event: AuditEvent): Promise<void> {
    let row: NewEntryRow;
    try {
      row = this.#newRow(event);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#waiting.push({ row, resolve, reject });
      this.#groupCommit ??= this.#commitWaiting();
    });
  }

  async #commitWaiting(): Promise<void> {
    try {
      await null; // entries recorded in the same synchronous run (a Promise.all of reads) join the first write
      while (this.#waiting.length > 0) {
        const group = this.#waiting.splice(0, ENTRIES_PER_INSERT);
        try {
          // A single statement is a transaction of its own: when it returns, its commit is done.
          await insertEntries(
            this.#db,
            group.map((waiting) => waiting.row),
          );
        } catch (error) {
          for (const waiting of group) waiting.reject(error);
          continue;
        }
        for (const waiting of group) waiting.resolve();
        this.#sequencer.schedule();
      }
    } finally {
      this.#groupCommit = undefined;
    }
  }

  #newRow(event: AuditEvent): NewEntryRow {
    if (this.#closed) throw new VaultError("UNAVAILABLE", "the audit log is closed");
    return newEntryRow(event, this.#hmacKey, this.#clock.now());
  }

  /**
   * Chain every committed, unchained entry now (in batches, under the chain head's row lock, so that sequencers in
   * several processes never interleave). Resolves to how many entries this call chained.
   */
  flush(): Promise<number> {
    return this.#sequencer.run();
  }

  /**
   * Check the whole chain: chain what is pending, then walk the entries in `seq` order recomputing every hash, and
   * report the first entry that was changed, removed or reordered. Entries written after the head was read are left
   * for the next run.
   */
  async verify(options: { batchSize?: number } = {}): Promise<AuditVerification & { pending: number }> {
    await this.flush();
    const head = await readHead(this.#db);
    const result = await verifyChain(chainUpTo(this.#db, head, options.batchSize ?? 1000), {
      head,
      findByHash: (hash) => findByHash(this.#db, hash),
    });
    return { ...result, pending: await countPending(this.#db) };
  }

  /** Chained entries matching `filter`, newest first, a page at a time. Chains pending entries first. */
  async query(filter: AuditQuery = {}): Promise<Page<AuditEntry>> {
    const input = parseQuery(filter);
    await this.flush();
    return queryEntries(this.#db, input);
  }

  /**
   * Every chained entry matching `filter` as NDJSON lines (one JSON object per line, `\n`-terminated), oldest first,
   * so that an export of the whole chain can be checked offline with `verifyChain(parseExport(…))`.
   */
  async *export(filter: AuditFilter = {}): AsyncIterable<string> {
    const input = parseFilter(filter);
    await this.flush();
    yield* exportLines(this.#db, input);
  }

  /**
   * How many entries match `filter`, grouped by action, outcome and actor — committed entries, chained or not (a
   * compliance report's access summary). Ordered by action, outcome, actor.
   */
  async count(filter: AuditFilter = {}): Promise<AuditCount[]> {
    return countGroups(this.#db, parseFilter(filter));
  }

  /** {@link export} as a Node readable stream (e.g. to pipe into an HTTP response). */
  exportStream(filter: AuditFilter = {}): Readable {
    return Readable.from(this.export(filter));
  }

  /** Refuse new entries, wait for the group commit in flight, and chain what is pending. Call before closing the db. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#sequencer.stop();
    await this.#groupCommit;
    await this.flush();
  }
}
