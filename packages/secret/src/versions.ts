import { VaultError } from "@vault/core";
import { type Executor, type SecretVersionRow, secrets, secretVersions } from "@vault/store";
import { and, asc, eq, inArray, isNotNull, isNull, type SQL } from "drizzle-orm";
import { emitSecretEvent, recordSecretEvent, type SecretContext } from "./context";
import { findHead } from "./read";
import { destroyed, toVersionInfo } from "./rows";
import type { SecretVersionInfo, VersionsChanged } from "./types";

/** Every version of `key`, oldest first, without values. */
export async function listVersions(executor: Executor, appId: string, key: string): Promise<SecretVersionInfo[]> {
  const head = await findHead(executor, appId, key);
  const rows = await executor
    .select()
    .from(secretVersions)
    .where(eq(secretVersions.secretId, head.id))
    .orderBy(asc(secretVersions.version));
  return rows.map(toVersionInfo);
}

/** How one verb changes a version row, and which rows it applies to. */
interface VersionChange {
  action: "secret.deleted" | "secret.undeleted" | "secret.destroyed";
  change: (now: Date) => { set: Partial<SecretVersionRow>; where: SQL | undefined };
}

/** Soft delete: `get` answers NOT_FOUND until undeleted. */
export const softDelete: VersionChange = {
  action: "secret.deleted",
  change: (now) => ({
    set: { deletedAt: now },
    where: and(isNull(secretVersions.deletedAt), isNull(secretVersions.destroyedAt)),
  }),
};

/** Undo a soft delete; destroyed versions stay destroyed. */
export const undelete: VersionChange = {
  action: "secret.undeleted",
  change: () => ({
    set: { deletedAt: null },
    where: and(isNotNull(secretVersions.deletedAt), isNull(secretVersions.destroyedAt)),
  }),
};

/** Crypto-shred: ciphertext, wrapped data key and KEK id are wiped for good. */
export const destroy: VersionChange = {
  action: "secret.destroyed",
  change: (now) => ({ set: destroyed(now), where: isNull(secretVersions.destroyedAt) }),
};

/**
 * Apply `verb` to versions of `key` (default: the current one) inside `tx`, under the head row lock. Returns the
 * versions it changed; those already in the target state are left out. NOT_FOUND for a version never written.
 */
export async function changeVersions(
  ctx: SecretContext,
  tx: Executor,
  appId: string,
  key: string,
  requested: number[] | undefined,
  verb: VersionChange,
): Promise<VersionsChanged> {
  const head = await findHead(tx, appId, key, true);
  const wanted = [...new Set(requested ?? [head.currentVersion])].sort((a, b) => a - b);
  const missing = wanted.filter((v) => v > head.currentVersion);
  if (missing.length > 0) {
    throw new VaultError("NOT_FOUND", `secret "${key}" has no version ${missing.join(", ")}`, {
      details: { appId, key, versions: missing },
    });
  }
  const now = ctx.clock.now();
  const { set, where } = verb.change(now);
  const rows = await tx
    .update(secretVersions)
    .set(set)
    .where(and(eq(secretVersions.secretId, head.id), inArray(secretVersions.version, wanted), where))
    .returning({ version: secretVersions.version });
  const versions = rows.map((r) => r.version).sort((a, b) => a - b);
  await tx.update(secrets).set({ updatedAt: now }).where(eq(secrets.id, head.id));
  await recordSecretEvent(ctx, tx, { action: verb.action, appId, key, metadata: { versions, requested: wanted } });
  // Versions already in the target state changed nothing: no event for them.
  if (versions.length > 0) {
    await emitSecretEvent(ctx, tx, {
      type: verb.action,
      appId,
      key,
      version: head.currentVersion,
      data: { versions },
    });
  }
  return { versions };
}
