// The attribute operators of conditions and `when_attribute` rules. Operands are parsed (and patterns compiled)
// once, when a rule is checked or compiled; the returned test only reads the attribute value.

import { fail } from "./errors";
import { inRange, parseCidr, parseIp } from "./ip";
import { type AttributeOperator, CASE_INSENSITIVE_OPERATORS, type RegexEngine } from "./types";
import { compareSemver, parseInstant, parseNumber, parseSemver, type SemVer } from "./values";

export type Primitive = string | number | boolean;

function isPrimitive(value: unknown): value is Primitive {
  return (
    typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
  );
}

/** Operators that compare against exactly one value. */
export const ONE_VALUE_OPERATORS = new Set<AttributeOperator>([
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
]);

/** How many parsed versions each semver condition keeps (then it starts over). */
const SEMVER_CACHE_SIZE = 256;

/** Operators whose operands must be strings. */
const STRING_OPERATORS = new Set<AttributeOperator>(["starts_with", "ends_with", "regex", "cidr"]);

const CASE_INSENSITIVE = new Set<AttributeOperator>(CASE_INSENSITIVE_OPERATORS);

/** How an operator is compiled: its options, and the regex engine for `regex`. */
export interface OperatorOptions {
  caseInsensitive?: boolean;
  regexEngine?: RegexEngine;
}

/** Thrown by compileOperator for a `regex` operator when no regex engine was given (the rule is then skipped). */
export class NoRegexEngine extends Error {}

/**
 * Check an operator's operands (count, type, parseable) without compiling patterns; throws FlagDefinitionError for
 * the field at `path` (the condition: `rules.2.constraints.1`). Returns the operands to store.
 */
export function checkOperands(
  op: AttributeOperator,
  values: unknown,
  caseInsensitive: boolean,
  path: string,
): Primitive[] {
  if (caseInsensitive && !CASE_INSENSITIVE.has(op)) {
    fail(`${path}.caseInsensitive`, `operator ${op} does not compare text: drop caseInsensitive`);
  }
  if (op === "exists") {
    if (values !== undefined && !(Array.isArray(values) && values.length === 0)) {
      fail(`${path}.values`, "operator exists takes no values");
    }
    return [];
  }
  if (!Array.isArray(values) || values.length === 0 || !values.every(isPrimitive)) {
    fail(`${path}.values`, `operator ${op} needs a non-empty list of strings, numbers or booleans`);
  }
  if (ONE_VALUE_OPERATORS.has(op) && values.length !== 1) {
    fail(`${path}.values`, `operator ${op} takes exactly one value`);
  }
  if (STRING_OPERATORS.has(op)) {
    const i = values.findIndex((v) => typeof v !== "string");
    if (i !== -1) fail(`${path}.values.${i}`, `operator ${op} takes strings`);
  }
  return [...values];
}

/**
 * The attribute test (`value` is present: neither undefined nor null). Throws FlagDefinitionError for an operand it
 * cannot parse (at `path`, the condition's values), and {@link NoRegexEngine} for `regex` without an engine.
 */
export function compileOperator(
  op: AttributeOperator,
  values: Primitive[],
  path: string,
  options: OperatorOptions = {},
): (value: unknown) => boolean {
  const fold = options.caseInsensitive === true;
  const strings = values.map((v) => (fold ? String(v).toLowerCase() : String(v)));
  const set = new Set(strings);
  const text = fold ? (v: string) => v.toLowerCase() : (v: string) => v;
  const member = (x: unknown) => isPrimitive(x) && set.has(text(String(x)));
  switch (op) {
    case "in":
    case "eq":
      return (v) => (Array.isArray(v) ? v.some(member) : member(v));
    case "not_in":
    case "neq":
      return (v) => (Array.isArray(v) ? !v.some(member) : isPrimitive(v) && !member(v));
    case "starts_with":
      return (v) => typeof v === "string" && strings.some((s) => text(v).startsWith(s));
    case "ends_with":
      return (v) => typeof v === "string" && strings.some((s) => text(v).endsWith(s));
    case "contains":
      return (v) =>
        typeof v === "string" ? strings.some((s) => text(v).includes(s)) : Array.isArray(v) && v.some(member);
    case "regex": {
      const engine = options.regexEngine;
      if (engine === undefined) throw new NoRegexEngine("regex conditions need a regex engine");
      const tests = values.map((pattern, i) => {
        try {
          return engine.compile(String(pattern), { caseInsensitive: fold });
        } catch (error) {
          const why = error instanceof Error ? error.message : String(error);
          return fail(`${path}.${i}`, `pattern ${JSON.stringify(pattern)} is not one the regex engine runs: ${why}`);
        }
      });
      if (tests.length === 1) {
        const test = tests[0] as (text: string) => boolean;
        return (v) => typeof v === "string" && test(v);
      }
      return (v) => typeof v === "string" && tests.some((test) => test(v));
    }
    case "cidr": {
      const ranges = values.map((range, i) => {
        const parsed = parseCidr(String(range));
        if (!parsed)
          fail(`${path}.${i}`, `${JSON.stringify(range)} is not a CIDR range like 10.0.0.0/8 or 2001:db8::/32`);
        return parsed;
      });
      return (v) => {
        if (typeof v !== "string") return false;
        const address = parseIp(v);
        return address !== undefined && ranges.some((range) => inRange(address, range));
      };
    }
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
    case "semver_lte":
    case "semver_gt":
    case "semver_gte": {
      const bound = parseSemver(String(values[0]));
      if (!bound) fail(path, `operator ${op} needs a semantic version like 1.2.3`);
      // A small cache of parsed versions: a service sees few app versions, and parsing is most of the cost.
      const parsed = new Map<string, SemVer | null>();
      const cmp = (v: unknown): number => {
        if (typeof v !== "string") return Number.NaN;
        let version = parsed.get(v);
        if (version === undefined) {
          if (parsed.size >= SEMVER_CACHE_SIZE) parsed.clear();
          version = parseSemver(v) ?? null;
          parsed.set(v, version);
        }
        return version ? compareSemver(version, bound) : Number.NaN;
      };
      if (op === "semver_eq") return (v) => cmp(v) === 0;
      if (op === "semver_lt") return (v) => cmp(v) < 0;
      if (op === "semver_lte") return (v) => cmp(v) <= 0;
      if (op === "semver_gt") return (v) => cmp(v) > 0;
      return (v) => cmp(v) >= 0;
    }
    case "before":
    case "after": {
      const bound = parseInstant(values[0]);
      if (bound === undefined) fail(path, `operator ${op} needs an ISO-8601 date-time or epoch milliseconds`);
      if (op === "before") return (v) => (parseInstant(v) ?? Number.NaN) < bound;
      return (v) => (parseInstant(v) ?? Number.NaN) > bound;
    }
    case "exists":
      return () => true;
    default:
      fail(path, `unknown operator ${String(op)}`);
  }
}
