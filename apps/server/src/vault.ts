import { randomBytes } from "node:crypto";
import { resolve } from "node:path";
import { AuditLog } from "@vault/audit";
import { BlobService, BlobSweeper } from "@vault/blob";
import { ConfigService } from "@vault/config";
import { type Clock, systemClock, VaultError } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { OverrideService, type Resolver } from "@vault/override";
import { type KekWrapped, RotationManager, RotationService } from "@vault/rotation";
import { SecretService } from "@vault/secret";
import {
  type AuditEvent,
  type AuditSink,
  type ChangeFeed,
  type Database,
  type Driver,
  type EventSink,
  type Executor,
  migrate,
  openDatabase,
  pendingMigrations,
  queryRows,
  type StoreContext,
  type VaultDb,
} from "@vault/store";
import { TokenService, type TokenServiceOptions } from "@vault/token";
import { OutboxEventSink, WebhookService, type WebhookServiceOptions, WebhookWorker } from "@vault/webhook";
import { sql } from "drizzle-orm";
import type { Logger } from "pino";
import { ApiKeyService } from "./auth/apikeys";
import { AppService } from "./auth/apps";
import { createLogger } from "./logger";
import { VaultMetrics } from "./metrics";

export interface CreateVaultOptions {
  /** An already open database. The caller keeps ownership: `close()` leaves it open. */
  database?: Database;
  /** Where `database` lives, for messages (the Postgres host, or the data directory). */
  location?: string;
  /** `postgres://…`; absent (and no `database`) → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** Postgres connect and statement timeouts (see `openDatabase`; defaults 5 s and 30 s). */
  databaseTimeouts?: { connectMs?: number; statementMs?: number };
  /** PGlite data directory (default `./.vault-data`). */
  dataDir?: string;
  /** Apply pending migrations on open (default true). */
  migrate?: boolean;
  clock?: Clock;
  logger?: Logger;
  /** The keyring (KEKs) secrets are encrypted under. Default: a freshly generated in-memory keyring (tests). */
  keyring?: Keyring;
  /** The file the keyring was loaded from; KEK rotation over HTTP rewrites it (absent → rotation refused). */
  keyringFile?: string;
  /** Key of the HMAC over sensitive audit metadata (≥ 16 bytes). Default: random per instance (tests). */
  auditHmacKey?: Uint8Array;
  /**
   * Replace the audit sink every service writes through (tests). Default: the hash-chained `AuditLog`, whose
   * query/verify/export routes are then available.
   */
  audit?: AuditSink;
  /** Replace the event sink every service writes through (tests). Default: the outbox of `@vault/webhook`. */
  events?: EventSink;
  /** How long a key lookup is cached in-process (default 5 s; 0 disables). */
  apiKeyCacheMs?: number;
  /** How often counted flag evaluations are flushed to the database (default 60 s; 0: only on close). */
  flagUsageFlushMs?: number;
  /** Run the rotation manager, polling every this many ms (absent → no manager). */
  rotationPollMs?: number;
  /** Token service settings: the Argon2 preset, password policy, lockout, token length (defaults: the service's). */
  tokens?: Pick<TokenServiceOptions, "kdf" | "passwordPolicy" | "lockout" | "tokenLength" | "maxValueBytes">;
  /**
   * Governed blobs: the largest blob accepted (default 1 MiB), the sweep's schedule (absent → no sweeper) and pacing
   * (batch size and the pause between batches; defaults: the service's).
   */
  blobs?: { maxBlobBytes?: number; sweepIntervalMs?: number; sweepBatchSize?: number; sweepPauseMs?: number };
  /**
   * Webhook settings: where webhooks may go (default: public addresses only), the request timeout, the retry
   * schedule, auto-disable, reminders (defaults: the service's).
   */
  webhooks?: Pick<
    WebhookServiceOptions,
    | "urlPolicy"
    | "timeoutMs"
    | "retry"
    | "disableAfterFailures"
    | "secretOverlapMs"
    | "reminders"
    | "retentionDays"
    | "sender"
    | "random"
  >;
  /** Run the webhook worker (delivery, reminders), polling every this many ms when idle (absent → no worker). */
  webhookPollMs?: number;
  /** How often the webhook worker looks for due reminders (default 60 s). */
  reminderIntervalMs?: number;
  /** Collect Node process metrics (default true). */
  defaultMetrics?: boolean;
}

/** Counts every audit append (and rotations) into the metrics, then hands the event to the real sink. */
class MeteredAuditSink implements AuditSink {
  constructor(
    readonly inner: AuditSink,
    readonly metrics: VaultMetrics,
  ) {}

