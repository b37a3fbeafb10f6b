import {
  appIdSchema,
  type Clock,
  conflict,
  decodeCursor,
  isVaultError,
  jsonValueSchema,
  keySchema,
  type Metadata,
  metadataSchema,
  newId,
  notFound,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  toPage,
  VaultError,
} from "@vault/core";
import {
  asBool,
  asDuration,
  asFloat,
  asInt,
  asJson,
  asString,
  type ConfigSnapshot,
  type ConfigValueType,
  deepFreeze,
} from "@vault/engine";
import {
  type AuditSink,
  byteOrderKeyset,
  type ConfigEntryRow,
  type ConfigVersionRow,
  configEntries,
  configOverrides,
  configVersions,
  type Executor,
  noAudit,
  readRevision,
  type StoreContext,
  type VaultDb,
  type VaultTx,
  withTransaction,
} from "@vault/store";
import { and, asc, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { CONFIG_TOPIC, type ConfigChange, ConfigChangeHub, type ConfigWatcher, recordConfigChange } from "./changes";
import { assertMatchesSchema, compileJsonSchema, type JsonSchema } from "./json-schema";
import { checkValue, configValueTypeSchema } from "./values";

/**
 * The Store context (`db`, `changes`, `audit`, `clock`). Values are cached per app and dropped when another process
 * changes them: pass the process's change feed as `changes` (on Postgres it also pushes); without one the service
 * polls with a feed of its own.
 */
export type ConfigServiceOptions = StoreContext;

/** A config entry as stored: the current value and what describes it. */
export interface ConfigEntry {
  id: string;
  appId: string;
  key: string;
  value: unknown;
  valueType: ConfigValueType;
  description: string | null;
  metadata: Metadata;
  /** The JSON schema every value must satisfy (`json` entries only). */
  schema: JsonSchema | null;
  /** 1 on the first set, +1 on every set and rollback. */
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

/** One value a config entry has held. */
export interface ConfigVersion {
  id: string;
  appId: string;
  key: string;
  version: number;
  value: unknown;
  valueType: ConfigValueType;
  /** Set when this version was written by `rollback`: the version whose value it copies. */
  rolledBackFrom: number | null;
  createdAt: Date;
}

/** A value as the accessors and the resolver cache it (frozen). */
export interface CachedConfigValue {
  readonly value: unknown;
  readonly valueType: ConfigValueType;
  readonly version: number;
}

export interface SetConfigOptions {
  /** The type to store the value as. Inferred on the first write when absent; must match the entry's type later. */
  valueType?: ConfigValueType;
  /** Kept across sets unless given; `null` clears it. */
  description?: string | null;
  /** Kept across sets unless given. */
  metadata?: Metadata;
  /** A JSON schema (draft-07) for `json` entries, kept across sets unless given; `null` removes it. */
  schema?: JsonSchema | null;
  /** Check-and-set: succeed only if the current version is `cas` (`0`: the entry must not exist), else CONFLICT. */
  cas?: number;
}

export interface ListConfigOptions {
  /** Only keys starting with this text. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}

const jsonSchemaSchema = z.union([z.record(z.string(), jsonValueSchema), z.boolean()]);

const setOptionsSchema = z.strictObject({
  valueType: configValueTypeSchema.optional(),
  description: z.string().max(1024).nullable().optional(),
  metadata: metadataSchema.optional(),
  schema: jsonSchemaSchema.nullable().optional(),
  cas: z.number().int().min(0).optional(),
});
const casOptionsSchema = z.strictObject({ cas: z.number().int().min(1).optional() });
const listOptionsSchema = z.strictObject({
  prefix: z.string().max(256).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema.optional(),
});
const pageOptionsSchema = z.strictObject({ cursor: z.string().optional(), limit: pageSizeSchema.optional() });
// Versions are int4 in the database.
const versionSchema = z.number().int().min(1).max(2_147_483_647);
const watchPatternSchema = z.union([
  keySchema,
  z.literal("*"),
  z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._\-/:]*\*$/, "a prefix pattern is a key followed by *")
    .max(257),
]);

/**
 * Typed, versioned runtime config per app (DESIGN §6). Every write is one transaction (head row, version row,
 * change log, revision bump, audit entry); the value type is inferred on the first write and enforced afterwards.
 * Typed accessors read a per-app cache that every write invalidates, in this process at once and in other processes
 * through the database's change feed.
 */
export class ConfigService {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #cache = new Map<string, AppValues>();
  /** Change propagation: shared with OverrideService and the Resolver built on this service. */
  readonly changes: ConfigChangeHub;

  constructor(options: ConfigServiceOptions) {
    this.#db = options.db;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
    this.changes = new ConfigChangeHub(this.#db, options.changes);
    this.changes.onInvalidate((appId) => this.#cache.delete(appId));
  }

  /** Set a value: a new version (1 for a new entry). See {@link SetConfigOptions}. */
  async set(appId: string, key: string, value: unknown, options: SetConfigOptions = {}): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(setOptionsSchema, options, "config set options");
    const what = `config "${key}"`;
    const { entry, change } = await withTransaction(this.#db, async (tx) => {
      const now = this.#clock.now();
      let row = await lockEntry(tx, appId, key);
      if (opts.cas !== undefined && (row?.version ?? 0) !== opts.cas) throw casConflict(what, opts.cas, row);
      if (!row) {
        const valueType = checkValue(value, opts.valueType, what);
        const schema = schemaFor(valueType, opts.schema ?? null, what);
        if (schema !== null) assertMatchesSchema(schema, value, what);
        // Overrides may outlive a deleted entry; a new entry must not leave them of another type.
        await assertOverridesConform(tx, appId, key, valueType, schema, what);
        const [inserted] = await tx
          .insert(configEntries)
          .values({
            id: newId("configEntry"),
            appId,
            key,
            valueType,
            value,
            version: 1,
            description: opts.description ?? null,
            metadata: opts.metadata ?? {},
            jsonSchema: schema,
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (inserted) {
          await insertVersion(tx, inserted, null);
          return this.#finishWrite(tx, inserted, "set", "config.set", { created: true });
        }
        // A concurrent writer created it first: continue as an update of its row.
        row = await lockEntry(tx, appId, key);
        if (!row || opts.cas === 0) throw casConflict(what, opts.cas ?? 0, row);
      }
      const valueType = row.valueType as ConfigValueType;
      if (opts.valueType !== undefined && opts.valueType !== valueType) {
        throw new VaultError(
          "TYPE_MISMATCH",
          `${what} is ${valueType}; its type cannot change to ${opts.valueType} (delete it first)`,
          { details: { key, expected: valueType, actual: opts.valueType } },
        );
      }
      checkValue(value, valueType, what);
      const schema = opts.schema !== undefined ? schemaFor(valueType, opts.schema, what) : (row.jsonSchema ?? null);
      if (schema !== null) assertMatchesSchema(schema, value, what);
      if (opts.schema !== undefined && schema !== null) {
        await assertOverridesConform(tx, appId, key, valueType, schema, what);
      }
      const [updated] = await tx
        .update(configEntries)
        .set({
          value,
          version: row.version + 1,
          description: opts.description !== undefined ? opts.description : row.description,
          metadata: opts.metadata ?? row.metadata,
          jsonSchema: schema,
          updatedAt: now,
        })
        .where(eq(configEntries.id, row.id))
        .returning();
      await insertVersion(tx, updated!, null);
      return this.#finishWrite(tx, updated!, "set", "config.set", { created: false });
    }).catch(rethrowTypeMismatch(key));
    this.changes.committed(change);
    return entry;
  }

  /** The current entry, or NOT_FOUND. Reads the database (not the accessor cache). */
  async get(appId: string, key: string): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const [row] = await this.#db
      .select()
      .from(configEntries)
      .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)));
    if (!row) throw notFound("config", key, { appId });
    return toEntry(row);
  }

  /**
   * Read a value and check it with a zod schema: the parsed value, NOT_FOUND when the key is missing, or
   * TYPE_MISMATCH (with zod's issues in details) when the value does not fit. Reads the accessor cache.
   */
  async getAs<S extends z.ZodType>(appId: string, key: string, schema: S): Promise<z.output<S>> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const cached = (await this.values(appId)).get(key);
    if (!cached) throw notFound("config", key, { appId });
    const result = schema.safeParse(cached.value);
    if (!result.success) {
      const issues = result.error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
      throw new VaultError(
        "TYPE_MISMATCH",
        `config "${key}" does not match the requested schema: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`,
        { details: { key, actual: cached.valueType, issues } },
      );
    }
    return result.data;
  }

  /** Delete an entry and its versions (a later set starts again at version 1). NOT_FOUND if absent. */
  async delete(appId: string, key: string, options: { cas?: number } = {}): Promise<void> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(casOptionsSchema, options, "config delete options");
    const what = `config "${key}"`;
    const { change } = await withTransaction(this.#db, async (tx) => {
      const row = await lockEntry(tx, appId, key);
      if (!row) throw notFound("config", key, { appId });
      if (opts.cas !== undefined && row.version !== opts.cas) throw casConflict(what, opts.cas, row);
      await tx.delete(configEntries).where(eq(configEntries.id, row.id));
      return this.#finishWrite(tx, row, "deleted", "config.deleted", {});
    });
    this.changes.committed(change);
  }

  /** Write a new version holding the value of `version` (which must exist). The current JSON schema still applies. */
  async rollback(appId: string, key: string, version: number, options: { cas?: number } = {}): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    parseInput(versionSchema, version, "version");
    const opts = parseInput(casOptionsSchema, options, "config rollback options");
    const what = `config "${key}"`;
    const { entry, change } = await withTransaction(this.#db, async (tx) => {
      const row = await lockEntry(tx, appId, key);
      if (!row) throw notFound("config", key, { appId });
      if (opts.cas !== undefined && row.version !== opts.cas) throw casConflict(what, opts.cas, row);
      const [old] = await tx
        .select()
        .from(configVersions)
        .where(and(eq(configVersions.entryId, row.id), eq(configVersions.version, version)));
      if (!old) throw notFound("config version", `${key}@${version}`, { appId, key, version });
      if (row.jsonSchema !== null && row.jsonSchema !== undefined) assertMatchesSchema(row.jsonSchema, old.value, what);
      const [updated] = await tx
        .update(configEntries)
        .set({ value: old.value, version: row.version + 1, updatedAt: this.#clock.now() })
        .where(eq(configEntries.id, row.id))
        .returning();
      await insertVersion(tx, updated!, version);
      return this.#finishWrite(tx, updated!, "rolled_back", "config.rolled_back", { from: version });
    });
    this.changes.committed(change);
    return entry;
  }

  /** Entries of an app in key order (byte order, the same on every database), optionally under a prefix. */
  async list(appId: string, options: ListConfigOptions = {}): Promise<Page<ConfigEntry>> {
    parseInput(appIdSchema, appId, "app id");
    const opts = parseInput(listOptionsSchema, options, "config list options");
    const limit = opts.limit ?? 50;
    const after = opts.cursor ? decodeCursor(opts.cursor, z.object({ key: z.string() })).key : undefined;
    const keyset = byteOrderKeyset(configEntries.key, { prefix: opts.prefix, after });
    const rows = await this.#db
      .select()
      .from(configEntries)
      .where(and(eq(configEntries.appId, appId), ...keyset.conditions))
      .orderBy(keyset.orderBy)
      .limit(limit + 1);
    return toPage(rows, limit, toEntry, (row) => ({ key: row.key }));
  }

  /** The versions of an entry, newest first. NOT_FOUND if the entry does not exist. */
  async versions(
    appId: string,
    key: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<ConfigVersion>> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(pageOptionsSchema, options, "config versions options");
    const limit = opts.limit ?? 50;
    const before = opts.cursor ? decodeCursor(opts.cursor, z.object({ version: z.number().int() })).version : undefined;
    const [entry] = await this.#db
      .select({ id: configEntries.id })
      .from(configEntries)
      .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)));
    if (!entry) throw notFound("config", key, { appId });
    const rows = await this.#db
      .select()
      .from(configVersions)
      .where(
        and(
          eq(configVersions.entryId, entry.id),
          before !== undefined ? lt(configVersions.version, before) : undefined,
        ),
      )
      .orderBy(desc(configVersions.version))
      .limit(limit + 1);
    return toPage(rows, limit, toVersion, (row) => ({ version: row.version }));
  }

  /**
   * Fire `callback` after changes to `pattern` — a key, a prefix ending in `*` (`"db/*"`), or `"*"` — by set, delete,
   * rollback or a tenant override of that key: at once for writes of this process, within about a second for
   * writes of other processes. Returns the function that stops watching.
   */
  watch(appId: string, pattern: string, callback: ConfigWatcher): () => void {
    parseInput(appIdSchema, appId, "app id");
    parseInput(watchPatternSchema, pattern, "watch pattern");
    return this.changes.watch(appId, pattern, callback);
  }

  /**
   * The app's current values as the accessors and the resolver see them: loaded once, then served from memory until
   * a write (here or in another process) invalidates them.
   */
  values(appId: string): Promise<ReadonlyMap<string, CachedConfigValue>> {
    const cached = this.#cache.get(appId);
    if (cached) return cached.loading;
    // Only well-formed app ids get a cache slot (and a change-feed subscription).
    try {
      parseInput(appIdSchema, appId, "app id");
    } catch (error) {
      return Promise.reject(error);
    }
    const slot: AppValues = { loading: Promise.resolve(new Map()), values: undefined };
    this.#cache.set(appId, slot);
    slot.loading = (async () => {
      await this.changes.track(appId);
      const rows = await this.#db
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
      if (this.#cache.get(appId) === slot) this.#cache.delete(appId);
    });
    return slot.loading;
  }

  /**
   * The app's entries and every tenant's overrides at one config revision, as plain JSON for `compileConfigSnapshot`
   * (@vault/engine), which resolves them as the override service's Resolver does. Reads the database.
   */
  async snapshot(appId: string): Promise<ConfigSnapshot> {
    parseInput(appIdSchema, appId, "app id");
    return readConfigSnapshot(this.#db, appId);
  }

  /** A string value, or `defaultValue` when the key is missing, not a string, or unreadable. Never throws. */
  string(appId: string, key: string, defaultValue: string): Promise<string> {
    return this.#read(appId, key, defaultValue, asString);
  }

  /** A boolean value, else `defaultValue`. Never throws. */
  bool(appId: string, key: string, defaultValue: boolean): Promise<boolean> {
    return this.#read(appId, key, defaultValue, asBool);
  }

  /** An integral number (safe integer), else `defaultValue`. Never throws. */
  int(appId: string, key: string, defaultValue: number): Promise<number> {
    return this.#read(appId, key, defaultValue, asInt);
  }

  /** Any finite number, else `defaultValue`. Never throws. */
  float(appId: string, key: string, defaultValue: number): Promise<number> {
    return this.#read(appId, key, defaultValue, asFloat);
  }

  /**
   * A duration in milliseconds from `"1m30s"`, `"500ms"`, `"2h"`, `"1h30m"` or a number of ms; `defaultValue` (ms)
   * when missing or not a duration. Never throws.
   */
  duration(appId: string, key: string, defaultValue: number): Promise<number> {
    return this.#read(appId, key, defaultValue, asDuration);
  }

  /** An object or array value (frozen), else `defaultValue`. Never throws. */
  json<T = unknown>(appId: string, key: string, defaultValue: T): Promise<T> {
    return this.#read(appId, key, defaultValue, asJson<T>);
  }

  /** Stop following changes of other processes. The database and a change feed it was given stay open. */
  close(): Promise<void> {
    return this.changes.close();
  }

  async #read<T>(
    appId: string,
    key: string,
    defaultValue: T,
    read: (value: unknown, defaultValue: T) => T,
  ): Promise<T> {
    try {
      const values = this.#cache.get(appId)?.values ?? (await this.values(appId));
      return read(values.get(key)?.value, defaultValue);
    } catch {
      return defaultValue;
    }
  }

  async #finishWrite(
    tx: VaultTx,
    row: ConfigEntryRow,
    kind: "set" | "deleted" | "rolled_back",
    action: string,
    extra: Record<string, unknown>,
  ): Promise<{ entry: ConfigEntry; change: ConfigChange }> {
    const change = await recordConfigChange(tx, { appId: row.appId, key: row.key, tenantId: null, kind }, this.#clock);
    await this.#audit.record(tx, {
      action,
      resource: "config",
      appId: row.appId,
      key: row.key,
      outcome: "success",
      metadata: { version: row.version, valueType: row.valueType, revision: change.revision, ...extra },
    });
    return { entry: toEntry(row), change };
  }
}

