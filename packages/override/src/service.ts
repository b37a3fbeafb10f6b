import {
  assertMatchesSchema,
  type ConfigChange,
  type ConfigService,
  type ConfigValueType,
  checkValue,
  configValueTypeSchema,
  recordConfigChange,
} from "@vault/config";
import {
  appIdSchema,
  type Clock,
  conflict,
  decodeCursor,
  keySchema,
  type Metadata,
  metadataSchema,
  newId,
  notFound,
  type Page,
  pageSizeSchema,
  parseInput,
  systemClock,
  tenantIdSchema,
  toPage,
  VaultError,
} from "@vault/core";
import {
  type AuditSink,
  byteOrderKeyset,
  type ConfigOverrideRow,
  configEntries,
  configOverrides,
  type EventSink,
  type Executor,
  noAudit,
  noEvents,
  type StoreContext,
  type VaultDb,
  type VaultTx,
  withTransaction,
} from "@vault/store";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { Resolver } from "./resolver";

/** The Store context without a feed of its own: overrides follow changes through the config service's. */
export interface OverrideServiceOptions extends Omit<StoreContext, "changes"> {
  /** The config service whose entries are overridden; overrides share its change propagation. */
  config: ConfigService;
}

/** A tenant's value for a config key. */
export interface ConfigOverride {
  id: string;
  appId: string;
  key: string;
  tenantId: string;
  value: unknown;
  valueType: ConfigValueType;
  /** 1 on creation, +1 per set (for check-and-set). */
  version: number;
  description: string | null;
  metadata: Metadata;
  createdAt: Date;
  updatedAt: Date;
}

export interface SetOverrideOptions {
  /** Only for a key with no base entry (else the base entry's type applies); inferred when absent. */
  valueType?: ConfigValueType;
  description?: string | null;
  metadata?: Metadata;
  /** Succeed only if the override's current version is `cas` (`0`: must not exist), else CONFLICT. */
  cas?: number;
}

const setOptionsSchema = z.strictObject({
  valueType: configValueTypeSchema.optional(),
  description: z.string().max(1024).nullable().optional(),
  metadata: metadataSchema.optional(),
  cas: z.number().int().min(0).optional(),
});
const deleteOptionsSchema = z.strictObject({ cas: z.number().int().min(1).optional() });
const byTenantOptionsSchema = z.strictObject({
  prefix: z.string().max(256).optional(),
  cursor: z.string().optional(),
  limit: pageSizeSchema.optional(),
});
const byKeyOptionsSchema = z.strictObject({ cursor: z.string().optional(), limit: pageSizeSchema.optional() });

/**
 * Per-tenant overrides of config values (DESIGN §6): `(app, key, tenant) → value`, validated against the base
 * entry's type and JSON schema. An override of a key with no base entry is allowed (its type is inferred) and is
 * what the resolver returns for that tenant. Writes share the config change log, so watchers and caches of every
 * process see them.
 */
export class OverrideService {
  readonly #db: VaultDb;
  readonly #config: ConfigService;
  readonly #audit: AuditSink;
  readonly #events: EventSink;
  readonly #clock: Clock;
  #resolver: Resolver | undefined;

  constructor(options: OverrideServiceOptions) {
    this.#db = options.db;
    this.#config = options.config;
    this.#audit = options.audit ?? noAudit;
    this.#events = options.events ?? noEvents;
    this.#clock = options.clock ?? systemClock;
  }

