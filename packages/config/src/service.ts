import { appIdSchema, keySchema, type Page, parseInput, systemClock } from "@vault/core";
import { asBool, asDuration, asFloat, asInt, asJson, asString, type ConfigSnapshot } from "@vault/engine";
import { noAudit, noEvents } from "@vault/store";
import type { z } from "zod";
import { loadValues } from "./cache";
import { ConfigChangeHub, type ConfigWatcher } from "./changes";
import type { ConfigContext } from "./context";
import { deleteEntry } from "./delete";
import { getEntry, getEntryAs, listEntries, listVersions, readValue } from "./read";
import { rollbackEntry } from "./rollback";
import {
  casOptionsSchema,
  listOptionsSchema,
  pageOptionsSchema,
  setOptionsSchema,
  versionSchema,
  watchPatternSchema,
} from "./schemas";
import { setEntry } from "./set";
import { readConfigSnapshot } from "./snapshot";
import type {
  CachedConfigValue,
  ConfigEntry,
  ConfigServiceOptions,
  ConfigVersion,
  ListConfigOptions,
  SetConfigOptions,
} from "./types";

/**
 * Typed, versioned runtime config per app (DESIGN §6). Every write is one transaction (head row, version row,
 * change log, revision bump, audit entry); the value type is inferred on the first write and enforced afterwards.
 * Typed accessors read a per-app cache that every write invalidates, in this process at once and in other processes
 * through the database's change feed. The methods validate their input and hand it to the operation's module (set,
 * delete, rollback, read — with cache —, snapshot).
 */
export class ConfigService {
  readonly #ctx: ConfigContext;
  /** Change propagation: shared with OverrideService and the Resolver built on this service. */
  readonly changes: ConfigChangeHub;

  constructor(options: ConfigServiceOptions) {
    const cache: ConfigContext["cache"] = new Map();
    this.changes = new ConfigChangeHub(options.db, options.changes);
    this.changes.onInvalidate((appId) => cache.delete(appId));
    this.#ctx = {
      db: options.db,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      changes: this.changes,
      cache,
    };
  }

  /** Set a value: a new version (1 for a new entry). See {@link SetConfigOptions}. */
  async set(appId: string, key: string, value: unknown, options: SetConfigOptions = {}): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(setOptionsSchema, options, "config set options");
    return setEntry(this.#ctx, appId, key, value, opts);
  }

  /** The current entry, or NOT_FOUND. Reads the database (not the accessor cache). */
  async get(appId: string, key: string): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    return getEntry(this.#ctx, appId, key);
  }

  /**
   * Read a value and check it with a zod schema: the parsed value, NOT_FOUND when the key is missing, or
   * TYPE_MISMATCH (with zod's issues in details) when the value does not fit. Reads the accessor cache.
   */
  async getAs<S extends z.ZodType>(appId: string, key: string, schema: S): Promise<z.output<S>> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    return getEntryAs(this.#ctx, appId, key, schema);
  }

  /** Delete an entry and its versions (a later set starts again at version 1). NOT_FOUND if absent. */
  async delete(appId: string, key: string, options: { cas?: number } = {}): Promise<void> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    const opts = parseInput(casOptionsSchema, options, "config delete options");
    await deleteEntry(this.#ctx, appId, key, opts.cas);
  }

  /** Write a new version holding the value of `version` (which must exist). The current JSON schema still applies. */
  async rollback(appId: string, key: string, version: number, options: { cas?: number } = {}): Promise<ConfigEntry> {
    parseInput(appIdSchema, appId, "app id");
    parseInput(keySchema, key, "config key");
    parseInput(versionSchema, version, "version");
    const opts = parseInput(casOptionsSchema, options, "config rollback options");
    return rollbackEntry(this.#ctx, appId, key, version, opts.cas);
  }

  /** Entries of an app in key order (byte order, the same on every database), optionally under a prefix. */
  async list(appId: string, options: ListConfigOptions = {}): Promise<Page<ConfigEntry>> {
    parseInput(appIdSchema, appId, "app id");
    const opts = parseInput(listOptionsSchema, options, "config list options");
    return listEntries(this.#ctx, appId, opts);
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
    return listVersions(this.#ctx, appId, key, opts);
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
    return loadValues(this.#ctx, appId);
  }

  /**
   * The app's entries and every tenant's overrides at one config revision, as plain JSON for `compileConfigSnapshot`
   * (@vault/engine), which resolves them as the override service's Resolver does. Reads the database.
   */
  async snapshot(appId: string): Promise<ConfigSnapshot> {
    parseInput(appIdSchema, appId, "app id");
    return readConfigSnapshot(this.#ctx.db, appId);
  }

  /** A string value, or `defaultValue` when the key is missing, not a string, or unreadable. Never throws. */
  string(appId: string, key: string, defaultValue: string): Promise<string> {
    return readValue(this.#ctx, appId, key, defaultValue, asString);
  }

  /** A boolean value, else `defaultValue`. Never throws. */
  bool(appId: string, key: string, defaultValue: boolean): Promise<boolean> {
    return readValue(this.#ctx, appId, key, defaultValue, asBool);
  }

  /** An integral number (safe integer), else `defaultValue`. Never throws. */
  int(appId: string, key: string, defaultValue: number): Promise<number> {
    return readValue(this.#ctx, appId, key, defaultValue, asInt);
  }

  /** Any finite number, else `defaultValue`. Never throws. */
  float(appId: string, key: string, defaultValue: number): Promise<number> {
    return readValue(this.#ctx, appId, key, defaultValue, asFloat);
  }

  /**
   * A duration in milliseconds from `"1m30s"`, `"500ms"`, `"2h"`, `"1h30m"` or a number of ms; `defaultValue` (ms)
   * when missing or not a duration. Never throws.
   */
  duration(appId: string, key: string, defaultValue: number): Promise<number> {
    return readValue(this.#ctx, appId, key, defaultValue, asDuration);
  }

  /** An object or array value (frozen), else `defaultValue`. Never throws. */
  json<T = unknown>(appId: string, key: string, defaultValue: T): Promise<T> {
    return readValue(this.#ctx, appId, key, defaultValue, asJson<T>);
  }

  /** Stop following changes of other processes. The database and a change feed it was given stay open. */
  close(): Promise<void> {
    return this.changes.close();
  }
}
