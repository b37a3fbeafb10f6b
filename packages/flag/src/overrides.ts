import { decodeCursor, newId, notFound, type Page, toPage, VaultError } from "@vault/core";
import { type FlagType, fitsType, type JsonValue } from "@vault/engine";
import { type FlagOverrideRow, flagOverrides, flags } from "@vault/store";
import { and, asc, eq, gt } from "drizzle-orm";
import { z } from "zod";
import { emitFlagEvent, type FlagContext } from "./context";
import { writeFlags } from "./integrity";
import { findFlag, mustFindFlag, toOverride } from "./rows";
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
    const current = await mustFindFlag(tx, app, flagKey, undefined);
    if (!fitsType(current.type as FlagType, parsedValue)) {
      throw new VaultError("TYPE_MISMATCH", `override value does not match flag type ${current.type}`, {
        details: { key: flagKey, tenantId: tenant, expectedType: current.type },
      });
    }
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
    await tx
      .update(flags)
      .set({ version: current.version + 1, updatedAt: now })
      .where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.override_set",
      resource: "flag",
      appId: app,
      key: flagKey,
      tenantId: tenant,
      metadata: { version: current.version + 1 },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.override_set",
      appId: app,
      key: flagKey,
      tenantId: tenant,
      version: current.version + 1,
    });
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
    const current = await mustFindFlag(tx, app, flagKey, undefined);
    const deleted = await tx
      .delete(flagOverrides)
      .where(and(eq(flagOverrides.flagId, current.id), eq(flagOverrides.tenantId, tenant)))
      .returning({ id: flagOverrides.id });
    if (deleted.length === 0) throw notFound("flag override", `${flagKey}/${tenant}`, { appId: app });
    const now = ctx.clock.now();
    await tx
      .update(flags)
      .set({ version: current.version + 1, updatedAt: now })
      .where(eq(flags.id, current.id));
    await ctx.audit.record(tx, {
      action: "flag.override_deleted",
      resource: "flag",
      appId: app,
      key: flagKey,
      tenantId: tenant,
      metadata: { version: current.version + 1 },
    });
    await emitFlagEvent(ctx, tx, {
      type: "flag.override_deleted",
      appId: app,
      key: flagKey,
      tenantId: tenant,
      version: current.version + 1,
    });
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