  /** Set a tenant's value for a key (creates or replaces the override). */
  async set(
    appId: string,
    key: string,
    tenantId: string,
    value: unknown,
    options: SetOverrideOptions = {},
  ): Promise<ConfigOverride> {
    validateTarget(appId, key, tenantId);
    const opts = parseInput(setOptionsSchema, options, "override set options");
    const what = `override of config "${key}" for tenant "${tenantId}"`;
    const { override, change } = await withTransaction(this.#db, async (tx) => {
      const now = this.#clock.now();
      // FOR SHARE: the base entry cannot be deleted and re-created with another type until this commits.
      const [base] = await tx
        .select({ valueType: configEntries.valueType, jsonSchema: configEntries.jsonSchema })
        .from(configEntries)
        .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)))
        .for("share");
      let existing = await lockOverride(tx, appId, key, tenantId);
      if (opts.cas !== undefined && (existing?.version ?? 0) !== opts.cas) throw casConflict(what, opts.cas, existing);
      const declared = (base?.valueType ?? existing?.valueType) as ConfigValueType | undefined;
      if (declared !== undefined && opts.valueType !== undefined && opts.valueType !== declared) {
        throw new VaultError("TYPE_MISMATCH", `${what} expects ${declared}, got valueType ${opts.valueType}`, {
          details: { key, tenantId, expected: declared, actual: opts.valueType },
        });
      }
      const valueType = withKey(() => checkValue(value, declared ?? opts.valueType, what), key, tenantId);
      if (base?.jsonSchema !== null && base?.jsonSchema !== undefined)
        assertMatchesSchema(base.jsonSchema, value, what);
      if (!existing) {
        const [inserted] = await tx
          .insert(configOverrides)
          .values({
            id: newId("configOverride"),
            appId,
            key,
            tenantId,
            valueType,
            value,
            version: 1,
            description: opts.description ?? null,
            metadata: opts.metadata ?? {},
            createdAt: now,
            updatedAt: now,
          })
          .onConflictDoNothing()
          .returning();
        if (inserted) return this.#finishWrite(tx, inserted, "override_set", "override.set");
        existing = await lockOverride(tx, appId, key, tenantId);
        if (!existing || opts.cas === 0) throw casConflict(what, opts.cas ?? 0, existing);
        if (base === undefined && existing.valueType !== valueType) {
          throw new VaultError("TYPE_MISMATCH", `${what} expects ${existing.valueType}, got ${valueType}`, {
            details: { key, tenantId, expected: existing.valueType, actual: valueType },
          });
        }
      }
      const [updated] = await tx
        .update(configOverrides)
        .set({
          value,
          valueType,
          version: existing.version + 1,
          description: opts.description !== undefined ? opts.description : existing.description,
          metadata: opts.metadata ?? existing.metadata,
          updatedAt: now,
        })
        .where(eq(configOverrides.id, existing.id))
        .returning();
      return this.#finishWrite(tx, updated!, "override_set", "override.set");
    });
    this.#config.changes.committed(change);
    return override;
  }

  /** A tenant's override, or NOT_FOUND. */
  async get(appId: string, key: string, tenantId: string): Promise<ConfigOverride> {
    validateTarget(appId, key, tenantId);
    const [row] = await this.#db
      .select()
      .from(configOverrides)
      .where(
        and(eq(configOverrides.appId, appId), eq(configOverrides.key, key), eq(configOverrides.tenantId, tenantId)),
      );
    if (!row) throw notFound("override", key, { appId, tenantId });
    return toOverride(row);
  }

  /** Remove a tenant's override (the tenant gets the app value again). NOT_FOUND if absent. */
  async delete(appId: string, key: string, tenantId: string, options: { cas?: number } = {}): Promise<void> {
    validateTarget(appId, key, tenantId);
    const opts = parseInput(deleteOptionsSchema, options, "override delete options");
    const what = `override of config "${key}" for tenant "${tenantId}"`;
    const { change } = await withTransaction(this.#db, async (tx) => {
      const row = await lockOverride(tx, appId, key, tenantId);
      if (!row) throw notFound("override", key, { appId, tenantId });
      if (opts.cas !== undefined && row.version !== opts.cas) throw casConflict(what, opts.cas, row);
      await tx.delete(configOverrides).where(eq(configOverrides.id, row.id));
      return this.#finishWrite(tx, row, "override_deleted", "override.deleted");
    });
    this.#config.changes.committed(change);
  }

  /** A tenant's overrides in key (byte) order, optionally under a key prefix. */
  async listByTenant(
    appId: string,
    tenantId: string,
    options: { prefix?: string; cursor?: string; limit?: number } = {},
  ): Promise<Page<ConfigOverride>> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(tenantIdSchema, tenantId, "tenant id");
    const opts = parseInput(byTenantOptionsSchema, options, "override list options");
    const limit = opts.limit ?? 50;
    const after = opts.cursor ? decodeCursor(opts.cursor, z.object({ key: z.string() })).key : undefined;
    const keyset = byteOrderKeyset(configOverrides.key, { prefix: opts.prefix, after });
    const rows = await this.#db
      .select()
      .from(configOverrides)
      .where(and(eq(configOverrides.appId, appId), eq(configOverrides.tenantId, tenantId), ...keyset.conditions))
      .orderBy(keyset.orderBy)
      .limit(limit + 1);
    return toPage(rows, limit, toOverride, (row) => ({ key: row.key }));
  }

  /** Every tenant's override of one key, in tenant id (byte) order. */
  async listByKey(
    appId: string,
    key: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<ConfigOverride>> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(byKeyOptionsSchema, options, "override list options");
    const limit = opts.limit ?? 50;
    const after = opts.cursor ? decodeCursor(opts.cursor, z.object({ tenantId: z.string() })).tenantId : undefined;
    const keyset = byteOrderKeyset(configOverrides.tenantId, { after });
    const rows = await this.#db
      .select()
      .from(configOverrides)
      .where(and(eq(configOverrides.appId, appId), eq(configOverrides.key, key), ...keyset.conditions))
      .orderBy(keyset.orderBy)
      .limit(limit + 1);
    return toPage(rows, limit, toOverride, (row) => ({ tenantId: row.tenantId }));
  }

  /** The cached resolver over this service's overrides and its config service's values (one per service). */
  resolver(): Resolver {
    this.#resolver ??= new Resolver({ db: this.#db, config: this.#config });
    return this.#resolver;
  }

  async #finishWrite(
    tx: VaultTx,
    row: ConfigOverrideRow,
    kind: "override_set" | "override_deleted",
    action: string,
  ): Promise<{ override: ConfigOverride; change: ConfigChange }> {
    const change = await recordConfigChange(
      tx,
      { appId: row.appId, key: row.key, tenantId: row.tenantId, kind },
      this.#clock,
    );
    await this.#audit.record(tx, {
      action,
      resource: "override",
      appId: row.appId,
      key: row.key,
      tenantId: row.tenantId,
      outcome: "success",
      metadata: { version: row.version, valueType: row.valueType, revision: change.revision },
    });
    await this.#events.emit(tx, {
      type: action,
      resource: "override",
      appId: row.appId,
      key: row.key,
      tenantId: row.tenantId,
      version: row.version,
      data: { valueType: row.valueType, revision: change.revision },
    });
    return { override: toOverride(row), change };
  }
}

