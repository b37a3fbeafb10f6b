import { notFound, VaultError } from "@vault/core";
import {
  type Condition,
  type FlagRule,
  type FlagSnapshot,
  type FlagType,
  type JsonValue,
  type Prerequisite,
  SNAPSHOT_FORMAT,
  type SnapshotFlag,
} from "@vault/engine";
import {
  type Executor,
  type FlagOverrideRow,
  type FlagRow,
  type FlagRuleRow,
  flagOverrides,
  flagRules,
  flags,
  flagUserOverrides,
  readRevision,
  segments,
  type VaultDb,
} from "@vault/store";
import { and, asc, eq } from "drizzle-orm";
import { FLAGS_TOPIC } from "./context";
import type { Flag, FlagOverride } from "./types";

export async function findFlag(
  executor: Executor,
  appId: string,
  key: string,
  forUpdate = false,
): Promise<FlagRow | undefined> {
  const query = executor
    .select()
    .from(flags)
    .where(and(eq(flags.appId, appId), eq(flags.key, key)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

/** Lock the flag's row for a write: NOT_FOUND when it does not exist, CONFLICT when `cas` does not match. */
export async function mustFindFlag(
  tx: Executor,
  appId: string,
  key: string,
  cas: number | undefined,
): Promise<FlagRow> {
  const row = await findFlag(tx, appId, key, true);
  if (!row) {
    if (cas === 0) throw new VaultError("CONFLICT", `flag "${key}" does not exist`, { details: { key, cas } });
    throw notFound("flag", key, { appId });
  }
  if (cas !== undefined && cas !== row.version) {
    throw new VaultError("CONFLICT", `flag "${key}" is at version ${row.version}, not ${cas}`, {
      details: { key, expected: cas, actual: row.version },
    });
  }
  return row;
}

export async function insertRules(tx: Executor, flag: FlagRow, rules: FlagRule[], now: Date): Promise<void> {
  if (rules.length === 0) return;
  await tx.insert(flagRules).values(
    rules.map((rule) => {
      const { id, priority, type, ...spec } = rule;
      return { id, flagId: flag.id, appId: flag.appId, priority, type, spec, createdAt: now, updatedAt: now };
    }),
  );
}

export function toRule(row: FlagRuleRow): FlagRule {
  return { ...row.spec, id: row.id, priority: row.priority, type: row.type } as FlagRule;
}

export async function loadRules(executor: Executor, flagId: string): Promise<FlagRule[]> {
  const rows = await executor
    .select()
    .from(flagRules)
    .where(eq(flagRules.flagId, flagId))
    .orderBy(asc(flagRules.priority));
  return rows.map(toRule);
}

export async function loadOverrides(
  executor: Executor,
  flagId: string,
): Promise<{ tenantId: string; value: unknown }[]> {
  return executor
    .select({ tenantId: flagOverrides.tenantId, value: flagOverrides.value })
    .from(flagOverrides)
    .where(eq(flagOverrides.flagId, flagId));
}

export async function loadUserOverrides(
  executor: Executor,
  flagId: string,
): Promise<{ userId: string; value: unknown }[]> {
  return executor
    .select({ userId: flagUserOverrides.userId, value: flagUserOverrides.value })
    .from(flagUserOverrides)
    .where(eq(flagUserOverrides.flagId, flagId));
}

export function toFlag(row: FlagRow, rules: FlagRule[]): Flag {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    type: row.type as FlagType,
    defaultValue: row.defaultValue as JsonValue,
    enabled: row.enabled,
    description: row.description,
    tags: row.tags,
    variants: row.variants as Record<string, JsonValue>,
    prerequisites: row.prerequisites as Prerequisite[],
    metadata: row.metadata,
    rules,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toOverride(row: FlagOverrideRow, flagKey: string): FlagOverride {
  return {
    id: row.id,
    appId: row.appId,
    flagKey,
    tenantId: row.tenantId,
    value: row.value as JsonValue,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Read an app's flags, rules, overrides, segments and revision as one consistent snapshot (format 2). */
export async function readSnapshot(db: VaultDb, appId: string): Promise<FlagSnapshot> {
  return db.transaction(
    async (tx) => {
      const revision = await readRevision(tx, appId, FLAGS_TOPIC);
      const flagRows = await tx.select().from(flags).where(eq(flags.appId, appId)).orderBy(asc(flags.key));
      const ruleRows = await tx
        .select()
        .from(flagRules)
        .where(eq(flagRules.appId, appId))
        .orderBy(asc(flagRules.priority));
      const overrideRows = await tx
        .select()
        .from(flagOverrides)
        .where(eq(flagOverrides.appId, appId))
        .orderBy(asc(flagOverrides.tenantId));
      const userOverrideRows = await tx
        .select()
        .from(flagUserOverrides)
        .where(eq(flagUserOverrides.appId, appId))
        .orderBy(asc(flagUserOverrides.userId));
      const segmentRows = await tx.select().from(segments).where(eq(segments.appId, appId)).orderBy(asc(segments.key));
      const rulesByFlag = groupBy(ruleRows, (r) => r.flagId);
      const overridesByFlag = groupBy(overrideRows, (r) => r.flagId);
      const userOverridesByFlag = groupBy(userOverrideRows, (r) => r.flagId);
      return {
        format: SNAPSHOT_FORMAT,
        revision,
        appId,
        segments: segmentRows.map((row) => ({
          key: row.key,
          constraints: row.constraints as unknown as Condition[],
        })),
        flags: flagRows.map((row): SnapshotFlag => {
          const flag: SnapshotFlag = {
            key: row.key,
            type: row.type as FlagType,
            defaultValue: row.defaultValue as JsonValue,
            enabled: row.enabled,
            version: row.version,
            rules: (rulesByFlag.get(row.id) ?? []).map(toRule),
          };
          if (Object.keys(row.variants).length > 0) flag.variants = row.variants as Record<string, JsonValue>;
          if (row.prerequisites.length > 0) flag.prerequisites = row.prerequisites as Prerequisite[];
          const overrides = overridesByFlag.get(row.id);
          if (overrides) flag.overrides = overrides.map((o) => ({ tenantId: o.tenantId, value: o.value as JsonValue }));
          const userOverrides = userOverridesByFlag.get(row.id);
          if (userOverrides) {
            flag.userOverrides = userOverrides.map((o) => ({ userId: o.userId, value: o.value as JsonValue }));
          }
          return flag;
        }),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
