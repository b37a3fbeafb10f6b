import {
  appIdSchema,
  type Clock,
  decodeCursor,
  jsonValueSchema,
  keySchema,
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
  type CustomEvaluator,
  checkFlag,
  compileSnapshot,
  deepFreeze,
  type EvaluationContext,
  type EvaluationResult,
  FLAG_TYPES,
  FlagDefinitionError,
  type FlagEvaluator,
  type FlagRule,
  type FlagSnapshot,
  type FlagType,
  fitsType,
  type JsonValue,
  type Prerequisite,
  prerequisiteCycle,
  type RuleInput,
  type SnapshotFlag,
} from "@vault/engine";
import {
  type AuditSink,
  bumpRevision,
  ChangeFeed,
  type Executor,
  type FlagOverrideRow,
  type FlagRow,
  type FlagRuleRow,
  flagOverrides,
  flagRules,
  flags,
  noAudit,
  readRevision,
  type StoreContext,
  type VaultDb,
  type VaultTx,
} from "@vault/store";
import { and, asc, eq, gt, inArray, like, sql } from "drizzle-orm";
import { z } from "zod";
import { rulesInputSchema } from "./schemas";

/** The change-feed topic flag writes bump. */
export const FLAGS_TOPIC = "flags";

/**
 * The Store context (`db`, `changes`, `audit`, `clock`) and the flag service's own options. Compiled snapshots are
 * cached per app and dropped when the app's flag revision moves: pass the process's change feed as `changes` (on
 * Postgres it also pushes); without one the service polls with a feed of its own.
 */
export interface FlagServiceOptions extends StoreContext {
  /** Predicates for `custom` rules, by name. */
  customEvaluators?: Record<string, CustomEvaluator>;
}