function validateTarget(appId: string, key: string, tenantId: string): void {
  parseInput(appIdSchema, appId, "app id");
  parseInput(keySchema, key, "config key");
  parseInput(tenantIdSchema, tenantId, "tenant id");
}

async function lockOverride(
  tx: Executor,
  appId: string,
  key: string,
  tenantId: string,
): Promise<ConfigOverrideRow | undefined> {
  const [row] = await tx
    .select()
    .from(configOverrides)
    .where(and(eq(configOverrides.appId, appId), eq(configOverrides.key, key), eq(configOverrides.tenantId, tenantId)))
    .for("update");
  return row;
}

function casConflict(what: string, expected: number, row: ConfigOverrideRow | undefined): VaultError {
  const current = row?.version ?? 0;
  return conflict(`${what} is at version ${current}, not ${expected}`, { expected, current });
}

/** Run a value check and add key and tenant to a TYPE_MISMATCH it throws. */
function withKey<T>(check: () => T, key: string, tenantId: string): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof VaultError && error.code === "TYPE_MISMATCH") Object.assign(error.details, { key, tenantId });
    throw error;
  }
}

export function toOverride(row: ConfigOverrideRow): ConfigOverride {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    tenantId: row.tenantId,
    value: row.value,
    valueType: row.valueType as ConfigValueType,
    version: row.version,
    description: row.description,
    metadata: row.metadata as Metadata,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}