interface AppValues {
  loading: Promise<ReadonlyMap<string, CachedConfigValue>>;
  /** Set once loaded, so accessors skip the await. */
  values: ReadonlyMap<string, CachedConfigValue> | undefined;
}

/** An app's config snapshot, read in one transaction so that the revision names exactly what it holds. */
export async function readConfigSnapshot(db: VaultDb, appId: string): Promise<ConfigSnapshot> {
  return db.transaction(
    async (tx) => {
      const revision = await readRevision(tx, appId, CONFIG_TOPIC);
      const entries = await tx
        .select({
          key: configEntries.key,
          value: configEntries.value,
          valueType: configEntries.valueType,
          version: configEntries.version,
        })
        .from(configEntries)
        .where(eq(configEntries.appId, appId))
        .orderBy(asc(configEntries.key));
      const overrides = await tx
        .select({
          key: configOverrides.key,
          tenantId: configOverrides.tenantId,
          value: configOverrides.value,
          valueType: configOverrides.valueType,
          version: configOverrides.version,
        })
        .from(configOverrides)
        .where(eq(configOverrides.appId, appId))
        .orderBy(asc(configOverrides.key), asc(configOverrides.tenantId));
      return {
        revision,
        appId,
        entries: entries.map((row) => ({ ...row, valueType: row.valueType as ConfigValueType })),
        overrides: overrides.map((row) => ({ ...row, valueType: row.valueType as ConfigValueType })),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/** Lock the head row for the rest of the transaction (concurrent writers of one key queue here). */
async function lockEntry(tx: Executor, appId: string, key: string): Promise<ConfigEntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(configEntries)
    .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)))
    .for("update");
  return row;
}

