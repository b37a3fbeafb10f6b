// The definition checker: a stored or hand-written flag becomes a normalised SnapshotFlag, or a FlagDefinitionError
// that names the field. The service checks every write with it; compileSnapshot checks every flag it loads.

import { isJsonValue, isRecord, type JsonValue } from "../json";
import { checkCondition, checkConditions } from "./conditions";
import { fail } from "./errors";
import {
  FLAG_TYPES,
  type FlagRule,
  type FlagType,
  type Prerequisite,
  type RegexEngine,
  type RolloutVariant,
  RULE_TYPES,
  type SnapshotFlag,
  type TenantOverride,
  type UserOverride,
} from "./types";
import { fitsType, parseInstant } from "./values";

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

/** Most segments one rule may name. */
export const MAX_RULE_SEGMENTS = 20;

/** What checking a flag may use besides the flag. */
export interface CheckOptions {
  /** Compile `regex` patterns with it (the service passes one, so a pattern it cannot run is refused on write). */
  regexEngine?: RegexEngine;
}

function checkRule(
  raw: unknown,
  path: string,
  type: FlagType,
  variants: Record<string, JsonValue> | undefined,
  options: CheckOptions,
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
      const { attribute, operator, values, inverted, caseInsensitive } = checkCondition(raw, path, options.regexEngine);
      condition = { attribute, operator };
      if (values !== undefined) condition.values = values;
      if (inverted) condition.inverted = true;
      if (caseInsensitive) condition.caseInsensitive = true;
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
  if (raw.constraints !== undefined) {
    const constraints = checkConditions(raw.constraints, `${path}.constraints`, options.regexEngine);
    if (constraints.length > 0) common.constraints = constraints;
  }
  if (raw.segments !== undefined) {
    if (!Array.isArray(raw.segments)) fail(`${path}.segments`, "must be a list of segment keys");
    if (raw.segments.length > MAX_RULE_SEGMENTS) fail(`${path}.segments`, `names at most ${MAX_RULE_SEGMENTS}`);
    const keys = raw.segments.map((key: unknown, i: number) => nonEmptyString(key, `${path}.segments.${i}`));
    const twice = keys.find((key, i) => keys.indexOf(key) !== i);
    if (twice !== undefined) fail(`${path}.segments`, `segment "${twice}" is named twice`);
    if (keys.length > 0) common.segments = keys;
  }
  return { ...common, ...condition } as unknown as FlagRule;
}

/**
 * Check one flag definition the way the engine will read it and return it normalised (rules sorted by priority).
 * Throws {@link FlagDefinitionError}: TYPE_MISMATCH for a value of the wrong type, VALIDATION for anything else.
 */
export function checkFlag(raw: unknown, options: CheckOptions = {}): SnapshotFlag {
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
    rules = raw.rules.map((rule: unknown, i: number) => checkRule(rule, `rules.${i}`, flagType, variants, options));
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
  let userOverrides: UserOverride[] | undefined;
  if (raw.userOverrides !== undefined && raw.userOverrides !== null) {
    if (!Array.isArray(raw.userOverrides)) fail("userOverrides", "must be a list of { userId, value }");
    const users = new Set<string>();
    userOverrides = raw.userOverrides.map((o: unknown, i: number) => {
      if (!isRecord(o)) fail(`userOverrides.${i}`, "must be { userId, value }");
      const userId = nonEmptyString(o.userId, `userOverrides.${i}.userId`);
      if (users.has(userId)) fail(`userOverrides.${i}.userId`, `user ${userId} is overridden twice`);
      users.add(userId);
      return { userId, value: checkValue(flagType, o.value, `userOverrides.${i}.value`) };
    });
  }
  const flag: SnapshotFlag = { key, type: flagType, defaultValue, enabled: raw.enabled, rules };
  if (variants) flag.variants = variants;
  if (prerequisites) flag.prerequisites = prerequisites;
  if (overrides) flag.overrides = overrides;
  if (userOverrides && userOverrides.length > 0) flag.userOverrides = userOverrides;
  if (typeof raw.version === "number") flag.version = raw.version;
  return flag;
}
