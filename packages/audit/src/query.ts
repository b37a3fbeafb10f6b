import { decodeCursor, type Page, pageSizeSchema, parseInput, toPage } from "@vault/core";
import { auditEntries, type Executor, queryRows } from "@vault/store";
import { and, asc, desc, eq, gt, gte, isNotNull, lt, lte, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { outcomeSchema } from "./event";
import { toEntry } from "./rows";
import type { AuditCount, AuditEntry, AuditFilter, AuditQuery, ChainHead } from "./types";
import type { ChainedEntry } from "./verify";

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

export type ParsedFilter = z.output<typeof filterSchema>;
export type ParsedQuery = z.output<typeof querySchema>;

/** Entries read per statement by export and verify. */
const READ_BATCH = 500;

/** `filter` validated (a VALIDATION error names the problem). */
export function parseFilter(filter: AuditFilter): ParsedFilter {
  return parseInput(filterSchema, filter, "audit export filter");
}

/** `query` validated (a VALIDATION error names the problem). */
export function parseQuery(query: AuditQuery): ParsedQuery {
  return parseInput(querySchema, query, "audit query");
}

function filterConditions(input: ParsedFilter): SQL[] {
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

/** How many entries match `input`, by action, outcome and actor (its user, else API key, else system label). */
export async function countGroups(db: Executor, input: ParsedFilter): Promise<AuditCount[]> {
  const actor = sql<
    string | null
  >`coalesce(${auditEntries.actorUserId}, ${auditEntries.actorApiKeyId}, ${auditEntries.actorSystem})`;
  const rows = await db
    .select({
      action: auditEntries.action,
      outcome: auditEntries.outcome,
      actor,
      count: sql<number>`count(*)`.mapWith(Number),
    })
    .from(auditEntries)
    .where(and(...filterConditions(input)))
    .groupBy(auditEntries.action, auditEntries.outcome, actor)
    .orderBy(asc(auditEntries.action), asc(auditEntries.outcome), asc(actor));
  return rows.map((row) => ({ ...row, outcome: row.outcome as AuditCount["outcome"] }));
}

/** A page of chained entries matching `input`, newest first; the cursor is the last seq handed out. */
export async function queryEntries(db: Executor, input: ParsedQuery): Promise<Page<AuditEntry>> {
  const conditions = [isNotNull(auditEntries.seq), ...filterConditions(input)];
  if (input.cursor !== undefined) {
    conditions.push(lt(auditEntries.seq, decodeCursor(input.cursor, cursorSchema).seq));
  }
  const rows = await db
    .select()
    .from(auditEntries)
    .where(and(...conditions))
    .orderBy(desc(auditEntries.seq))
    .limit(input.limit + 1);
  return toPage(rows, input.limit, toEntry, (row) => ({ seq: row.seq }));
}

/** Chained entries matching `input` as NDJSON lines, oldest first. */
export async function* exportLines(db: Executor, input: ParsedFilter): AsyncIterable<string> {
  let after = 0;
  for (;;) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(isNotNull(auditEntries.seq), gt(auditEntries.seq, after), ...filterConditions(input)))
      .orderBy(asc(auditEntries.seq))
      .limit(READ_BATCH);
    for (const row of rows) yield `${JSON.stringify(toEntry(row))}\n`;
    const last = rows[rows.length - 1];
    if (rows.length < READ_BATCH || !last?.seq) return;
    after = last.seq;
  }
}

/** Entries 1 … `head.lastSeq` in seq order, read `batchSize` at a time (what verify walks). */
export async function* chainUpTo(db: Executor, head: ChainHead, batchSize: number): AsyncIterable<ChainedEntry> {
  let after = 0;
  while (after < head.lastSeq) {
    const rows = await db
      .select()
      .from(auditEntries)
      .where(and(gt(auditEntries.seq, after), lte(auditEntries.seq, head.lastSeq)))
      .orderBy(asc(auditEntries.seq))
      .limit(batchSize);
    if (rows.length === 0) return;
    for (const row of rows) yield toEntry(row);
    after = rows[rows.length - 1]?.seq ?? head.lastSeq;
  }
}

/** The entry with this hash, if any (verify uses it to tell a moved entry from a changed one). */
export async function findByHash(db: Executor, hash: string): Promise<{ id: string; seq: number | null } | undefined> {
  const [row] = await db
    .select({ id: auditEntries.id, seq: auditEntries.seq })
    .from(auditEntries)
    .where(eq(auditEntries.hash, hash))
    .limit(1);
  return row;
}

/** How many entries are waiting to be chained. */
export async function countPending(db: Executor): Promise<number> {
  const [pending] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from ${auditEntries} where ${auditEntries.seq} is null`,
  );
  return Number(pending?.n ?? 0);
}

/** Parse NDJSON lines of an `AuditLog.export` back into entries (for offline `verifyChain`). */
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
