import { decodeCursor, isVaultError, notFound, type Page, toPage, VaultError } from "@vault/core";
import { openValue } from "@vault/crypto";
import {
  type AuditEvent,
  byteOrderKeyset,
  type Executor,
  type SecretRow,
  secrets,
  secretVersions,
  type VaultDb,
} from "@vault/store";
import { and, eq, gt, sql } from "drizzle-orm";
import type { SecretContext } from "./context";
import { asBuffer, decodeValue, envelopePlace, toMeta } from "./rows";
import { listCursorSchema } from "./schemas";
import type { Secret, SecretMeta, SecretStat } from "./types";

/**
 * Decrypt `key` at its current version (or `version`) and audit the read, success or failure. With `tx` the read and
 * its entry share the caller's transaction. Without, the read runs alone and its entry is appended by the sink in a
 * transaction of its own; the value is returned only once that entry is committed (no entry, no value).
 */
export async function getSecret(
  ctx: SecretContext,
  tx: Executor | undefined,
  appId: string,
  key: string,
  version: number | undefined,
): Promise<Secret> {
  let outcome: { secret: Secret } | { error: VaultError };
  try {
    outcome = { secret: await decrypt(ctx, tx ?? ctx.db, appId, key, version) };
  } catch (error) {
    if (!isVaultError(error)) throw error;
    outcome = { error };
  }
  const event: AuditEvent = {
    action: "secret.read",
    resource: "secret",
    appId,
    key,
    ...("error" in outcome
      ? {
          outcome: "failure" as const,
          metadata: { ...(version === undefined ? {} : { version }), error: outcome.error.code },
        }
      : { outcome: "success" as const, metadata: { version: outcome.secret.version } }),
  };
  if (tx === undefined) await ctx.audit.recordDetached(event);
  else await ctx.audit.record(tx, event);
  if ("error" in outcome) throw outcome.error;
  return outcome.secret;
}

/**
 * What `get` would answer about `key` (NOT_FOUND, EXPIRED, or the version and meta), without reading the ciphertext,
 * decrypting or auditing: it learns nothing of the value.
 */
export async function statSecret(
  ctx: SecretContext,
  appId: string,
  key: string,
  version: number | undefined,
): Promise<SecretStat> {
  const statement = version === undefined ? ctx.reads.statCurrent : ctx.reads.statVersion;
  const [row] = await statement.execute({ appId, key, version });
  const found = checkReadable(ctx, appId, key, version, row);
  return { version: found.version, meta: found.meta };
}

async function decrypt(
  ctx: SecretContext,
  executor: Executor,
  appId: string,
  key: string,
  wanted: number | undefined,
): Promise<Secret> {
  const byVersion = wanted !== undefined;
  // On the service's own handle, the statement prepared once; in a transaction, built for it (a rarer path).
  const statement =
    executor === ctx.db
      ? byVersion
        ? ctx.reads.readVersion
        : ctx.reads.readCurrent
      : readQuery(executor, byVersion).prepare(byVersion ? READ_VERSION : READ_CURRENT);
  const [row] = await statement.execute({ appId, key, version: wanted });
  const { version, meta } = checkReadable(ctx, appId, key, wanted, row);
  const envelope = row!.version!;
  if (envelope.ciphertext === null || envelope.wrappedDek === null) {
    throw destroyedError(appId, key, version);
  }
  let plain: Buffer;
  try {
    plain = await openValue(
      ctx.keys,
      { ciphertext: asBuffer(envelope.ciphertext), wrappedDek: asBuffer(envelope.wrappedDek), kekId: envelope.kekId! },
      envelopePlace(appId, key, version),
    );
  } catch (error) {
    if (isVaultError(error, "KEY_UNAVAILABLE") || isVaultError(error, "DECRYPTION_FAILED")) {
      throw new VaultError(error.code, `secret "${key}" version ${version}: ${error.message}`, {
        details: { ...error.details, appId, key, version },
      });
    }
    throw error;
  }
  return { value: decodeValue(plain, key), version, meta };
}

/**
 * The reads, prepared once per service on its own handle, with placeholders for app, key and version. Measured
 * (same run, median of 12 × 300 sequential reads of one row, 2026-12-05): the SELECT built and prepared per call took
 * 0.40 ms on Postgres against 0.11 ms prepared once, 0.85 against 0.59 ms on PGlite; a whole get, 0.14 and 0.68 ms.
 * Building the Drizzle query alone costs ~0.1 ms of CPU per call. `.prepare()` also makes postgres.js keep a
 * server-side statement instead of asking for the parameter types first. One name per statement text (node-postgres
 * keys prepared statements by name).
 */
export function prepareReads(db: VaultDb) {
  return {
    readCurrent: readQuery(db, false).prepare(READ_CURRENT),
    readVersion: readQuery(db, true).prepare(READ_VERSION),
    statCurrent: statQuery(db, false).prepare("vault_secret_stat_current"),
    statVersion: statQuery(db, true).prepare("vault_secret_stat_version"),
  };
}
export type PreparedReads = ReturnType<typeof prepareReads>;

