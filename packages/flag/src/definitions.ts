import { decodeCursor, newId, notFound, type Page, toPage, VaultError } from "@vault/core";
import type { FlagRule, FlagType, RuleInput } from "@vault/engine";
import { type FlagRow, flagOverrides, flagRules, flags, flagUserOverrides } from "@vault/store";
import { and, asc, eq, gt, inArray, like, sql } from "drizzle-orm";
import { z } from "zod";
import { emitFlagEvent, type FlagContext } from "./context";
import { checkDefinition, checkDependents, checkPrerequisites, writeFlags } from "./integrity";
import {
  findFlag,
  insertRules,
  loadOverrides,
  loadRules,
  loadUserOverrides,
  mustFindFlag,
  toFlag,
  toRule,
} from "./rows";
import type { DefineFlagData, ListFlagsData, UpdateFlagData } from "./schemas";
import { checkSegmentReferences } from "./segments";
import type { Flag } from "./types";

/** Create a flag (with its rules, if given). ALREADY_EXISTS when the key is taken. */
export async function defineFlag(ctx: FlagContext, app: string, data: DefineFlagData): Promise<Flag> {
  return writeFlags(ctx, app, async (tx) => {
    const existing = await findFlag(tx, app, data.key);
    if (existing) {
      throw new VaultError("ALREADY_EXISTS", `flag "${data.key}" already exists`, { details: { key: data.key } });
    }
    const now = ctx.clock.now();
    const row: FlagRow = {
      id: newId("flag"),
      appId: app,
      key: data.key,
      type: data.type,
      defaultValue: data.defaultValue,
      enabled: data.enabled,
      description: data.description,
      tags: data.tags,
      variants: data.variants,
      prerequisites: data.prerequisites,
      metadata: data.metadata,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const rules = withIds(data.rules as RuleInput[]);
    const checked = checkDefinition(ctx, row, rules, []);
    await checkPrerequisites(tx, app, row.key, checked.prerequisites ?? []);
    await checkSegmentReferences(tx, app, rules);
    await tx.insert(flags).values(row);
    await insertRules(tx, row, checked.rules ?? [], now);
    await ctx.audit.record(tx, {
      action: "flag.created",
      resource: "flag",
      appId: app,
      key: row.key,
      metadata: { version: 1, type: row.type, enabled: row.enabled, rules: rules.length },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.created",
      appId: app,
      key: row.key,
      version: 1,
      data: { flagType: row.type, enabled: row.enabled },
    });
    return toFlag(row, await loadRules(tx, row.id));
  });
}

/** Change a flag's definition (not its key or rules). With `cas`, only if its version still matches. */
export async function updateFlag(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  data: UpdateFlagData,
  cas: number | undefined,
): Promise<Flag> {
  return writeFlags(ctx, app, async (tx) => {
    const current = await mustFindFlag(tx, app, flagKey, cas);
    const next: FlagRow = { ...current, ...stripUndefined(data), version: current.version + 1 };
    next.updatedAt = ctx.clock.now();
    const rules = await loadRules(tx, current.id);
    const overrides = await loadOverrides(tx, current.id);
    const userOverrides = await loadUserOverrides(tx, current.id);
    const checked = checkDefinition(ctx, next, rules, overrides, userOverrides);
    if (data.prerequisites) await checkPrerequisites(tx, app, flagKey, checked.prerequisites ?? []);
    if (next.type !== current.type) await checkDependents(tx, app, flagKey, next.type as FlagType);
    await tx
      .update(flags)
      .set({
        type: next.type,
        defaultValue: next.defaultValue,
        enabled: next.enabled,
        description: next.description,
        tags: next.tags,
        variants: next.variants,
        prerequisites: next.prerequisites,
        metadata: next.metadata,
        version: next.version,
        updatedAt: next.updatedAt,
      })
      .where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.updated",
      resource: "flag",
      appId: app,
      key: flagKey,
      metadata: { version: next.version, fields: Object.keys(stripUndefined(data)).sort() },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.updated",
      appId: app,
      key: flagKey,
      version: next.version,
      data: { fields: Object.keys(stripUndefined(data)).sort(), enabled: next.enabled },
    });
    return toFlag(next, rules);
  });
}

