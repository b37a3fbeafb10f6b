import {
  appIdSchema,
  type Clock,
  currentActor,
  decodeCursor,
  isVaultError,
  keySchema,
  metadataSchema,
  newId,
  notFound,
  type Page,
  parseInput,
  systemClock,
  toPage,
  VaultError,
  validation,
} from "@vault/core";
import { type KeyProvider, lengthPrefixed, openValue, rewrapKey, sealValue, sha256 } from "@vault/crypto";
import {
  type AuditEvent,
  type AuditOutcome,
  type AuditSink,
  byteOrderKeyset,
  type Executor,
  noAudit,
  queryRows,
  type SecretRow,
  type SecretVersionRow,
  secrets,
  secretVersions,
  type VaultDb,
  withTransaction,
} from "@vault/store";
import { and, asc, count, eq, gt, inArray, isNotNull, isNull, ne, type Placeholder, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type {
  GetSecretOptions,
  InTransaction,
  ListSecretsOptions,
  PurgeResult,
  RewrapOptions,
  RewrapStatus,
  Secret,
  SecretMeta,
  SecretServiceOptions,
  SecretValue,
  SecretVersionInfo,
  SetSecretOptions,
  VersionsChanged,
  VersionsOptions,
} from "./types";

/** The table name bound into every value's associated data. */
export const SECRET_VERSIONS_TABLE = "vault_secret_versions";

const DEFAULT_MAX_VERSIONS = 10;
const DEFAULT_MAX_VALUE_BYTES = 4 * 1024 * 1024;
// The first plaintext byte says what the value was, so bytes never come back as a string (and it is authenticated).
const KIND_STRING = 1;
const KIND_BYTES = 2;
const KIND_STRING_PREFIX = Buffer.of(KIND_STRING);
const KIND_BYTES_PREFIX = Buffer.of(KIND_BYTES);
const STATE_ACTIVE = 0;
const STATE_DELETED = 1;
const STATE_DESTROYED = 2;

const versionNumber = z.number().int().min(1).max(2_147_483_647);
const maxVersionsSchema = z.number().int().min(1).max(1000);
const expiresAtSchema = z.union([z.date(), z.iso.datetime({ offset: true }).transform((s) => new Date(s))]).nullable();
const setOptionsSchema = z
  .object({
    metadata: metadataSchema.optional(),
    expiresAt: expiresAtSchema.optional(),
    cas: z.number().int().min(0).max(2_147_483_647).optional(),
    maxVersions: maxVersionsSchema.optional(),
    tx: z.unknown().optional(),
  })
  .strict();
const getOptionsSchema = z.object({ version: versionNumber.optional(), tx: z.unknown().optional() }).strict();
const versionsOptionsSchema = z
  .object({ versions: z.array(versionNumber).min(1).max(1000).optional(), tx: z.unknown().optional() })
  .strict();
const listOptionsSchema = z
  .object({
    prefix: z.string().max(256).optional(),
    cursor: z.string().max(2048).optional(),
    limit: z.number().int().min(1).max(500).default(50),
  })
  .strict();
const listCursorSchema = z.object({ key: z.string() });
const rewrapOptionsSchema = z
  .object({ batchSize: z.number().int().min(1).max(10_000).default(100), onProgress: z.unknown().optional() })
  .strict();

/**
 * Encrypted, versioned secrets (DESIGN §6). Every value is sealed with its own data key, bound to its app, key and
 * version; every mutation and read is audited inside its transaction. Every method takes the app id first.
 */
export class SecretService {
  readonly #db: VaultDb;
  readonly #keys: KeyProvider;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #maxVersions: number;
  readonly #maxValueBytes: number;
  readonly #readCurrent: PreparedRead;
  readonly #readVersion: PreparedRead;

  constructor(options: SecretServiceOptions) {
    this.#db = options.db;
    this.#keys = options.keys;
    this.#audit = options.audit ?? noAudit;
    this.#clock = options.clock ?? systemClock;
    this.#maxVersions = parseInput(maxVersionsSchema.default(DEFAULT_MAX_VERSIONS), options.maxVersions, "maxVersions");
    this.#maxValueBytes = options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES;
    this.#readCurrent = prepareRead(this.#db, false);
    this.#readVersion = prepareRead(this.#db, true);
  }

  /**
   * Write a new version of `key`. Returns the secret's meta with the new version. `cas` makes it conditional
   * (CONFLICT on mismatch); metadata, expiry and maxVersions persist unless given. Versions older than the secret's
   * `maxVersions` are destroyed.
   */
  async set(appId: string, key: string, value: SecretValue, options: SetSecretOptions = {}): Promise<SecretMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const plaintext = this.#encodeValue(value);
    const opts = parseInput(setOptionsSchema, options, "secret set options");
    return this.#inTransaction(options.tx, async (tx) => {
      const now = this.#clock.now();
      const head = await this.#lockOrCreateHead(tx, appId, key, now);
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
      const sealed = await sealValue(this.#keys, plaintext, { table: SECRET_VERSIONS_TABLE, appId, key, version });
      const maxVersions = opts.maxVersions ?? head.maxVersions;
      const metadata = opts.metadata ?? head.metadata;
      const expiresAt = opts.expiresAt === undefined ? head.expiresAt : opts.expiresAt;
      // Every set prunes, so versions at or below (previous version − previous maxVersions) are destroyed already:
      // only the window above that can hold live versions, which keeps the prune an index range scan of a few rows.
      const alreadyPruned = Math.max(0, version - 1 - head.maxVersions);
      const pruneUpTo = version - maxVersions;
      const at = now.toISOString();
      // One statement (one round trip) for the new version, the prune and the head update. The prune cannot touch
      // the new row: CTEs share one snapshot, and the new version is above pruneUpTo anyway.
      const [row] = await queryRows<HeadRow & { pruned: number[] | string }>(
        tx,
        sql`with new_version as (
              insert into ${secretVersions} (id, secret_id, version, ciphertext, wrapped_dek, kek_id, created_at, created_by)
              values (${newId("secretVersion")}, ${head.id}, ${version}, ${sealed.ciphertext}, ${sealed.wrappedDek},
                      ${sealed.kekId}, ${at}::timestamptz, ${actorLabel()})
            ), pruned as (
              update ${secretVersions}
                 set ciphertext = null, wrapped_dek = null, kek_id = null, destroyed_at = ${at}::timestamptz
               where secret_id = ${head.id} and version > ${alreadyPruned} and version <= ${pruneUpTo}
                 and destroyed_at is null
              returning version
            )
            update ${secrets}
               set current_version = ${version}, metadata = ${JSON.stringify(metadata)}::jsonb,
                   expires_at = ${expiresAt === null ? null : expiresAt.toISOString()}::timestamptz,
                   max_versions = ${maxVersions}, updated_at = ${at}::timestamptz
             where id = ${head.id}
            returning id, app_id, key, current_version, metadata, max_versions, expires_at, created_at, updated_at,
                      (select coalesce(json_agg(version order by version), '[]'::json) from pruned) as pruned`,
      );
      if (row === undefined) throw new VaultError("INTERNAL", `secret "${key}" head row vanished during set`);
      const pruned = (typeof row.pruned === "string" ? JSON.parse(row.pruned) : row.pruned) as number[];
      await this.#record(tx, {
        action: "secret.set",
        appId,
        key,
        metadata: { version, ...(opts.cas === undefined ? {} : { cas: opts.cas }), ...pruneNote(pruned) },
      });
      return metaFromHeadRow(row);
    });
  }

  /**
   * Decrypt `key` at its current version (or `version`). Missing, soft-deleted or destroyed → NOT_FOUND; past its
   * expiry → EXPIRED; KEK not loaded → KEY_UNAVAILABLE; tampered or moved → DECRYPTION_FAILED. Audited as
   * `secret.read` (a failed read as outcome "failure").
   */
  async get(appId: string, key: string, options: GetSecretOptions = {}): Promise<Secret> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const opts = parseInput(getOptionsSchema, options, "secret get options");
    const attempt = async (executor: Executor): Promise<{ secret: Secret } | { error: VaultError }> => {
      try {
        return { secret: await this.#read(executor, appId, key, opts.version) };
      } catch (error) {
        if (!isVaultError(error)) throw error;
        return { error };
      }
    };
    const readEvent = (outcome: { secret: Secret } | { error: VaultError }): AuditEvent => ({
      action: "secret.read",
      resource: "secret",
      appId,
      key,
      ...("error" in outcome
        ? {
            outcome: "failure" as const,
            metadata: { ...(opts.version === undefined ? {} : { version: opts.version }), error: outcome.error.code },
          }
        : { outcome: "success" as const, metadata: { version: outcome.secret.version } }),
    });
    let outcome: { secret: Secret } | { error: VaultError };
    if (this.#audit === noAudit) {
      outcome = await attempt(options.tx ?? this.#db);
    } else if (options.tx === undefined) {
      // A read changes nothing, so it need not share a transaction with its entry: read, then wait until the entry
      // is committed (the sink group-commits concurrent reads) before the value leaves. No entry, no value.
      outcome = await attempt(this.#db);
      await this.#audit.recordDetached(readEvent(outcome));
    } else {
      outcome = await this.#inTransaction(options.tx, async (tx) => {
        const result = await attempt(tx);
        await this.#audit.record(tx, readEvent(result));
        return result;
      });
    }
    if ("error" in outcome) throw outcome.error;
    return outcome.secret;
  }

  /** The secret's meta (no value, not audited as a read). */
  async getMeta(appId: string, key: string, options: InTransaction = {}): Promise<SecretMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    return toMeta(await this.#head(options.tx ?? this.#db, appId, key));
  }

  /** Every version of `key`, oldest first, without values. */
  async versions(appId: string, key: string, options: InTransaction = {}): Promise<SecretVersionInfo[]> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const executor = options.tx ?? this.#db;
    const head = await this.#head(executor, appId, key);
    const rows = await executor
      .select()
      .from(secretVersions)
      .where(eq(secretVersions.secretId, head.id))
      .orderBy(asc(secretVersions.version));
    return rows.map(toVersionInfo);
  }

  /** Secrets of an app in key order, meta only; `prefix` filters, `cursor` continues a previous page. */
  async list(appId: string, options: ListSecretsOptions = {}): Promise<Page<SecretMeta>> {
    appId = parseInput(appIdSchema, appId, "app id");
    const opts = parseInput(listOptionsSchema, options, "secret list options");
    const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor, listCursorSchema).key;
    const keyset = byteOrderKeyset(secrets.key, { prefix: opts.prefix, after });
    const rows = await this.#db
      .select()
      .from(secrets)
      .where(and(eq(secrets.appId, appId), gt(secrets.currentVersion, 0), ...keyset.conditions))
      .orderBy(keyset.orderBy)
      .limit(opts.limit + 1);
    return toPage(rows, opts.limit, toMeta, (row) => ({ key: row.key }));
  }

  /** Soft-delete versions (default: the current one): `get` answers NOT_FOUND for them until `undelete`. */
  async delete(appId: string, key: string, options: VersionsOptions = {}): Promise<VersionsChanged> {
    return this.#changeVersions(appId, key, options, "secret.deleted", (now) => ({
      set: { deletedAt: now },
      where: and(isNull(secretVersions.deletedAt), isNull(secretVersions.destroyedAt)),
    }));
  }

  /** Undo a soft delete (default: the current version). Destroyed versions stay destroyed. */
  async undelete(appId: string, key: string, options: VersionsOptions = {}): Promise<VersionsChanged> {
    return this.#changeVersions(appId, key, options, "secret.undeleted", () => ({
      set: { deletedAt: null },
      where: and(isNotNull(secretVersions.deletedAt), isNull(secretVersions.destroyedAt)),
    }));
  }

  /** Crypto-shred versions: their ciphertext, wrapped data key and KEK id are wiped for good. */
  async destroy(appId: string, key: string, versions: number[], options: InTransaction = {}): Promise<VersionsChanged> {
    if (!Array.isArray(versions) || versions.length === 0) {
      throw validation("invalid secret destroy: name the versions to destroy", { field: "versions" });
    }
    return this.#changeVersions(appId, key, { ...options, versions }, "secret.destroyed", (now) => ({
      set: destroyed(now),
      where: isNull(secretVersions.destroyedAt),
    }));
  }

  /** Remove the secret and every version row. Returns (and audits) a SHA-256 proof of what was removed. */
  async purge(appId: string, key: string, options: InTransaction = {}): Promise<PurgeResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    return this.#inTransaction(options.tx, async (tx) => {
      const head = await this.#head(tx, appId, key, true);
      const rows = await tx
        .select()
        .from(secretVersions)
        .where(eq(secretVersions.secretId, head.id))
        .orderBy(asc(secretVersions.version));
      const purgedAt = this.#clock.now();
      const proof = purgeProof(head, rows, purgedAt);
      await tx.delete(secretVersions).where(eq(secretVersions.secretId, head.id));
      await tx.delete(secrets).where(eq(secrets.id, head.id));
      await this.#record(tx, {
        action: "secret.purged",
        appId,
        key,
        metadata: { secretId: head.id, versionsRemoved: rows.length, proof, proofAlgorithm: "sha256" },
      });
      return { secretId: head.id, appId, key, versionsRemoved: rows.length, purgedAt, proof };
    });
  }

  /**
   * After a KEK rotation: rewrap every data key not under the active KEK, `batchSize` per transaction. Values are
   * never decrypted. Resumable: each batch commits on its own, so a rerun continues where one stopped. Across apps.
   */
  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    const { batchSize } = parseInput(rewrapOptionsSchema, options, "rewrap options");
    const active = this.#keys.activeKeyId();
    let done = 0;
    for (;;) {
      const rewrapped = await withTransaction(this.#db, async (tx) => {
        // SKIP LOCKED: several processes can rewrap at once, and writers are not blocked behind a batch.
        const rows = await tx
          .select({
            id: secretVersions.id,
            kekId: secretVersions.kekId,
            wrappedDek: secretVersions.wrappedDek,
            version: secretVersions.version,
            appId: secrets.appId,
            key: secrets.key,
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
          const rewrapped = await rewrapKey(this.#keys, row.kekId, row.wrappedDek, active);
          moved.push(sql`(${row.id}, ${rewrapped.wrapped}::bytea, ${rewrapped.keyId})`);
          const app = perApp.get(row.appId) ?? { versions: 0, fromKekIds: new Set<string>() };
          app.versions += 1;
          app.fromKekIds.add(row.kekId);
          perApp.set(row.appId, app);
        }
        if (moved.length > 0) {
          // One UPDATE per batch: the rows are locked above, so nothing changed them in between.
          await tx.execute(
            sql`update ${secretVersions} as v set wrapped_dek = m.wrapped_dek, kek_id = m.kek_id
                from (values ${sql.join(moved, sql`, `)}) as m(id, wrapped_dek, kek_id)
                where v.id = m.id`,
          );
        }
        for (const [appId, app] of [...perApp].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
          await this.#record(tx, {
            action: "secret.rewrapped",
            appId,
            metadata: { versions: app.versions, fromKekIds: [...app.fromKekIds].sort(), toKekId: active },
          });
        }
        return rows.length;
      });
      if (rewrapped === 0) break;
      done += rewrapped;
      const remaining = await this.#pendingRewrap(active);
      (options.onProgress as RewrapOptions["onProgress"])?.({ done, remaining });
      if (remaining === 0) break;
    }
    return { rewrapped: done };
  }

  /** How many live versions each KEK wraps, and how many still need `rewrapAll`. */
  async rewrapStatus(): Promise<RewrapStatus> {
    const active = this.#keys.activeKeyId();
    const rows = await this.#db
      .select({ kekId: secretVersions.kekId, versions: count() })
      .from(secretVersions)
      .where(isNotNull(secretVersions.kekId))
      .groupBy(secretVersions.kekId);
    const byKek: Record<string, number> = {};
    let pending = 0;
    for (const row of rows) {
      byKek[row.kekId!] = Number(row.versions);
      if (row.kekId !== active) pending += Number(row.versions);
    }
    return { activeKekId: active, byKek, pending };
  }

  async #read(executor: Executor, appId: string, key: string, wanted: number | undefined): Promise<Secret> {
    // A prepared statement: parsed and planned once per connection. On the service's own handle it is built once;
    // inside a transaction (its own connection) it is built per call, and postgres.js reuses the server-side statement.
    const params = wanted === undefined ? { appId, key } : { appId, key, version: wanted };
    const rows = (
      executor === this.#db
        ? await (wanted === undefined ? this.#readCurrent : this.#readVersion).execute(params)
        : await prepareRead(executor, wanted !== undefined).execute(params)
    ) as ReadRow[];
    const row = rows[0];
    if (row === undefined || Number(row.current_version) === 0) throw notFound("secret", key, { appId });
    const meta = metaFromHeadRow({ ...row, app_id: appId, key });
    if (meta.expiresAt !== null && meta.expiresAt.getTime() <= this.#clock.now().getTime()) {
      throw new VaultError("EXPIRED", `secret "${key}" expired at ${meta.expiresAt.toISOString()}`, {
        details: { appId, key, expiresAt: meta.expiresAt.toISOString() },
      });
    }
    const version = wanted ?? meta.version;
    if (row.state === null || row.state === undefined) {
      throw new VaultError("NOT_FOUND", `secret "${key}" has no version ${version}`, {
        details: { appId, key, version },
      });
    }
    if (
      Number(row.state) === STATE_DESTROYED ||
      row.ciphertext === null ||
      row.wrapped_dek === null ||
      row.kek_id === null
    ) {
      throw new VaultError("NOT_FOUND", `version ${version} of secret "${key}" was destroyed`, {
        details: { appId, key, version, state: "destroyed" },
      });
    }
    if (Number(row.state) === STATE_DELETED) {
      throw new VaultError("NOT_FOUND", `version ${version} of secret "${key}" is deleted`, {
        details: { appId, key, version, state: "deleted" },
      });
    }
    let plain: Buffer;
    try {
      plain = await openValue(
        this.#keys,
        { ciphertext: toBuffer(row.ciphertext), wrappedDek: toBuffer(row.wrapped_dek), kekId: row.kek_id },
        { table: SECRET_VERSIONS_TABLE, appId, key, version },
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
   * Create the head row if it is missing, then lock it: the lock serialises writers of one key, so versions are
   * handed out strictly in order. A purge can delete the row between the two statements; then try again.
   */
  async #lockOrCreateHead(tx: Executor, appId: string, key: string, now: Date): Promise<SecretRow> {
    for (let attempt = 0; attempt < 3; attempt++) {
      await tx
        .insert(secrets)
        .values({
          id: newId("secret"),
          appId,
          key,
          currentVersion: 0,
          metadata: {},
          maxVersions: this.#maxVersions,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: [secrets.appId, secrets.key] });
      const [head] = await tx
        .select()
        .from(secrets)
        .where(and(eq(secrets.appId, appId), eq(secrets.key, key)))
        .for("update");
      if (head !== undefined) return head;
    }
    throw new VaultError("CONFLICT", `secret "${key}" was purged while it was being set; retry`, {
      details: { appId, key },
    });
  }

  async #head(executor: Executor, appId: string, key: string, lock = false): Promise<SecretRow> {
    const query = executor
      .select()
      .from(secrets)
      .where(and(eq(secrets.appId, appId), eq(secrets.key, key), gt(secrets.currentVersion, 0)));
    const [head] = lock ? await query.for("update") : await query;
    if (head === undefined) throw notFound("secret", key, { appId });
    return head;
  }

  async #changeVersions(
    appId: string,
    key: string,
    options: VersionsOptions,
    action: "secret.deleted" | "secret.undeleted" | "secret.destroyed",
    change: (now: Date) => { set: Partial<SecretVersionRow>; where: ReturnType<typeof and> },
  ): Promise<VersionsChanged> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const opts = parseInput(versionsOptionsSchema, options, `${action} options`);
    return this.#inTransaction(options.tx, async (tx) => {
      const head = await this.#head(tx, appId, key, true);
      const wanted = [...new Set(opts.versions ?? [head.currentVersion])].sort((a, b) => a - b);
      const missing = wanted.filter((v) => v > head.currentVersion);
      if (missing.length > 0) {
        throw new VaultError("NOT_FOUND", `secret "${key}" has no version ${missing.join(", ")}`, {
          details: { appId, key, versions: missing },
        });
      }
      const now = this.#clock.now();
      const { set, where } = change(now);
      const rows = await tx
        .update(secretVersions)
        .set(set)
        .where(and(eq(secretVersions.secretId, head.id), inArray(secretVersions.version, wanted), where))
        .returning({ version: secretVersions.version });
      const versions = rows.map((r) => r.version).sort((a, b) => a - b);
      await tx.update(secrets).set({ updatedAt: now }).where(eq(secrets.id, head.id));
      await this.#record(tx, { action, appId, key, metadata: { versions, requested: wanted } });
      return { versions };
    });
  }

  async #pendingRewrap(active: string): Promise<number> {
    const [row] = await this.#db
      .select({ n: count() })
      .from(secretVersions)
      .where(and(isNotNull(secretVersions.kekId), ne(secretVersions.kekId, active)));
    return Number(row?.n ?? 0);
  }

  #inTransaction<T>(tx: Executor | undefined, fn: (tx: Executor) => Promise<T>): Promise<T> {
    return tx !== undefined ? fn(tx) : withTransaction(this.#db, fn);
  }

  #record(tx: Executor, event: Omit<AuditEvent, "resource"> & { outcome?: AuditOutcome }): Promise<void> {
    return this.#audit.record(tx, { resource: "secret", outcome: "success", ...event });
  }

  #encodeValue(value: SecretValue): Uint8Array[] {
    let body: Uint8Array;
    let prefix: Buffer;
    if (typeof value === "string") {
      body = Buffer.from(value, "utf8");
      prefix = KIND_STRING_PREFIX;
    } else if (value instanceof Uint8Array) {
      body = value;
      prefix = KIND_BYTES_PREFIX;
    } else {
      // The message names the type only: never the value.
      throw validation(`invalid secret value: expected a string or a Uint8Array, got ${describeType(value)}`, {
        field: "value",
      });
    }
    if (body.length > this.#maxValueBytes) {
      throw validation(`invalid secret value: ${body.length} bytes exceeds the limit of ${this.#maxValueBytes}`, {
        field: "value",
        bytes: body.length,
        limit: this.#maxValueBytes,
      });
    }
    return [prefix, body];
  }
}

