import { Readable } from "node:stream";
import {
  type Clock,
  currentActor,
  decodeCursor,
  newId,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  toPage,
  VaultError,
} from "@vault/core";
import {
  type AuditEntryRow,
  type AuditEvent,
  type AuditOutcome,
  type AuditSink,
  auditChain,
  auditEntries,
  type Executor,
  queryRows,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import { and, asc, desc, eq, gt, gte, isNotNull, isNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { entryHash, GENESIS_HASH, protectValue } from "./canonical";
import { type AuditVerification, type ChainedEntry, verifyChain } from "./verify";

/** A new entry as the log builds it, before it joins the chain. */
type EntryRow = Omit<typeof auditEntries.$inferInsert, "seq" | "prevHash" | "hash"> & {
  createdAt: Date;
  metadata: Record<string, unknown>;
};

/**
 * At most this many entries go into one INSERT: Postgres takes at most 65,535 parameters per statement, and an entry
 * takes 15.
 */
const ENTRIES_PER_INSERT = 1000;

/** Insert entries unchained (`seq`, `prev_hash`, `hash` null), all in one statement. */
async function insertEntries(executor: Executor, rows: EntryRow[]): Promise<void> {
  await executor.insert(auditEntries).values(rows);
}

/** The single chain every entry belongs to (the head row's id). */
export const CHAIN_ID = "main";

/** One audit entry as stored. `seq`, `prevHash` and `hash` are null only until the sequencer chains it. */
export interface AuditEntry extends ChainedEntry {
  outcome: AuditOutcome;
}

export interface AuditLogOptions {
  db: VaultDb;
  /** Key of the HMAC-SHA256 applied to sensitive metadata values (at least 16 bytes; a string is taken as UTF-8). */
  hmacKey: Uint8Array | string;
  clock?: Clock;
  /** Entries chained per sequencer transaction (default 500). */
  batchSize?: number;
  /** How long after a `record` the sequencer runs, so that one run chains many entries (default 50 ms). */
  flushDelayMs?: number;
  /**
   * How often the sequencer also runs on its own, to chain entries whose transaction committed after the last run or
   * that another (perhaps crashed) process inserted (default 1000 ms; 0 = never). Started by the first `record`.
   */
  sweepIntervalMs?: number;
  /** Called when a background sequencer run fails (the entries stay unchained and are retried). */
  onError?: (error: unknown) => void;
}

export interface AuditQuery {
  appId?: string;
  action?: string;
  resource?: string;
  key?: string;
  tenantId?: string;
  /** Matches the actor's API key id, user id or system label. */
  actor?: string;
  outcome?: AuditOutcome;
  /** Entries created at or after this time. */
  from?: Date | string;
  /** Entries created before this time. */
  to?: Date | string;
  cursor?: string;
  limit?: number;
}

export type AuditFilter = Omit<AuditQuery, "cursor" | "limit">;

const outcomeSchema = z.enum(["success", "failure", "denied"]);

/** @internal What an audit event must be (exported for tests). */
export const eventSchema = z.object({
  action: z.string().min(1).max(128),
  resource: z.string().min(1).max(128),
  appId: z.string().min(1).max(256),
  key: z.string().max(1024).optional(),
  tenantId: z.string().max(256).optional(),
  outcome: outcomeSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  sensitive: z.array(z.string()).optional(),
});

const filterShape = {
  appId: z.string().min(1).optional(),
  action: z.string().min(1).optional(),
  resource: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
  tenantId: z.string().min(1).optional(),
  actor: z.string().min(1).optional(),
  outcome: outcomeSchema.optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
};
const filterSchema = z.object(filterShape).strict();
const querySchema = z.object({ ...filterShape, cursor: z.string().optional(), limit: pageSizeSchema }).strict();
const cursorSchema = z.object({ seq: z.number().int().positive() });

/**
 * The append-only, hash-chained audit log (DESIGN §6 Audit). Implements the store's `AuditSink`: services call
 * `record(tx, event)` inside their transaction, so no audit row means no change. The actor comes from core's
 * `currentActor()`. Sensitive metadata values are stored as HMACs.
 */
export class AuditLog implements AuditSink {
  readonly #db: VaultDb;
  readonly #hmacKey: Buffer;
  readonly #clock: Clock;
  readonly #batchSize: number;
  readonly #flushDelayMs: number;
  readonly #sweepIntervalMs: number;
  readonly #onError: (error: unknown) => void;
  #flushTimer: ReturnType<typeof setTimeout> | undefined;
  #sweepTimer: ReturnType<typeof setInterval> | undefined;
  #flushing: Promise<number> = Promise.resolve(0);
  #recordedSinceFlush = false;
  #closed = false;
  /** Entries of {@link recordDetached} waiting for the next group commit. */
  readonly #detached: { row: EntryRow; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** The group commit in progress, if any. */
  #detachedWriter: Promise<void> | undefined;

  constructor(options: AuditLogOptions) {
    this.#db = options.db;
    this.#hmacKey = Buffer.from(
      typeof options.hmacKey === "string" ? Buffer.from(options.hmacKey, "utf8") : options.hmacKey,
    );
    if (this.#hmacKey.length < 16) {
      throw new VaultError("VALIDATION", "audit hmacKey must be at least 16 bytes", { details: { field: "hmacKey" } });
    }
    this.#clock = options.clock ?? systemClock;
    this.#batchSize = options.batchSize ?? 500;
    this.#flushDelayMs = options.flushDelayMs ?? 50;
    this.#sweepIntervalMs = options.sweepIntervalMs ?? 1000;
    this.#onError = options.onError ?? (() => {});
  }

  /**
   * Append one entry inside `tx`, unchained; the sequencer chains it once `tx` has committed. Throws (and so rolls
   * the caller back) if the entry cannot be written.
   */
  async record(tx: Executor, event: AuditEvent): Promise<void> {
    await insertEntries(tx, [this.#entryRow(event)]);
    this.#scheduleFlush();
  }

  /**
   * Append one entry in a transaction of the log's own; resolves once it is committed (a normal, durable commit),
   * rejects if it could not be. Meant for reads, which change nothing: the caller returns its value only after this
   * resolves. Entries that arrive while a write is in flight go together in the next one (group commit), so N
   * concurrent reads cost one INSERT and one commit rather than N. The sequencer chains them afterwards.
   */
  recordDetached(event: AuditEvent): Promise<void> {
    let row: EntryRow;
    try {
      row = this.#entryRow(event);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.#detached.push({ row, resolve, reject });
      this.#detachedWriter ??= this.#writeDetached();
    });
  }

  async #writeDetached(): Promise<void> {
    try {
      await null; // let entries recorded in the same synchronous run (a Promise.all of reads) join the first write
      while (this.#detached.length > 0) {
        const batch = this.#detached.splice(0, ENTRIES_PER_INSERT);
        try {
          // One statement is one transaction of its own: its commit is over when the INSERT returns.
          await insertEntries(
            this.#db,
            batch.map((waiting) => waiting.row),
          );
        } catch (error) {
          for (const waiting of batch) waiting.reject(error);
          continue;
        }
        for (const waiting of batch) waiting.resolve();
        this.#scheduleFlush();
      }
    } finally {
      this.#detachedWriter = undefined;
    }
  }

  #entryRow(event: AuditEvent): EntryRow {
    if (this.#closed) throw new VaultError("UNAVAILABLE", "the audit log is closed");
    const input = parseInput(eventSchema, event, "audit event");
    const actor = currentActor();
    return {
      id: newId("audit"),
      appId: input.appId,
      action: input.action,
      resource: input.resource,
      key: input.key ?? null,
      tenantId: input.tenantId ?? null,
      actorAppId: actor?.appId ?? null,
      actorApiKeyId: actor?.apiKeyId ?? null,
      actorUserId: actor?.userId ?? null,
      actorSystem: actor?.system ?? null,
      ip: actor?.ip ?? null,
      requestId: actor?.requestId ?? null,
      outcome: input.outcome ?? "success",
      metadata: this.#protect(input.metadata ?? {}, input.sensitive ?? []),
      createdAt: this.#clock.now(),
    };
  }

  /**
   * Chain every committed, unchained entry now (in batches, under the chain head's row lock, so that sequencers in
   * several processes never interleave). Resolves to how many entries this call chained.
   */
  flush(): Promise<number> {
    const run = this.#flushing.catch(() => 0).then(() => this.#chainAll());
    this.#flushing = run;
    return run;
  }

  /**
   * Check the whole chain: chain what is pending, then walk the entries in `seq` order recomputing every hash, and
   * report the first entry that was changed, removed or reordered. Entries written after the head was read are left
   * for the next run.
   */
  async verify(options: { batchSize?: number } = {}): Promise<AuditVerification & { pending: number }> {
    await this.flush();
    const head = await readHead(this.#db);
    const batch = options.batchSize ?? 1000;
    const db = this.#db;
    async function* walk(): AsyncIterable<ChainedEntry> {
      let after = 0;
      while (after < head.lastSeq) {
        const rows = await db
          .select()
          .from(auditEntries)
          .where(and(gt(auditEntries.seq, after), lte(auditEntries.seq, head.lastSeq)))
          .orderBy(asc(auditEntries.seq))
          .limit(batch);
        if (rows.length === 0) return;
        for (const row of rows) yield toEntry(row);
        after = rows[rows.length - 1]?.seq ?? head.lastSeq;
      }
    }
    const result = await verifyChain(walk(), {
      head,
      findByHash: async (hash) => {
        const [row] = await db
          .select({ id: auditEntries.id, seq: auditEntries.seq })
          .from(auditEntries)
          .where(eq(auditEntries.hash, hash))
          .limit(1);
        return row;
      },
    });
    const [pending] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${auditEntries} where ${auditEntries.seq} is null`,
    );
    return { ...result, pending: Number(pending?.n ?? 0) };
  }

  /** Chained entries matching `filter`, newest first, a page at a time. Chains pending entries first. */
  async query(filter: AuditQuery = {}): Promise<Page<AuditEntry>> {
    const input = parseInput(querySchema, filter, "audit query");
    await this.flush();
    const conditions = [isNotNull(auditEntries.seq), ...filterConditions(input)];
    if (input.cursor !== undefined) {
      conditions.push(lt(auditEntries.seq, decodeCursor(input.cursor, cursorSchema).seq));
    }
    const rows = await this.#db
      .select()
      .from(auditEntries)
      .where(and(...conditions))
      .orderBy(desc(auditEntries.seq))
      .limit(input.limit + 1);
    return toPage(rows, input.limit, toEntry, (row) => ({ seq: row.seq }));
  }

  /**
   * Every chained entry matching `filter` as NDJSON lines (one JSON object per line, `\n`-terminated), oldest first,
   * so that an export of the whole chain can be checked offline with `verifyChain(parseExport(…))`.
   */
  async *export(filter: AuditFilter = {}): AsyncIterable<string> {
    const input = parseInput(filterSchema, filter, "audit export filter");
    await this.flush();
    let after = 0;
    for (;;) {
      const rows = await this.#db
        .select()
        .from(auditEntries)
        .where(and(isNotNull(auditEntries.seq), gt(auditEntries.seq, after), ...filterConditions(input)))
        .orderBy(asc(auditEntries.seq))
        .limit(500);
      for (const row of rows) yield `${JSON.stringify(toEntry(row))}\n`;
      const last = rows[rows.length - 1];
      if (rows.length < 500 || !last?.seq) return;
      after = last.seq;
    }
  }

  /** {@link export} as a Node readable stream (e.g. to pipe into an HTTP response). */
  exportStream(filter: AuditFilter = {}): Readable {
    return Readable.from(this.export(filter));
  }

  /** Stop the background sequencer and chain what is pending. Call before closing the database. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#flushTimer) clearTimeout(this.#flushTimer);
    if (this.#sweepTimer) clearInterval(this.#sweepTimer);
    this.#flushTimer = undefined;
    this.#sweepTimer = undefined;
    await this.#detachedWriter;
    await this.flush();
  }

  #protect(metadata: Record<string, unknown>, sensitive: string[]): Record<string, unknown> {
    let plain: Record<string, unknown>;
    try {
      // Normalise to what jsonb will hold (Dates to strings, undefined members dropped), so hashes agree.
      plain = JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>;
    } catch (cause) {
      throw new VaultError("VALIDATION", "invalid audit event: metadata must be JSON-serialisable", {
        details: { field: "metadata" },
        cause,
      });
    }
    for (const name of sensitive) {
      if (Object.hasOwn(plain, name)) plain[name] = protectValue(this.#hmacKey, plain[name]);
    }
    return plain;
  }

  #scheduleFlush(): void {
    this.#recordedSinceFlush = true;
    if (this.#sweepTimer === undefined && this.#sweepIntervalMs > 0) {
      this.#sweepTimer = setInterval(() => this.#backgroundFlush(), this.#sweepIntervalMs);
      this.#sweepTimer.unref?.();
    }
    if (this.#flushTimer !== undefined) return;
    this.#flushTimer = setTimeout(() => {
      this.#flushTimer = undefined;
      this.#backgroundFlush();
    }, this.#flushDelayMs);
    this.#flushTimer.unref?.();
  }

  #backgroundFlush(): void {
    if (this.#closed) return;
    this.#recordedSinceFlush = false;
    this.flush().then(
      () => {
        // Entries recorded while this run was going may have committed after it looked: run again.
        if (this.#recordedSinceFlush && !this.#closed) this.#scheduleFlush();
      },
      (error) => this.#onError(error),
    );
  }

  async #chainAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const chained = await this.#chainBatch();
      total += chained;
      if (chained < this.#batchSize) return total;
    }
  }

  async #chainBatch(): Promise<number> {
    return withTransaction(this.#db, async (tx) => {
      const head = await lockHead(tx);
      const chained = await chainPending(tx, head, this.#batchSize);
      if (chained.count > 0) await moveHead(tx, chained.head, this.#clock.now());
      return chained.count;
    });
  }
}

/**
 * Chain up to `limit` committed, unchained entries (oldest id first) after `head`, whose row lock `tx` holds: each
 * gets its seq, prev_hash and hash in one UPDATE. Returns the new head (not yet stored) and how many were chained.
 */
async function chainPending(
  tx: Executor,
  head: { lastSeq: number; lastHash: string },
  limit: number,
): Promise<{ head: { lastSeq: number; lastHash: string }; count: number }> {
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

async function moveHead(tx: Executor, head: { lastSeq: number; lastHash: string }, now: Date): Promise<void> {
  await tx
    .update(auditChain)
    .set({ lastSeq: head.lastSeq, lastHash: head.lastHash, updatedAt: now })
    .where(eq(auditChain.id, CHAIN_ID));
}

async function lockHead(tx: Executor): Promise<{ lastSeq: number; lastHash: string }> {
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

async function readHead(db: Executor): Promise<{ lastSeq: number; lastHash: string }> {
  const [head] = await db
    .select({ lastSeq: auditChain.lastSeq, lastHash: auditChain.lastHash })
    .from(auditChain)
    .where(eq(auditChain.id, CHAIN_ID));
  return head ?? { lastSeq: 0, lastHash: GENESIS_HASH };
}

function filterConditions(input: z.output<typeof filterSchema>): SQL[] {
  const conditions: SQL[] = [];
  if (input.appId !== undefined) conditions.push(eq(auditEntries.appId, input.appId));
  if (input.action !== undefined) conditions.push(eq(auditEntries.action, input.action));
  if (input.resource !== undefined) conditions.push(eq(auditEntries.resource, input.resource));
  if (input.key !== undefined) conditions.push(eq(auditEntries.key, input.key));
  if (input.tenantId !== undefined) conditions.push(eq(auditEntries.tenantId, input.tenantId));
  if (input.outcome !== undefined) conditions.push(eq(auditEntries.outcome, input.outcome));
  if (input.from !== undefined) conditions.push(gte(auditEntries.createdAt, input.from));
  if (input.to !== undefined) conditions.push(lt(auditEntries.createdAt, input.to));
  if (input.actor !== undefined) {
    const actor = or(
      eq(auditEntries.actorApiKeyId, input.actor),
      eq(auditEntries.actorUserId, input.actor),
      eq(auditEntries.actorSystem, input.actor),
    );
    if (actor) conditions.push(actor);
  }
  return conditions;
}

/** A stored row as the public entry shape (also what the hash covers, plus the chain columns). */
export function toEntry(row: Omit<AuditEntryRow, "seq"> & { seq: number | null }): AuditEntry & { seq: number } {
  return {
    id: row.id,
    seq: row.seq as number,
    appId: row.appId,
    action: row.action,
    resource: row.resource,
    key: row.key,
    tenantId: row.tenantId,
    actor: {
      appId: row.actorAppId,
      apiKeyId: row.actorApiKeyId,
      userId: row.actorUserId,
      system: row.actorSystem,
    },
    ip: row.ip,
    requestId: row.requestId,
    outcome: row.outcome as AuditOutcome,
    metadata: row.metadata,
    createdAt: row.createdAt,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}

/** Parse NDJSON lines of an {@link AuditLog.export} back into entries (for offline `verifyChain`). */
export async function* parseExport(lines: AsyncIterable<string> | Iterable<string>): AsyncIterable<AuditEntry> {
  let buffered = "";
  for await (const chunk of lines) {
    buffered += chunk;
    let newline = buffered.indexOf("\n");
    while (newline !== -1) {
      const line = buffered.slice(0, newline).trim();
      buffered = buffered.slice(newline + 1);
      if (line !== "") yield fromJson(line);
      newline = buffered.indexOf("\n");
    }
  }
  if (buffered.trim() !== "") yield fromJson(buffered.trim());
}

function fromJson(line: string): AuditEntry {
  const parsed = JSON.parse(line) as AuditEntry & { createdAt: string };
  return { ...parsed, createdAt: new Date(parsed.createdAt) };
}