const READ_CURRENT = "vault_secret_read_current";
const READ_VERSION = "vault_secret_read_version";

/** What decides whether a version is readable; `id` is never null, so a missing version row reads as null. */
const versionState = {
  id: secretVersions.id,
  deletedAt: secretVersions.deletedAt,
  destroyedAt: secretVersions.destroyedAt,
  kekId: secretVersions.kekId,
};

/** The head row joined with the wanted version row and its envelope (`get`). */
function readQuery(executor: Executor, byVersion: boolean) {
  return executor
    .select({
      head: secrets,
      version: { ...versionState, ciphertext: secretVersions.ciphertext, wrappedDek: secretVersions.wrappedDek },
    })
    .from(secrets)
    .leftJoin(secretVersions, versionOf(byVersion))
    .where(byAppAndKey);
}

/** The head row joined with the wanted version row's state only: never the envelope (`stat`). */
function statQuery(executor: Executor, byVersion: boolean) {
  return executor
    .select({ head: secrets, version: versionState })
    .from(secrets)
    .leftJoin(secretVersions, versionOf(byVersion))
    .where(byAppAndKey);
}

const byAppAndKey = and(eq(secrets.appId, sql.placeholder("appId")), eq(secrets.key, sql.placeholder("key")));

/** The join to the wanted version row: the current one, or the `version` placeholder. */
function versionOf(byVersion: boolean) {
  return and(
    eq(secretVersions.secretId, secrets.id),
    eq(secretVersions.version, byVersion ? sql.placeholder("version") : secrets.currentVersion),
  );
}

interface VersionState {
  deletedAt: Date | null;
  destroyedAt: Date | null;
  kekId: string | null;
}

/**
 * The outcome rules `get` and `stat` share, in order: no secret → NOT_FOUND; past its expiry → EXPIRED; no such
 * version, or a destroyed or soft-deleted one → NOT_FOUND. Messages and details name keys and versions, never values.
 */
function checkReadable(
  ctx: SecretContext,
  appId: string,
  key: string,
  wanted: number | undefined,
  row: { head: SecretRow; version: VersionState | null } | undefined,
): { version: number; meta: SecretMeta } {
  if (row === undefined || row.head.currentVersion === 0) throw notFound("secret", key, { appId });
  const meta = toMeta(row.head);
  if (meta.expiresAt !== null && meta.expiresAt.getTime() <= ctx.clock.now().getTime()) {
    throw new VaultError("EXPIRED", `secret "${key}" expired at ${meta.expiresAt.toISOString()}`, {
      details: { appId, key, expiresAt: meta.expiresAt.toISOString() },
    });
  }
  const version = wanted ?? meta.version;
  const state = row.version;
  if (state === null) {
    throw new VaultError("NOT_FOUND", `secret "${key}" has no version ${version}`, {
      details: { appId, key, version },
    });
  }
  if (state.destroyedAt !== null || state.kekId === null) throw destroyedError(appId, key, version);
  if (state.deletedAt !== null) {
    throw new VaultError("NOT_FOUND", `version ${version} of secret "${key}" is deleted`, {
      details: { appId, key, version, state: "deleted" },
    });
  }
  return { version, meta };
}

function destroyedError(appId: string, key: string, version: number): VaultError {
  return new VaultError("NOT_FOUND", `version ${version} of secret "${key}" was destroyed`, {
    details: { appId, key, version, state: "destroyed" },
  });
}

/** The head row of a secret that has at least one version (NOT_FOUND otherwise); `lock` takes its row lock. */
export async function findHead(executor: Executor, appId: string, key: string, lock = false): Promise<SecretRow> {
  const query = executor
    .select()
    .from(secrets)
    .where(and(eq(secrets.appId, appId), eq(secrets.key, key), gt(secrets.currentVersion, 0)));
  const [head] = lock ? await query.for("update") : await query;
  if (head === undefined) throw notFound("secret", key, { appId });
  return head;
}

/** A page of an app's secrets in key (byte) order, meta only. */
export async function listSecrets(
  ctx: SecretContext,
  appId: string,
  opts: { prefix?: string; cursor?: string; limit: number },
): Promise<Page<SecretMeta>> {
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor, listCursorSchema).key;
  const keyset = byteOrderKeyset(secrets.key, { prefix: opts.prefix, after });
  const rows = await ctx.db
    .select()
    .from(secrets)
    .where(and(eq(secrets.appId, appId), gt(secrets.currentVersion, 0), ...keyset.conditions))
    .orderBy(keyset.orderBy)
    .limit(opts.limit + 1);
  return toPage(rows, opts.limit, toMeta, (row) => ({ key: row.key }));
}
