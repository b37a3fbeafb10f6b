import { VaultError } from "@vault/core";
import { z } from "zod";

/** The types a config value can have. `duration` is never inferred: ask for it with `valueType: "duration"`. */
export const CONFIG_VALUE_TYPES = ["string", "bool", "int", "float", "duration", "json"] as const;
export type ConfigValueType = (typeof CONFIG_VALUE_TYPES)[number];
export const configValueTypeSchema = z.enum(CONFIG_VALUE_TYPES);

/** Largest accepted value, as JSON text (config is read on hot paths and cached in every process). */
export const MAX_VALUE_BYTES = 256 * 1024;
const MAX_DEPTH = 64;

/**
 * True for values JSON (and Postgres jsonb) can carry unchanged: no undefined, functions, NaN/Infinity, class
 * instances, cycles, or NUL characters in strings (jsonb rejects `\u0000`).
 */
export function isJsonValue(value: unknown, depth = 0): boolean {
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
      if (Array.isArray(value)) return value.every((item) => isJsonValue(item, depth + 1));
      const proto = Object.getPrototypeOf(value);
      if (proto !== Object.prototype && proto !== null) return false;
      return Object.entries(value as Record<string, unknown>).every(
        ([key, item]) => !key.includes("\u0000") && isJsonValue(item, depth + 1),
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
      return isJsonValue(value) ? "string" : undefined;
    case "boolean":
      return "bool";
    case "number":
      if (Number.isSafeInteger(value)) return "int";
      return Number.isFinite(value) ? "float" : undefined;
    case "object":
      return value !== null && isJsonValue(value) ? "json" : undefined;
    default:
      return undefined;
  }
}

/** Whether `value` is a valid value of `type`. `float` accepts integers; `duration` a duration string or ms ≥ 0. */
export function conformsTo(type: ConfigValueType, value: unknown): boolean {
  switch (type) {
    case "string":
      return typeof value === "string" && isJsonValue(value);
    case "bool":
      return typeof value === "boolean";
    case "int":
      return Number.isSafeInteger(value);
    case "float":
      return typeof value === "number" && Number.isFinite(value);
    case "duration":
      return parseDuration(value) !== undefined;
    case "json":
      return typeof value === "object" && value !== null && isJsonValue(value);
  }
}

/** What a value looks like, for TYPE_MISMATCH messages ("expected int, got string"). */
export function describeValueType(value: unknown): string {
  return inferValueType(value) ?? (value === null ? "null" : typeof value);
}

/**
 * Check a value for a write: it must be JSON, not too large, and (when `type` is known) of that type. Returns the
 * type the value is stored with. `what` names the object in error messages (`config "limit"`).
 */
export function checkValue(value: unknown, type: ConfigValueType | undefined, what: string): ConfigValueType {
  if (value === undefined || value === null || !isJsonValue(value)) {
    throw new VaultError(
      "VALIDATION",
      `invalid value for ${what}: a config value is a JSON string, number, boolean, object or array`,
      {
        details: { field: "value" },
      },
    );
  }
  const size = Buffer.byteLength(JSON.stringify(value), "utf8");
  if (size > MAX_VALUE_BYTES) {
    throw new VaultError("VALIDATION", `invalid value for ${what}: ${size} bytes of JSON, at most ${MAX_VALUE_BYTES}`, {
      details: { field: "value", size, max: MAX_VALUE_BYTES },
    });
  }
  const resolved = type ?? inferValueType(value);
  if (resolved === undefined || !conformsTo(resolved, value)) {
    const actual =
      type === "duration" && typeof value === "string" ? "string (not a duration)" : describeValueType(value);
    throw typeMismatch(what, type ?? "a config value", actual);
  }
  return resolved;
}

export function typeMismatch(what: string, expected: string, actual: string): VaultError {
  return new VaultError("TYPE_MISMATCH", `${what} expects ${expected}, got ${actual}`, {
    details: { expected, actual },
  });
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

/** Freeze a JSON value and everything in it, so a cached value handed to callers cannot be changed under the cache. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const item of Object.values(value)) deepFreeze(item);
  }
  return value;
}
