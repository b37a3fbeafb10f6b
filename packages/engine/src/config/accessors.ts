// Typed reads of one config value: the value when it has the asked-for shape, else the caller's default. They never
// throw, so a missing or mistyped setting degrades to the default the code was written with.

import { parseDuration } from "./values";

/** A string, else `defaultValue`. */
export function asString(value: unknown, defaultValue: string): string {
  return typeof value === "string" ? value : defaultValue;
}

/** A boolean, else `defaultValue`. */
export function asBool(value: unknown, defaultValue: boolean): boolean {
  return typeof value === "boolean" ? value : defaultValue;
}

/** An integral number (a safe integer), else `defaultValue`. */
export function asInt(value: unknown, defaultValue: number): number {
  return Number.isSafeInteger(value) ? (value as number) : defaultValue;
}

/** Any finite number, else `defaultValue`. */
export function asFloat(value: unknown, defaultValue: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : defaultValue;
}

/** A duration in milliseconds from `"1m30s"`, `"500ms"`, `"2h"`, `"1h30m"` or a number of ms, else `defaultValue`. */
export function asDuration(value: unknown, defaultValue: number): number {
  return parseDuration(value) ?? defaultValue;
}

/** An object or array, else `defaultValue`. The value is returned as it is (resolved values are frozen). */
export function asJson<T = unknown>(value: unknown, defaultValue: T): T {
  return typeof value === "object" && value !== null ? (value as T) : defaultValue;
}
