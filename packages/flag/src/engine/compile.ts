import { bucketOf, PrefixHasher, ROLLOUT_SEED, VARIANT_SEED } from "./murmur";
import {
  ATTRIBUTE_OPERATORS,
  type AttributeOperator,
  type CustomEvaluator,
  type EngineClock,
  type EvaluationContext,
  type EvaluationResult,
  FLAG_TYPES,
  type FlagRule,
  type FlagSnapshot,
  type FlagType,
  type JsonValue,
  type Prerequisite,
  type RolloutVariant,
  RULE_TYPES,
  type SnapshotFlag,
  type TenantOverride,
} from "./types";
import {
  cloneJson,
  compareSemver,
  deepFreeze,
  fitsType,
  isJsonValue,
  jsonEquals,
  parseInstant,
  parseNumber,
  parseSemver,
  type SemVer,
} from "./values";

/** A flag definition the engine cannot accept. `code` follows VaultError's codes so services can rethrow it. */
export class FlagDefinitionError extends Error {
  readonly code: "VALIDATION" | "TYPE_MISMATCH";
  /** Where in the flag the problem is, e.g. `rules.2.values`. */
  readonly path: string;

  constructor(code: "VALIDATION" | "TYPE_MISMATCH", path: string, message: string) {
    super(path ? `${path}: ${message}` : message);
    this.name = "FlagDefinitionError";
    this.code = code;
    this.path = path;
  }
}

export interface CompileOptions {
  /** Predicates for `custom` rules, by evaluator name. */
  customEvaluators?: Readonly<Record<string, CustomEvaluator>> | ReadonlyMap<string, CustomEvaluator>;
  /** "Now" for schedule rules (default: the system clock). */
  clock?: EngineClock;
}

