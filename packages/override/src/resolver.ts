import type { CachedConfigValue, ConfigService } from "@vault/config";
import { appIdSchema, parseInput, tenantIdSchema } from "@vault/core";
import {
  appLayer,
  asBool,
  asDuration,
  asFloat,
  asInt,
  asJson,
  asString,
  type ConfigLayer,
  type ConfigValueType,
  lookupConfigValue,
  mergeConfigValues,
  type ResolvedConfigValue,
  tenantLayer,
} from "@vault/engine";
import { configOverrides, type VaultDb } from "@vault/store";
import { and, eq } from "drizzle-orm";

export interface ResolverOptions {
  db: VaultDb;
  /** Supplies the app values (and their cache) and the change propagation that invalidates this resolver. */
  config: ConfigService;
  /** Tenants whose overrides are kept in memory per app; the oldest loaded is dropped beyond this (default 10,000). */
  maxTenantsPerApp?: number;
}

/** A resolved value and where it came from (the engine's type: a config snapshot resolves to the same). */
export type ResolvedValue = ResolvedConfigValue;

interface TenantCache {
  /** The keys this tenant overrides, resolved (the engine's tenant layer). */
  overrides: ConfigLayer | undefined;
  loading: Promise<ConfigLayer>;
  merged: Readonly<Record<string, unknown>> | undefined;
}

interface AppCache {
  /** Every entry, resolved (the engine's app layer). */
  base: ConfigLayer | undefined;
  loading: Promise<ConfigLayer>;
  merged: Readonly<Record<string, unknown>> | undefined;
  tenants: Map<string, TenantCache>;
}

/**
 * Answers "what is this key's value for this tenant": the tenant's override, else the app value (DESIGN §6), by the
 * engine's resolution functions — the ones a compiled config snapshot uses, so the two cannot disagree. Values
 * are cached per app (and per tenant within it) and served from memory until a config or override write — in this
 * process at once, in another within about a second — invalidates that app. Cached values are frozen.
 */
export class Resolver {
  readonly #db: VaultDb;
  readonly #config: ConfigService;
  readonly #maxTenants: number;
  readonly #apps = new Map<string, AppCache>();
  readonly #stopInvalidation: () => void;

  constructor(options: ResolverOptions) {
    this.#db = options.db;
    this.#config = options.config;
    this.#maxTenants = options.maxTenantsPerApp ?? 10_000;
    this.#stopInvalidation = this.#config.changes.onInvalidate((appId) => this.#apps.delete(appId));
  }

  /** Stop listening for invalidations and drop the cache (for resolvers made and discarded at runtime). */
  close(): void {
    this.#stopInvalidation();
    this.#apps.clear();
  }

  /** The tenant's override of `key`, else the app value, else `undefined`. */
  async resolve(appId: string, key: string, tenantId?: string | null): Promise<unknown> {
    const app = this.#apps.get(appId);
    if (app?.base !== undefined) {
      if (tenantId === undefined || tenantId === null) return lookupConfigValue(app.base, undefined, key)?.value;
      const overrides = app.tenants.get(tenantId)?.overrides;
      if (overrides !== undefined) return lookupConfigValue(app.base, overrides, key)?.value;
    }
    return (await this.resolveDetailed(appId, key, tenantId))?.value;
  }

  /** Like {@link resolve}, with the value's type, version and whether it came from an override or the app. */
  async resolveDetailed(appId: string, key: string, tenantId?: string | null): Promise<ResolvedValue | undefined> {
    const { base, overrides } = await this.#load(appId, tenantId);
    return lookupConfigValue(base, overrides, key);
  }

  /** Every key of the app with the tenant's overrides applied (frozen; the same object until something changes). */
  async resolveAll(appId: string, tenantId?: string | null): Promise<Readonly<Record<string, unknown>>> {
    const app = this.#apps.get(appId);
    if (app?.base !== undefined) {
      if (tenantId === undefined || tenantId === null) {
        if (app.merged) return app.merged;
      } else {
        const merged = app.tenants.get(tenantId)?.merged;
        if (merged) return merged;
      }
    }
    const { app: slot, base, overrides, tenant } = await this.#load(appId, tenantId);
    const merged = mergeConfigValues(base, overrides);
    if (tenant) tenant.merged = merged;
    else slot.merged = merged;
    return merged;
  }

  /** A string, or `defaultValue` when missing, of another type, or unreadable. Never throws. */
  string(appId: string, key: string, defaultValue: string, tenantId?: string | null): Promise<string> {
    return this.#read(appId, key, tenantId, defaultValue, asString);
  }

  /** A boolean, else `defaultValue`. Never throws. */
  bool(appId: string, key: string, defaultValue: boolean, tenantId?: string | null): Promise<boolean> {
    return this.#read(appId, key, tenantId, defaultValue, asBool);
  }

