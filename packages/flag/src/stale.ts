// Stale flags: flags nobody has evaluated for N days, and flags that have served one value to everyone for N days
// (their rollout is complete, or they were switched off): candidates for removal from code and from Vault.

import type { FlagRule, JsonValue } from "@vault/engine";
import { flagOverrides, flagRules, flags, flagUserOverrides } from "@vault/store";
import { asc, eq } from "drizzle-orm";
import type { FlagContext } from "./context";
import { toRule } from "./rows";
import { lastEvaluated } from "./usage";

const DAY_MS = 86_400_000;

export type StaleReason = "not_evaluated" | "fully_rolled_out";

export interface StaleFlag {
  key: string;
  /** `not_evaluated`: no evaluation counted for `days` days (and older than that); `fully_rolled_out`: one value for
   * every context, unchanged for `days` days. */
  reasons: StaleReason[];
  lastEvaluatedAt: Date | null;
  /** When the flag, its rules or overrides last changed. */
  updatedAt: Date;
  /** For `fully_rolled_out`: the value everyone gets. */
  servesValue?: JsonValue;
}

/**
 * The one value every context gets from this flag, or undefined when the answer can depend on the context: off
 * (its default), or on with no prerequisites, overrides or individual targets and either no rules or a first rule
 * without an audience that matches everyone (a 100% rollout without a split, a schedule that began and never ends).
 */
export function servesOneValue(
  flag: { enabled: boolean; defaultValue: JsonValue; variants: Record<string, JsonValue>; prerequisites: unknown[] },
  rules: readonly FlagRule[],
  hasOverrides: boolean,
  now: Date,
): { value: JsonValue } | undefined {
  if (!flag.enabled) return { value: flag.defaultValue };
  if (flag.prerequisites.length > 0 || hasOverrides) return undefined;
  const first = [...rules].sort((a, b) => a.priority - b.priority)[0];
  if (first === undefined) return { value: flag.defaultValue };
  if ((first.constraints?.length ?? 0) > 0 || (first.segments?.length ?? 0) > 0) return undefined;
  const everyone =
    (first.type === "rollout" && first.percentage === 100 && first.variants === undefined) ||
    (first.type === "schedule" &&
      first.until === undefined &&
      (first.from === undefined || Date.parse(first.from) <= now.getTime()));
  if (!everyone) return undefined;
  const value = first.variant !== undefined ? flag.variants[first.variant] : first.value;
  return value === undefined ? undefined : { value };
}

/** The app's stale flags in key order (see {@link StaleFlag}). */
export async function staleFlags(ctx: FlagContext, app: string, days: number): Promise<StaleFlag[]> {
  const now = ctx.clock.now();
  const cutoff = now.getTime() - days * DAY_MS;
  const rows = await ctx.db.select().from(flags).where(eq(flags.appId, app)).orderBy(asc(flags.key));
  const withOverrides = new Set(
    [
      ...(await ctx.db
        .selectDistinct({ id: flagOverrides.flagId })
        .from(flagOverrides)
        .where(eq(flagOverrides.appId, app))),
      ...(await ctx.db
        .selectDistinct({ id: flagUserOverrides.flagId })
        .from(flagUserOverrides)
        .where(eq(flagUserOverrides.appId, app))),
    ].map((r) => r.id),
  );
  const rulesByFlag = new Map<string, FlagRule[]>();
  const ruleRows = await ctx.db
    .select()
    .from(flagRules)
    .where(eq(flagRules.appId, app))
    .orderBy(asc(flagRules.priority));
  for (const rule of ruleRows) {
    const list = rulesByFlag.get(rule.flagId);
    if (list) list.push(toRule(rule));
    else rulesByFlag.set(rule.flagId, [toRule(rule)]);
  }
  const last = await lastEvaluated(ctx, app);
  const out: StaleFlag[] = [];
  for (const row of rows) {
    const reasons: StaleReason[] = [];
    const lastEvaluatedAt = last.get(row.key) ?? null;
    if (row.createdAt.getTime() <= cutoff && (lastEvaluatedAt === null || lastEvaluatedAt.getTime() <= cutoff)) {
      reasons.push("not_evaluated");
    }
    let serves: { value: JsonValue } | undefined;
    if (row.updatedAt.getTime() <= cutoff) {
      serves = servesOneValue(
        {
          enabled: row.enabled,
          defaultValue: row.defaultValue as JsonValue,
          variants: row.variants as Record<string, JsonValue>,
          prerequisites: row.prerequisites,
        },
        rulesByFlag.get(row.id) ?? [],
        withOverrides.has(row.id),
        now,
      );
      if (serves) reasons.push("fully_rolled_out");
    }
    if (reasons.length === 0) continue;
    out.push({
      key: row.key,
      reasons,
      lastEvaluatedAt,
      updatedAt: row.updatedAt,
      ...(serves ? { servesValue: serves.value } : {}),
    });
  }
  return out;
}
