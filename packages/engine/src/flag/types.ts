// The snapshot format (plain JSON: what the service produces and SDKs load) and the evaluation result shape.

import type { JsonValue } from "../json";

/** The value type of a flag; every value a flag can return is checked against it. */
export type FlagType = "bool" | "string" | "int" | "float" | "json";
export const FLAG_TYPES: readonly FlagType[] = ["bool", "string", "int", "float", "json"];

/** Who and what a flag is evaluated for. Every field is optional; rules on a missing field do not match. */
export interface EvaluationContext {
  tenantId?: string;
  userId?: string;
  tenantTags?: readonly string[];
  attributes?: Readonly<Record<string, unknown>>;
}

export type AttributeOperator =
  | "in"
  | "not_in"
  | "eq"
  | "neq"
  | "starts_with"
  | "ends_with"
  | "contains"
  | "regex"
  | "lt"
  | "lte"
  | "gt"
  | "gte"
  | "semver_eq"
  | "semver_lt"
  | "semver_lte"
  | "semver_gt"
  | "semver_gte"
  | "before"
  | "after"
  | "cidr"
  | "exists";

export const ATTRIBUTE_OPERATORS: readonly AttributeOperator[] = [
  "in",
  "not_in",
  "eq",
  "neq",
  "starts_with",
  "ends_with",
  "contains",
  "regex",
  "lt",
  "lte",
  "gt",
  "gte",
  "semver_eq",
  "semver_lt",
  "semver_lte",
  "semver_gt",
  "semver_gte",
  "before",
  "after",
  "cidr",
  "exists",
];

/** Operators that compare strings, and so may be asked to ignore case. */
export const CASE_INSENSITIVE_OPERATORS: readonly AttributeOperator[] = [
  "in",
  "not_in",
  "eq",
  "neq",
  "starts_with",
  "ends_with",
  "contains",
  "regex",
];

/**
 * One attribute condition of a constraint list or a segment. `attribute` names an entry of the context's
 * `attributes`, except `tenantId`, `userId` and `tenantTags`, which read those fields of the context. A missing
 * attribute (absent or null) fails the condition, inverted or not; only `exists` answers for it (inverted: matches).
 */
export interface Condition {
  attribute: string;
  operator: AttributeOperator;
  /** The operands; none for `exists`. */
  values?: (string | number | boolean)[];
  /** Match when the operator does not hold (the attribute must still be present, except for `exists`). */
  inverted?: boolean;
  /** Compare strings ignoring case (string operators only). */
  caseInsensitive?: boolean;
}

/** A named, reusable constraint list of an app: a rule that names it matches only when all its conditions hold. */
export interface Segment {
  key: string;
  constraints: Condition[];
}

/**
 * Tests whether a pattern matches (anywhere in) a text in time linear in the text. The engine has no regular
 * expression engine of its own (it has no dependencies, and JavaScript's RegExp backtracks): the caller passes one,
 * such as an RE2 port (`@vault/flag` exports one over re2js). Without it, rules with `regex` conditions are skipped.
 */
export interface RegexEngine {
  /** Compile `pattern`, or throw when it is not one this engine runs (the message says why). */
  compile(pattern: string, options: { caseInsensitive: boolean }): (text: string) => boolean;
}

/** A weighted share of a rollout. `variant` names one of the flag's `variants`. */
export interface RolloutVariant {
  variant: string;
  weight: number;
}

/** What every rule has: identity, order, and what it returns when it matches (a value, or a named variant). */
export interface RuleCommon {
  id: string;
  /** Unique per flag; lower is tried first. */
  priority: number;
  /** Returned when the rule matches (checked against the flag's type). Exclusive with `variant`. */
  value?: JsonValue;
  /** The name of one of the flag's `variants`, returned when the rule matches. */
  variant?: string;
  description?: string;
  /** Conditions that must all hold for the rule to match (its audience); checked before the rule's own test. */
  constraints?: Condition[];
  /** Keys of the app's segments that must all match for the rule to match. */
  segments?: string[];
}

