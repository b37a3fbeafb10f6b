// Tenant-override resolution (DESIGN §6): a key's value for a tenant is the tenant's override, else the app's entry.
// @vault/override's Resolver (the server side, loading from the database) and compileConfigSnapshot (a service, from
// a snapshot) both resolve through these functions, so the two cannot disagree.

import { deepFreeze } from "../json";
import type { ConfigValueType } from "./values";

/** A stored config value: an app's entry or a tenant's override. */
export interface ConfigValue {
  readonly value: unknown;
  readonly valueType: ConfigValueType;
  readonly version: number;
}

/** Where a resolved value came from: the tenant's override, or the app's entry. */
export type ConfigValueSource = "override" | "app";

/** A value as a caller sees it, with the version and source of whichever value won. */
export interface ResolvedConfigValue extends ConfigValue {
  readonly source: ConfigValueSource;
}

/**
 * The value of one key for one tenant: its override when it has one — also when the app has no entry for the key
 * (an override may be written before its entry, or outlive it) — else the app's entry, else undefined. The result is
 * frozen; the value inside it is the input's, as it is.
 */
export function resolveConfigValue(
  entry: ConfigValue | undefined,
  override: ConfigValue | undefined,
): ResolvedConfigValue | undefined {
  const winner = override ?? entry;
  if (winner === undefined) return undefined;
  return Object.freeze({
    value: winner.value,
    valueType: winner.valueType,
    version: winner.version,
    source: override !== undefined ? "override" : "app",
  });
}

/**
 * Values resolved ahead of reads, so a read is a map lookup: the app layer holds every entry as callers without an
 * override see it; a tenant layer holds only the keys that tenant overrides. Values in a layer are deep-frozen.
 */
export type ConfigLayer = ReadonlyMap<string, ResolvedConfigValue>;

/** The app layer: each entry resolved for a caller with no override of it. */
export function appLayer(entries: Iterable<readonly [key: string, entry: ConfigValue]>): ConfigLayer {
  const layer = new Map<string, ResolvedConfigValue>();
  for (const [key, entry] of entries) {
    deepFreeze(entry.value);
    layer.set(key, resolveConfigValue(entry, undefined) as ResolvedConfigValue);
  }
  return layer;
}

/** One tenant's layer: each key it overrides, resolved (an override wins whatever the app holds). */
export function tenantLayer(overrides: Iterable<readonly [key: string, override: ConfigValue]>): ConfigLayer {
  const layer = new Map<string, ResolvedConfigValue>();
  for (const [key, override] of overrides) {
    deepFreeze(override.value);
    layer.set(key, resolveConfigValue(undefined, override) as ResolvedConfigValue);
  }
  return layer;
}

/** {@link resolveConfigValue} over layers: the tenant layer's value for `key`, else the app layer's. */
export function lookupConfigValue(
  app: ConfigLayer,
  tenant: ConfigLayer | undefined,
  key: string,
): ResolvedConfigValue | undefined {
  return tenant?.get(key) ?? app.get(key);
}

/** Every key's value for the tenant (the app's keys and the tenant's), as one frozen object. */
export function mergeConfigValues(
  app: ConfigLayer,
  tenant: ConfigLayer | undefined,
): Readonly<Record<string, unknown>> {
  const merged: Record<string, unknown> = {};
  for (const layer of tenant === undefined ? [app] : [app, tenant]) {
    for (const [key, resolved] of layer) {
      // A plain assignment to "__proto__" would set the prototype instead of adding the key.
      if (key === "__proto__") {
        Object.defineProperty(merged, key, {
          value: resolved.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      } else merged[key] = resolved.value;
    }
  }
  return Object.freeze(merged);
}
