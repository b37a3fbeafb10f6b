import { newId, VaultError } from "@vault/core";
import { sealValue } from "@vault/crypto";
import { type Executor, type SecretRow, secrets, secretVersions } from "@vault/store";
import { and, eq, gt, isNull, lte } from "drizzle-orm";
import { emitSecretEvent, recordSecretEvent, type SecretContext } from "./context";
import { actorLabel, destroyed, envelopePlace, toMeta } from "./rows";
import type { SetInput } from "./schemas";
import type { SecretMeta } from "./types";

/**
 * Write version current + 1 of `key` inside `tx`: lock (or create) the head row, check `cas`, insert the sealed
 * version, destroy versions beyond `maxVersions`, move the head, audit. The head row lock serialises writers of one
 * key, so concurrent writers get strictly increasing versions.
 *
 * Each statement is sent through Drizzle's `.prepare(name)` (one name per statement text): postgres.js then keeps it
 * prepared on the connection instead of first asking the server for its parameter types, a round trip per statement.
 * Measured with `pnpm bench secret` on Postgres: a set took 2.6–2.7 ms against 3.9 ms without.
 */
export async function setSecret(
  ctx: SecretContext,
  tx: Executor,
  appId: string,
  key: string,
  plaintext: Uint8Array[],
  opts: SetInput,
): Promise<SecretMeta> {
  const now = ctx.clock.now();
  const head = await lockOrCreateHead(ctx, tx, appId, key, now);
  if (opts.cas !== undefined && head.currentVersion !== opts.cas) {
    throw new VaultError(
      "CONFLICT",
      opts.cas === 0
        ? `secret "${key}" already exists (cas 0 requires that it does not)`
        : `secret "${key}" is at version ${head.currentVersion}, not ${opts.cas}`,
      { details: { appId, key, expected: opts.cas, actual: head.currentVersion } },
    );
  }
  const version = head.currentVersion + 1;
  const sealed = await sealValue(ctx.keys, plaintext, envelopePlace(appId, key, version));
  const maxVersions = opts.maxVersions ?? head.maxVersions;
  await tx
    .insert(secretVersions)
    .values({
      id: newId("secretVersion"),
      secretId: head.id,
      version,
      ciphertext: sealed.ciphertext,
      wrappedDek: sealed.wrappedDek,
      kekId: sealed.kekId,
      createdAt: now,
      createdBy: actorLabel(),
    })
    .prepare("vault_secret_insert_version")
    .execute();
  const pruned = await prune(tx, head, version, maxVersions, now);
  const [row] = await tx
    .update(secrets)
    .set({
      currentVersion: version,
      metadata: opts.metadata ?? head.metadata,
      expiresAt: opts.expiresAt === undefined ? head.expiresAt : opts.expiresAt,
      maxVersions,
      updatedAt: now,
    })
    .where(eq(secrets.id, head.id))
    .returning()
    .prepare("vault_secret_update_head")
    .execute();
  // The row is locked by this transaction: it cannot have gone.
  if (row === undefined) throw new VaultError("INTERNAL", `secret "${key}" head row vanished during set`);
  await recordSecretEvent(ctx, tx, {
    action: "secret.set",
    appId,
    key,
    metadata: {
      version,
      ...(opts.cas === undefined ? {} : { cas: opts.cas }),
      ...(pruned.length === 0 ? {} : { prunedVersions: pruned }),
    },
  });
  await emitSecretEvent(ctx, tx, {
    type: "secret.set",
    appId,
    key,
    version,
    data: {
      ...(row.expiresAt === null ? {} : { expiresAt: row.expiresAt.toISOString() }),
      ...(pruned.length === 0 ? {} : { prunedVersions: pruned }),
    },
  });
  return toMeta(row);
}

/**
 * Create the head row if it is missing, then lock it. A purge can delete the row between the two statements (the
 * insert saw it, the lock found it gone); then try again.
 */
async function lockOrCreateHead(
  ctx: SecretContext,
  tx: Executor,
  appId: string,
  key: string,
  now: Date,
): Promise<SecretRow> {
  for (let attempt = 0; attempt < 3; attempt++) {
    await tx
      .insert(secrets)
      .values({
        id: newId("secret"),
        appId,
        key,
        currentVersion: 0,
        metadata: {},
        maxVersions: ctx.maxVersions,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing({ target: [secrets.appId, secrets.key] })
      .prepare("vault_secret_insert_head")
      .execute();
    const [head] = await tx
      .select()
      .from(secrets)
      .where(and(eq(secrets.appId, appId), eq(secrets.key, key)))
      .for("update")
      .prepare("vault_secret_lock_head")
      .execute();
    if (head !== undefined) return head;
  }
  throw new VaultError("CONFLICT", `secret "${key}" was purged while it was being set; retry`, {
    details: { appId, key },
  });
}

/** Destroy the versions that fall out of the `maxVersions` window; returns their numbers, ascending. */
async function prune(
  tx: Executor,
  head: SecretRow,
  version: number,
  maxVersions: number,
  now: Date,
): Promise<number[]> {
  // Every set prunes, so versions at or below (previous version − previous maxVersions) are destroyed already: only
  // the window above that can hold live versions, which keeps the prune an index range scan of a few rows — and a
  // secret with fewer versions than it keeps needs no statement at all.
  const alreadyPruned = Math.max(0, version - 1 - head.maxVersions);
  const pruneUpTo = version - maxVersions;
  if (pruneUpTo <= alreadyPruned) return [];
  const rows = await tx
    .update(secretVersions)
    .set(destroyed(now))
    .where(
      and(
        eq(secretVersions.secretId, head.id),
        gt(secretVersions.version, alreadyPruned),
        lte(secretVersions.version, pruneUpTo),
        isNull(secretVersions.destroyedAt),
      ),
    )
    .returning({ version: secretVersions.version })
    .prepare("vault_secret_prune")
    .execute();
  return rows.map((r) => r.version).sort((a, b) => a - b);
}