/** A compiled snapshot. Evaluation does no I/O, never throws, and allocates nothing on the common paths. */
export interface FlagEvaluator {
  readonly revision: number;
  readonly appId: string;
  /** Every flag key, in snapshot order. */
  readonly keys: readonly string[];
  /** Flags that failed to compile (they evaluate to a PARSE_ERROR result). */
  readonly problems: readonly { flagKey: string; message: string }[];
  has(flagKey: string): boolean;
  /** Evaluate one flag (DESIGN §6 order). Unknown flag → reason ERROR, errorCode FLAG_NOT_FOUND, value null. */
  evaluate(flagKey: string, context?: EvaluationContext): EvaluationResult;
  /** Every flag for one context, keyed by flag key. */
  evaluateAll(context?: EvaluationContext): Record<string, EvaluationResult>;
  /** Typed accessors: the flag's value when it has the right type and no error occurred, else `defaultValue`. */
  bool(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean;
  string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string;
  /** Integral numbers only: 99.0 → 99; 99.5 → `defaultValue`. */
  int(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number;
  float(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number;
  json<T = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T;
}

const MAX_PREREQUISITE_DEPTH = 32;
const EMPTY_CONTEXT: EvaluationContext = Object.freeze({});

class Skip {
  constructor(readonly message: string) {}
}

type RuleFn = (ctx: EvaluationContext) => EvaluationResult | Skip | null;

interface CompiledFlag {
  key: string;
  /**
   * `memo` holds the prerequisites already evaluated for this context in this evaluation, so a flag required along
   * several paths of a prerequisite graph is evaluated once (without it, layered graphs cost exponential time).
   */
  evaluate(ctx: EvaluationContext, depth: number, memo?: Map<string, EvaluationResult>): EvaluationResult;
}

function freezeResult(result: EvaluationResult): EvaluationResult {
  const out: EvaluationResult = { value: result.value, reason: result.reason };
  if (result.variant !== undefined) out.variant = result.variant;
  if (result.ruleId !== undefined) out.ruleId = result.ruleId;
  if (result.errorCode !== undefined) out.errorCode = result.errorCode;
  if (result.errorMessage !== undefined) out.errorMessage = result.errorMessage;
  if (result.detail !== undefined) out.detail = result.detail;
  return Object.freeze(out);
}

function errorResult(errorCode: EvaluationResult["errorCode"], errorMessage: string): EvaluationResult {
  return Object.freeze({ value: null, reason: "ERROR" as const, errorCode, errorMessage });
}

// ---------------------------------------------------------------------------------------------------------------
// Validation: a stored or hand-written flag becomes a normalised, frozen SnapshotFlag, or a FlagDefinitionError.

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function fail(path: string, message: string, code: "VALIDATION" | "TYPE_MISMATCH" = "VALIDATION"): never {
  throw new FlagDefinitionError(code, path, message);
}

function nonEmptyString(value: unknown, path: string): string {
  if (typeof value !== "string" || value.length === 0) fail(path, "must be a non-empty string");
  return value;
}

function stringList(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.length === 0) fail(path, "must be a non-empty list of strings");
  return value.map((item, i) => nonEmptyString(item, `${path}.${i}`));
}

function checkValue(type: FlagType, value: unknown, path: string): JsonValue {
  if (!fitsType(type, value)) {
    const hint = type === "json" ? "a JSON value (not null)" : type === "int" ? "an integral number" : `a ${type}`;
    fail(path, `must be ${hint} (flag type ${type})`, "TYPE_MISMATCH");
  }
  return value as JsonValue;
}

const VALUE_COUNT_ONE = new Set<AttributeOperator>([
  "lt",
  "lte",
  "gt",
  "gte",
  "semver_eq",
  "semver_lt",
  "semver_gt",
  "before",
  "after",
]);

function checkRule(
  raw: unknown,
  path: string,
  type: FlagType,
  variants: Record<string, JsonValue> | undefined,
): FlagRule {
  if (!isRecord(raw)) fail(path, "must be an object");
  const id = nonEmptyString(raw.id, `${path}.id`);
  if (typeof raw.priority !== "number" || !Number.isSafeInteger(raw.priority)) {
    fail(`${path}.priority`, "must be an integer");
  }
  const priority = raw.priority;
  const ruleType = raw.type;
  if (typeof ruleType !== "string" || !(RULE_TYPES as readonly string[]).includes(ruleType)) {
    fail(`${path}.type`, `must be one of ${RULE_TYPES.join(", ")}`);
  }
  const common: Record<string, unknown> = { id, priority, type: ruleType };
  if (raw.description !== undefined) {
    if (typeof raw.description !== "string") fail(`${path}.description`, "must be a string");
    common.description = raw.description;
  }
  let condition: Record<string, unknown>;
  switch (ruleType) {
    case "when_tenant":
      condition = { tenants: stringList(raw.tenants, `${path}.tenants`) };
      break;
    case "when_tenant_tag":
      condition = { tags: stringList(raw.tags, `${path}.tags`) };
      break;
    case "when_user":
      condition = { users: stringList(raw.users, `${path}.users`) };
      break;
    case "when_attribute": {
      const attribute = nonEmptyString(raw.attribute, `${path}.attribute`);
      const operator = raw.operator;
      if (typeof operator !== "string" || !(ATTRIBUTE_OPERATORS as readonly string[]).includes(operator)) {
        fail(`${path}.operator`, `must be one of ${ATTRIBUTE_OPERATORS.join(", ")}`);
      }
      const values = raw.values;
      if (
        !Array.isArray(values) ||
        values.length === 0 ||
        !values.every(
          (v) => typeof v === "string" || typeof v === "boolean" || (typeof v === "number" && Number.isFinite(v)),
        )
      ) {
        fail(`${path}.values`, "must be a non-empty list of strings, numbers or booleans");
      }
      const op = operator as AttributeOperator;
      if (VALUE_COUNT_ONE.has(op) && values.length !== 1)
        fail(`${path}.values`, `operator ${op} takes exactly one value`);
      // Parse once here so a bad operand is rejected on write, not discovered at evaluation.
      compileOperator(op, values as (string | number | boolean)[], `${path}.values`);
      condition = { attribute, operator: op, values: [...values] };
      break;
    }
    case "rollout": {
      const percentage = raw.percentage;
      if (typeof percentage !== "number" || !Number.isInteger(percentage) || percentage < 0 || percentage > 100) {
        fail(`${path}.percentage`, "must be a whole number from 0 to 100");
      }
      condition = { percentage };
      if (raw.stickiness !== undefined) condition.stickiness = nonEmptyString(raw.stickiness, `${path}.stickiness`);
      if (raw.groupId !== undefined) condition.groupId = nonEmptyString(raw.groupId, `${path}.groupId`);
      if (raw.variants !== undefined) {
        if (!Array.isArray(raw.variants) || raw.variants.length === 0) {
          fail(`${path}.variants`, "must be a non-empty list of { variant, weight }");
        }
        let total = 0;
        const split: RolloutVariant[] = raw.variants.map((entry: unknown, i: number) => {
          const at = `${path}.variants.${i}`;
          if (!isRecord(entry)) fail(at, "must be { variant, weight }");
          const name = nonEmptyString(entry.variant, `${at}.variant`);
          if (!variants || !Object.hasOwn(variants, name)) fail(`${at}.variant`, `unknown variant "${name}"`);
          const weight = entry.weight;
          if (typeof weight !== "number" || !Number.isSafeInteger(weight) || weight < 0) {
            fail(`${at}.weight`, "must be a non-negative integer");
          }
          total += weight;
          return { variant: name, weight };
        });
        if (total <= 0) fail(`${path}.variants`, "weights must add up to more than 0");
        condition.variants = split;
      }
      break;
    }
    case "schedule": {
      condition = {};
      for (const bound of ["from", "until"] as const) {
        if (raw[bound] === undefined) continue;
        if (typeof raw[bound] !== "string" || parseInstant(raw[bound]) === undefined) {
          fail(`${path}.${bound}`, "must be an ISO-8601 date-time");
        }
        condition[bound] = raw[bound];
      }
      if (
        condition.from !== undefined &&
        condition.until !== undefined &&
        (parseInstant(condition.from) as number) > (parseInstant(condition.until) as number)
      ) {
        fail(`${path}.until`, "must not be before from");
      }
      break;
    }
    case "custom":
      condition = { evaluator: nonEmptyString(raw.evaluator, `${path}.evaluator`) };
      if (raw.params !== undefined) {
        if (!isJsonValue(raw.params)) fail(`${path}.params`, "must be JSON");
        condition.params = raw.params;
      }
      break;
    default:
      fail(`${path}.type`, "unknown rule type");
  }
  const splits = ruleType === "rollout" && condition.variants !== undefined;
  const hasValue = raw.value !== undefined;
  const hasVariant = raw.variant !== undefined;
  if (hasValue && hasVariant) fail(path, "give either value or variant, not both");
  if (splits && (hasValue || hasVariant))
    fail(path, "a rollout with variants returns the picked variant; drop value/variant");
  if (!splits && !hasValue && !hasVariant) fail(path, "needs a value or a variant to return when it matches");
  if (hasValue) common.value = checkValue(type, raw.value, `${path}.value`);
  if (hasVariant) {
    const name = nonEmptyString(raw.variant, `${path}.variant`);
    if (!variants || !Object.hasOwn(variants, name)) fail(`${path}.variant`, `unknown variant "${name}"`);
    common.variant = name;
  }
  return { ...common, ...condition } as unknown as FlagRule;
}

/**
 * Check one flag definition the way the engine will read it and return it normalised (rules sorted by priority).
 * Throws {@link FlagDefinitionError}: TYPE_MISMATCH for a value of the wrong type, VALIDATION for anything else.
 */
export function checkFlag(raw: unknown): SnapshotFlag {
  if (!isRecord(raw)) fail("", "a flag must be an object");
  const key = nonEmptyString(raw.key, "key");
  const type = raw.type;
  if (typeof type !== "string" || !(FLAG_TYPES as readonly string[]).includes(type)) {
    fail("type", `must be one of ${FLAG_TYPES.join(", ")}`);
  }
  const flagType = type as FlagType;
  if (typeof raw.enabled !== "boolean") fail("enabled", "must be a boolean");
  const defaultValue = checkValue(flagType, raw.defaultValue, "defaultValue");
  let variants: Record<string, JsonValue> | undefined;
  if (raw.variants !== undefined && raw.variants !== null) {
    if (!isRecord(raw.variants)) fail("variants", "must be an object of name → value");
    variants = {};
    for (const [name, value] of Object.entries(raw.variants)) {
      if (name.length === 0) fail("variants", "variant names must not be empty");
      Object.defineProperty(variants, name, {
        value: checkValue(flagType, value, `variants.${name}`),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  let prerequisites: Prerequisite[] | undefined;
  if (raw.prerequisites !== undefined && raw.prerequisites !== null) {
    if (!Array.isArray(raw.prerequisites)) fail("prerequisites", "must be a list of { flagKey, value }");
    prerequisites = raw.prerequisites.map((p: unknown, i: number) => {
      if (!isRecord(p)) fail(`prerequisites.${i}`, "must be { flagKey, value }");
      const flagKey = nonEmptyString(p.flagKey, `prerequisites.${i}.flagKey`);
      if (flagKey === key) fail(`prerequisites.${i}.flagKey`, `a flag cannot require itself (${key} → ${key})`);
      if (p.value === undefined || p.value === null || !isJsonValue(p.value)) {
        fail(`prerequisites.${i}.value`, "must be a JSON value (not null)");
      }
      return { flagKey, value: p.value };
    });
  }
  let rules: FlagRule[] = [];
  if (raw.rules !== undefined && raw.rules !== null) {
    if (!Array.isArray(raw.rules)) fail("rules", "must be a list");
    rules = raw.rules.map((rule: unknown, i: number) => checkRule(rule, `rules.${i}`, flagType, variants));
    const priorities = new Set<number>();
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      if (priorities.has(rule.priority)) fail(`rules.${i}.priority`, `priority ${rule.priority} is used twice`);
      if (ids.has(rule.id)) fail(`rules.${i}.id`, `rule id ${rule.id} is used twice`);
      priorities.add(rule.priority);
      ids.add(rule.id);
    });
    rules.sort((a, b) => a.priority - b.priority);
  }
  let overrides: TenantOverride[] | undefined;
  if (raw.overrides !== undefined && raw.overrides !== null) {
    if (!Array.isArray(raw.overrides)) fail("overrides", "must be a list of { tenantId, value }");
    const tenants = new Set<string>();
    overrides = raw.overrides.map((o: unknown, i: number) => {
      if (!isRecord(o)) fail(`overrides.${i}`, "must be { tenantId, value }");
      const tenantId = nonEmptyString(o.tenantId, `overrides.${i}.tenantId`);
      if (tenants.has(tenantId)) fail(`overrides.${i}.tenantId`, `tenant ${tenantId} is overridden twice`);
      tenants.add(tenantId);
      return { tenantId, value: checkValue(flagType, o.value, `overrides.${i}.value`) };
    });
  }
  const flag: SnapshotFlag = { key, type: flagType, defaultValue, enabled: raw.enabled, rules };
  if (variants) flag.variants = variants;
  if (prerequisites) flag.prerequisites = prerequisites;
  if (overrides) flag.overrides = overrides;
  if (typeof raw.version === "number") flag.version = raw.version;
  return flag;
}

// ---------------------------------------------------------------------------------------------------------------
// Compilation: rules become closures; operands, dates and semver are parsed and hash prefixes encoded once.

type Primitive = string | number | boolean;

function isPrimitive(value: unknown): value is Primitive {
  return (
    typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
  );
}

/** The attribute test of a `when_attribute` rule (`value` is present: neither undefined nor null). */
function compileOperator(op: AttributeOperator, values: Primitive[], path: string): (value: unknown) => boolean {
  const strings = values.map(String);
  const set = new Set(strings);
  switch (op) {
    case "in":
    case "eq":
      return (v) =>
        Array.isArray(v) ? v.some((x) => isPrimitive(x) && set.has(String(x))) : isPrimitive(v) && set.has(String(v));
    case "not_in":
    case "neq":
      return (v) =>
        Array.isArray(v) ? !v.some((x) => isPrimitive(x) && set.has(String(x))) : isPrimitive(v) && !set.has(String(v));
    case "starts_with":
      return (v) => typeof v === "string" && strings.some((s) => v.startsWith(s));
    case "ends_with":
      return (v) => typeof v === "string" && strings.some((s) => v.endsWith(s));
    case "contains":
      return (v) =>
        typeof v === "string"
          ? strings.some((s) => v.includes(s))
          : Array.isArray(v) && v.some((x) => isPrimitive(x) && set.has(String(x)));
    case "lt":
    case "lte":
    case "gt":
    case "gte": {
      const bound = parseNumber(values[0]);
      if (bound === undefined) fail(path, `operator ${op} needs a number`);
      if (op === "lt") return (v) => (parseNumber(v) ?? Number.NaN) < bound;
      if (op === "lte") return (v) => (parseNumber(v) ?? Number.NaN) <= bound;
      if (op === "gt") return (v) => (parseNumber(v) ?? Number.NaN) > bound;
      return (v) => (parseNumber(v) ?? Number.NaN) >= bound;
    }
    case "semver_eq":
    case "semver_lt":
    case "semver_gt": {
      const bound = parseSemver(String(values[0]));
      if (!bound) fail(path, `operator ${op} needs a semantic version like 1.2.3`);
      // One-entry cache: services usually evaluate many flags for the same app version.
      let lastText: string | undefined;
      let lastParsed: SemVer | undefined;
      const cmp = (v: unknown): number => {
        if (typeof v !== "string") return Number.NaN;
        if (v !== lastText) {
          lastText = v;
          lastParsed = parseSemver(v);
        }
        return lastParsed ? compareSemver(lastParsed, bound) : Number.NaN;
      };
      if (op === "semver_eq") return (v) => cmp(v) === 0;
      if (op === "semver_lt") return (v) => cmp(v) < 0;
      return (v) => cmp(v) > 0;
    }
    case "before":
    case "after": {
      const bound = parseInstant(values[0]);
      if (bound === undefined) fail(path, `operator ${op} needs an ISO-8601 date-time or epoch milliseconds`);
      if (op === "before") return (v) => (parseInstant(v) ?? Number.NaN) < bound;
      return (v) => (parseInstant(v) ?? Number.NaN) > bound;
    }
    default:
      fail(path, `unknown operator ${String(op)}`);
  }
}

function readAttribute(ctx: EvaluationContext, name: string): unknown {
  const attributes = ctx.attributes;
  if (typeof attributes !== "object" || attributes === null) return undefined;
  // Own properties only: an attribute named "constructor" must not find Object.prototype.constructor.
  return Object.hasOwn(attributes, name) ? (attributes as Record<string, unknown>)[name] : undefined;
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

function compileRule(
  flag: SnapshotFlag,
  rule: FlagRule,
  clock: EngineClock,
  customEvaluators: CompileOptions["customEvaluators"],
): RuleFn {
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
      const test = compileOperator(rule.operator, rule.values, "values");
      const name = rule.attribute;
      return (ctx) => {
        const value = readAttribute(ctx, name);
        return value !== undefined && value !== null && test(value) ? outcome : null;
      };
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

function compileFlag(
  flag: SnapshotFlag,
  lookup: (key: string) => CompiledFlag | undefined,
  clock: EngineClock,
  customEvaluators: CompileOptions["customEvaluators"],
): CompiledFlag {
  const key = flag.key;
  const rules = flag.rules ?? [];
  const prerequisites = flag.prerequisites ?? [];
  const overrides = new Map<string, EvaluationResult>();
  for (const o of flag.overrides ?? []) {
    overrides.set(o.tenantId, freezeResult({ value: o.value, reason: "TARGETING_MATCH" }));
  }
  const dynamic = rules.length > 0 || overrides.size > 0 || prerequisites.length > 0;
  const fallback = freezeResult({ value: flag.defaultValue, reason: dynamic ? "DEFAULT" : "STATIC" });
  const disabled = freezeResult({ value: flag.defaultValue, reason: "DISABLED" });
  const tooDeep = errorResult(
    "GENERAL",
    `flag "${key}": prerequisites nest deeper than ${MAX_PREREQUISITE_DEPTH} (a cycle?)`,
  );
  const unmet = prerequisites.map((p) =>
    freezeResult({ value: flag.defaultValue, reason: "DEFAULT", detail: `prerequisite "${p.flagKey}" not met` }),
  );
  const ruleFns = rules.map((rule) => compileRule(flag, rule, clock, customEvaluators));
  const ruleCount = ruleFns.length;
  const hasOverrides = overrides.size > 0;

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

/**
 * The first prerequisite cycle in `graph` (flag key → keys it requires), as a path that starts and ends with the
 * same key (`a → b → a`); undefined when there is none. Edges to keys missing from the graph are ignored.
 */
export function prerequisiteCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 1 | 2>(); // 1: on the current path, 2: done
  const path: string[] = [];
  const visit = (key: string): string[] | undefined => {
    state.set(key, 1);
    path.push(key);
    for (const next of graph.get(key) ?? []) {
      if (!graph.has(next)) continue;
      const seen = state.get(next);
      if (seen === 1) return [...path.slice(path.indexOf(next)), next];
      if (seen === undefined) {
        const found = visit(next);
        if (found) return found;
      }
    }
    path.pop();
    state.set(key, 2);
    return undefined;
  };
  for (const key of graph.keys()) {
    if (state.has(key)) continue;
    const found = visit(key);
    if (found) return found;
  }
  return undefined;
}

function brokenFlag(key: string, message: string): CompiledFlag {
  const result = errorResult("PARSE_ERROR", `flag "${key}" cannot be evaluated: ${message}`);
  return { key, evaluate: () => result };
}

/**
 * Compile a snapshot into an evaluator. Never throws: a flag that does not check out evaluates to PARSE_ERROR (and
 * is listed in `problems`); a snapshot that is not a snapshot compiles to no flags.
 */
export function compileSnapshot(snapshot: FlagSnapshot | unknown, options: CompileOptions = {}): FlagEvaluator {
  const clock = options.clock ?? { now: () => new Date() };
  const source = isRecord(snapshot) ? snapshot : {};
  const revision = typeof source.revision === "number" ? source.revision : 0;
  const appId = typeof source.appId === "string" ? source.appId : "";
  const rawFlags: unknown[] = Array.isArray(source.flags) ? source.flags : [];
  const problems: { flagKey: string; message: string }[] = [];
  const flags = new Map<string, CompiledFlag>();
  const checked = new Map<string, SnapshotFlag>();
  const lookup = (key: string) => flags.get(key);
  for (const raw of rawFlags) {
    const key = isRecord(raw) && typeof raw.key === "string" ? raw.key : undefined;
    if (key === undefined) {
      problems.push({ flagKey: "", message: "a flag without a string key was ignored" });
      continue;
    }
    if (flags.has(key)) {
      problems.push({ flagKey: key, message: "duplicate flag key" });
      flags.set(key, brokenFlag(key, "duplicate flag key"));
      checked.delete(key);
      continue;
    }
    try {
      // Copy then freeze: results share values with the compiled flag, and callers must not be able to change them.
      const flag = deepFreeze(checkFlag(cloneJson(raw)));
      checked.set(key, flag);
      flags.set(key, compileFlag(flag, lookup, clock, options.customEvaluators));
    } catch (error) {
      const message = error instanceof Error ? error.message : "invalid flag";
      problems.push({ flagKey: key, message });
      flags.set(key, brokenFlag(key, message));
    }
  }
  // A prerequisite cycle cannot be evaluated; the service rejects them on write, a hand-made snapshot may have one.
  const graph = new Map<string, string[]>();
  for (const [key, flag] of checked)
    graph.set(
      key,
      (flag.prerequisites ?? []).map((p) => p.flagKey),
    );
  for (let cycle = prerequisiteCycle(graph); cycle; cycle = prerequisiteCycle(graph)) {
    const message = `prerequisite cycle ${cycle.join(" → ")}`;
    for (const key of new Set(cycle)) {
      problems.push({ flagKey: key, message });
      flags.set(key, brokenFlag(key, message));
      graph.delete(key);
    }
  }
  const compiled = [...flags.values()];
  const keys = Object.freeze(compiled.map((f) => f.key));
  const general = errorResult("GENERAL", "evaluation failed");

  const evaluate = (flagKey: string, context?: EvaluationContext): EvaluationResult => {
    const flag = typeof flagKey === "string" ? flags.get(flagKey) : undefined;
    if (flag === undefined) return errorResult("FLAG_NOT_FOUND", `flag "${String(flagKey)}" not found`);
    const ctx = typeof context === "object" && context !== null ? context : EMPTY_CONTEXT;
    try {
      return flag.evaluate(ctx, 0);
    } catch {
      // Only a hostile context (a throwing getter) gets here; the engine itself does not throw.
      return general;
    }
  };

  return Object.freeze({
    revision,
    appId,
    keys,
    problems: Object.freeze(problems),
    has: (flagKey: string) => flags.has(flagKey),
    evaluate,
    evaluateAll(context?: EvaluationContext) {
      const ctx = typeof context === "object" && context !== null ? context : EMPTY_CONTEXT;
      const out: Record<string, EvaluationResult> = {};
      for (let i = 0; i < compiled.length; i++) {
        const flag = compiled[i] as CompiledFlag;
        let result: EvaluationResult;
        try {
          result = flag.evaluate(ctx, 0);
        } catch {
          result = general;
        }
        if (flag.key === "__proto__") Object.defineProperty(out, flag.key, { value: result, enumerable: true });
        else out[flag.key] = result;
      }
      return out;
    },
    bool(flagKey: string, context: EvaluationContext | undefined, defaultValue: boolean): boolean {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "boolean" ? r.value : defaultValue;
    },
    string(flagKey: string, context: EvaluationContext | undefined, defaultValue: string): string {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "string" ? r.value : defaultValue;
    },
    int(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "number" && Number.isSafeInteger(r.value)
        ? r.value
        : defaultValue;
    },
    float(flagKey: string, context: EvaluationContext | undefined, defaultValue: number): number {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && typeof r.value === "number" && Number.isFinite(r.value)
        ? r.value
        : defaultValue;
    },
    json<T = JsonValue>(flagKey: string, context: EvaluationContext | undefined, defaultValue: T): T {
      const r = evaluate(flagKey, context);
      return r.errorCode === undefined && r.value !== null && r.value !== undefined ? (r.value as T) : defaultValue;
    },
  });
}