/** The head row joined with one version row (current, or `version`); no version row when it does not exist. */
function readQuery(executor: Executor, version: SQL | Placeholder | undefined) {
  return (
    executor
      // Only what the caller does not already know (not app id or key): every column costs parsing on every read.
      .select({
        id: secrets.id,
        current_version: secrets.currentVersion,
        metadata: secrets.metadata,
        max_versions: secrets.maxVersions,
        expires_at: secrets.expiresAt,
        created_at: secrets.createdAt,
        updated_at: secrets.updatedAt,
        ciphertext: secretVersions.ciphertext,
        wrapped_dek: secretVersions.wrappedDek,
        kek_id: secretVersions.kekId,
        // One small integer (null: no such version) instead of the version number and two timestamps.
        state: sql<number | null>`case when ${secretVersions.id} is null then null
        when ${secretVersions.destroyedAt} is not null then ${sql.raw(String(STATE_DESTROYED))}
        when ${secretVersions.deletedAt} is not null then ${sql.raw(String(STATE_DELETED))}
        else ${sql.raw(String(STATE_ACTIVE))} end`,
      })
      .from(secrets)
      .leftJoin(
        secretVersions,
        and(
          eq(secretVersions.secretId, secrets.id),
          eq(secretVersions.version, version === undefined ? secrets.currentVersion : sql`${version}::int`),
        ),
      )
      .$dynamic()
  );
}

