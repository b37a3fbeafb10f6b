// Config value types: which values an entry of each type holds, what a value's type is when none is given, and
// durations. The server checks every write with these; a service reading a snapshot reads values by the same rules.

/** The types a config value can have. `duration` is never inferred: ask for it with `valueType: "duration"`. */
export const CONFIG_VALUE_TYPES = ["string", "bool", "int", "float", "duration", "json"] as const;
export type ConfigValueType = (typeof CONFIG_VALUE_TYPES)[number];

const MAX_DEPTH = 64;

/**
 * True for values JSON (and Postgres jsonb) can carry unchanged: no undefined, functions, NaN/Infinity, class
 * instances, cycles, or NUL characters in strings (jsonb rejects `\u0000`).
 */
export function isConfigJsonValue(value: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  if (value === null) return true;
  switch (typeof value) {
    case "string":
      return !value.includes("\u0000");
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object": {
      if (Array.isArray(value)) return value.every((item) => isConfigJsonValue(item, depth + 1));
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.entries(value as Record<string, unknown>).every(
        ([key, item]) => !key.includes("\u0000") && isConfigJsonValue(item, depth + 1),
      );
    }
    default:
      return false;
  }
}

/**
 * The type a value gets on its first write when none is given: strings → `string`, booleans → `bool`, safe
 * integers → `int`, other finite numbers → `float`, objects and arrays → `json`. Anything else (null, NaN, undefined,
 * functions) is not a config value: `undefined`.
 */
export function inferValueType(value: unknown): ConfigValueType | undefined {
  switch (typeof value) {
    case "string":
      return isConfigJsonValue(value) ? "string" : undefined;
    case "boolean":
      return "bool";
    case "number":
      if (Number.isSafeInteger(value)) return "int";
      return Number.isFinite(value) ? "float" : undefined;
    case "object":
      return value !== null && isConfigJsonValue(value) ? "json" : undefined;
    default:
      return undefined;
  }
}

/** Whether `value` is a valid value of `type`. `float` accepts integers; `duration` a duration string or ms ≥ 0. */
export function conformsTo(type: ConfigValueType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string" && isConfigJsonValue(value);
    case "bool":
      return typeof value === "boolean";
    case "int":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "duration":
      return parseDuration(value) !== undefined;
    case "json":
      return typeof value === "object" && value !== null && isConfigJsonValue(value);
  }
}

/** What a value looks like, for TYPE_MISMATCH messages ("expected int, got string"). */
export function describeValueType(value: unknown): string {
  return inferValueType(value) ?? (value === null ? "null" : typeof value);
}

/** The outcome of {@link checkConfigValue}: the type the value is stored with, or why it is refused. */
export type ConfigValueCheck =
  | { ok: true; valueType: ConfigValueType }
  /** Not a config value at all: null, undefined, or not JSON that jsonb stores unchanged. */
  | { ok: false; problem: "not_json" }
  /** A config value, but not of the required type; `expected` and `actual` are for the message. */
  | { ok: false; problem: "type_mismatch"; expected: string; actual: string };

/**
 * Check a value against `type` (or infer its type when `type` is undefined) without throwing. @vault/config turns a
 * refusal into a VaultError; a snapshot reader drops the entry.
 */
export function checkConfigValue(value: unknown, type: ConfigValueType | undefined): ConfigValueCheck {
  if (value === undefined || value === null || !isConfigJsonValue(value)) return { ok: false, problem: "not_json" };
  const valueType = type ?? inferValueType(value);
  if (valueType === undefined || !conformsTo(valueType, value)) {
    const actual =
      type === "duration" && typeof value === "string" ? "string (not a duration)" : describeValueType(value);
    return { ok: false, problem: "type_mismatch", expected: type ?? "a config value", actual };
  }
  return { ok: true, valueType };
}

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(?:\d+(?:\.\d+)?(?:ms|s|m|h|d))+$/;
const PART = /(\d+(?:\.\d+)?)(ms|s|m|h|d)/g;

/**
 * A duration in milliseconds: a number of ms (finite, ≥ 0), or a string of `<number><unit>` parts with units `ms`,
 * `s`, `m`, `h`, `d` (`"1m30s"`, `"500ms"`, `"2h"`, `"1h30m"`, `"1.5s"`; `"0"` too). Anything else: `undefined`.
 */
export function parseDuration(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) && value >= 0 ? value : undefined;
  if (typeof value !== "string") return undefined;
  if (value === "0") return 0;
  if (value.length > 64 || !DURATION.test(value)) return undefined;
  let total = 0;
  for (const [, amount, unit] of value.matchAll(PART)) total += Number(amount) * UNIT_MS[unit!]!;
  return Number.isFinite(total) && total <= Number.MAX_SAFE_INTEGER ? total : undefined;
}
