// One checked flag becomes its evaluate function, which applies DESIGN §6's order: disabled → default;
// prerequisites; the user's override (individual target); the tenant's override; the first matching rule; else the
// default.

import { jsonEquals } from "../json";
import { errorResult, freezeResult } from "./results";
import { compileRule, type RuleEnvironment, type RuleFn, Skip } from "./rules";
import type { EvaluationContext, EvaluationResult, Prerequisite, SnapshotFlag } from "./types";

const MAX_PREREQUISITE_DEPTH = 32;

/** A flag ready to evaluate; `lookup` in compileFlag finds the flags it requires. */
export interface CompiledFlag {
  key: string;
  /**
   * `memo` holds the prerequisites already evaluated for this context in this evaluation, so a flag required along
   * several paths of a prerequisite graph is evaluated once (without it, layered graphs cost exponential time).
   */
  evaluate(ctx: EvaluationContext, depth: number, memo?: Map<string, EvaluationResult>): EvaluationResult;
}

/** Compile a checked, frozen flag; `lookup` finds its prerequisites' compiled flags at evaluation time. */
export function compileFlag(
  flag: SnapshotFlag,
  lookup: (key: string) => CompiledFlag | undefined,
  env: RuleEnvironment,
): CompiledFlag {
  const key = flag.key;
  const rules = flag.rules ?? [];
  const prerequisites = flag.prerequisites ?? [];
  const overrides = new Map<string, EvaluationResult>();
  for (const o of flag.overrides ?? []) {
    overrides.set(o.tenantId, freezeResult({ value: o.value, reason: "TARGETING_MATCH" }));
  }
  const userOverrides = new Map<string, EvaluationResult>();
  for (const o of flag.userOverrides ?? []) {
    userOverrides.set(o.userId, freezeResult({ value: o.value, reason: "TARGETING_MATCH" }));
  }
  const dynamic = rules.length > 0 || overrides.size > 0 || userOverrides.size > 0 || prerequisites.length > 0;
  const fallback = freezeResult({ value: flag.defaultValue, reason: dynamic ? "DEFAULT" : "STATIC" });
  const disabled = freezeResult({ value: flag.defaultValue, reason: "DISABLED" });
  const tooDeep = errorResult(
    "GENERAL",
    `flag "${key}": prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} (a cycle?)`,
  );
  const unmet = prerequisites.map((p) =>
    freezeResult({ value: flag.defaultValue, reason: "DEFAULT", detail: `prerequisite "${p.flagKey}" not met` }),
  );
  const ruleFns = rules.map((rule) => compileRule(flag, rule, env));
  const ruleCount = ruleFns.length;
  const hasOverrides = overrides.size > 0;
  const hasUserOverrides = userOverrides.size > 0;

  // Most flags in a real app are off or static: answer those without the generic path.
  if (!flag.enabled) return { key, evaluate: () => disabled };
  if (!dynamic) return { key, evaluate: () => fallback };

  return {
    key,
    evaluate(ctx, depth, memo) {
      if (depth > MAX_PREREQUISITE_DEPTH) return tooDeep;
      for (let i = 0; i < prerequisites.length; i++) {
        const p = prerequisites[i] as Prerequisite;
        const required = lookup(p.flagKey);
        if (!required) return unmet[i] as EvaluationResult;
        memo ??= new Map();
        let got = memo.get(p.flagKey);
        if (got === undefined) {
          got = required.evaluate(ctx, depth + 1, memo);
          // Errors (e.g. too deep from this path) are not reused: from a shallower path the answer may differ.
          if (got.errorCode === undefined) memo.set(p.flagKey, got);
        }
        if (got.errorCode !== undefined || !jsonEquals(got.value, p.value)) return unmet[i] as EvaluationResult;
      }
      if (hasUserOverrides) {
        const hit = userOverrides.get(ctx.userId as string);
        if (hit) return hit;
      }
      if (hasOverrides) {
        const hit = overrides.get(ctx.tenantId as string);
        if (hit) return hit;
      }
      let note: string | undefined;
      for (let i = 0; i < ruleCount; i++) {
        const hit = (ruleFns[i] as RuleFn)(ctx);
        if (hit === null) continue;
        if (hit instanceof Skip) {
          note ??= hit.message;
          continue;
        }
        return note === undefined ? hit : Object.freeze({ ...hit, detail: note });
      }
      return note === undefined ? fallback : Object.freeze({ ...fallback, detail: note });
    },
  };
}

/** A flag that cannot be evaluated: every evaluation answers PARSE_ERROR with `message`. */
export function brokenFlag(key: string, message: string): CompiledFlag {
  const result = errorResult("PARSE_ERROR", `flag "${key}" cannot be evaluated: ${message}`);
  return { key, evaluate: () => result };
}
