import {
  appIdSchema,
  jsonValueSchema,
  keySchema,
  type Page,
  parseInput,
  systemClock,
  tenantIdSchema,
} from "@vault/core";
import type {
  EvaluationContext,
  EvaluationResult,
  FlagEvaluator,
  FlagSnapshot,
  JsonValue,
  RuleInput,
} from "@vault/engine";
import { ChangeFeed, noAudit, noEvents } from "@vault/store";
import { closeCache } from "./cache";
import type { FlagContext } from "./context";
import { defineFlag, deleteFlag, getFlag, listFlags, setFlagRules, updateFlag } from "./definitions";
import {
  boolFlag,
  evaluateAllFlags,
  evaluateFlag,
  floatFlag,
  intFlag,
  jsonFlag,
  loadEvaluator,
  loadSnapshot,
  stringFlag,
} from "./evaluate";
import { deleteFlagOverride, listFlagOverrides, setFlagOverride } from "./overrides";
import { re2RegexEngine } from "./regex";
import {
  defineFlagSchema,
  defineSegmentSchema,
  evaluationContextSchema,
  listFlagsSchema,
  listOverridesSchema,
  listSegmentsSchema,
  rulesInputSchema,
  staleQuerySchema,
  updateFlagSchema,
  updateSegmentSchema,
  usageQuerySchema,
  usageReportSchema,
  userIdSchema,
  writeOptionsSchema,
} from "./schemas";
import { defineSegment, deleteSegment, getSegment, listSegments, updateSegment } from "./segments";
import { type StaleFlag, staleFlags } from "./stale";
import type {
  DefineFlagInput,
  DefineSegmentInput,
  Flag,
  FlagOverride,
  FlagServiceOptions,
  FlagUserOverride,
  ListFlagsOptions,
  ListSegmentsOptions,
  Segment,
  UpdateFlagInput,
  UpdateSegmentInput,
  UsageReportEntry,
  UsageReportResult,
  WriteOptions,
} from "./types";
import { type FlagUsage, flushUsage, readUsage, recordUsageReport, UsageCounter } from "./usage";
import { deleteFlagUserOverride, listFlagUserOverrides, setFlagUserOverride } from "./user-overrides";

/**
 * Typed feature flags stored in the Vault database, evaluated from a compiled snapshot cached per app. Every write
 * is one transaction (definition, rules, overrides, revision bump, audit entry); the cache is dropped in this
 * process at once and in every other process when the stored revision moves. The methods validate their input and
 * hand it to the operation's module (definitions, overrides, evaluate — with integrity and cache —).
 */
export class FlagService {
  readonly #ctx: FlagContext;
  readonly #flushTimer: ReturnType<typeof setInterval> | undefined;
  readonly #onUsageError: (error: unknown) => void;

