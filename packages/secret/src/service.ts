import { appIdSchema, keySchema, type Page, parseInput, systemClock, validation } from "@vault/core";
import { type Rewrappable, rewrapOptionsSchema } from "@vault/crypto";
import { noAudit, noEvents } from "@vault/store";
import { inTransaction, type SecretContext } from "./context";
import { purgeSecret } from "./purge";
import { findHead, getSecret, listSecrets, prepareReads, statSecret } from "./read";
import { rewrapAll, rewrapStatus } from "./rewrap";
import { encodeValue, toMeta } from "./rows";
import {
  DEFAULT_MAX_VALUE_BYTES,
  DEFAULT_MAX_VERSIONS,
  getOptionsSchema,
  listOptionsSchema,
  maxVersionsSchema,
  setOptionsSchema,
  statOptionsSchema,
  versionsOptionsSchema,
} from "./schemas";
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
  SecretStat,
  SecretValue,
  SecretVersionInfo,
  SetSecretOptions,
  StatSecretOptions,
  VersionsChanged,
  VersionsOptions,
} from "./types";
import { changeVersions, destroy, listVersions, softDelete, undelete } from "./versions";
import { setSecret } from "./write";

export { SECRET_VERSIONS_TABLE } from "./rows";

/**
 * Encrypted, versioned secrets (DESIGN §6). Every value is sealed with its own data key, bound to its app, key and
 * version; every mutation and read is audited. Every method takes the app id first. The methods validate their input
 * and hand it to the operation's module (write, read, versions, purge, rewrap).
 */
export class SecretService implements Rewrappable {
  readonly #ctx: SecretContext;

  constructor(options: SecretServiceOptions) {
    this.#ctx = {
      db: options.db,
      keys: options.keys,
      audit: options.audit ?? noAudit,
      events: options.events ?? noEvents,
      clock: options.clock ?? systemClock,
      maxVersions: parseInput(maxVersionsSchema.default(DEFAULT_MAX_VERSIONS), options.maxVersions, "maxVersions"),
      maxValueBytes: options.maxValueBytes ?? DEFAULT_MAX_VALUE_BYTES,
      reads: prepareReads(options.db),
    };
  }

  /**
   * Write a new version of `key`. Returns the secret's meta with the new version. `cas` makes it conditional
   * (CONFLICT on mismatch; 0: only if it does not exist); metadata, expiry and maxVersions persist unless given.
   * Versions older than the secret's `maxVersions` are destroyed.
   */
  async set(appId: string, key: string, value: SecretValue, options: SetSecretOptions = {}): Promise<SecretMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const plaintext = encodeValue(value, this.#ctx.maxValueBytes);
    const opts = parseInput(setOptionsSchema, options, "secret set options");
    return inTransaction(this.#ctx, options.tx, (tx) => setSecret(this.#ctx, tx, appId, key, plaintext, opts));
  }

  /**
   * Decrypt `key` at its current version (or `version`). Missing, soft-deleted or destroyed → NOT_FOUND; past its
   * expiry → EXPIRED; KEK not loaded → KEY_UNAVAILABLE; tampered or moved → DECRYPTION_FAILED. Audited as
   * `secret.read` (a failed read as outcome "failure"); if the entry cannot be written, the read fails.
   */
  async get(appId: string, key: string, options: GetSecretOptions = {}): Promise<Secret> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const opts = parseInput(getOptionsSchema, options, "secret get options");
    return getSecret(this.#ctx, options.tx, appId, key, opts.version);
  }

  /**
   * The version `get` would return and the secret's meta, with the same errors as `get` (NOT_FOUND, EXPIRED), but
   * without decrypting and without an audit entry — for HTTP `HEAD`.
   */
  async stat(appId: string, key: string, options: StatSecretOptions = {}): Promise<SecretStat> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const opts = parseInput(statOptionsSchema, options, "secret stat options");
    return statSecret(this.#ctx, appId, key, opts.version);
  }

  /** The secret's meta (no value, not audited as a read), whatever the state of its versions. */
  async getMeta(appId: string, key: string, options: InTransaction = {}): Promise<SecretMeta> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    return toMeta(await findHead(options.tx ?? this.#ctx.db, appId, key));
  }

  /** Every version of `key`, oldest first, without values. */
  async versions(appId: string, key: string, options: InTransaction = {}): Promise<SecretVersionInfo[]> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    return listVersions(options.tx ?? this.#ctx.db, appId, key);
  }

  /** Secrets of an app in key order, meta only; `prefix` filters, `cursor` continues a previous page. */
  async list(appId: string, options: ListSecretsOptions = {}): Promise<Page<SecretMeta>> {
    appId = parseInput(appIdSchema, appId, "app id");
    return listSecrets(this.#ctx, appId, parseInput(listOptionsSchema, options, "secret list options"));
  }

  /** Soft-delete versions (default: the current one): `get` answers NOT_FOUND for them until `undelete`. */
  async delete(appId: string, key: string, options: VersionsOptions = {}): Promise<VersionsChanged> {
    return this.#changeVersions(appId, key, options, softDelete);
  }

  /** Undo a soft delete (default: the current version). Destroyed versions stay destroyed. */
  async undelete(appId: string, key: string, options: VersionsOptions = {}): Promise<VersionsChanged> {
    return this.#changeVersions(appId, key, options, undelete);
  }

  /** Crypto-shred versions: their ciphertext, wrapped data key and KEK id are wiped for good. */
  async destroy(appId: string, key: string, versions: number[], options: InTransaction = {}): Promise<VersionsChanged> {
    if (!Array.isArray(versions) || versions.length === 0) {
      throw validation("invalid secret destroy: name the versions to destroy", { field: "versions" });
    }
    return this.#changeVersions(appId, key, { ...options, versions }, destroy);
  }

  /** Remove the secret and every version row. Returns (and audits) a SHA-256 proof of what was removed. */
  async purge(appId: string, key: string, options: InTransaction = {}): Promise<PurgeResult> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    return inTransaction(this.#ctx, options.tx, (tx) => purgeSecret(this.#ctx, tx, appId, key));
  }

  /**
   * After a KEK rotation: rewrap every data key not under the active KEK, `batchSize` per transaction. Values are
   * never decrypted. Resumable: each batch commits on its own, so a rerun continues where one stopped. Across apps.
   */
  async rewrapAll(options: RewrapOptions = {}): Promise<{ rewrapped: number }> {
    const { batchSize } = parseInput(rewrapOptionsSchema, options, "rewrap options");
    return rewrapAll(this.#ctx, batchSize, options.onProgress);
  }

  /** How many live versions each KEK wraps, and how many still need `rewrapAll`. */
  async rewrapStatus(): Promise<RewrapStatus> {
    return rewrapStatus(this.#ctx);
  }

  async #changeVersions(
    appId: string,
    key: string,
    options: VersionsOptions,
    verb: Parameters<typeof changeVersions>[5],
  ): Promise<VersionsChanged> {
    appId = parseInput(appIdSchema, appId, "app id");
    key = parseInput(keySchema, key, "secret key");
    const opts = parseInput(versionsOptionsSchema, options, `${verb.action} options`);
    return inTransaction(this.#ctx, options.tx, (tx) => changeVersions(this.#ctx, tx, appId, key, opts.versions, verb));
  }
}