/** A stored flag: its definition, its rules in evaluation order, and its version (what `cas` compares). */
export interface Flag {
  id: string;
  appId: string;
  key: string;
  type: FlagType;
  defaultValue: JsonValue;
  enabled: boolean;
  description: string;
  tags: string[];
  variants: Record<string, JsonValue>;
  prerequisites: Prerequisite[];
  metadata: Record<string, unknown>;
  rules: FlagRule[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface FlagOverride {
  id: string;
  appId: string;
  flagKey: string;
  tenantId: string;
  value: JsonValue;
  createdAt: Date;
  updatedAt: Date;
}

export interface DefineFlagInput {
  key: string;
  type: FlagType;
  defaultValue: JsonValue;
  /** Default true. */
  enabled?: boolean;
  description?: string;
  tags?: string[];
  variants?: Record<string, JsonValue>;
  prerequisites?: Prerequisite[];
  metadata?: Record<string, unknown>;
  rules?: RuleInput[];
}

export type UpdateFlagInput = Partial<Omit<DefineFlagInput, "key" | "rules">>;

export interface WriteOptions {
  /** Succeed only if the flag's current version is this (check-and-set), else CONFLICT. */
  cas?: number;
}

export interface ListFlagsOptions {
  /** Only flags carrying this tag. */
  tag?: string;
  /** Only keys starting with this. */
  prefix?: string;
  cursor?: string;
  limit?: number;
}

const jsonValue = jsonValueSchema;
const tagsSchema = z.array(z.string().min(1).max(64)).max(64);
const variantsSchema = z.record(z.string().min(1).max(128), jsonValue);
const prerequisitesSchema = z.array(z.object({ flagKey: keySchema, value: jsonValue }).strict()).max(32);
const rulesSchema = rulesInputSchema;
const flagTypeSchema = z.enum(FLAG_TYPES as [FlagType, ...FlagType[]]);

const defineSchema = z
  .object({
    key: keySchema,
    type: flagTypeSchema,
    defaultValue: jsonValue,
    enabled: z.boolean().default(true),
    description: z.string().max(4096).default(""),
    tags: tagsSchema.default([]),
    variants: variantsSchema.default({}),
    prerequisites: prerequisitesSchema.default([]),
    metadata: metadataSchema.default({}),
    rules: rulesSchema.default([]),
  })
  .strict();

const updateSchema = z
  .object({
    type: flagTypeSchema.optional(),
    defaultValue: jsonValue.optional(),
    enabled: z.boolean().optional(),
    description: z.string().max(4096).optional(),
    tags: tagsSchema.optional(),
    variants: variantsSchema.optional(),
    prerequisites: prerequisitesSchema.optional(),
    metadata: metadataSchema.optional(),
  })
  .strict();

const writeOptionsSchema = z.object({ cas: z.number().int().min(0).optional() }).strict();
const listSchema = z
  .object({
    tag: z.string().min(1).max(64).optional(),
    prefix: z.string().max(256).optional(),
    cursor: z.string().optional(),
    limit: pageSizeSchema,
  })
  .strict();
const overrideListSchema = z.object({ cursor: z.string().optional(), limit: pageSizeSchema }).strict();
const contextSchema = z.looseObject({
  tenantId: z.string().optional(),
  userId: z.string().optional(),
  tenantTags: z.array(z.string()).optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});

interface CacheEntry {
  evaluator?: FlagEvaluator;
  snapshot?: FlagSnapshot;
  loading?: Promise<CacheEntry>;
  /** Bumped on every invalidation; a load started under an older generation is not installed. */
  generation: number;
  unwatch: () => void;
}

/**
 * Typed feature flags stored in the Vault database, evaluated from a compiled snapshot cached per app. Every write
 * is one transaction (definition, rules, overrides, revision bump, audit entry); the cache is dropped in this
 * process at once and in every other process when the stored revision moves.
 */
export class FlagService {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #customEvaluators: Record<string, CustomEvaluator> | undefined;
  readonly #cache = new Map<string, CacheEntry>();
  readonly #changes: ChangeFeed;
  /** True when the feed was made here (no `changes` given): then close() stops it. */
  readonly #ownsChanges: boolean;
  #closed = false;

  constructor(options: FlagServiceOptions) {
    this.#db = options.db;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
    this.#customEvaluators = options.customEvaluators;
    this.#ownsChanges = options.changes === undefined;
    this.#changes = options.changes ?? new ChangeFeed({ db: options.db });
  }

  /** Create a flag (with its rules, if given). ALREADY_EXISTS when the key is taken. */
  async define(appId: string, input: DefineFlagInput): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const data = parseInput(defineSchema, input, "flag definition");
    return this.#write(app, async (tx) => {
      const existing = await findFlag(tx, app, data.key);
      if (existing) {
        throw new VaultError("ALREADY_EXISTS", `flag "${data.key}" already exists`, { details: { key: data.key } });
      }
      const now = this.#clock.now();
      const row: FlagRow = {
        id: newId("flag"),
        appId: app,
        key: data.key,
        type: data.type,
        defaultValue: data.defaultValue,
        enabled: data.enabled,
        description: data.description,
        tags: data.tags,
        variants: data.variants,
        prerequisites: data.prerequisites,
        metadata: data.metadata,
        version: 1,
        createdAt: now,
        updatedAt: now,
      };
      const rules = withIds(data.rules as RuleInput[]);
      const checked = check(row, rules, []);
      await this.#checkPrerequisites(tx, app, row.key, checked.prerequisites ?? []);
      await tx.insert(flags).values(row);
      await insertRules(tx, row, checked.rules ?? [], now);
      await this.#audit.record(tx, {
        action: "flag.created",
        resource: "flag",
        appId: app,
        key: row.key,
        metadata: { version: 1, type: row.type, enabled: row.enabled, rules: rules.length },
      });
      return toFlag(row, await loadRules(tx, row.id));
    });
  }

  /** Alias of {@link define}. */
  create(appId: string, input: DefineFlagInput): Promise<Flag> {
    return this.define(appId, input);
  }

  /** Change a flag's definition (not its key or rules). With `cas`, only if its version still matches. */
  async update(appId: string, key: string, patch: UpdateFlagInput, options: WriteOptions = {}): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const data = parseInput(updateSchema, patch, "flag update");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    return this.#write(app, async (tx) => {
      const current = await this.#mustFind(tx, app, flagKey, cas);
      const next: FlagRow = { ...current, ...stripUndefined(data), version: current.version + 1 };
      next.updatedAt = this.#clock.now();
      const rules = await loadRules(tx, current.id);
      const overrides = await loadOverrides(tx, current.id);
      const checked = check(next, rules, overrides);
      if (data.prerequisites) await this.#checkPrerequisites(tx, app, flagKey, checked.prerequisites ?? []);
      if (next.type !== current.type) await this.#checkDependents(tx, app, flagKey, next.type as FlagType);
      await tx
        .update(flags)
        .set({
          type: next.type,
          defaultValue: next.defaultValue,
          enabled: next.enabled,
          description: next.description,
          tags: next.tags,
          variants: next.variants,
          prerequisites: next.prerequisites,
          metadata: next.metadata,
          version: next.version,
          updatedAt: next.updatedAt,
        })
        .where(eq(flags.id, current.id));
      await this.#audit.record(tx, {
        action: "flag.updated",
        resource: "flag",
        appId: app,
        key: flagKey,
        metadata: { version: next.version, fields: Object.keys(stripUndefined(data)).sort() },
      });
      return toFlag(next, rules);
    });
  }

  /** Turn a flag on (its overrides and rules apply again). */
  enable(appId: string, key: string, options: WriteOptions = {}): Promise<Flag> {
    return this.update(appId, key, { enabled: true }, options);
  }

  /** Turn a flag off: it evaluates to its default with reason DISABLED. */
  disable(appId: string, key: string, options: WriteOptions = {}): Promise<Flag> {
    return this.update(appId, key, { enabled: false }, options);
  }

  /** Replace all of a flag's rules at once (an empty list removes them). Rule ids are assigned anew. */
  async setRules(appId: string, key: string, rules: RuleInput[], options: WriteOptions = {}): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const input = parseInput(rulesSchema, rules, "flag rules") as RuleInput[];
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    return this.#write(app, async (tx) => {
      const current = await this.#mustFind(tx, app, flagKey, cas);
      const now = this.#clock.now();
      const next: FlagRow = { ...current, version: current.version + 1, updatedAt: now };
      const checked = check(next, withIds(input), await loadOverrides(tx, current.id));
      await tx.delete(flagRules).where(eq(flagRules.flagId, current.id));
      await insertRules(tx, next, checked.rules ?? [], now);
      await tx.update(flags).set({ version: next.version, updatedAt: now }).where(eq(flags.id, current.id));
      await this.#audit.record(tx, {
        action: "flag.rules_set",
        resource: "flag",
        appId: app,
        key: flagKey,
        metadata: { version: next.version, rules: input.length },
      });
      return toFlag(next, await loadRules(tx, current.id));
    });
  }

  /** The flag and its rules. NOT_FOUND when it does not exist. */
  async get(appId: string, key: string): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const row = await findFlag(this.#db, app, flagKey);
    if (!row) throw notFound("flag", flagKey, { appId: app });
    return toFlag(row, await loadRules(this.#db, row.id));
  }

  /** Flags in key order, optionally those with a tag or a key prefix, a page at a time. */
  async list(appId: string, options: ListFlagsOptions = {}): Promise<Page<Flag>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const { tag, prefix, cursor, limit } = parseInput(listSchema, options, "flag list options");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ key: z.string() })).key;
    const conditions = [eq(flags.appId, app)];
    if (tag !== undefined) conditions.push(sql`${flags.tags} @> ${JSON.stringify([tag])}::jsonb`);
    if (prefix) conditions.push(like(flags.key, `${prefix.replace(/[\\%_]/g, "\\$&")}%`));
    if (after !== undefined) conditions.push(gt(flags.key, after));
    const rows = await this.#db
      .select()
      .from(flags)
      .where(and(...conditions))
      .orderBy(asc(flags.key))
      .limit(limit + 1);
    const ids = rows.slice(0, limit).map((r) => r.id);
    const ruleRows =
      ids.length === 0
        ? []
        : await this.#db
            .select()
            .from(flagRules)
            .where(inArray(flagRules.flagId, ids))
            .orderBy(asc(flagRules.priority));
    return toPage(
      rows,
      limit,
      (row) => toFlag(row, ruleRows.filter((r) => r.flagId === row.id).map(toRule)),
      (row) => ({ key: row.key }),
    );
  }

  /** Delete a flag with its rules and overrides. NOT_FOUND when it does not exist. */
  async delete(appId: string, key: string, options: WriteOptions = {}): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    await this.#write(app, async (tx) => {
      const current = await this.#mustFind(tx, app, flagKey, cas);
      await tx.delete(flagOverrides).where(eq(flagOverrides.flagId, current.id));
      await tx.delete(flagRules).where(eq(flagRules.flagId, current.id));
      await tx.delete(flags).where(eq(flags.id, current.id));
      await this.#audit.record(tx, {
        action: "flag.deleted",
        resource: "flag",
        appId: app,
        key: flagKey,
        metadata: { version: current.version },
      });
    });
  }

  /** Give one tenant its own value of a flag (checked against the flag's type); replaces an earlier one. */
  async setOverride(appId: string, key: string, tenantId: string, value: JsonValue): Promise<FlagOverride> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const tenant = parseInput(tenantIdSchema, tenantId, "tenant id");
    const parsedValue = parseInput(jsonValue, value, "override value") as JsonValue;
    return this.#write(app, async (tx) => {
      const current = await this.#mustFind(tx, app, flagKey, undefined);
      if (!fitsType(current.type as FlagType, parsedValue)) {
        throw new VaultError("TYPE_MISMATCH", `override value does not match flag type ${current.type}`, {
          details: { key: flagKey, tenantId: tenant, expectedType: current.type },
        });
      }
      const now = this.#clock.now();
      const [row] = await tx
        .insert(flagOverrides)
        .values({
          id: newId("flagOverride"),
          flagId: current.id,
          appId: app,
          tenantId: tenant,
          value: parsedValue,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoUpdate({
          target: [flagOverrides.flagId, flagOverrides.tenantId],
          set: { value: parsedValue, updatedAt: now },
        })
        .returning();
      await tx
        .update(flags)
        .set({ version: current.version + 1, updatedAt: now })
        .where(eq(flags.id, current.id));
      await this.#audit.record(tx, {
        action: "flag.override_set",
        resource: "flag",
        appId: app,
        key: flagKey,
        tenantId: tenant,
        metadata: { version: current.version + 1 },
      });
      return toOverride(row as FlagOverrideRow, flagKey);
    });
  }

  /** Remove a tenant's override. NOT_FOUND when there is none. */
  async deleteOverride(appId: string, key: string, tenantId: string): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const tenant = parseInput(tenantIdSchema, tenantId, "tenant id");
    await this.#write(app, async (tx) => {
      const current = await this.#mustFind(tx, app, flagKey, undefined);
      const deleted = await tx
        .delete(flagOverrides)
        .where(and(eq(flagOverrides.flagId, current.id), eq(flagOverrides.tenantId, tenant)))
        .returning({ id: flagOverrides.id });
      if (deleted.length === 0) throw notFound("flag override", `${flagKey}/${tenant}`, { appId: app });
      const now = this.#clock.now();
      await tx
        .update(flags)
        .set({ version: current.version + 1, updatedAt: now })
        .where(eq(flags.id, current.id));
      await this.#audit.record(tx, {
        action: "flag.override_deleted",
        resource: "flag",
        appId: app,
        key: flagKey,
        tenantId: tenant,
        metadata: { version: current.version + 1 },
      });
    });
  }

  /** A flag's tenant overrides in tenant order, a page at a time. NOT_FOUND when the flag does not exist. */
  async listOverrides(
    appId: string,
    key: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<FlagOverride>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const { cursor, limit } = parseInput(overrideListSchema, options, "override list options");
    const after = cursor === undefined ? undefined : decodeCursor(cursor, z.object({ tenantId: z.string() })).tenantId;
    const flag = await findFlag(this.#db, app, flagKey);
    if (!flag) throw notFound("flag", flagKey, { appId: app });
    const conditions = [eq(flagOverrides.flagId, flag.id)];
    if (after !== undefined) conditions.push(gt(flagOverrides.tenantId, after));
    const rows = await this.#db
      .select()
      .from(flagOverrides)
      .where(and(...conditions))
      .orderBy(asc(flagOverrides.tenantId))
      .limit(limit + 1);
    return toPage(
      rows,
      limit,
      (row) => toOverride(row, flagKey),
      (row) => ({ tenantId: row.tenantId }),
    );
  }

  /** Evaluate one flag from the app's cached, compiled snapshot. A missing flag is a FLAG_NOT_FOUND result. */
  async evaluate(appId: string, key: string, context: EvaluationContext = {}): Promise<EvaluationResult> {
    const app = parseInput(appIdSchema, appId, "app id");
    const ctx = parseInput(contextSchema, context, "evaluation context") as EvaluationContext;
    return (this.#cachedEvaluator(app) ?? (await this.evaluator(app))).evaluate(key, ctx);
  }

  /** Evaluate every flag of the app for one context. */
  async evaluateAll(appId: string, context: EvaluationContext = {}): Promise<Record<string, EvaluationResult>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const ctx = parseInput(contextSchema, context, "evaluation context") as EvaluationContext;
    return (this.#cachedEvaluator(app) ?? (await this.evaluator(app))).evaluateAll(ctx);
  }

  async bool(appId: string, key: string, context: EvaluationContext, defaultValue: boolean): Promise<boolean> {
    return (await this.#evaluatorOrUndefined(appId))?.bool(key, context, defaultValue) ?? defaultValue;
  }

  async string(appId: string, key: string, context: EvaluationContext, defaultValue: string): Promise<string> {
    return (await this.#evaluatorOrUndefined(appId))?.string(key, context, defaultValue) ?? defaultValue;
  }

  async int(appId: string, key: string, context: EvaluationContext, defaultValue: number): Promise<number> {
    return (await this.#evaluatorOrUndefined(appId))?.int(key, context, defaultValue) ?? defaultValue;
  }

  async float(appId: string, key: string, context: EvaluationContext, defaultValue: number): Promise<number> {
    return (await this.#evaluatorOrUndefined(appId))?.float(key, context, defaultValue) ?? defaultValue;
  }

  async json<T = JsonValue>(appId: string, key: string, context: EvaluationContext, defaultValue: T): Promise<T> {
    const evaluator = await this.#evaluatorOrUndefined(appId);
    return evaluator ? evaluator.json(key, context, defaultValue) : defaultValue;
  }

  /** The app's compiled snapshot (cached; rebuilt after writes here and revision moves elsewhere). */
  async evaluator(appId: string): Promise<FlagEvaluator> {
    const entry = await this.#load(parseInput(appIdSchema, appId, "app id"));
    return entry.evaluator as FlagEvaluator;
  }

  /** The app's flags as plain JSON with the revision they were read at (use it as an ETag). */
  async snapshot(appId: string): Promise<FlagSnapshot> {
    const entry = await this.#load(parseInput(appIdSchema, appId, "app id"));
    return entry.snapshot as FlagSnapshot;
  }

  /**
   * Stop watching for changes and drop the cache. The database (and a change feed it was given) stay open: they are
   * the caller's.
   */
  async close(): Promise<void> {
    this.#closed = true;
    for (const entry of this.#cache.values()) entry.unwatch();
    this.#cache.clear();
    if (this.#ownsChanges) await this.#changes.stop();
  }

  async #evaluatorOrUndefined(appId: string): Promise<FlagEvaluator | undefined> {
    try {
      return await this.evaluator(appId);
    } catch {
      return undefined;
    }
  }

  #entry(appId: string): CacheEntry {
    let entry = this.#cache.get(appId);
    if (!entry) {
      const created: CacheEntry = { generation: 0, unwatch: () => {} };
      if (!this.#closed) {
        created.unwatch = this.#changes.watch(appId, FLAGS_TOPIC, (change) => {
          // Our own writes invalidate before publishing; anything newer than what we hold is someone else's.
          if (created.snapshot === undefined || change.revision > created.snapshot.revision) this.#invalidate(appId);
        });
      }
      entry = created;
      this.#cache.set(appId, entry);
    }
    return entry;
  }

  #invalidate(appId: string): void {
    const entry = this.#cache.get(appId);
    if (!entry) return;
    entry.generation += 1;
    entry.evaluator = undefined;
    entry.snapshot = undefined;
    entry.loading = undefined;
  }

  /** The compiled evaluator when it is cached: the hot path of evaluate() then awaits nothing. */
  #cachedEvaluator(appId: string): FlagEvaluator | undefined {
    return this.#cache.get(appId)?.evaluator;
  }

  async #load(appId: string): Promise<CacheEntry> {
    const entry = this.#entry(appId);
    if (entry.evaluator) return entry;
    if (entry.loading) return entry.loading;
    const generation = entry.generation;
    const loading = (async () => {
      // Frozen: snapshot() hands out this object, and a caller changing it must not change the cache.
      const snapshot = deepFreeze(await readSnapshot(this.#db, appId));
      const evaluator = compileSnapshot(snapshot, { clock: this.#clock, customEvaluators: this.#customEvaluators });
      if (entry.generation === generation) {
        entry.snapshot = snapshot;
        entry.evaluator = evaluator;
        entry.loading = undefined;
        return entry;
      }
      // Invalidated while loading: this snapshot may be stale; answer from it, but do not cache it.
      return { ...entry, snapshot, evaluator };
    })();
    entry.loading = loading;
    loading.catch(() => {
      if (entry.loading === loading) entry.loading = undefined;
    });
    return loading;
  }

  /**
   * Run one flag write: bump the app's flag revision FIRST (its row lock serialises an app's flag writes, which
   * keeps the prerequisite-cycle check sound under concurrency), then the change; afterwards invalidate the cache
   * and tell this process's other listeners.
   */
  async #write<T>(appId: string, fn: (tx: VaultTx) => Promise<T>): Promise<T> {
    let revision = 0;
    const result = await this.#db.transaction(async (tx) => {
      revision = await bumpRevision(tx, appId, FLAGS_TOPIC, this.#clock);
      return fn(tx as VaultTx);
    });
    this.#invalidate(appId);
    this.#changes.publish({ appId, topic: FLAGS_TOPIC, revision });
    return result;
  }

  async #mustFind(tx: Executor, appId: string, key: string, cas: number | undefined): Promise<FlagRow> {
    const row = await findFlag(tx, appId, key, true);
    if (!row) {
      if (cas === 0) throw new VaultError("CONFLICT", `flag "${key}" does not exist`, { details: { key, cas } });
      throw notFound("flag", key, { appId });
    }
    if (cas !== undefined && cas !== row.version) {
      throw new VaultError("CONFLICT", `flag "${key}" is at version ${row.version}, not ${cas}`, {
        details: { key, expected: cas, actual: row.version },
      });
    }
    return row;
  }

  /** Prerequisites must name existing flags, use a value of their type, and not close a cycle. */
  async #checkPrerequisites(tx: Executor, appId: string, key: string, prerequisites: Prerequisite[]): Promise<void> {
    if (prerequisites.length === 0) return;
    const rows = await tx
      .select({ key: flags.key, type: flags.type, prerequisites: flags.prerequisites })
      .from(flags)
      .where(eq(flags.appId, appId));
    const byKey = new Map(rows.map((r) => [r.key, r]));
    prerequisites.forEach((p, i) => {
      const required = byKey.get(p.flagKey);
      if (!required) {
        throw new VaultError("VALIDATION", `prerequisites.${i}.flagKey: flag "${p.flagKey}" does not exist`, {
          details: { path: `prerequisites.${i}.flagKey`, flagKey: p.flagKey },
        });
      }
      if (!fitsType(required.type as FlagType, p.value)) {
        throw new VaultError(
          "TYPE_MISMATCH",
          `prerequisites.${i}.value: flag "${p.flagKey}" is of type ${required.type}`,
          { details: { path: `prerequisites.${i}.value`, flagKey: p.flagKey, expectedType: required.type } },
        );
      }
    });
    const graph = new Map<string, string[]>(rows.map((r) => [r.key, (r.prerequisites ?? []).map((p) => p.flagKey)]));
    graph.set(
      key,
      prerequisites.map((p) => p.flagKey),
    );
    const cycle = prerequisiteCycle(graph);
    if (cycle) {
      throw new VaultError("VALIDATION", `prerequisites would form a cycle: ${cycle.join(" → ")}`, {
        details: { path: "prerequisites", cycle },
      });
    }
  }

  /** Changing a flag's type must not strand flags that require a value of the old type. */
  async #checkDependents(tx: Executor, appId: string, key: string, type: FlagType): Promise<void> {
    const rows = await tx
      .select({ key: flags.key, prerequisites: flags.prerequisites })
      .from(flags)
      .where(eq(flags.appId, appId));
    for (const row of rows) {
      const stranded = (row.prerequisites ?? []).find((p) => p.flagKey === key && !fitsType(type, p.value));
      if (stranded) {
        throw new VaultError(
          "TYPE_MISMATCH",
          `flag "${row.key}" requires "${key}" to be ${JSON.stringify(stranded.value)}, which is not a ${type}`,
          { details: { dependent: row.key, key, type } },
        );
      }
    }
  }
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Give new rules ids; a missing priority is the rule's position in the list. */
function withIds(rules: RuleInput[]): FlagRule[] {
  return rules.map((rule, i) => ({ ...rule, id: newId("rule"), priority: rule.priority ?? i }) as FlagRule);
}

