// Individual targets: a user's own value of a flag, which beats the tenant's override and every rule.

import { decodeCursor, newId, notFound, type Page, toPage } from "@vault/core";
import type { JsonValue } from "@vault/engine";
import { type FlagUserOverrideRow, flagUserOverrides } from "@vault/store";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { FlagContext } from "./context";
import { writeFlags } from "./integrity";
import { flagForOverride, recordOverrideChange } from "./override-change";
import { findFlag } from "./rows";
import type { ListOverridesData } from "./schemas";
import type { FlagUserOverride } from "./types";

export function toUserOverride(row: FlagUserOverrideRow, flagKey: string): FlagUserOverride {
  return {
    id: row.id,
    appId: row.appId,
    flagKey,
    userId: row.userId,
    value: row.value as JsonValue,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Give one user their own value of a flag (checked against the flag's type); replaces an earlier one. */
export async function setFlagUserOverride(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  userId: string,
  value: JsonValue,
): Promise<FlagUserOverride> {
  return writeFlags(ctx, app, async (tx) => {
    const current = await flagForOverride(tx, app, flagKey, { userId }, value);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(flagUserOverrides)
      .values({
        id: newId("flagOverride"),
        flagId: current.id,
        appId: app,
        userId,
        value,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [flagUserOverrides.flagId, flagUserOverrides.userId],
        set: { value, updatedAt: now },
      })
      .returning();
    await recordOverrideChange(ctx, tx, current, "set", { userId });
    return toUserOverride(row as FlagUserOverrideRow, flagKey);
  });
}

/** Remove a user's override. NOT_FOUND when there is none. */
export async function deleteFlagUserOverride(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  userId: string,
): Promise<void> {
  await writeFlags(ctx, app, async (tx) => {
    const current = await flagForOverride(tx, app, flagKey, { userId });
    const deleted = await tx
      .delete(flagUserOverrides)
      .where(and(eq(flagUserOverrides.flagId, current.id), eq(flagUserOverrides.userId, userId)))
      .returning({ id: flagUserOverrides.id });
    if (deleted.length === 0) throw notFound("flag user override", `${flagKey}/${userId}`, { appId: app });
    await recordOverrideChange(ctx, tx, current, "deleted", { userId });
  });
}

/** A flag's user overrides in user order, a page at a time. NOT_FOUND when the flag does not exist. */
export async function listFlagUserOverrides(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  { cursor, limit }: ListOverridesData,
): Promise<Page<FlagUserOverride>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ userId: z.string() })).userId;
  const flag = await findFlag(ctx.db, app, flagKey);
  if (!flag) throw notFound("flag", flagKey, { appId: app });
  const conditions = [eq(flagUserOverrides.flagId, flag.id)];
  if (after !== undefined) conditions.push(gt(flagUserOverrides.userId, after));
  const rows = await ctx.db
    .select()
    .from(flagUserOverrides)
    .where(and(...conditions))
    .orderBy(asc(flagUserOverrides.userId))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => toUserOverride(row, flagKey),
    (row) => ({ userId: row.userId }),
  );
}
