import { rewrapKey } from "@vault/crypto";
import { secrets, secretVersions, withTransaction } from "@vault/store";
import { and, asc, count, eq, isNotNull, ne, type SQL, sql } from "drizzle-orm";
import { recordSecretEvent, type SecretContext } from "./context";
import type { RewrapOptions, RewrapStatus } from "./types";

/**
 * Rewrap every data key not under the active KEK, `batchSize` per transaction, across apps. Values are never
 * decrypted. Resumable: each batch commits on its own, so a rerun continues where one stopped.
 */
export async function rewrapAll(
  ctx: SecretContext,
  batchSize: number,
  onProgress: RewrapOptions["onProgress"],
): Promise<{ rewrapped: number }> {
  const active = ctx.keys.activeKeyId();
  let done = 0;
  for (;;) {
    const rewrapped = await withTransaction(ctx.db, async (tx) => {
      // SKIP LOCKED: several processes can rewrap at once, and writers are not blocked behind a batch.
      const rows = await tx
        .select({
          id: secretVersions.id,
          kekId: secretVersions.kekId,
          wrappedDek: secretVersions.wrappedDek,
          appId: secrets.appId,
        })
        .from(secretVersions)
        .innerJoin(secrets, eq(secrets.id, secretVersions.secretId))
        .where(and(isNotNull(secretVersions.kekId), ne(secretVersions.kekId, active)))
        .orderBy(asc(secretVersions.id))
        .limit(batchSize)
        .for("update", { of: secretVersions, skipLocked: true });
      const moved: SQL[] = [];
      // One audit entry per app in the batch (an entry belongs to one app), listing what moved off which KEK.
      const perApp = new Map<string, { versions: number; fromKekIds: Set<string> }>();
      for (const row of rows) {
        if (row.kekId === null || row.wrappedDek === null) continue;
        const rewrapped = await rewrapKey(ctx.keys, row.kekId, row.wrappedDek, active);
        moved.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
        const app = perApp.get(row.appId) ?? { versions: 0, fromKekIds: new Set<string>() };
        app.versions += 1;
        app.fromKekIds.add(row.kekId);
        perApp.set(row.appId, app);
      }
      if (moved.length > 0) {
        // One UPDATE per batch (Drizzle has no multi-row UPDATE): the rows are locked above, so nothing changed them.
        await tx.execute(
          sql`update ${secretVersions} as v set wrapped_dek = m.wrapped_dek, kek_id = m.kek_id
              from (values ${sql.join(moved, sql`, `)}) as m(id, wrapped_dek, kek_id)
              where v.id = m.id`,
        );
      }
      for (const [appId, app] of [...perApp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
        await recordSecretEvent(ctx, tx, {
          action: "secret.rewrapped",
          appId,
          metadata: { versions: app.versions, fromKekIds: [...app.fromKekIds].sort(), toKekId: active },
        });
      }
      return rows.length;
    });
    if (rewrapped === 0) break;
    done += rewrapped;
    const remaining = await pendingRewrap(ctx, active);
    onProgress?.({ done, remaining });
    if (remaining === 0) break;
  }
  return { rewrapped: done };
}

/** How many live versions each KEK wraps, and how many still need `rewrapAll`. */
export async function rewrapStatus(ctx: SecretContext): Promise<RewrapStatus> {
  const active = ctx.keys.activeKeyId();
  const rows = await ctx.db
    .select({ kekId: secretVersions.kekId, versions: count() })
    .from(secretVersions)
    .where(isNotNull(secretVersions.kekId))
    .groupBy(secretVersions.kekId);
  const byKek: Record<string, number> = {};
  let pending = 0;
  for (const row of rows) {
    if (row.kekId === null) continue;
    byKek[row.kekId] = Number(row.versions);
    if (row.kekId !== active) pending += Number(row.versions);
  }
  return { activeKekId: active, byKek, pending };
}

async function pendingRewrap(ctx: SecretContext, active: string): Promise<number> {
  const [row] = await ctx.db
    .select({ n: count() })
    .from(secretVersions)
    .where(and(isNotNull(secretVersions.kekId), ne(secretVersions.kekId, active)));
  return Number(row?.n ?? 0);
}
