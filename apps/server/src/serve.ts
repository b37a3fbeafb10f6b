import { resolve } from "node:path";
import { openDatabase } from "@vault/store";
import type { FastifyInstance } from "fastify";
import type { Logger } from "pino";
import { buildServer } from "./http/server";
import { loadKeys } from "./keys";
import { createLogger } from "./logger";
import { loadSettings, type Settings } from "./settings";
import { createVault, type Vault } from "./vault";

export interface RunningServer {
  vault: Vault;
  server: FastifyInstance;
  url: string;
  /** The instance-admin key generated on this start (first start only), to be shown once. */
  generatedAdminKey: string | undefined;
  /** Stop accepting, drain in-flight requests (up to the shutdown timeout), stop background work, close the store. */
  stop(): Promise<void>;
}

/** Start the server from settings: store (locked, migrated), keys, admin key bootstrap, HTTP listener. */
export async function startServer(settings: Settings, logger: Logger = createLogger(settings.VAULT_LOG_LEVEL)) {
  // The store first: an embedded data directory is taken (locked to this process) before anything is written in it,
  // the keyring included.
  const database = await openDatabase(
    settings.DATABASE_URL
      ? {
          url: settings.DATABASE_URL,
          connectTimeoutMs: settings.VAULT_DB_CONNECT_TIMEOUT_MS,
          statementTimeoutMs: settings.VAULT_DB_STATEMENT_TIMEOUT_MS,
          onChangeFeedError: (error) => logger.warn({ err: error }, "change feed: could not read revisions"),
        }
      : {
          dataDir: resolve(settings.VAULT_DATA_DIR),
          onWarning: (message) => logger.warn(message),
          onChangeFeedError: (error) => logger.warn({ err: error }, "change feed: could not read revisions"),
        },
  );
  let vault: Vault | undefined;
  let server: FastifyInstance | undefined;
  try {
    const keys = await loadKeys(settings);
    if (keys.keyringCreated) {
      logger.warn(
        { keyringFile: keys.keyringFile },
        `generated a new keyring at ${keys.keyringFile}: back it up with the data. A backup of the data without the keyring is useless; one with it is everything (keep them apart, and safe)`,
      );
    } else {
      logger.info(
        { keyringFile: keys.keyringFile ?? null },
        keys.keyringFile ? `keyring: ${keys.keyringFile}` : "keyring: from VAULT_KEYRING",
      );
    }
    if (settings.DATABASE_URL && (keys.keyringFile || keys.auditHmacKeyFile)) {
      logger.warn(
        "keyring or audit HMAC key comes from a local file while the database is shared: every server instance must use the same ones (set VAULT_KEYRING and VAULT_AUDIT_HMAC_KEY)",
      );
    }
    vault = await createVault({
      database,
      location: settings.DATABASE_URL ? new URL(settings.DATABASE_URL).host : resolve(settings.VAULT_DATA_DIR),
      keyring: keys.keyring,
      keyringFile: keys.keyringFile,
      auditHmacKey: keys.auditHmacKey,
      logger,
      rotationPollMs: settings.VAULT_ROTATION_MANAGER === "true" ? settings.VAULT_ROTATION_POLL_MS : undefined,
      flagUsageFlushMs: settings.VAULT_FLAG_USAGE_FLUSH_MS,
      tokens: { kdf: { preset: settings.VAULT_TOKEN_KDF } },
      blobs: {
        maxBlobBytes: settings.VAULT_BLOB_MAX_BYTES,
        sweepIntervalMs: settings.VAULT_BLOB_SWEEPER === "true" ? settings.VAULT_BLOB_SWEEP_MS : undefined,
        sweepBatchSize: settings.VAULT_BLOB_SWEEP_BATCH,
        sweepPauseMs: settings.VAULT_BLOB_SWEEP_PAUSE_MS,
      },
      webhookPollMs: settings.VAULT_WEBHOOK_WORKER === "true" ? settings.VAULT_WEBHOOK_POLL_MS : undefined,
      webhooks: {
        urlPolicy: {
          allowLoopback: settings.VAULT_WEBHOOK_ALLOW_LOOPBACK === "true",
          allowedNetworks: settings.VAULT_WEBHOOK_ALLOWED_NETWORKS,
        },
        timeoutMs: settings.VAULT_WEBHOOK_TIMEOUT_MS,
        retry: { maxAttempts: settings.VAULT_WEBHOOK_MAX_ATTEMPTS },
        disableAfterFailures: settings.VAULT_WEBHOOK_DISABLE_AFTER_FAILURES,
        reminders: {
          expiringDays: settings.VAULT_SECRET_EXPIRY_REMINDER_DAYS,
          rotationFailures: settings.VAULT_ROTATION_FAILING_AFTER,
        },
      },
    });
    const { generatedKey } = await vault.apiKeys.bootstrap({ adminKey: settings.VAULT_ADMIN_KEY });
    server = await buildServer(vault, {
      bodyLimit: settings.VAULT_BODY_LIMIT,
      accessLog: settings.VAULT_ACCESS_LOG === "true",
      failedAuth: { max: settings.VAULT_AUTH_FAILURES_MAX, windowMs: settings.VAULT_AUTH_FAILURE_WINDOW_MS },
      denialAuditWindowMs: settings.VAULT_AUTH_FAILURE_WINDOW_MS,
      trustProxy: trustProxyOf(settings.VAULT_TRUST_PROXY),
      metricsToken: settings.VAULT_METRICS_TOKEN,
      requestTimeoutMs: settings.VAULT_REQUEST_TIMEOUT_MS,
    });
    await server.listen({ port: settings.PORT, host: settings.HOST });
    const address = server.server.address();
    const port = typeof address === "object" && address ? address.port : settings.PORT;
    const host = settings.HOST.includes(":") ? `[${settings.HOST}]` : settings.HOST;
    const url = `http://${host}:${port}`;
    const running = server;
    const opened = vault;
    let stopping: Promise<void> | undefined;
    const stop = () => {
      stopping ??= (async () => {
        const timer = setTimeout(() => {
          logger.warn("in-flight requests did not finish in time; closing their connections");
          running.server.closeAllConnections();
        }, settings.VAULT_SHUTDOWN_TIMEOUT_MS);
        try {
          await running.close(); // stops accepting, waits for in-flight requests
        } finally {
          clearTimeout(timer);
          await opened.close(); // rotation manager, audit sequencer
          await database.close(); // the store (and the data directory's lock)
        }
      })();
      return stopping;
    };
    return { vault, server, url, generatedAdminKey: generatedKey, stop } satisfies RunningServer;
  } catch (error) {
    await server?.close().catch(() => {});
    await vault?.close();
    await database.close();
    throw error;
  }
}

