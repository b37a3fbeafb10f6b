// Individual targets: a user's own value of a flag, which beats the tenant's override and every rule.

import { decodeCursor, newId, notFound, type Page, toPage, VaultError } from "@vault/core";
import { type FlagType, fitsType, type JsonValue } from "@vault/engine";
import { type FlagUserOverrideRow, flags, flagUserOverrides } from "@vault/store";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { emitFlagEvent, type FlagContext } from "./context";
import { writeFlags } from "./integrity";
import { findFlag, mustFindFlag } from "./rows";
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
    const current = await mustFindFlag(tx, app, flagKey, undefined);
    if (!fitsType(current.type as FlagType, value)) {
      throw new VaultError("TYPE_MISMATCH", `override value does not match flag type ${current.type}`, {
        details: { key: flagKey, userId, expectedType: current.type },
      });
    }
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
    await tx
      .update(flags)
      .set({ version: current.version + 1, updatedAt: now })
      .where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.user_override_set",
      resource: "flag",
      appId: app,
      key: flagKey,
      metadata: { version: current.version + 1, userId },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.user_override_set",
      appId: app,
      key: flagKey,
      version: current.version + 1,
      data: { userId },
    });
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
    const current = await mustFindFlag(tx, app, flagKey, undefined);
    const deleted = await tx
      .delete(flagUserOverrides)
      .where(and(eq(flagUserOverrides.flagId, current.id), eq(flagUserOverrides.userId, userId)))
      .returning({ id: flagUserOverrides.id });
    if (deleted.length === 0) throw notFound("flag user override", `${flagKey}/${userId}`, { appId: app });
    const now = ctx.clock.now();
    await tx
      .update(flags)
      .set({ version: current.version + 1, updatedAt: now })
      .where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.user_override_deleted",
      resource: "flag",
      appId: app,
      key: flagKey,
      metadata: { version: current.version + 1, userId },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.user_override_deleted",
      appId: app,
      key: flagKey,
      version: current.version + 1,
      data: { userId },
    });
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
