import { decodeCursor, newId, notFound, type Page, toPage } from "@vault/core";
import type { JsonValue } from "@vault/engine";
import { type FlagOverrideRow, flagOverrides } from "@vault/store";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import type { FlagContext } from "./context";
import { writeFlags } from "./integrity";
import { flagForOverride, recordOverrideChange } from "./override-change";
import { findFlag, toOverride } from "./rows";
import type { ListOverridesData } from "./schemas";
import type { FlagOverride } from "./types";

/** Give one tenant its own value of a flag (checked against the flag's type); replaces an earlier one. */
export async function setFlagOverride(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  tenant: string,
  parsedValue: JsonValue,
): Promise<FlagOverride> {
  return writeFlags(ctx, app, async (tx) => {
    const current = await flagForOverride(tx, app, flagKey, { tenantId: tenant }, parsedValue);
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(flagOverrides)
      .values({
        id: newId("flagOverride"),
        flagId: current.id,
        appId: app,
        tenantId: tenant,
        value: parsedValue,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoUpdate({
        target: [flagOverrides.flagId, flagOverrides.tenantId],
        set: { value: parsedValue, updatedAt: now },
      })
      .returning();
    await recordOverrideChange(ctx, tx, current, "set", { tenantId: tenant });
    return toOverride(row as FlagOverrideRow, flagKey);
  });
}

/** Remove a tenant's override. NOT_FOUND when there is none. */
export async function deleteFlagOverride(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  tenant: string,
): Promise<void> {
  await writeFlags(ctx, app, async (tx) => {
    const current = await flagForOverride(tx, app, flagKey, { tenantId: tenant });
    const deleted = await tx
      .delete(flagOverrides)
      .where(and(eq(flagOverrides.flagId, current.id), eq(flagOverrides.tenantId, tenant)))
      .returning({ id: flagOverrides.id });
    if (deleted.length === 0) throw notFound("flag override", `${flagKey}/${tenant}`, { appId: app });
    await recordOverrideChange(ctx, tx, current, "deleted", { tenantId: tenant });
  });
}

/** A flag's tenant overrides in tenant order, a page at a time. NOT_FOUND when the flag does not exist. */
export async function listFlagOverrides(
  ctx: FlagContext,
  app: string,
  flagKey: string,
  { cursor, limit }: ListOverridesData,
): Promise<Page<FlagOverride>> {
  const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ tenantId: z.string() })).tenantId;
  const flag = await findFlag(ctx.db, app, flagKey);
  if (!flag) throw notFound("flag", flagKey, { appId: app });
  const conditions = [eq(flagOverrides.flagId, flag.id)];
  if (after !== undefined) conditions.push(gt(flagOverrides.tenantId, after));
  const rows = await ctx.db
    .select()
    .from(flagOverrides)
    .where(and(...conditions))
    .orderBy(asc(flagOverrides.tenantId))
    .limit(limit + 1);
  return toPage(
    rows,
    limit,
    (row) => toOverride(row, flagKey),
    (row) => ({ tenantId: row.tenantId }),
  );
}
