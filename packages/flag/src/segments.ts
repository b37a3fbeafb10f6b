// Segments: named constraint lists of an app. Every write runs under the app's flag revision (writeFlags), like a
// flag write: the snapshot that carries segments moves with it, other processes drop their caches, and the checks
// across flags (a rule naming a segment that exists; a deletion refused while a rule names it) cannot race.

import { decodeCursor, newId, notFound, type Page, toPage, VaultError } from "@vault/core";
import { type Condition, checkSegment, FlagDefinitionError } from "@vault/engine";
import { type Executor, flagRules, flags, type SegmentRow, segments } from "@vault/store";
import { and, asc, eq, gt, like, sql } from "drizzle-orm";
import { z } from "zod";
import type { FlagContext } from "./context";
import { writeFlags } from "./integrity";
import type { DefineSegmentData, ListSegmentsData, UpdateSegmentData } from "./schemas";
import type { Segment } from "./types";

export function toSegment(row: SegmentRow): Segment {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    description: row.description,
    constraints: row.constraints as unknown as Condition[],
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Check a segment's constraint list as the engine will evaluate it; findings become VALIDATION naming the field. */
function checkConstraints(ctx: FlagContext, key: string, constraints: unknown): Condition[] {
  try {
    return checkSegment({ key, constraints }, { regexEngine: ctx.regexEngine }).constraints;
  } catch (error) {
    if (error instanceof FlagDefinitionError) {
      throw new VaultError("VALIDATION", `invalid segment "${key}": ${error.message}`, {
        details: { key, path: error.path },
      });
    }
    throw error;
  }
}

async function findSegment(executor: Executor, app: string, key: string, forUpdate = false) {
  const query = executor
    .select()
    .from(segments)
    .where(and(eq(segments.appId, app), eq(segments.key, key)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

async function mustFindSegment(tx: Executor, app: string, key: string, cas: number | undefined): Promise<SegmentRow> {
  const row = await findSegment(tx, app, key, true);
  if (!row) {
    if (cas === 0) throw new VaultError("CONFLICT", `segment "${key}" does not exist`, { details: { key, cas } });
    throw notFound("segment", key, { appId: app });
  }
  if (cas !== undefined && cas !== row.version) {
    throw new VaultError("CONFLICT", `segment "${key}" is at version ${row.version}, not ${cas}`, {
      details: { key, expected: cas, actual: row.version },
    });
  }
  return row;
}

/** The rules (flag key, rule id) of an app that name segment `key`, in flag key and priority order. */
export async function rulesNamingSegment(
  executor: Executor,
  app: string,
  key: string,
): Promise<{ flagKey: string; ruleId: string }[]> {
  return executor
    .select({ flagKey: flags.key, ruleId: flagRules.id })
    .from(flagRules)
    .innerJoin(flags, eq(flags.id, flagRules.flagId))
    .where(and(eq(flagRules.appId, app), sql`${flagRules.spec} -> 'segments' @> ${JSON.stringify([key])}::jsonb`))
    .orderBy(asc(flags.key), asc(flagRules.priority));
}

/** Every segment key named by `rules` must exist in the app (checked under the revision lock, inside `tx`). */
export async function checkSegmentReferences(
  tx: Executor,
  app: string,
  rules: readonly { segments?: readonly string[] }[],
): Promise<void> {
  const named = new Set(rules.flatMap((rule) => rule.segments ?? []));
  if (named.size === 0) return;
  const rows = await tx.select({ key: segments.key }).from(segments).where(eq(segments.appId, app));
  const existing = new Set(rows.map((row) => row.key));
  for (const [i, rule] of rules.entries()) {
    for (const [j, key] of (rule.segments ?? []).entries()) {
      if (!existing.has(key)) {
        throw new VaultError("VALIDATION", `rules.${i}.segments.${j}: segment "${key}" does not exist`, {
          details: { path: `rules.${i}.segments.${j}`, segment: key },
        });
      }
    }
  }
}

/** Create a segment. ALREADY_EXISTS when the key is taken. */
export async function defineSegment(ctx: FlagContext, app: string, data: DefineSegmentData): Promise<Segment> {
  const constraints = checkConstraints(ctx, data.key, data.constraints);
  return writeFlags(ctx, app, async (tx) => {
    if (await findSegment(tx, app, data.key)) {
      throw new VaultError("ALREADY_EXISTS", `segment "${data.key}" already exists`, { details: { key: data.key } });
    }
    const now = ctx.clock.now();
    const row: SegmentRow = {
      id: newId("segment"),
      appId: app,
      key: data.key,
      description: data.description,
      constraints: constraints as unknown as Record<string, unknown>[],
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    await tx.insert(segments).values(row);
    await ctx.audit.record(tx, {
      action: "segment.created",
      resource: "segment",
      appId: app,
      key: row.key,
      metadata: { version: 1, conditions: constraints.length },
    });
    await emitSegmentEvent(ctx, tx, { type: "segment.created", appId: app, key: row.key, version: 1 });
    return toSegment(row);
  });
}

/** Change a segment's description or constraints. With `cas`, only if its version still matches. */
export async function updateSegment(
  ctx: FlagContext,
  app: string,
  key: string,
  data: UpdateSegmentData,
  cas: number | undefined,
): Promise<Segment> {
  const constraints = data.constraints === undefined ? undefined : checkConstraints(ctx, key, data.constraints);
  return writeFlags(ctx, app, async (tx) => {
    const current = await mustFindSegment(tx, app, key, cas);
    const next: SegmentRow = {
      ...current,
      ...(data.description === undefined ? {} : { description: data.description }),
      ...(constraints === undefined ? {} : { constraints: constraints as unknown as Record<string, unknown>[] }),
      version: current.version + 1,
      updatedAt: ctx.clock.now(),
    };
    await tx
      .update(segments)
      .set({
        description: next.description,
        constraints: next.constraints,
        version: next.version,
        updatedAt: next.updatedAt,
      })
      .where(eq(segments.id, current.id));
    await ctx.audit.record(tx, {
      action: "segment.updated",
      resource: "segment",
      appId: app,
      key,
      metadata: {
        version: next.version,
        fields: Object.entries(data)
          .filter(([, value]) => value !== undefined)
          .map(([field]) => field)
          .sort(),
      },
    });
    await emitSegmentEvent(ctx, tx, { type: "segment.updated", appId: app, key, version: next.version });
    return toSegment(next);
  });
}

/** The segment. NOT_FOUND when it does not exist. */
export async function getSegment(ctx: FlagContext, app: string, key: string): Promise<Segment> {
  const row = await findSegment(ctx.db, app, key);
  if (!row) throw notFound("segment", key, { appId: app });
  return toSegment(row);
}

/** Segments in key order, optionally with a key prefix, a page at a time. */
export async function listSegments(
  ctx: FlagContext,
  app: string,
  { prefix, cursor, limit }: ListSegmentsData,
): Promise<Page<Segment>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ key: z.string() })).key;
  const conditions = [eq(segments.appId, app)];
  if (prefix) conditions.push(like(segments.key, `${prefix.replace(/[\\%_]/g, "\\$&")}%`));
  if (after !== undefined) conditions.push(gt(segments.key, after));
  const rows = await ctx.db
    .select()
    .from(segments)
    .where(and(...conditions))
    .orderBy(asc(segments.key))
    .limit(limit + 1);
  return toPage(rows, limit, toSegment, (row) => ({ key: row.key }));
}

/**
 * Delete a segment. Refused with CONFLICT while a rule names it: the message and `details.flags` list the flags
 * (and `details.rules` the rules) that do, so they can be changed first.
 */
export async function deleteSegment(
  ctx: FlagContext,
  app: string,
  key: string,
  cas: number | undefined,
): Promise<void> {
  await writeFlags(ctx, app, async (tx) => {
    const current = await mustFindSegment(tx, app, key, cas);
    const users = await rulesNamingSegment(tx, app, key);
    if (users.length > 0) {
      const flagKeys = [...new Set(users.map((u) => u.flagKey))];
      throw new VaultError(
        "CONFLICT",
        `segment "${key}" is used by ${flagKeys.length === 1 ? "flag" : "flags"} ${flagKeys.map((k) => `"${k}"`).join(", ")}: remove it from their rules first`,
        { details: { key, flags: flagKeys, rules: users } },
      );
    }
    await tx.delete(segments).where(eq(segments.id, current.id));
    await ctx.audit.record(tx, {
      action: "segment.deleted",
      resource: "segment",
      appId: app,
      key,
      metadata: { version: current.version },
    });
    await emitSegmentEvent(ctx, tx, { type: "segment.deleted", appId: app, key, version: current.version });
  });
}

function emitSegmentEvent(
  ctx: FlagContext,
  tx: Executor,
  event: { type: string; appId: string; key: string; version: number },
): Promise<void> {
  return ctx.events.emit(tx, { resource: "segment", ...event });
}