export type RuleCondition =
  | { type: "when_tenant"; tenants: string[] }
  | { type: "when_tenant_tag"; tags: string[] }
  | { type: "when_user"; users: string[] }
  | {
      type: "when_attribute";
      attribute: string;
      operator: AttributeOperator;
      /** The operands; none for `exists`. */
      values?: (string | number | boolean)[];
      inverted?: boolean;
      caseInsensitive?: boolean;
    }
  | {
      type: "rollout";
      /** 0–100, whole percent. */
      percentage: number;
      /** `tenant` (default), `user`, or the name of any attribute. */
      stickiness?: string;
      /** Hash namespace; defaults to the flag key. */
      groupId?: string;
      /** Weighted split among the flag's variants for those inside the rollout. */
      variants?: RolloutVariant[];
    }
  | { type: "schedule"; from?: string; until?: string }
  | { type: "custom"; evaluator: string; params?: JsonValue };

export type FlagRule = RuleCommon & RuleCondition;
/** A rule as callers write it: the service assigns `id`; `priority` defaults to the rule's position in the list. */
export type RuleInput = Omit<RuleCommon, "id" | "priority"> & { priority?: number } & RuleCondition;
export type RuleType = FlagRule["type"];
export const RULE_TYPES: readonly RuleType[] = [
  "when_tenant",
  "when_tenant_tag",
  "when_user",
  "when_attribute",
  "rollout",
  "schedule",
  "custom",
];

/** Flag X must evaluate to `value` (for the same context) before this flag's overrides and rules apply. */
export interface Prerequisite {
  flagKey: string;
  value: JsonValue;
}

export interface TenantOverride {
  tenantId: string;
  value: JsonValue;
}

/** An individual target: one user's own value of a flag. It beats the tenant's override. */
export interface UserOverride {
  userId: string;
  value: JsonValue;
}

/** One flag as the engine sees it. */
export interface SnapshotFlag {
  key: string;
  type: FlagType;
  defaultValue: JsonValue;
  enabled: boolean;
  /** Named values rules can return by name (`variant`) and rollouts can split between. */
  variants?: Record<string, JsonValue>;
  prerequisites?: Prerequisite[];
  rules?: FlagRule[];
  overrides?: TenantOverride[];
  /** Individual targets, checked before the tenant overrides. */
  userOverrides?: UserOverride[];
  version?: number;
}

/** The snapshot format this engine writes and reads. Format 1 (no `format` field) had no segments. */
export const SNAPSHOT_FORMAT = 2;

/** Everything needed to evaluate an app's flags, as plain JSON. */
export interface FlagSnapshot {
  /**
   * The format of this document (absent: 1). An engine refuses a format newer than its own: it evaluates every flag
   * of such a snapshot to PARSE_ERROR (callers get their defaults) rather than ignore rules it cannot read.
   */
  format?: number;
  revision: number;
  appId: string;
  flags: SnapshotFlag[];
  /** The app's segments, by key, for the rules that name them. */
  segments?: Segment[];
}

export type EvaluationReason = "STATIC" | "DEFAULT" | "TARGETING_MATCH" | "SPLIT" | "DISABLED" | "ERROR";
export type EvaluationErrorCode = "FLAG_NOT_FOUND" | "TYPE_MISMATCH" | "PARSE_ERROR" | "GENERAL";

/** The OpenFeature-shaped outcome of one evaluation. Results are frozen and may be shared between calls. */
export interface EvaluationResult {
  value: JsonValue;
  variant?: string;
  reason: EvaluationReason;
  ruleId?: string;
  errorCode?: EvaluationErrorCode;
  errorMessage?: string;
  /**
   * Why a result is what it is when that is not an error: a prerequisite that was not met, or a rule that was
   * skipped (a custom evaluator that is not registered or threw).
   */
  detail?: string;
}

/** A custom rule's predicate, registered with the engine by name. Only `true` matches. */
export type CustomEvaluator = (
  context: EvaluationContext,
  params: JsonValue | undefined,
  info: { flagKey: string; ruleId: string },
) => boolean;

/** Where the engine reads "now" (schedules). Structurally the same as `Clock` in @vault/core. */
export interface EngineClock {
  now(): Date;
}
