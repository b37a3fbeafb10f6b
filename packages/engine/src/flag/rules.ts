// Compiling one rule into a closure: tenant, user and tag lists become sets, operands are parsed, patterns compiled,
// rollout hash prefixes encoded and variant weights summed once, so evaluating the rule only reads the context. A
// rule's audience (its constraint list and the segments it names) gates its own test.

import { allOf, type ContextTest, compileCondition, compileConditions, readAttribute } from "./conditions";
import { FlagDefinitionError } from "./errors";
import { bucketOf, PrefixHasher, ROLLOUT_SEED, VARIANT_SEED } from "./murmur";
import { NoRegexEngine } from "./operators";
import { freezeResult } from "./results";
import type {
  CustomEvaluator,
  EngineClock,
  EvaluationContext,
  EvaluationResult,
  FlagRule,
  RegexEngine,
  SnapshotFlag,
} from "./types";
import { parseInstant } from "./values";

/** Predicates for `custom` rules, by evaluator name. */
export type CustomEvaluators = Readonly<Record<string, CustomEvaluator>> | ReadonlyMap<string, CustomEvaluator>;

/** A rule that matched but could not be applied (its custom evaluator is missing or threw): noted, then skipped. */
export class Skip {
  constructor(readonly message: string) {}
}

export type RuleFn = (ctx: EvaluationContext) => EvaluationResult | Skip | null;

/** What compiling a rule needs besides the rule: "now", the registered evaluators, a regex engine, the segments. */
export interface RuleEnvironment {
  clock: EngineClock;
  customEvaluators: CustomEvaluators | undefined;
  regexEngine: RegexEngine | undefined;
  /** The snapshot's segments by key: a test, or a Skip saying why the segment cannot be evaluated. */
  segments: ReadonlyMap<string, ContextTest | Skip>;
}

function stickinessReader(stickiness: string): (ctx: EvaluationContext) => unknown {
  if (stickiness === "tenant") return (ctx) => ctx.tenantId;
  if (stickiness === "user") return (ctx) => ctx.userId;
  return (ctx) => readAttribute(ctx, stickiness);
}

function stickinessValue(raw: unknown): string | undefined {
  if (typeof raw === "string") return raw.length > 0 ? raw : undefined;
  if (typeof raw === "number" && Number.isFinite(raw)) return String(raw);
  return undefined;
}

const NO_REGEX_ENGINE = "it has a regex condition and no regex engine was given";

/**
 * A rule as a closure over the context: its outcome when it matches, null when not, a Skip when it cannot apply.
 * The audience (constraints, then segments) is checked first; only a context inside it reaches the rule's own test.
 */
export function compileRule(flag: SnapshotFlag, rule: FlagRule, env: RuleEnvironment): RuleFn {
  const skip = (why: string) => {
    const skipped = new Skip(`rule ${rule.id} skipped: ${why}`);
    return () => skipped;
  };
  const gates: ContextTest[] = [];
  let own: RuleFn;
  try {
    own = compileRuleTest(flag, rule, env);
    const constraints = compileConditions(rule.constraints ?? [], `rules.${rule.id}.constraints`, {
      regexEngine: env.regexEngine,
    });
    if (constraints) gates.push(constraints);
  } catch (error) {
    if (error instanceof NoRegexEngine) return skip(NO_REGEX_ENGINE);
    throw error;
  }
  for (const key of rule.segments ?? []) {
    const segment = env.segments.get(key);
    if (segment === undefined) return skip(`segment "${key}" is not in the snapshot`);
    if (segment instanceof Skip) return skip(segment.message);
    gates.push(segment);
  }
  const gate = allOf(gates);
  if (gate === undefined) return own;
  return (ctx) => (gate(ctx) ? own(ctx) : null);
}