  async record(tx: Executor, event: AuditEvent): Promise<void> {
    await this.inner.record(tx, event);
    this.#count(event);
  }

  async recordDetached(event: AuditEvent): Promise<void> {
    await this.inner.recordDetached(event);
    this.#count(event);
  }

  #count(event: AuditEvent): void {
    this.metrics.auditAppends.inc({ action: event.action });
    if (event.action === "secret.read") this.metrics.secretReads.inc();
    if (event.action === "rotation.rotated") this.metrics.rotations.inc({ outcome: event.outcome ?? "success" });
  }
}

/**
 * The Vault facade: one store, every service wired to one audit sink, and orderly shutdown. Build it with
 * {@link createVault}.
 */
export class Vault {
  readonly db: VaultDb;
  /** The process's change feed, shared by every service that caches. */
  readonly changes: ChangeFeed;
  readonly driver: Driver;
  /** Where the data lives: the Postgres host, or the PGlite data directory. */
  readonly location: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: VaultMetrics;
  /** The sink every service writes audit entries through (metered). */
  readonly audit: AuditSink;
  /** The sink every service writes change events through: the transactional outbox (`vault_events`). */
  readonly events: EventSink;
  /** The hash-chained audit log (undefined when a test replaced the sink). */
  readonly auditLog: AuditLog | undefined;
  readonly keyring: Keyring;
  readonly keyringFile: string | undefined;
  readonly apps: AppService;
  readonly apiKeys: ApiKeyService;
  readonly secrets: SecretService;
  readonly flags: FlagService;
  readonly config: ConfigService;
  readonly overrides: OverrideService;
  /** Config values with tenant overrides applied (cached, invalidated on every config/override change). */
  readonly resolver: Resolver;
  readonly rotation: RotationService;
  /** Tokenization: values behind opaque tokens, optionally password-protected. */
  readonly tokens: TokenService;
  /** Governed blob storage: purposes, retention and access policies, purges with proofs, compliance reports. */
  readonly blobs: BlobService;
  /** Purges due blobs on a schedule (undefined when disabled). */
  readonly blobSweeper: BlobSweeper | undefined;
  /** Webhook endpoints, deliveries and reminders. */
  readonly webhooks: WebhookService;
  /** Delivers webhooks and emits reminders in the background (undefined when disabled). */
  readonly webhookWorker: WebhookWorker | undefined;
  /** Rotates due secrets in the background (undefined when disabled). */
  readonly rotationManager: RotationManager | undefined;
  /**
   * Every subsystem whose rows hold keys wrapped by the keyring's KEKs: what KEK rotation, rewrap and the KEK status
   * cover. A service given `keys: this.keyring` belongs here, or removing an old KEK loses its data.
   */
  readonly kekWrapped: readonly KekWrapped[];
  /** How many migrations were applied when this instance opened the store. */
  readonly migrationsApplied: number;
  /** The database when this vault opened it (and so closes it); undefined when the caller owns it. */
  readonly #ownedDatabase: Database | undefined;
  readonly #closers: Array<() => Promise<void> | void> = [];
  #closed = false;