type PreparedRead = { execute(values: Record<string, unknown>): Promise<unknown[]> };

function prepareRead(executor: Executor, byVersion: boolean): PreparedRead {
  return readQuery(executor, byVersion ? sql.placeholder("version") : undefined)
    .where(and(eq(secrets.appId, sql.placeholder("appId")), eq(secrets.key, sql.placeholder("key"))))
    .prepare(byVersion ? "vault_secret_read_version" : "vault_secret_read_current");
}

/** A vault_secrets row as raw SQL returns it. */
interface HeadRow extends Record<string, unknown> {
  id: string;
  app_id: string;
  key: string;
  current_version: number;
  metadata: Record<string, unknown> | string;
  max_versions: number;
  expires_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
}

interface ReadRow {
  id: string;
  current_version: number;
  metadata: Record<string, unknown> | string;
  max_versions: number;
  expires_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
  ciphertext: Uint8Array | null;
  wrapped_dek: Uint8Array | null;
  kek_id: string | null;
  state: number | null;
}

function metaFromHeadRow(row: HeadRow): SecretMeta {
  return {
    id: row.id,
    appId: row.app_id,
    key: row.key,
    version: Number(row.current_version),
    metadata: (typeof row.metadata === "string" ? JSON.parse(row.metadata) : row.metadata) as SecretMeta["metadata"],
    maxVersions: Number(row.max_versions),
    expiresAt: row.expires_at === null ? null : toDate(row.expires_at),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

function toMeta(row: SecretRow): SecretMeta {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    version: row.currentVersion,
    metadata: row.metadata as SecretMeta["metadata"],
    maxVersions: row.maxVersions,
    expiresAt: row.expiresAt,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

function toVersionInfo(row: SecretVersionRow): SecretVersionInfo {
  return {
    id: row.id,
    version: row.version,
    state: row.destroyedAt !== null ? "destroyed" : row.deletedAt !== null ? "deleted" : "active",
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    deletedAt: row.deletedAt,
    destroyedAt: row.destroyedAt,
    kekId: row.kekId,
  };
}

function destroyed(now: Date) {
  return { ciphertext: null, wrappedDek: null, kekId: null, destroyedAt: now };
}

function pruneNote(pruned: number[]): Record<string, unknown> {
  return pruned.length === 0 ? {} : { prunedVersions: pruned };
}

function decodeValue(plain: Buffer, key: string): SecretValue {
  const kind = plain[0];
  if (kind === KIND_STRING) return plain.toString("utf8", 1);
  if (kind === KIND_BYTES) return new Uint8Array(plain.subarray(1));
  throw new VaultError("DECRYPTION_FAILED", `secret "${key}" decrypted to an unknown value encoding`);
}

function purgeProof(head: SecretRow, rows: SecretVersionRow[], purgedAt: Date): string {
  const utf8 = (s: string) => Buffer.from(s, "utf8");
  const digest = (b: Uint8Array | null) => (b === null ? Buffer.alloc(0) : sha256(b));
  const parts: Uint8Array[] = [
    utf8("vault/secret-purge/v1"),
    utf8(head.id),
    utf8(head.appId),
    utf8(head.key),
    utf8(String(head.currentVersion)),
    utf8(purgedAt.toISOString()),
  ];
  for (const row of rows) {
    parts.push(
      utf8(row.id),
      utf8(String(row.version)),
      utf8(row.kekId ?? ""),
      utf8(row.createdAt.toISOString()),
      digest(row.ciphertext),
      digest(row.wrappedDek),
    );
  }
  return sha256(lengthPrefixed(parts)).toString("hex");
}

function actorLabel(): string | null {
  const actor = currentActor();
  if (actor === undefined) return null;
  if (actor.apiKeyId) return actor.apiKeyId;
  if (actor.userId) return `user:${actor.userId}`;
  if (actor.system) return `system:${actor.system}`;
  return null;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function toBuffer(value: Uint8Array | string): Buffer {
  if (Buffer.isBuffer(value)) return value;
  if (typeof value === "string") return Buffer.from(value.startsWith("\\x") ? value.slice(2) : value, "hex");
  return Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function describeType(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