/** Replace all of a flag's rules at once (an empty list removes them). Rule ids are assigned anew. */
export async function setFlagRules(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  input: RuleInput[],
  cas: number | undefined,
): Promise<Flag> {
  return writeFlags(ctx, app, async (tx) => {
    const current = await mustFindFlag(tx, app, flagKey, cas);
    const now = ctx.clock.now();
    const next: FlagRow = { ...current, version: current.version + 1, updatedAt: now };
    const rules = withIds(input);
    const checked = checkDefinition(ctx, next, rules, await loadOverrides(tx, current.id));
    await checkSegmentReferences(tx, app, rules);
    await tx.delete(flagRules).where(eq(flagRules.flagId, current.id));
    await insertRules(tx, next, checked.rules ?? [], now);
    await tx.update(flags).set({ version: next.version, updatedAt: now }).where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.rules_set",
      resource: "flag",
      appId: app,
      key: flagKey,
      metadata: { version: next.version, rules: input.length },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.rules_set",
      appId: app,
      key: flagKey,
      version: next.version,
      data: { rules: input.length },
    });
    return toFlag(next, await loadRules(tx, current.id));
  });
}

/** The flag and its rules. NOT_FOUND when it does not exist. */
export async function getFlag(ctx: FlagContext, app: string, flagKey: string): Promise<Flag> {
  const row = await findFlag(ctx.db, app, flagKey);
  if (!row) throw notFound("flag", flagKey, { appId: app });
  return toFlag(row, await loadRules(ctx.db, row.id));
}

/** Flags in key order, optionally those with a tag or a key prefix, a page at a time. */
export async function listFlags(
  ctx: FlagContext,
  app: string,
  { tag, prefix, cursor, limit }: ListFlagsData,
): Promise<Page<Flag>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ key: z.string() })).key;
  const conditions = [eq(flags.appId, app)];
  if (tag !== undefined) conditions.push(sql`${flags.tags} @> ${JSON.stringify([tag])}::jsonb`);
  if (prefix) conditions.push(like(flags.key, `${prefix.replace(/[\\%_]/g, "\\$&")}%`));
  if (after !== undefined) conditions.push(gt(flags.key, after));
  const rows = await ctx.db
    .select()
    .from(flags)
    .where(and(...conditions))
    .orderBy(asc(flags.key))
    .limit(limit + 1);
  const ids = rows.slice(0, limit).map((r) => r.id);
  const ruleRows =
    ids.length === 0
      ? []
      : await ctx.db.select().from(flagRules).where(inArray(flagRules.flagId, ids)).orderBy(asc(flagRules.priority));
  return toPage(
    rows,
    limit,
    (row) => toFlag(row, ruleRows.filter((r) => r.flagId === row.id).map(toRule)),
    (row) => ({ key: row.key }),
  );
}

/** Delete a flag with its rules and overrides. NOT_FOUND when it does not exist. */
export async function deleteFlag(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  cas: number | undefined,
): Promise<void> {
  await writeFlags(ctx, app, async (tx) => {
    const current = await mustFindFlag(tx, app, flagKey, cas);
    await tx.delete(flagOverrides).where(eq(flagOverrides.flagId, current.id));
    await tx.delete(flagUserOverrides).where(eq(flagUserOverrides.flagId, current.id));
    await tx.delete(flagRules).where(eq(flagRules.flagId, current.id));
    await tx.delete(flags).where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.deleted",
      resource: "flag",
      appId: app,
      key: flagKey,
      metadata: { version: current.version },
    });
    await emitFlagEvent(ctx, tx, { type: "flag.deleted", appId: app, key: flagKey, version: current.version });
  });
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Give new rules ids; a missing priority is the rule's position in the list. */
function withIds(rules: RuleInput[]): FlagRule[] {
  return rules.map((rule, i) => ({ ...rule, id: newId("rule"), priority: rule.priority ?? i }) as FlagRule);
}
