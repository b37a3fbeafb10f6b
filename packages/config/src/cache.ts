import { appIdSchema, parseInput } from "@vault/core";
import { type ConfigValueType, deepFreeze } from "@vault/engine";
import { configEntries } from "@vault/store";
import { eq } from "drizzle-orm";
import type { ConfigContext } from "./context";
import type { CachedConfigValue } from "./types";

export interface AppValues {
  loading: Promise<ReadonlyMap<string, CachedConfigValue>>;
  /** Set once loaded, so accessors skip the await. */
  values: ReadonlyMap<string, CachedConfigValue> | undefined;
}

/** The app's values when they are loaded: the accessors then await nothing. */
export function cachedValues(ctx: ConfigContext, appId: string): ReadonlyMap<string, CachedConfigValue> | undefined {
  return ctx.cache.get(appId)?.values;
}

/**
 * The app's current values as the accessors and the resolver see them: loaded once, then served from memory until
 * a write (here or in another process) invalidates them.
 */
export function loadValues(ctx: ConfigContext, appId: string): Promise<ReadonlyMap<string, CachedConfigValue>> {
  const cached = ctx.cache.get(appId);
  if (cached) return cached.loading;
  // Only well-formed app ids get a cache slot (and a change-feed subscription).
  try {
    parseInput(appIdSchema, appId, "app id");
  } catch (error) {
    return Promise.reject(error);
  }
  const slot: AppValues = { loading: Promise.resolve(new Map()), values: undefined };
  ctx.cache.set(appId, slot);
  slot.loading = (async () => {
    await ctx.changes.track(appId);
    const rows = await ctx.db
      .select({
        key: configEntries.key,
        value: configEntries.value,
        valueType: configEntries.valueType,
        version: configEntries.version,
      })
      .from(configEntries)
      .where(eq(configEntries.appId, appId));
    const values = new Map<string, CachedConfigValue>();
    for (const row of rows) {
      values.set(
        row.key,
        Object.freeze({
          value: deepFreeze(row.value),
          valueType: row.valueType as ConfigValueType,
          version: row.version,
        }),
      );
    }
    slot.values = values;
    return values;
  })();
  // A failed load is not cached: the next read tries again.
  slot.loading.catch(() => {
    if (ctx.cache.get(appId) === slot) ctx.cache.delete(appId);
  });
  return slot.loading;
}