async function insertVersion(tx: Executor, row: ConfigEntryRow, rolledBackFrom: number | null): Promise<void> {
  await tx.insert(configVersions).values({
    id: newId("configVersion"),
    entryId: row.id,
    appId: row.appId,
    key: row.key,
    version: row.version,
    valueType: row.valueType,
    value: row.value,
    rolledBackFrom,
    createdAt: row.updatedAt,
  });
}

function schemaFor(valueType: ConfigValueType, schema: JsonSchema | null, what: string): JsonSchema | null {
  if (schema === null) return null;
  if (valueType !== "json") {
    throw new VaultError(
      "VALIDATION",
      `invalid schema for ${what}: a JSON schema applies to json entries only, this one is ${valueType}`,
      {
        details: { field: "schema" },
      },
    );
  }
  compileJsonSchema(schema, what);
  return schema;
}

function casConflict(what: string, expected: number, row: ConfigEntryRow | undefined): VaultError {
  const current = row?.version ?? 0;
  return conflict(`${what} is at version ${current}, not ${expected}`, { expected, current });
}

/** Add the key to TYPE_MISMATCH details thrown by the value checks. */
function rethrowTypeMismatch(key: string) {
  return (error: unknown): never => {
    if (error instanceof VaultError && error.code === "TYPE_MISMATCH" && error.details.key === undefined) {
      (error.details as Record<string, unknown>).key = key;
    }
    throw error;
  };
}

