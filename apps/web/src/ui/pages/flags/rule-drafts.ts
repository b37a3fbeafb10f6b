import type { components } from "@vault/client/api";
import type { JsonValue } from "../../api";
import { parseValue, type ValueType, valueToText } from "../../components/ValueInput";

export type NewRule = components["schemas"]["NewFlagRule"];
export type StoredRule = components["schemas"]["FlagRule"];
export type RuleType = NewRule["type"];
type Operator = Extract<NewRule, { type: "when_attribute" }>["operator"];

export const RULE_TYPES: { value: RuleType; label: string }[] = [
  { value: "when_tenant", label: "Tenants" },
  { value: "when_tenant_tag", label: "Tenant tags" },
  { value: "when_user", label: "Users" },
  { value: "when_attribute", label: "Attribute" },
  { value: "rollout", label: "Percentage rollout" },
  { value: "schedule", label: "Schedule" },
  { value: "custom", label: "Custom evaluator" },
];

/** The API's operators (the list is checked against the generated types: a removed one fails to compile). */
export const OPERATORS = [
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
] as const satisfies readonly Operator[];

/** A rule as the form holds it: every field as the person typed it, turned into a rule on save. */
export interface RuleDraft {
  uid: number;
  type: RuleType;
  names: string[];
  attribute: string;
  operator: Operator;
  values: string[];
  inverted: boolean;
  caseInsensitive: boolean;
  percentage: string;
  stickiness: string;
  groupId: string;
  split: { id: number; variant: string; weight: string }[];
  from: string;
  until: string;
  evaluator: string;
  paramsText: string;
  returns: "value" | "variant" | "nothing";
  valueText: string;
  variant: string;
  description: string;
  constraintsText: string;
  segments: string[];
}

let nextUid = 1;

/** A fresh id for a row of the form (React keys that survive reordering). */
export function newUid(): number {
  return nextUid++;
}

export function emptyDraft(type: RuleType, flagType: ValueType): RuleDraft {
  return {
    uid: newUid(),
    type,
    names: [],
    attribute: "",
    operator: "eq",
    values: [],
    inverted: false,
    caseInsensitive: false,
    percentage: "50",
    stickiness: "",
    groupId: "",
    split: [],
    from: "",
    until: "",
    evaluator: "",
    paramsText: "",
    returns: "value",
    valueText: flagType === "bool" ? "true" : valueToText(undefined, flagType),
    variant: "",
    description: "",
    constraintsText: "",
    segments: [],
  };
}

export function draftOf(rule: StoredRule, flagType: ValueType): RuleDraft {
  const draft = emptyDraft(rule.type, flagType);
  const r = rule as Record<string, unknown>;
  draft.names = (r.tenants ?? r.tags ?? r.users ?? []) as string[];
  if (rule.type === "when_attribute") {
    draft.attribute = rule.attribute;
    draft.operator = rule.operator;
    draft.values = (rule.values ?? []).map(String);
    draft.inverted = rule.inverted ?? false;
    draft.caseInsensitive = rule.caseInsensitive ?? false;
  }
  if (rule.type === "rollout") {
    draft.percentage = String(rule.percentage);
    draft.stickiness = rule.stickiness ?? "";
    draft.groupId = rule.groupId ?? "";
    draft.split = (rule.variants ?? []).map((v) => ({ id: newUid(), variant: v.variant, weight: String(v.weight) }));
  }
  if (rule.type === "schedule") {
    draft.from = rule.from ?? "";
    draft.until = rule.until ?? "";
  }
  if (rule.type === "custom") {
    draft.evaluator = rule.evaluator;
    draft.paramsText = rule.params === undefined ? "" : JSON.stringify(rule.params);
  }
  draft.returns = rule.variant !== undefined ? "variant" : rule.value !== undefined ? "value" : "nothing";
  draft.valueText = rule.value !== undefined ? valueToText(rule.value, flagType) : draft.valueText;
  draft.variant = rule.variant ?? "";
  draft.description = rule.description ?? "";
  draft.constraintsText = rule.constraints?.length ? JSON.stringify(rule.constraints, null, 2) : "";
  draft.segments = rule.segments ?? [];
  return draft;
}

/** The rule a draft describes, or the problems found before asking the API (by field). */
export function ruleOf(
  draft: RuleDraft,
  priority: number,
  flagType: ValueType,
): { rule: NewRule } | { errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const common: Record<string, unknown> = { priority };
  if (draft.returns === "value") {
    const parsed = parseValue(draft.valueText, flagType);
    if ("error" in parsed) errors.value = parsed.error;
    else common.value = parsed.value;
  } else if (draft.returns === "variant") common.variant = draft.variant;
  if (draft.description) common.description = draft.description;
  if (draft.segments.length > 0) common.segments = draft.segments;
  if (draft.constraintsText.trim()) {
    const parsed = parseValue(draft.constraintsText, "json");
    if ("error" in parsed) errors.constraints = parsed.error;
    else common.constraints = parsed.value;
  }
  let specific: Record<string, unknown> = {};
  switch (draft.type) {
    case "when_tenant":
      specific = { tenants: draft.names };
      break;
    case "when_tenant_tag":
      specific = { tags: draft.names };
      break;
    case "when_user":
      specific = { users: draft.names };
      break;
    case "when_attribute":
      specific = {
        attribute: draft.attribute,
        operator: draft.operator,
        ...(draft.operator === "exists" ? {} : { values: draft.values.map((v) => operand(v, draft.operator)) }),
        ...(draft.inverted ? { inverted: true } : {}),
        ...(draft.caseInsensitive ? { caseInsensitive: true } : {}),
      };
      break;
    case "rollout":
      specific = {
        percentage: Number(draft.percentage),
        ...(draft.stickiness ? { stickiness: draft.stickiness } : {}),
        ...(draft.groupId ? { groupId: draft.groupId } : {}),
        ...(draft.split.length > 0
          ? { variants: draft.split.map((s) => ({ variant: s.variant, weight: Number(s.weight) })) }
          : {}),
      };
      if (draft.percentage.trim() === "" || !Number.isInteger(Number(draft.percentage)))
        errors.percentage = "a whole percentage from 0 to 100";
      break;
    case "schedule":
      specific = { ...(draft.from ? { from: draft.from } : {}), ...(draft.until ? { until: draft.until } : {}) };
      break;
    case "custom": {
      specific = { evaluator: draft.evaluator };
      if (draft.paramsText.trim()) {
        const parsed = parseValue(draft.paramsText, "json");
        if ("error" in parsed) errors.params = parsed.error;
        else specific.params = parsed.value;
      }
      break;
    }
  }
  if (Object.keys(errors).length > 0) return { errors };
  return { rule: { type: draft.type, ...specific, ...common } as NewRule };
}

const NUMERIC_OPERATORS: readonly string[] = ["lt", "lte", "gt", "gte"];

/** Operands of the numeric comparisons are numbers; every other operand is text (a tenant "123" stays text). */
function operand(text: string, operator: Operator): JsonValue {
  return NUMERIC_OPERATORS.includes(operator) && Number.isFinite(Number(text)) ? Number(text) : text;
}