  /** @internal Use {@link createVault}. */
  constructor(parts: {
    database: Database;
    location: string;
    ownsDatabase: boolean;
    migrationsApplied: number;
    options: CreateVaultOptions;
  }) {
    const { options } = parts;
    this.db = parts.database.db;
    this.changes = parts.database.changes;
    this.driver = parts.database.driver;
    this.location = parts.location;
    this.#ownedDatabase = parts.ownsDatabase ? parts.database : undefined;
    this.migrationsApplied = parts.migrationsApplied;
    this.clock = options.clock ?? systemClock;
    this.logger = options.logger ?? createLogger("silent");
    this.metrics = new VaultMetrics({ defaultMetrics: options.defaultMetrics });
    this.keyring = options.keyring ?? Keyring.generate();
    this.keyringFile = options.keyringFile;
    this.auditLog =
      options.audit === undefined
        ? new AuditLog({
            db: this.db,
            hmacKey: options.auditHmacKey ?? randomBytes(32),
            clock: this.clock,
            onError: (error) => this.logger.error({ err: error }, "audit sequencer run failed"),
          })
        : undefined;
    this.audit = new MeteredAuditSink(options.audit ?? this.auditLog!, this.metrics);
    // Closed last among the services (registered first): every other service may still append while closing.
    if (this.auditLog) {
      const auditLog = this.auditLog;
      this.onClose(() => auditLog.close());
    }
    this.events = options.events ?? new OutboxEventSink({ clock: this.clock });
    // The Store context every service gets (DESIGN §3): nothing is found through the database handle.
    const common: StoreContext = {
      db: this.db,
      changes: this.changes,
      audit: this.audit,
      events: this.events,
      clock: this.clock,
    };
    this.apps = new AppService(common);
    this.apiKeys = new ApiKeyService({ ...common, cacheMs: options.apiKeyCacheMs });
    this.secrets = new SecretService({ ...common, keys: this.keyring });
    const metrics = this.metrics;
    this.flags = new FlagService({
      ...common,
      usage: {
        flushIntervalMs: options.flagUsageFlushMs ?? 60_000,
        onFlush: ({ entries }) => {
          metrics.flagUsageFlushes.inc({ outcome: "written" });
          for (const e of entries)
            metrics.flagUsage.inc({ app: e.appId, flag: e.flagKey, variant: e.variant }, e.count);
        },
        onError: (error) => {
          metrics.flagUsageFlushes.inc({ outcome: "failed" });
          this.logger.warn({ err: error }, "flag usage flush failed (its counts are kept for the next)");
        },
      },
    });
    this.config = new ConfigService(common);
    this.overrides = new OverrideService({ ...common, config: this.config });
    this.resolver = this.overrides.resolver();
    this.rotation = new RotationService({ ...common, secrets: this.secrets });
    this.tokens = new TokenService({ ...common, keys: this.keyring, ...options.tokens });
    this.blobs = new BlobService({
      ...common,
      keys: this.keyring,
      maxBlobBytes: options.blobs?.maxBlobBytes,
      sweepBatchSize: options.blobs?.sweepBatchSize,
      sweepPauseMs: options.blobs?.sweepPauseMs,
      // The report's access summary and chain status come from the audit log (absent when a test replaced the sink).
      evidence: this.auditLog,
    });
    this.webhooks = new WebhookService({
      db: this.db,
      audit: this.audit,
      clock: this.clock,
      keys: this.keyring,
      ...options.webhooks,
      onDelivery: (report) => {
        metrics.webhookDeliveries.inc({ outcome: report.outcome });
        metrics.webhookAttemptSeconds.observe({ outcome: report.outcome }, report.durationMs / 1000);
        if (report.outcome === "succeeded") metrics.webhookDeliverySeconds.observe(report.sinceEventMs / 1000);
      },
    });
    this.kekWrapped = [
      { name: "secrets", service: this.secrets },
      { name: "blobs", service: this.blobs },
      { name: "tokens", service: this.tokens },
      { name: "webhooks", service: this.webhooks },
    ];
    const webhooks = this.webhooks;
    // Bounded, like readiness: a scrape never waits on a database that does not answer.
    metrics.webhookQueueSource = () => withTimeout(webhooks.queueDepth(), 1_000);
    this.onClose(() => webhooks.close());
    // Close order is the reverse of registration: manager first, then caches, then the audit log, then the store.
    const { flags, config } = this;
    this.onClose(() => config.close());
    this.onClose(() => flags.close());
    if (options.rotationPollMs !== undefined) {
      const manager = new RotationManager({
        service: this.rotation,
        clock: this.clock,
        pollIntervalMs: options.rotationPollMs,
        onError: (error) => this.logger.error({ err: error }, "rotation manager tick failed"),
      });
      this.rotationManager = manager;
      manager.start();
      this.onClose(() => manager.stop());
    }
    if (options.blobs?.sweepIntervalMs !== undefined) {
      const sweeper = new BlobSweeper({
        service: this.blobs,
        intervalMs: options.blobs.sweepIntervalMs,
        onError: (error) => this.logger.error({ err: error }, "blob sweep failed"),
      });
      this.blobSweeper = sweeper;
      sweeper.start();
      this.onClose(() => sweeper.stop());
    }
    if (options.webhookPollMs !== undefined) {
      const worker = new WebhookWorker({
        service: this.webhooks,
        pollIntervalMs: options.webhookPollMs,
        reminderIntervalMs: options.reminderIntervalMs,
        onError: (error) => this.logger.error({ err: error }, "webhook worker round failed"),
      });
      this.webhookWorker = worker;
      worker.start();
      this.onClose(() => worker.stop());
    }
  }

  /** An app-scoped handle: the same services with `appId` bound. */
  app(appId: string): AppHandle {
    return new AppHandle(this, appId);
  }