/** VAULT_TRUST_PROXY as Fastify's `trustProxy`: a boolean, or the proxies' addresses. */
function trustProxyOf(value: string): boolean | string {
  if (value === "true") return true;
  if (value === "false") return false;
  return value;
}

/** What the embedded default promises, said at every start on it (and in the README). */
const EMBEDDED_DURABILITY =
  "embedded PGlite store: an acknowledged write survives a crash or kill of this process, but PGlite does not fsync, so a power loss or OS crash can lose recent writes or damage the data directory. For data you cannot restore from a backup, run on Postgres (DATABASE_URL).";

/**
 * `vault serve`: start from the environment and shut down gracefully on SIGTERM/SIGINT (also when one arrives during
 * start). The URL and, on the first start, the admin key go to stderr, apart from the JSON log lines on stdout. Exits 0
 * after a clean shutdown, 1 on a bad setting or a failed start.
 */
export async function serve(env: Record<string, string | undefined> = process.env): Promise<void> {
  // Everything this process creates (PGlite's files, key files) is for its own user only.
  process.umask(0o077);
  let settings: Settings;
  try {
    settings = loadSettings(env);
  } catch (error) {
    process.stderr.write(`vault: cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const logger = createLogger(settings.VAULT_LOG_LEVEL);
  let running: RunningServer | undefined;
  let signalled: NodeJS.Signals | undefined;
  const shutDown = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "shutting down");
    running?.stop().then(
      () => {
        logger.info("stopped");
        process.exit(0);
      },
      (error: unknown) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      },
    );
  };
  const onSignal = (signal: NodeJS.Signals) => {
    if (signalled !== undefined) return;
    signalled = signal;
    // Still starting: shut down as soon as the start is done.
    if (running !== undefined) shutDown(signal);
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
  try {
    running = await startServer(settings, logger);
  } catch (error) {
    logger.error({ err: error }, "start failed");
    process.stderr.write(`vault: cannot start: ${(error as Error).message}\n`);
    process.exit(1);
  }
  const { vault, url, generatedAdminKey } = running;
  const lines = [
    `vault: listening on ${url} (${vault.driver} store at ${vault.location})`,
    `vault: admin UI: ${url}/ui/`,
  ];
  if (vault.driver === "pglite") lines.push(`vault: ${EMBEDDED_DURABILITY}`);
  if (generatedAdminKey) {
    lines.push(
      "vault: first start: an instance-admin API key was created. It is shown ONCE; store it now:",
      `vault: admin key: ${generatedAdminKey}`,
      `vault: try: curl -H "Authorization: Bearer <admin key>" ${url}/v1/apps`,
    );
  }
  process.stderr.write(`${lines.join("\n")}\n`);
  if (signalled !== undefined) shutDown(signalled);
}
