import { decodeCursor, notFound, type Page, toPage, VaultError } from "@vault/core";
import { byteOrderKeyset, configEntries, configVersions } from "@vault/store";
import { and, desc, eq, lt } from "drizzle-orm";
import { z } from "zod";
import { cachedValues, loadValues } from "./cache";
import type { ConfigContext } from "./context";
import { toEntry, toVersion } from "./rows";
import type { ListConfigData, PageData } from "./schemas";
import type { ConfigEntry, ConfigVersion } from "./types";

/** The current entry, or NOT_FOUND. Reads the database (not the accessor cache). */
export async function getEntry(ctx: ConfigContext, appId: string, key: string): Promise<ConfigEntry> {
  const [row] = await ctx.db
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
export async function getEntryAs<S extends z.ZodType>(
  ctx: ConfigContext,
  appId: string,
  key: string,
  schema: S,
): Promise<z.output<S>> {
  const cached = (await loadValues(ctx, appId)).get(key);
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

/** Entries of an app in key order (byte order, the same on every database), optionally under a prefix. */
export async function listEntries(ctx: ConfigContext, appId: string, opts: ListConfigData): Promise<Page<ConfigEntry>> {
  const limit = opts.limit ?? 50;
  const after = opts.cursor ? decodeCursor(opts.cursor, z.object({ key: z.string() })).key : undefined;
  const keyset = byteOrderKeyset(configEntries.key, { prefix: opts.prefix, after });
  const rows = await ctx.db
    .select()
    .from(configEntries)
    .where(and(eq(configEntries.appId, appId), ...keyset.conditions))
    .orderBy(keyset.orderBy)
    .limit(limit + 1);
  return toPage(rows, limit, toEntry, (row) => ({ key: row.key }));
}

/** The versions of an entry, newest first. NOT_FOUND if the entry does not exist. */
export async function listVersions(
  ctx: ConfigContext,
  appId: string,
  key: string,
  opts: PageData,
): Promise<Page<ConfigVersion>> {
  const limit = opts.limit ?? 50;
  const before = opts.cursor ? decodeCursor(opts.cursor, z.object({ version: z.number().int() })).version : undefined;
  const [entry] = await ctx.db
    .select({ id: configEntries.id })
    .from(configEntries)
    .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)));
  if (!entry) throw notFound("config", key, { appId });
  const rows = await ctx.db
    .select()
    .from(configVersions)
    .where(
      and(eq(configVersions.entryId, entry.id), before !== undefined ? lt(configVersions.version, before) : undefined),
    )
    .orderBy(desc(configVersions.version))
    .limit(limit + 1);
  return toPage(rows, limit, toVersion, (row) => ({ version: row.version }));
}

/** What the typed accessors share: the cached value read by `read`, or `defaultValue` on any failure. */
export async function readValue<T>(
  ctx: ConfigContext,
  appId: string,
  key: string,
  defaultValue: T,
  read: (value: unknown, defaultValue: T) => T,
): Promise<T> {
  try {
    const values = cachedValues(ctx, appId) ?? (await loadValues(ctx, appId));
    return read(values.get(key)?.value, defaultValue);
  } catch {
    return defaultValue;
  }
}