  constructor(options: FlagServiceOptions) {
    const usage = options.usage === false ? undefined : (options.usage ?? {});
    this.#onUsageError = usage?.onError ?? (() => {});
    this.#ctx = {
      db: options.db,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      customEvaluators: options.customEvaluators,
      regexEngine: options.regexEngine ?? re2RegexEngine,
      ownsChanges: options.changes === undefined,
      changes: options.changes ?? new ChangeFeed({ db: options.db }),
      cache: new Map(),
      closed: false,
      usage: new UsageCounter(),
      countUsage: usage !== undefined,
      flushing: Promise.resolve(),
      onUsageFlushed: usage?.onFlush,
    };
    const interval = usage?.flushIntervalMs ?? 60_000;
    if (usage !== undefined && interval > 0) {
      this.#flushTimer = setInterval(() => {
        flushUsage(this.#ctx).catch(this.#onUsageError);
      }, interval);
      // Counting must not keep a process alive; close() flushes what is left.
      this.#flushTimer.unref?.();
    }
  }

  /** Create a flag (with its rules, if given). ALREADY_EXISTS when the key is taken. */
  async define(appId: string, input: DefineFlagInput): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const data = parseInput(defineFlagSchema, input, "flag definition");
    return defineFlag(this.#ctx, app, data);
  }

  /** Alias of {@link define}. */
  create(appId: string, input: DefineFlagInput): Promise<Flag> {
    return this.define(appId, input);
  }

  /** Change a flag's definition (not its key or rules). With `cas`, only if its version still matches. */
  async update(appId: string, key: string, patch: UpdateFlagInput, options: WriteOptions = {}): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const data = parseInput(updateFlagSchema, patch, "flag update");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    return updateFlag(this.#ctx, app, flagKey, data, cas);
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
    const input = parseInput(rulesInputSchema, rules, "flag rules") as RuleInput[];
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    return setFlagRules(this.#ctx, app, flagKey, input, cas);
  }

  /** The flag and its rules. NOT_FOUND when it does not exist. */
  async get(appId: string, key: string): Promise<Flag> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    return getFlag(this.#ctx, app, flagKey);
  }

  /** Flags in key order, optionally those with a tag or a key prefix, a page at a time. */
  async list(appId: string, options: ListFlagsOptions = {}): Promise<Page<Flag>> {
    const app = parseInput(appIdSchema, appId, "app id");
    return listFlags(this.#ctx, app, parseInput(listFlagsSchema, options, "flag list options"));
  }

  /** Delete a flag with its rules and overrides. NOT_FOUND when it does not exist. */
  async delete(appId: string, key: string, options: WriteOptions = {}): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    await deleteFlag(this.#ctx, app, flagKey, cas);
  }

  /** Give one tenant its own value of a flag (checked against the flag's type); replaces an earlier one. */
  async setOverride(appId: string, key: string, tenantId: string, value: JsonValue): Promise<FlagOverride> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const tenant = parseInput(tenantIdSchema, tenantId, "tenant id");
    const parsedValue = parseInput(jsonValueSchema, value, "override value") as JsonValue;
    return setFlagOverride(this.#ctx, app, flagKey, tenant, parsedValue);
  }

  /** Remove a tenant's override. NOT_FOUND when there is none. */
  async deleteOverride(appId: string, key: string, tenantId: string): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const tenant = parseInput(tenantIdSchema, tenantId, "tenant id");
    await deleteFlagOverride(this.#ctx, app, flagKey, tenant);
  }

  /** A flag's tenant overrides in tenant order, a page at a time. NOT_FOUND when the flag does not exist. */
  async listOverrides(
    appId: string,
    key: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<FlagOverride>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const page = parseInput(listOverridesSchema, options, "override list options");
    return listFlagOverrides(this.#ctx, app, flagKey, page);
  }

  /**
   * Give one user their own value of a flag (an individual target, checked against the flag's type); it beats the
   * tenant's override and every rule. Replaces an earlier one.
   */
  async setUserOverride(appId: string, key: string, userId: string, value: JsonValue): Promise<FlagUserOverride> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const user = parseInput(userIdSchema, userId, "user id");
    const parsedValue = parseInput(jsonValueSchema, value, "override value") as JsonValue;
    return setFlagUserOverride(this.#ctx, app, flagKey, user, parsedValue);
  }

  /** Remove a user's override. NOT_FOUND when there is none. */
  async deleteUserOverride(appId: string, key: string, userId: string): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const user = parseInput(userIdSchema, userId, "user id");
    await deleteFlagUserOverride(this.#ctx, app, flagKey, user);
  }

  /** A flag's user overrides in user order, a page at a time. NOT_FOUND when the flag does not exist. */
  async listUserOverrides(
    appId: string,
    key: string,
    options: { cursor?: string; limit?: number } = {},
  ): Promise<Page<FlagUserOverride>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const flagKey = parseInput(keySchema, key, "flag key");
    const page = parseInput(listOverridesSchema, options, "override list options");
    return listFlagUserOverrides(this.#ctx, app, flagKey, page);
  }

  /** Create a segment (a named constraint list rules can name). ALREADY_EXISTS when the key is taken. */
  async defineSegment(appId: string, input: DefineSegmentInput): Promise<Segment> {
    const app = parseInput(appIdSchema, appId, "app id");
    const data = parseInput(defineSegmentSchema, input, "segment definition");
    return defineSegment(this.#ctx, app, data);
  }

  /**
   * Change a segment's description or constraints; every flag naming it evaluates with the new ones at once (here)
   * and after the change feed's next look (elsewhere). With `cas`, only if its version still matches.
   */
  async updateSegment(
    appId: string,
    key: string,
    patch: UpdateSegmentInput,
    options: WriteOptions = {},
  ): Promise<Segment> {
    const app = parseInput(appIdSchema, appId, "app id");
    const segmentKey = parseInput(keySchema, key, "segment key");
    const data = parseInput(updateSegmentSchema, patch, "segment update");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    return updateSegment(this.#ctx, app, segmentKey, data, cas);
  }

  /** The segment. NOT_FOUND when it does not exist. */
  async getSegment(appId: string, key: string): Promise<Segment> {
    const app = parseInput(appIdSchema, appId, "app id");
    return getSegment(this.#ctx, app, parseInput(keySchema, key, "segment key"));
  }

  /** Segments in key order, optionally with a key prefix, a page at a time. */
  async listSegments(appId: string, options: ListSegmentsOptions = {}): Promise<Page<Segment>> {
    const app = parseInput(appIdSchema, appId, "app id");
    return listSegments(this.#ctx, app, parseInput(listSegmentsSchema, options, "segment list options"));
  }

  /** Delete a segment. CONFLICT while a rule names it (`details.flags` lists the flags that do). */
  async deleteSegment(appId: string, key: string, options: WriteOptions = {}): Promise<void> {
    const app = parseInput(appIdSchema, appId, "app id");
    const segmentKey = parseInput(keySchema, key, "segment key");
    const { cas } = parseInput(writeOptionsSchema, options, "write options");
    await deleteSegment(this.#ctx, app, segmentKey, cas);
  }

  /** Evaluate one flag from the app's cached, compiled snapshot. A missing flag is a FLAG_NOT_FOUND result. */
  async evaluate(appId: string, key: string, context: EvaluationContext = {}): Promise<EvaluationResult> {
    const app = parseInput(appIdSchema, appId, "app id");
    const evaluationContext = parseInput(evaluationContextSchema, context, "evaluation context") as EvaluationContext;
    return evaluateFlag(this.#ctx, app, key, evaluationContext);
  }

  /** Evaluate every flag of the app for one context. */
  async evaluateAll(appId: string, context: EvaluationContext = {}): Promise<Record<string, EvaluationResult>> {
    const app = parseInput(appIdSchema, appId, "app id");
    const evaluationContext = parseInput(evaluationContextSchema, context, "evaluation context") as EvaluationContext;
    return evaluateAllFlags(this.#ctx, app, evaluationContext);
  }

  async bool(appId: string, key: string, context: EvaluationContext, defaultValue: boolean): Promise<boolean> {
    return boolFlag(this.#ctx, appId, key, context, defaultValue);
  }

  async string(appId: string, key: string, context: EvaluationContext, defaultValue: string): Promise<string> {
    return stringFlag(this.#ctx, appId, key, context, defaultValue);
  }

  async int(appId: string, key: string, context: EvaluationContext, defaultValue: number): Promise<number> {
    return intFlag(this.#ctx, appId, key, context, defaultValue);
  }

  async float(appId: string, key: string, context: EvaluationContext, defaultValue: number): Promise<number> {
    return floatFlag(this.#ctx, appId, key, context, defaultValue);
  }

  async json<T = JsonValue>(appId: string, key: string, context: EvaluationContext, defaultValue: T): Promise<T> {
    return jsonFlag(this.#ctx, appId, key, context, defaultValue);
  }

  /** The app's compiled snapshot (cached; rebuilt after writes here and revision moves elsewhere). */
  async evaluator(appId: string): Promise<FlagEvaluator> {
    return loadEvaluator(this.#ctx, parseInput(appIdSchema, appId, "app id"));
  }

  /** The app's flags as plain JSON with the revision they were read at (use it as an ETag). */
  async snapshot(appId: string): Promise<FlagSnapshot> {
    return loadSnapshot(this.#ctx, parseInput(appIdSchema, appId, "app id"));
  }

  /**
   * Count evaluations a client made locally (`@vault/client` reports what it evaluated from its snapshot) with this
   * process's own, for the next flush. Entries for flags or variants the app does not have are returned as ignored.
   */
  async recordUsage(appId: string, entries: UsageReportEntry[]): Promise<UsageReportResult> {
    const app = parseInput(appIdSchema, appId, "app id");
    return recordUsageReport(this.#ctx, app, parseInput(usageReportSchema, entries, "usage report"));
  }

  /** Write the counted evaluations now (the timer does it every `usage.flushIntervalMs`). Returns the rows written. */
  async flushUsage(): Promise<number> {
    return flushUsage(this.#ctx);
  }

  /**
   * Flushed evaluation counts per flag and variant over the last `days` UTC days (default 30, today included), with
   * each flag's `lastEvaluatedAt`; flags never evaluated in the window are not listed.
   */
  async usage(appId: string, options: { days?: number; flagKey?: string } = {}): Promise<FlagUsage[]> {
    const app = parseInput(appIdSchema, appId, "app id");
    return readUsage(this.#ctx, app, parseInput(usageQuerySchema, options, "usage query"));
  }

  /**
   * Flags that look stale (default: for 30 days): not evaluated (and older than that), or serving one value to every
   * context, unchanged for that long. Counts count once flushed.
   */
  async staleFlags(appId: string, options: { days?: number } = {}): Promise<StaleFlag[]> {
    const app = parseInput(appIdSchema, appId, "app id");
    return staleFlags(this.#ctx, app, parseInput(staleQuerySchema, options, "stale flag query").days);
  }

  /**
   * Flush the counted evaluations, stop watching for changes and drop the cache. The database (and a change feed it was given) stay open: they are
   * the caller's.
   */
  async close(): Promise<void> {
    if (this.#flushTimer !== undefined) clearInterval(this.#flushTimer);
    if (this.#ctx.countUsage) await flushUsage(this.#ctx).catch(this.#onUsageError);
    await closeCache(this.#ctx);
  }
}
