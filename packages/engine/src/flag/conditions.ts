// Conditions: one attribute test each, gathered into the constraint lists of rules and segments (all must hold).
// Checked when a flag or segment is written or loaded; compiled once into closures that only read the context.

import { isRecord } from "../json";
import { fail } from "./errors";
import { checkOperands, compileOperator, type OperatorOptions } from "./operators";
import {
  ATTRIBUTE_OPERATORS,
  type AttributeOperator,
  type Condition,
  type EvaluationContext,
  type RegexEngine,
} from "./types";

/** Most conditions one constraint list or segment may hold. */
export const MAX_CONDITIONS = 100;

export type ContextTest = (ctx: EvaluationContext) => boolean;

/** Read `attributes[name]`: own properties only, so "constructor" does not find Object.prototype.constructor. */
export function readAttribute(ctx: EvaluationContext, name: string): unknown {
  const attributes = ctx.attributes;
  if (typeof attributes !== "object" || attributes === null) return undefined;
  return Object.hasOwn(attributes, name) ? (attributes as Record<string, unknown>)[name] : undefined;
}

function reader(name: string): (ctx: EvaluationContext) => unknown {
  if (name === "tenantId") return (ctx) => ctx.tenantId;
  if (name === "userId") return (ctx) => ctx.userId;
  if (name === "tenantTags") return (ctx) => ctx.tenantTags;
  return (ctx) => readAttribute(ctx, name);
}

/**
 * Check one condition (at `path`, e.g. `rules.2.constraints.1`) and return it normalised. With a regex engine, `regex`
 * patterns are compiled too (the service checks them on write); without one only their shape is checked.
 */
export function checkCondition(raw: unknown, path: string, regexEngine?: RegexEngine): Condition {
  if (!isRecord(raw)) fail(path, "must be { attribute, operator, values?, inverted?, caseInsensitive? }");
  const attribute = raw.attribute;
  if (typeof attribute !== "string" || attribute.length === 0) fail(`${path}.attribute`, "must be a non-empty string");
  const operator = raw.operator;
  if (typeof operator !== "string" || !(ATTRIBUTE_OPERATORS as readonly string[]).includes(operator)) {
    fail(`${path}.operator`, `must be one of ${ATTRIBUTE_OPERATORS.join(", ")}`);
  }
  for (const flag of ["inverted", "caseInsensitive"] as const) {
    if (raw[flag] !== undefined && typeof raw[flag] !== "boolean") fail(`${path}.${flag}`, "must be a boolean");
  }
  const op = operator as AttributeOperator;
  const caseInsensitive = raw.caseInsensitive === true;
  const values = checkOperands(op, raw.values, caseInsensitive, path);
  // Parse operands now, so a bad one is refused where it is written rather than found at evaluation.
  if (op !== "regex" || regexEngine) compileOperator(op, values, `${path}.values`, { caseInsensitive, regexEngine });
  const condition: Condition = { attribute, operator: op };
  if (op !== "exists") condition.values = values;
  if (raw.inverted === true) condition.inverted = true;
  if (caseInsensitive) condition.caseInsensitive = true;
  return condition;
}

/** Check a constraint list (at `path`, e.g. `rules.2.constraints`). */
export function checkConditions(raw: unknown, path: string, regexEngine?: RegexEngine): Condition[] {
  if (!Array.isArray(raw)) fail(path, "must be a list of conditions");
  if (raw.length > MAX_CONDITIONS) fail(path, `holds at most ${MAX_CONDITIONS} conditions`);
  return raw.map((condition, i) => checkCondition(condition, `${path}.${i}`, regexEngine));
}

/**
 * One condition as a test of the context. A missing attribute (undefined or null) fails it, inverted or not, except
 * for `exists`, which is the question whether it is missing. Throws as compileOperator does.
 */
export function compileCondition(
  condition: Condition,
  path: string,
  options: OperatorOptions,
  read: (ctx: EvaluationContext) => unknown = reader(condition.attribute),
): ContextTest {
  const inverted = condition.inverted === true;
  if (condition.operator === "exists") {
    return (ctx) => {
      const value = read(ctx);
      return (value !== undefined && value !== null) !== inverted;
    };
  }
  const test = compileOperator(condition.operator, condition.values ?? [], `${path}.values`, {
    ...options,
    caseInsensitive: condition.caseInsensitive === true,
  });
  if (inverted) {
    return (ctx) => {
      const value = read(ctx);
      return value !== undefined && value !== null && !test(value);
    };
  }
  return (ctx) => {
    const value = read(ctx);
    return value !== undefined && value !== null && test(value);
  };
}

/** A constraint list as one test (all must hold); undefined for an empty list. */
export function compileConditions(
  conditions: readonly Condition[],
  path: string,
  options: OperatorOptions,
): ContextTest | undefined {
  const tests = conditions.map((c, i) => compileCondition(c, `${path}.${i}`, options));
  return allOf(tests);
}

/** Tests that must all pass, as one test; undefined when there are none. */
export function allOf(tests: readonly ContextTest[]): ContextTest | undefined {
  switch (tests.length) {
    case 0:
      return undefined;
    case 1:
      return tests[0];
    case 2: {
      const [a, b] = tests as [ContextTest, ContextTest];
      return (ctx) => a(ctx) && b(ctx);
    }
    case 3: {
      const [a, b, c] = tests as [ContextTest, ContextTest, ContextTest];
      return (ctx) => a(ctx) && b(ctx) && c(ctx);
    }
    default:
      return (ctx) => {
        for (let i = 0; i < tests.length; i++) if (!(tests[i] as ContextTest)(ctx)) return false;
        return true;
      };
  }
}