export function toEntry(row: ConfigEntryRow): ConfigEntry {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    value: row.value,
    valueType: row.valueType as ConfigValueType,
    description: row.description,
    metadata: row.metadata as Metadata,
    schema: row.jsonSchema ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toVersion(row: ConfigVersionRow): ConfigVersion {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    version: row.version,
    value: row.value,
    valueType: row.valueType as ConfigValueType,
    rolledBackFrom: row.rolledBackFrom,
    createdAt: row.createdAt,
  };
}

/**
 * Every tenant override of `key` must hold a value of the entry's type (and satisfy its schema). Checked when an
 * entry is created (overrides can outlive a deleted entry) and when its schema changes; the override service checks
 * each override as it is written.
 */
async function assertOverridesConform(
  tx: Executor,
  appId: string,
  key: string,
  valueType: ConfigValueType,
  schema: JsonSchema | null,
  what: string,
): Promise<void> {
  const overrides = await tx
    .select({ tenantId: configOverrides.tenantId, value: configOverrides.value })
    .from(configOverrides)
    .where(and(eq(configOverrides.appId, appId), eq(configOverrides.key, key)))
    .for("share");
  for (const override of overrides) {
    const overrideWhat = `the override of ${what} for tenant "${override.tenantId}"`;
    try {
      checkValue(override.value, valueType, overrideWhat);
      if (schema !== null) assertMatchesSchema(schema, override.value, overrideWhat);
    } catch (error) {
      if (!isVaultError(error)) throw error;
      throw new VaultError(
        error.code,
        `${error.message}; change or delete that override before giving ${what} this type or schema`,
        { details: { ...error.details, key, tenantId: override.tenantId } },
      );
    }
  }
}
