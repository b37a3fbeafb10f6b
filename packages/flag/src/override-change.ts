// What tenant overrides and individual (user) targets share: the flag they are written to, and the record of a change.

import { VaultError } from "@vault/core";
import { type FlagType, fitsType, type JsonValue } from "@vault/engine";
import { type Executor, type FlagRow, flags } from "@vault/store";
import { eq } from "drizzle-orm";
import { emitFlagEvent, type FlagContext } from "./context";
import { mustFindFlag } from "./rows";

/** Who an override is for: one tenant, or one user (an individual target). */
export type OverrideTarget = { tenantId: string } | { userId: string };

/** The flag an override is written to: it must exist, and a new value must fit its type. */
export async function flagForOverride(
  tx: Executor,
  app: string,
  flagKey: string,
  target: OverrideTarget,
  value?: JsonValue,
): Promise<FlagRow> {
  const flag = await mustFindFlag(tx, app, flagKey, undefined);
  if (value !== undefined && !fitsType(flag.type as FlagType, value)) {
    throw new VaultError("TYPE_MISMATCH", `override value does not match flag type ${flag.type}`, {
      details: { key: flagKey, ...target, expectedType: flag.type },
    });
  }
  return flag;
}

/**
 * An override of `flag` was set or deleted in `tx`: the flag's version moves (snapshots and ETags change), and the
 * change is audited and announced in the same transaction. A tenant is recorded as the entry's tenant; a user id goes
 * into metadata, since the audit entry has no user column.
 */
export async function recordOverrideChange(
  ctx: FlagContext,
  tx: Executor,
  flag: FlagRow,
  change: "set" | "deleted",
  target: OverrideTarget,
): Promise<void> {
  const version = flag.version + 1;
  await tx.update(flags).set({ version, updatedAt: ctx.clock.now() }).where(eq(flags.id, flag.id));
  const base = { appId: flag.appId, key: flag.key };
  if ("tenantId" in target) {
    const action = `flag.override_${change}` as const;
    await ctx.audit.record(tx, { action, resource: "flag", ...base, tenantId: target.tenantId, metadata: { version } });
    await emitFlagEvent(ctx, tx, { type: action, ...base, tenantId: target.tenantId, version });
  } else {
    const action = `flag.user_override_${change}` as const;
    await ctx.audit.record(tx, { action, resource: "flag", ...base, metadata: { version, userId: target.userId } });
    await emitFlagEvent(ctx, tx, { type: action, ...base, version, data: { userId: target.userId } });
  }
}