/** The rule's own test, without its audience. */
function compileRuleTest(flag: SnapshotFlag, rule: FlagRule, env: RuleEnvironment): RuleFn {
  const { clock, customEvaluators } = env;
  const reason = rule.type === "rollout" ? "SPLIT" : "TARGETING_MATCH";
  const outcome =
    rule.variant !== undefined
      ? freezeResult({ value: flag.variants?.[rule.variant] ?? null, variant: rule.variant, reason, ruleId: rule.id })
      : freezeResult({ value: rule.value ?? null, reason, ruleId: rule.id });
  switch (rule.type) {
    case "when_tenant": {
      const tenants = new Set(rule.tenants);
      return (ctx) => (tenants.has(ctx.tenantId as string) ? outcome : null);
    }
    case "when_user": {
      const users = new Set(rule.users);
      return (ctx) => (users.has(ctx.userId as string) ? outcome : null);
    }
    case "when_tenant_tag": {
      const tags = new Set(rule.tags);
      return (ctx) => {
        const have = ctx.tenantTags;
        if (!Array.isArray(have)) return null;
        for (let i = 0; i < have.length; i++) if (tags.has(have[i])) return outcome;
        return null;
      };
    }
    case "when_attribute": {
      // Reads `attributes` only (as it always has): `tenantId` here is an attribute, not the context's tenant.
      const name = rule.attribute;
      const test = compileCondition(rule, `rules.${rule.id}`, { regexEngine: env.regexEngine }, (ctx) =>
        readAttribute(ctx, name),
      );
      return (ctx) => (test(ctx) ? outcome : null);
    }
    case "rollout": {
      const groupId = rule.groupId ?? flag.key;
      const percentage = rule.percentage;
      const read = stickinessReader(rule.stickiness ?? "tenant");
      const bucketHasher = new PrefixHasher(`${groupId}:`, ROLLOUT_SEED);
      if (!rule.variants) {
        return (ctx) => {
          if (percentage <= 0) return null;
          const value = stickinessValue(read(ctx));
          if (value === undefined) return null;
          return bucketOf(bucketHasher.hash(value)) <= percentage ? outcome : null;
        };
      }
      const variantHasher = new PrefixHasher(`${groupId}:`, VARIANT_SEED);
      const split = rule.variants.filter((v) => v.weight > 0);
      const total = split.reduce((sum, v) => sum + v.weight, 0);
      const ceilings = new Float64Array(split.length);
      let running = 0;
      split.forEach((v, i) => {
        running += v.weight;
        ceilings[i] = running;
      });
      const outcomes = split.map((v) =>
        freezeResult({ value: flag.variants?.[v.variant] ?? null, variant: v.variant, reason, ruleId: rule.id }),
      );
      return (ctx) => {
        if (percentage <= 0) return null;
        const value = stickinessValue(read(ctx));
        if (value === undefined) return null;
        if (bucketOf(bucketHasher.hash(value)) > percentage) return null;
        const target = (variantHasher.hash(value) % total) + 1;
        for (let i = 0; i < ceilings.length; i++) if ((ceilings[i] as number) >= target) return outcomes[i] ?? null;
        return null;
      };
    }
    case "schedule": {
      const from = rule.from === undefined ? Number.NEGATIVE_INFINITY : (parseInstant(rule.from) as number);
      const until = rule.until === undefined ? Number.POSITIVE_INFINITY : (parseInstant(rule.until) as number);
      return () => {
        const now = clock.now().getTime();
        return now >= from && now <= until ? outcome : null;
      };
    }
    case "custom": {
      const name = rule.evaluator;
      const evaluator =
        customEvaluators instanceof Map
          ? customEvaluators.get(name)
          : customEvaluators && Object.hasOwn(customEvaluators, name)
            ? (customEvaluators as Record<string, CustomEvaluator>)[name]
            : undefined;
      if (typeof evaluator !== "function") {
        const skip = new Skip(`rule ${rule.id} skipped: custom evaluator "${name}" is not registered`);
        return () => skip;
      }
      const failed = new Skip(`rule ${rule.id} skipped: custom evaluator "${name}" threw`);
      const params = rule.params;
      const info = Object.freeze({ flagKey: flag.key, ruleId: rule.id });
      return (ctx) => {
        try {
          return evaluator(ctx, params, info) === true ? outcome : null;
        } catch {
          return failed;
        }
      };
    }
    default:
      throw new FlagDefinitionError("VALIDATION", "type", "unknown rule type");
  }
}
