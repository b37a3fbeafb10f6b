import { notFound } from "@vault/core";
import { configEntries, configVersions, withTransaction } from "@vault/store";
import { and, eq } from "drizzle-orm";
import { type ConfigContext, finishWrite } from "./context";
import { assertMatchesSchema } from "./json-schema";
import { casConflict, insertVersion, lockEntry } from "./rows";
import type { ConfigEntry } from "./types";

/** Write a new version holding the value of `version` (which must exist). The current JSON schema still applies. */
export async function rollbackEntry(
  ctx: ConfigContext,
  appId: string,
  key: string,
  version: number,
  cas: number | undefined,
): Promise<ConfigEntry> {
  const what = `config "${key}"`;
  const { entry, change } = await withTransaction(ctx.db, async (tx) => {
    const row = await lockEntry(tx, appId, key);
    if (!row) throw notFound("config", key, { appId });
    if (cas !== undefined && row.version !== cas) throw casConflict(what, cas, row);
    const [old] = await tx
      .select()
      .from(configVersions)
      .where(and(eq(configVersions.entryId, row.id), eq(configVersions.version, version)));
    if (!old) throw notFound("config version", `${key}@${version}`, { appId, key, version });
    if (row.jsonSchema !== null && row.jsonSchema !== undefined) assertMatchesSchema(row.jsonSchema, old.value, what);
    const [updated] = await tx
      .update(configEntries)
      .set({ value: old.value, version: row.version + 1, updatedAt: ctx.clock.now() })
      .where(eq(configEntries.id, row.id))
      .returning();
    await insertVersion(tx, updated!, version);
    return finishWrite(ctx, tx, updated!, "rolled_back", "config.rolled_back", { from: version });
  });
  ctx.changes.committed(change);
  return entry;
}
