// The attribute operators of `when_attribute` rules. Operands are parsed once, when a rule is checked or compiled;
// the returned test only reads the attribute value.

import { fail } from "./errors";
import type { AttributeOperator } from "./types";
import { compareSemver, parseInstant, parseNumber, parseSemver, type SemVer } from "./values";

export type Primitive = string | number | boolean;

function isPrimitive(value: unknown): value is Primitive {
  return (
    typeof value === "string" || typeof value === "boolean" || (typeof value === "number" && Number.isFinite(value))
  );
}

/** The attribute test of a `when_attribute` rule (`value` is present: neither undefined nor null). */
export function compileOperator(op: AttributeOperator, values: Primitive[], path: string): (value: unknown) => boolean {
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

/** Operators that compare against exactly one value. */
export const ONE_VALUE_OPERATORS = new Set<AttributeOperator>([
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
