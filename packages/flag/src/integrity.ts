import { VaultError } from "@vault/core";
import {
  checkFlag,
  FlagDefinitionError,
  type FlagRule,
  type FlagType,
  fitsType,
  type Prerequisite,
  prerequisiteCycle,
  type SnapshotFlag,
} from "@vault/engine";
import { bumpRevision, type Executor, type FlagRow, flags, type VaultTx } from "@vault/store";
import { eq } from "drizzle-orm";
import { invalidate } from "./cache";
import { FLAGS_TOPIC, type FlagContext } from "./context";

// What a write must not break: the flag as the engine will evaluate it, and across an app's flags, prerequisites
// that exist, hold a value of their flag's type and form no cycle. The checks across flags are sound because every
// write runs under the app's revision lock (writeFlags).

/**
 * Run one flag write: bump the app's flag revision FIRST (its row lock serialises an app's flag writes, which
 * keeps the prerequisite-cycle check sound under concurrency), then the change; afterwards invalidate the cache
 * and tell this process's other listeners.
 */
export async function writeFlags<T>(ctx: FlagContext, appId: string, fn: (tx: VaultTx) => Promise<T>): Promise<T> {
  let revision = 0;
  const result = await ctx.db.transaction(async (tx) => {
    revision = await bumpRevision(tx, appId, FLAGS_TOPIC, ctx.clock);
    return fn(tx as VaultTx);
  });
  invalidate(ctx, appId);
  ctx.changes.publish({ appId, topic: FLAGS_TOPIC, revision });
  return result;
}

/** Check a flag as the engine will evaluate it; engine findings become VaultErrors with the same code. */
export function checkDefinition(
  ctx: FlagContext,
  row: FlagRow,
  rules: FlagRule[],
  overrides: { tenantId: string; value: unknown }[],
  userOverrides: { userId: string; value: unknown }[] = [],
): SnapshotFlag {
  try {
    return checkFlag(
      {
        key: row.key,
        type: row.type,
        defaultValue: row.defaultValue,
        enabled: row.enabled,
        variants: row.variants,
        prerequisites: row.prerequisites,
        rules,
        overrides,
        userOverrides,
      },
      { regexEngine: ctx.regexEngine },
    );
  } catch (error) {
    if (error instanceof FlagDefinitionError) {
      throw new VaultError(error.code, `invalid flag "${row.key}": ${error.message}`, {
        details: { key: row.key, path: error.path },
      });
    }
    throw error;
  }
}

/** Prerequisites must name existing flags, use a value of their type, and not close a cycle. */
export async function checkPrerequisites(
  tx: Executor,
  appId: string,
  key: string,
  prerequisites: Prerequisite[],
): Promise<void> {
  if (prerequisites.length === 0) return;
  const rows = await tx
    .select({ key: flags.key, type: flags.type, prerequisites: flags.prerequisites })
    .from(flags)
    .where(eq(flags.appId, appId));
  const byKey = new Map(rows.map((r) => [r.key, r]));
  prerequisites.forEach((p, i) => {
    const required = byKey.get(p.flagKey);
    if (!required) {
      throw new VaultError("VALIDATION", `prerequisites.${i}.flagKey: flag "${p.flagKey}" does not exist`, {
        details: { path: `prerequisites.${i}.flagKey`, flagKey: p.flagKey },
      });
    }
    if (!fitsType(required.type as FlagType, p.value)) {
      throw new VaultError(
        "TYPE_MISMATCH",
        `prerequisites.${i}.value: flag "${p.flagKey}" is of type ${required.type}`,
        { details: { path: `prerequisites.${i}.value`, flagKey: p.flagKey, expectedType: required.type } },
      );
    }
  });
  const graph = new Map<string, string[]>(rows.map((r) => [r.key, (r.prerequisites ?? []).map((p) => p.flagKey)]));
  graph.set(
    key,
    prerequisites.map((p) => p.flagKey),
  );
  const cycle = prerequisiteCycle(graph);
  if (cycle) {
    throw new VaultError("VALIDATION", `prerequisites would form a cycle: ${cycle.join(" → ")}`, {
      details: { path: "prerequisites", cycle },
    });
  }
}

/** Changing a flag's type must not strand flags that require a value of the old type. */
export async function checkDependents(tx: Executor, appId: string, key: string, type: FlagType): Promise<void> {
  const rows = await tx
    .select({ key: flags.key, prerequisites: flags.prerequisites })
    .from(flags)
    .where(eq(flags.appId, appId));
  for (const row of rows) {
    const stranded = (row.prerequisites ?? []).find((p) => p.flagKey === key && !fitsType(type, p.value));
    if (stranded) {
      throw new VaultError(
        "TYPE_MISMATCH",
        `flag "${row.key}" requires "${key}" to be ${JSON.stringify(stranded.value)}, which is not a ${type}`,
        { details: { dependent: row.key, key, type } },
      );
    }
  }
}
