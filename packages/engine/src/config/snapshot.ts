// A config snapshot: an app's entries and every tenant's overrides as plain JSON, compiled into an evaluator that
// resolves locally exactly as the server does (the same resolution functions), with typed accessors that never throw.

import { cloneJson, isRecord } from "../json";
import { asBool, asDuration, asFloat, asInt, asJson, asString } from "./accessors";
import {
  appLayer,
  type ConfigLayer,
  type ConfigValue,
  lookupConfigValue,
  mergeConfigValues,
  type ResolvedConfigValue,
  tenantLayer,
} from "./resolve";
import { CONFIG_VALUE_TYPES, type ConfigValueType, checkConfigValue } from "./values";

/** An app's config entry in a snapshot. */
export interface ConfigSnapshotEntry {
  key: string;
  value: unknown;
  valueType: ConfigValueType;
  /** The entry's version (1 on the first set, +1 on every set and rollback). */
  version: number;
}

/** One tenant's override of a key in a snapshot. */
export interface ConfigSnapshotOverride extends ConfigSnapshotEntry {
  tenantId: string;
}

/** Everything needed to resolve an app's config for any tenant, as plain JSON. */
export interface ConfigSnapshot {
  /** The app's config revision: moves on every entry and override write, so it makes a good ETag. */
  revision: number;
  appId: string;
  entries: ConfigSnapshotEntry[];
  overrides: ConfigSnapshotOverride[];
}

/** Something in a snapshot that was left out: readers of that key (and tenant) get what they would without it. */
export interface ConfigSnapshotProblem {
  key: string;
  /** Set for an override. */
  tenantId?: string;
  message: string;
}

/** A compiled config snapshot. Immutable; reads do no I/O and never throw. */
export interface ConfigEvaluator {
  readonly revision: number;
  readonly appId: string;
  /** Entries and overrides that were left out, and why. */
  readonly problems: readonly ConfigSnapshotProblem[];
  /** The tenant's override of `key`, else the app's entry, with its version and source; undefined when neither. */
  get(key: string, tenantId?: string | null): ResolvedConfigValue | undefined;
  /** Every key with the tenant's overrides applied (frozen; the same object on every call for the same tenant). */
  resolveAll(tenantId?: string | null): Readonly<Record<string, unknown>>;
  /** Typed accessors: the resolved value when it has the right shape, else `defaultValue`. */
  string(key: string, defaultValue: string, tenantId?: string | null): string;
  bool(key: string, defaultValue: boolean, tenantId?: string | null): boolean;
  /** Safe integers only. */
  int(key: string, defaultValue: number, tenantId?: string | null): number;
  float(key: string, defaultValue: number, tenantId?: string | null): number;
  /** Milliseconds, from `"1m30s"`-style strings or a number of ms. */
  duration(key: string, defaultValue: number, tenantId?: string | null): number;
  /** Objects and arrays (frozen). */
  json<T = unknown>(key: string, defaultValue: T, tenantId?: string | null): T;
}

/** A value as the server stores it, or why it is not one. */
function checkStored(raw: Record<string, unknown>): ConfigValue | string {
  const valueType = raw.valueType;
  if (typeof valueType !== "string" || !(CONFIG_VALUE_TYPES as readonly string[]).includes(valueType)) {
    return `valueType must be one of ${CONFIG_VALUE_TYPES.join(", ")}`;
  }
  const checked = checkConfigValue(raw.value, valueType as ConfigValueType);
  if (!checked.ok) {
    return checked.problem === "not_json"
      ? "value must be a JSON string, number, boolean, object or array"
      : `value must be ${checked.expected}, got ${checked.actual}`;
  }
  const version = raw.version;
  if (typeof version !== "number" || !Number.isSafeInteger(version) || version < 1) {
    return "version must be a positive integer";
  }
  return { value: cloneJson(raw.value), valueType: valueType as ConfigValueType, version };
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === "string" && value.length > 0;
}

/**
 * Compile a snapshot into an evaluator. Never throws: an entry or override that does not check out (wrong type,
 * bad version, a key given twice) is left out and listed in `problems`, so its readers get their defaults rather
 * than a guess; a snapshot that is not a snapshot compiles to no values. Values are copied, then frozen.
 */
