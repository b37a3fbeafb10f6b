import { notFound } from "@vault/core";
import { configEntries, withTransaction } from "@vault/store";
import { eq } from "drizzle-orm";
import { type ConfigContext, finishWrite } from "./context";
import { casConflict, lockEntry } from "./rows";

/** Delete an entry and its versions (a later set starts again at version 1). NOT_FOUND if absent. */
export async function deleteEntry(
  ctx: ConfigContext,
  appId: string,
  key: string,
  cas: number | undefined,
): Promise<void> {
  const what = `config "${key}"`;
  const { change } = await withTransaction(ctx.db, async (tx) => {
    const row = await lockEntry(tx, appId, key);
    if (!row) throw notFound("config", key, { appId });
    if (cas !== undefined && row.version !== cas) throw casConflict(what, cas, row);
    await tx.delete(configEntries).where(eq(configEntries.id, row.id));
    return finishWrite(ctx, tx, row, "deleted", "config.deleted", {});
  });
  ctx.changes.committed(change);
}