  /** An integral number, else `defaultValue`. Never throws. */
  int(appId: string, key: string, defaultValue: number, tenantId?: string | null): Promise<number> {
    return this.#read(appId, key, tenantId, defaultValue, asInt);
  }

  /** A finite number, else `defaultValue`. Never throws. */
  float(appId: string, key: string, defaultValue: number, tenantId?: string | null): Promise<number> {
    return this.#read(appId, key, tenantId, defaultValue, asFloat);
  }

  /** A duration in ms (`"1m30s"`, `"500ms"`, a number of ms), else `defaultValue`. Never throws. */
  duration(appId: string, key: string, defaultValue: number, tenantId?: string | null): Promise<number> {
    return this.#read(appId, key, tenantId, defaultValue, asDuration);
  }

  /** An object or array (frozen), else `defaultValue`. Never throws. */
  json<T = unknown>(appId: string, key: string, defaultValue: T, tenantId?: string | null): Promise<T> {
    return this.#read(appId, key, tenantId, defaultValue, asJson<T>);
  }

  /** Drop every cached value (the next read loads again). */
  clear(): void {
    this.#apps.clear();
  }

  async #read<T>(
    appId: string,
    key: string,
    tenantId: string | null | undefined,
    defaultValue: T,
    read: (value: unknown, defaultValue: T) => T,
  ): Promise<T> {
    try {
      return read(await this.resolve(appId, key, tenantId), defaultValue);
    } catch {
      return defaultValue;
    }
  }

  async #load(
    appId: string,
    tenantId: string | null | undefined,
  ): Promise<{
    app: AppCache;
    base: ConfigLayer;
    overrides: ConfigLayer | undefined;
    tenant: TenantCache | undefined;
  }> {
    parseInput(appIdSchema, appId, "app id");
    const tenantKey = tenantId ?? undefined;
    if (tenantKey !== undefined) parseInput(tenantIdSchema, tenantKey, "tenant id");
    let app = this.#apps.get(appId);
    if (!app) {
      const slot: AppCache = {
        base: undefined,
        loading: Promise.resolve(new Map()),
        merged: undefined,
        tenants: new Map(),
      };
      slot.loading = this.#config.values(appId).then((values) => {
        const base = fromConfig(values);
        slot.base = base;
        return base;
      });
      slot.loading.catch(() => {
        if (this.#apps.get(appId) === slot) this.#apps.delete(appId);
      });
      this.#apps.set(appId, slot);
      app = slot;
    }
    const current = app;
    let tenant: TenantCache | undefined;
    if (tenantKey !== undefined) {
      tenant = current.tenants.get(tenantKey);
      if (!tenant) {
        const slot: TenantCache = { overrides: undefined, loading: Promise.resolve(new Map()), merged: undefined };
        slot.loading = this.#loadOverrides(appId, tenantKey).then((overrides) => {
          slot.overrides = overrides;
          return overrides;
        });
        slot.loading.catch(() => {
          if (current.tenants.get(tenantKey) === slot) current.tenants.delete(tenantKey);
        });
        if (current.tenants.size >= this.#maxTenants) {
          const oldest = current.tenants.keys().next().value;
          if (oldest !== undefined) current.tenants.delete(oldest);
        }
        current.tenants.set(tenantKey, slot);
        tenant = slot;
      }
    }
    const [base, overrides] = await Promise.all([current.loading, tenant?.loading]);
    return { app: current, base, overrides, tenant };
  }

  async #loadOverrides(appId: string, tenantId: string): Promise<ConfigLayer> {
    // Follow the app's changes before reading, so a write committed after this read invalidates what it loads.
    await this.#config.changes.track(appId);
    const rows = await this.#db
      .select({
        key: configOverrides.key,
        value: configOverrides.value,
        valueType: configOverrides.valueType,
        version: configOverrides.version,
      })
      .from(configOverrides)
      .where(and(eq(configOverrides.appId, appId), eq(configOverrides.tenantId, tenantId)));
    return tenantLayer(
      rows.map((row) => [
        row.key,
        { value: row.value, valueType: row.valueType as ConfigValueType, version: row.version },
      ]),
    );
  }
}

const fromConfigCache = new WeakMap<ReadonlyMap<string, CachedConfigValue>, ConfigLayer>();

/** The config cache's values as the engine's app layer (computed once per loaded map). */
function fromConfig(values: ReadonlyMap<string, CachedConfigValue>): ConfigLayer {
  let base = fromConfigCache.get(values);
  if (!base) {
    base = appLayer(values);
    fromConfigCache.set(values, base);
  }
  return base;
}