  /**
   * Readiness: the database answers and every migration is applied, within `timeoutMs` (default 2000): a database
   * that does not answer in time counts as down, so a load balancer's probe never hangs.
   */
  async readiness(timeoutMs = 2_000): Promise<{ database: boolean; pendingMigrations: number | null }> {
    const check = async (): Promise<{ database: boolean; pendingMigrations: number | null }> => {
      try {
        await queryRows(this.db, sql`select 1 as ok`);
      } catch {
        return { database: false, pendingMigrations: null };
      }
      try {
        return { database: true, pendingMigrations: await pendingMigrations(this.db) };
      } catch {
        return { database: true, pendingMigrations: null };
      }
    };
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<{ database: boolean; pendingMigrations: null }>((resolve) => {
      timer = setTimeout(() => resolve({ database: false, pendingMigrations: null }), timeoutMs);
    });
    try {
      return await Promise.race([check(), timedOut]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Run `fn` when the vault closes (in reverse order of registration, before the store closes). */
  onClose(fn: () => Promise<void> | void): void {
    this.#closers.push(fn);
  }

  /** Stop background work and close the store. Safe to call twice. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    for (const fn of this.#closers.splice(0).reverse()) {
      try {
        await fn();
      } catch (error) {
        this.logger.error({ err: error }, "error while closing");
      }
    }
    await this.#ownedDatabase?.close();
  }
}

/** The methods `K` of a service, with their leading `appId` argument bound: `get(appId, key)` becomes `get(key)`. */
export type AppScoped<T, K extends keyof T> = {
  [P in K]: T[P] extends (appId: string, ...args: infer A) => infer R ? (...args: A) => R : never;
};

/** An object of the listed methods of `service`, each calling it with `appId` first. Nothing else is reachable. */
function scoped<T extends object, K extends keyof T & string>(
  service: T,
  appId: string,
  names: readonly K[],
): AppScoped<T, K> {
  const bound: Record<string, unknown> = {};
  for (const name of names) {
    const method = service[name] as (...args: unknown[]) => unknown;
    bound[name] = (...args: unknown[]) => method.call(service, appId, ...args);
  }
  return bound as AppScoped<T, K>;
}

const SECRET_METHODS = [
  "set",
  "get",
  "stat",
  "getMeta",
  "versions",
  "list",
  "delete",
  "undelete",
  "destroy",
  "purge",
] as const satisfies readonly (keyof SecretService)[];
const FLAG_METHODS = [
  "define",
  "update",
  "enable",
  "disable",
  "setRules",
  "get",
  "list",
  "delete",
  "setOverride",
  "deleteOverride",
  "listOverrides",
  "setUserOverride",
  "deleteUserOverride",
  "listUserOverrides",
  "defineSegment",
  "updateSegment",
  "getSegment",
  "listSegments",
  "deleteSegment",
  "recordUsage",
  "usage",
  "staleFlags",
  "evaluate",
  "evaluateAll",
  "bool",
  "string",
  "int",
  "float",
  "json",
  "snapshot",
] as const satisfies readonly (keyof FlagService)[];
const CONFIG_METHODS = [
  "set",
  "get",
  "getAs",
  "delete",
  "rollback",
  "list",
  "versions",
  "watch",
  "string",
  "bool",
  "int",
  "float",
  "duration",
  "json",
] as const satisfies readonly (keyof ConfigService)[];
const OVERRIDE_METHODS = [
  "set",
  "get",
  "delete",
  "listByTenant",
  "listByKey",
] as const satisfies readonly (keyof OverrideService)[];
const RESOLVER_METHODS = [
  "resolve",
  "resolveDetailed",
  "resolveAll",
  "string",
  "bool",
  "int",
  "float",
  "duration",
  "json",
] as const satisfies readonly (keyof Resolver)[];
const ROTATION_METHODS = [
  "createPolicy",
  "getPolicy",
  "listPolicies",
  "updatePolicy",
  "deletePolicy",
  "rotateNow",
  "records",
  "registerRotator",
] as const satisfies readonly (keyof RotationService)[];
const TOKEN_METHODS = [
  "create",
  "createMany",
  "read",
  "readMany",
  "readResolved",
  "update",
  "upsert",
  "exists",
  "renew",
  "softDelete",
  "restore",
  "delete",
  "purgeExpired",
  "changePassword",
  "changePasswordAll",
  "query",
  "list",
  "count",
] as const satisfies readonly (keyof TokenService)[];
const BLOB_METHODS = [
  "setPolicy",
  "getPolicy",
  "listPolicies",
  "put",
  "get",
  "stat",
  "delete",
  "list",
  "shredOwner",
  "sweepStatus",
  "verifyProof",
  "report",
  "reportHtml",
] as const satisfies readonly (keyof BlobService)[];
const WEBHOOK_METHODS = [
  "createEndpoint",
  "getEndpoint",
  "listEndpoints",
  "updateEndpoint",
  "deleteEndpoint",
  "rotateSecret",
  "listDeliveries",
  "getDelivery",
  "redeliver",
  "test",
] as const satisfies readonly (keyof WebhookService)[];
const API_KEY_METHODS = ["create", "list", "revoke"] as const satisfies readonly (keyof ApiKeyService)[];

/**
 * `vault.app(id)`: the app-scoped operations of every service, for in-process use (`vault.app("shop").secrets.get("k")`).
 * Only operations on the app's own objects are here: lifecycle (`close`) and instance-wide operations
 * (`apiKeys.authenticate`, KEK rewrap, rotating every app's due secrets) stay on the {@link Vault}.
 */
export class AppHandle {
  readonly secrets: AppScoped<SecretService, (typeof SECRET_METHODS)[number]>;
  readonly flags: AppScoped<FlagService, (typeof FLAG_METHODS)[number]>;
  readonly config: AppScoped<ConfigService, (typeof CONFIG_METHODS)[number]>;
  readonly overrides: AppScoped<OverrideService, (typeof OVERRIDE_METHODS)[number]>;
  readonly resolver: AppScoped<Resolver, (typeof RESOLVER_METHODS)[number]>;
  readonly rotation: AppScoped<RotationService, (typeof ROTATION_METHODS)[number]>;
  readonly tokens: AppScoped<TokenService, (typeof TOKEN_METHODS)[number]>;
  readonly blobs: AppScoped<BlobService, (typeof BLOB_METHODS)[number]>;
  readonly apiKeys: AppScoped<ApiKeyService, (typeof API_KEY_METHODS)[number]>;
  readonly webhooks: AppScoped<WebhookService, (typeof WEBHOOK_METHODS)[number]>;

  constructor(
    readonly vault: Vault,
    readonly appId: string,
  ) {
    this.secrets = scoped(vault.secrets, appId, SECRET_METHODS);
    this.flags = scoped(vault.flags, appId, FLAG_METHODS);
    this.config = scoped(vault.config, appId, CONFIG_METHODS);
    this.overrides = scoped(vault.overrides, appId, OVERRIDE_METHODS);
    this.resolver = scoped(vault.resolver, appId, RESOLVER_METHODS);
    this.rotation = scoped(vault.rotation, appId, ROTATION_METHODS);
    this.tokens = scoped(vault.tokens, appId, TOKEN_METHODS);
    this.blobs = scoped(vault.blobs, appId, BLOB_METHODS);
    this.apiKeys = scoped(vault.apiKeys, appId, API_KEY_METHODS);
    this.webhooks = scoped(vault.webhooks, appId, WEBHOOK_METHODS);
  }

  /** The app's audit entries (newest first). */
  audit(query: Omit<Parameters<AuditLog["query"]>[0] & object, "appId"> = {}) {
    if (!this.vault.auditLog) throw new VaultError("UNAVAILABLE", "this vault runs without the audit log");
    return this.vault.auditLog.query({ ...query, appId: this.appId });
  }
}

/** `promise`, or a rejection after `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new VaultError("UNAVAILABLE", `no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Open (or adopt) the store, migrate it, and build every service. */
export async function createVault(options: CreateVaultOptions = {}): Promise<Vault> {
  let database = options.database;
  let location: string;
  const ownsDatabase = database === undefined;
  const onChangeFeedError = (error: unknown) =>
    options.logger?.warn({ err: error }, "change feed: could not read revisions (caches refresh on the next try)");
  if (database) {
    location = options.location ?? "(provided database)";
  } else if (options.databaseUrl) {
    database = await openDatabase({
      url: options.databaseUrl,
      onChangeFeedError,
      connectTimeoutMs: options.databaseTimeouts?.connectMs,
      statementTimeoutMs: options.databaseTimeouts?.statementMs,
    });
    location = new URL(options.databaseUrl).host;
  } else {
    location = resolve(options.dataDir ?? ".vault-data");
    database = await openDatabase({ dataDir: location, onChangeFeedError });
  }
  try {
    const { applied } = options.migrate === false ? { applied: 0 } : await migrate(database.db);
    return new Vault({ database, location, ownsDatabase, migrationsApplied: applied, options });
  } catch (error) {
    if (ownsDatabase) await database.close();
    throw error;
  }
}