/** Check a flag as the engine will evaluate it; engine findings become VaultErrors with the same code. */
function check(row: FlagRow, rules: FlagRule[], overrides: { tenantId: string; value: unknown }[]): SnapshotFlag {
  try {
    return checkFlag({
      key: row.key,
      type: row.type,
      defaultValue: row.defaultValue,
      enabled: row.enabled,
      variants: row.variants,
      prerequisites: row.prerequisites,
      rules,
      overrides,
    });
  } catch (error) {
    if (error instanceof FlagDefinitionError) {
      throw new VaultError(error.code, `invalid flag "${row.key}": ${error.message}`, {
        details: { key: row.key, path: error.path },
      });
    }
    throw error;
  }
}

async function findFlag(
  executor: Executor,
  appId: string,
  key: string,
  forUpdate = false,
): Promise<FlagRow | undefined> {
  const query = executor
    .select()
    .from(flags)
    .where(and(eq(flags.appId, appId), eq(flags.key, key)));
  const [row] = forUpdate ? await query.for("update") : await query;
  return row;
}

async function insertRules(tx: Executor, flag: FlagRow, rules: FlagRule[], now: Date): Promise<void> {
  if (rules.length === 0) return;
  await tx.insert(flagRules).values(
    rules.map((rule) => {
      const { id, priority, type, ...spec } = rule;
      return { id, flagId: flag.id, appId: flag.appId, priority, type, spec, createdAt: now, updatedAt: now };
    }),
  );
}