export function compileConfigSnapshot(snapshot: ConfigSnapshot | unknown): ConfigEvaluator {
  const source = isRecord(snapshot) ? snapshot : {};
  const revision = typeof source.revision === "number" ? source.revision : 0;
  const appId = typeof source.appId === "string" ? source.appId : "";
  const problems: ConfigSnapshotProblem[] = [];

  const entries = new Map<string, ConfigValue>();
  const duplicateKeys = new Set<string>();
  for (const raw of Array.isArray(source.entries) ? source.entries : []) {
    if (!isRecord(raw) || !nonEmptyString(raw.key)) {
      problems.push({ key: "", message: "an entry without a key was left out" });
      continue;
    }
    const key = raw.key;
    const stored = checkStored(raw);
    if (typeof stored === "string") problems.push({ key, message: stored });
    else if (entries.has(key) || duplicateKeys.has(key)) duplicateKeys.add(key);
    else entries.set(key, stored);
  }
  for (const key of duplicateKeys) {
    entries.delete(key);
    problems.push({ key, message: "the key has more than one entry; all were left out" });
  }

  const byTenant = new Map<string, Map<string, ConfigValue>>();
  const duplicates = new Map<string, { key: string; tenantId: string }>();
  for (const raw of Array.isArray(source.overrides) ? source.overrides : []) {
    if (!isRecord(raw) || !nonEmptyString(raw.key) || !nonEmptyString(raw.tenantId)) {
      const key = isRecord(raw) && typeof raw.key === "string" ? raw.key : "";
      problems.push({ key, message: "an override without a key and a tenant id was left out" });
      continue;
    }
    const { key, tenantId } = raw;
    const stored = checkStored(raw);
    if (typeof stored === "string") {
      problems.push({ key, tenantId, message: stored });
      continue;
    }
    let overrides = byTenant.get(tenantId);
    if (overrides === undefined) {
      overrides = new Map();
      byTenant.set(tenantId, overrides);
    }
    const pair = JSON.stringify([tenantId, key]);
    if (overrides.has(key) || duplicates.has(pair)) duplicates.set(pair, { key, tenantId });
    else overrides.set(key, stored);
  }
  for (const { key, tenantId } of duplicates.values()) {
    byTenant.get(tenantId)?.delete(key);
    problems.push({ key, tenantId, message: "the tenant has more than one override of the key; all were left out" });
  }

  const app = appLayer(entries);
  const tenants = new Map<string, ConfigLayer>();
  for (const [tenantId, overrides] of byTenant) if (overrides.size > 0) tenants.set(tenantId, tenantLayer(overrides));

  const layerOf = (tenantId: string | null | undefined): ConfigLayer | undefined =>
    typeof tenantId === "string" ? tenants.get(tenantId) : undefined;
  const get = (key: string, tenantId?: string | null): ResolvedConfigValue | undefined =>
    typeof key === "string" ? lookupConfigValue(app, layerOf(tenantId), key) : undefined;
  const appValues = mergeConfigValues(app, undefined);
  const merged = new Map<string, Readonly<Record<string, unknown>>>();

  return Object.freeze({
    revision,
    appId,
    problems: Object.freeze(problems),
    get,
    resolveAll(tenantId?: string | null) {
      const layer = layerOf(tenantId);
      if (layer === undefined) return appValues;
      let values = merged.get(tenantId as string);
      if (values === undefined) {
        values = mergeConfigValues(app, layer);
        merged.set(tenantId as string, values);
      }
      return values;
    },
    string: (key: string, defaultValue: string, tenantId?: string | null) =>
      asString(get(key, tenantId)?.value, defaultValue),
    bool: (key: string, defaultValue: boolean, tenantId?: string | null) =>
      asBool(get(key, tenantId)?.value, defaultValue),
    int: (key: string, defaultValue: number, tenantId?: string | null) =>
      asInt(get(key, tenantId)?.value, defaultValue),
    float: (key: string, defaultValue: number, tenantId?: string | null) =>
      asFloat(get(key, tenantId)?.value, defaultValue),
    duration: (key: string, defaultValue: number, tenantId?: string | null) =>
      asDuration(get(key, tenantId)?.value, defaultValue),
    json: <T = unknown>(key: string, defaultValue: T, tenantId?: string | null): T =>
      asJson(get(key, tenantId)?.value, defaultValue),
  });
}