function toRule(row: FlagRuleRow): FlagRule {
  return { ...row.spec, id: row.id, priority: row.priority, type: row.type } as FlagRule;
}

async function loadRules(executor: Executor, flagId: string): Promise<FlagRule[]> {
  const rows = await executor
    .select()
    .from(flagRules)
    .where(eq(flagRules.flagId, flagId))
    .orderBy(asc(flagRules.priority));
  return rows.map(toRule);
}

async function loadOverrides(executor: Executor, flagId: string): Promise<{ tenantId: string; value: unknown }[]> {
  return executor
    .select({ tenantId: flagOverrides.tenantId, value: flagOverrides.value })
    .from(flagOverrides)
    .where(eq(flagOverrides.flagId, flagId));
}

function toFlag(row: FlagRow, rules: FlagRule[]): Flag {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    type: row.type as FlagType,
    defaultValue: row.defaultValue as JsonValue,
    enabled: row.enabled,
    description: row.description,
    tags: row.tags,
    variants: row.variants as Record<string, JsonValue>,
    prerequisites: row.prerequisites as Prerequisite[],
    metadata: row.metadata,
    rules,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toOverride(row: FlagOverrideRow, flagKey: string): FlagOverride {
  return {
    id: row.id,
    appId: row.appId,
    flagKey,
    tenantId: row.tenantId,
    value: row.value as JsonValue,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

/** Read an app's flags, rules, overrides and revision as one consistent snapshot. */
export async function readSnapshot(db: VaultDb, appId: string): Promise<FlagSnapshot> {
  return db.transaction(
    async (tx) => {
      const revision = await readRevision(tx, appId, FLAGS_TOPIC);
      const flagRows = await tx.select().from(flags).where(eq(flags.appId, appId)).orderBy(asc(flags.key));
      const ruleRows = await tx
        .select()
        .from(flagRules)
        .where(eq(flagRules.appId, appId))
        .orderBy(asc(flagRules.priority));
      const overrideRows = await tx
        .select()
        .from(flagOverrides)
        .where(eq(flagOverrides.appId, appId))
        .orderBy(asc(flagOverrides.tenantId));
      const rulesByFlag = groupBy(ruleRows, (r) => r.flagId);
      const overridesByFlag = groupBy(overrideRows, (r) => r.flagId);
      return {
        revision,
        appId,
        flags: flagRows.map((row): SnapshotFlag => {
          const flag: SnapshotFlag = {
            key: row.key,
            type: row.type as FlagType,
            defaultValue: row.defaultValue as JsonValue,
            enabled: row.enabled,
            version: row.version,
            rules: (rulesByFlag.get(row.id) ?? []).map(toRule),
          };
          if (Object.keys(row.variants).length > 0) flag.variants = row.variants as Record<string, JsonValue>;
          if (row.prerequisites.length > 0) flag.prerequisites = row.prerequisites as Prerequisite[];
          const overrides = overridesByFlag.get(row.id);
          if (overrides) flag.overrides = overrides.map((o) => ({ tenantId: o.tenantId, value: o.value as JsonValue }));
          return flag;
        }),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

function groupBy<T>(items: T[], keyOf: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}
