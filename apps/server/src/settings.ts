import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { VaultError } from "@vault/core";
import { z } from "zod";

const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

const port = z.coerce.number().int().min(0).max(65535);
const positiveMs = z.coerce.number().int().min(1);

/**
 * Every setting of the server, from the environment (and optionally a JSON file named by `VAULT_CONFIG_FILE`; the
 * environment wins). Names are the environment variable names, so an error message names what to fix.
 */
export const settingsSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://")
    .optional(),
  VAULT_DATA_DIR: z.string().min(1).default(".vault-data"),
  /** Keyring JSON (see @vault/crypto); absent → a keyring file in the data directory, generated on first start. */
  VAULT_KEYRING: z.string().min(1).optional(),
  /** A keyring file; default `<VAULT_DATA_DIR>/keyring.json` on the embedded default. */
  VAULT_KEYRING_FILE: z.string().min(1).optional(),
  /** Base64 key (≥ 16 bytes) of the HMAC applied to sensitive audit metadata; default a file in the data dir. */
  VAULT_AUDIT_HMAC_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{22,}={0,2}$/, "must be base64 of at least 16 bytes")
    .optional(),
  PORT: port.default(8200),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** An instance-admin API key to accept (bootstrapped into the database on start) instead of generating one. */
  VAULT_ADMIN_KEY: z
    .string()
    .regex(/^vault_[A-Za-z0-9_-]{43}$/, "must be a key made by `vault apikeys generate` (vault_ + 43 base64url chars)")
    .optional(),
  VAULT_LOG_LEVEL: z.enum(LOG_LEVELS).default("info"),
  /** "true": one log line per answered request. Errors and denials are logged either way. */
  VAULT_ACCESS_LOG: z.enum(["true", "false"]).default("false"),
  /** How long SIGTERM waits for in-flight requests before closing anyway. */
  VAULT_SHUTDOWN_TIMEOUT_MS: positiveMs.default(10_000),
  /** How often the rotation manager looks for due policies. */
  VAULT_ROTATION_POLL_MS: positiveMs.default(30_000),
  /** Set to "false" to run without the rotation manager (e.g. on read replicas). */
  VAULT_ROTATION_MANAGER: z.enum(["true", "false"]).default("true"),
  /** How often counted flag evaluations are written to the database (flag usage, stale flags). */
  VAULT_FLAG_USAGE_FLUSH_MS: positiveMs.default(60_000),
  /** Argon2id preset for token passwords: "default" (OWASP: 19 MiB, t=2, p=1) or "high" (64 MiB, t=3, p=4). */
  VAULT_TOKEN_KDF: z.enum(["default", "high"]).default("default"),
  /** Largest blob accepted (bytes); a blob write may send this much (a third more as base64 JSON). */
  VAULT_BLOB_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64 * 1024 * 1024)
    .default(1_048_576),
  /** How often the blob sweep purges what is due (every app; safe on every instance at once). */
  VAULT_BLOB_SWEEP_MS: positiveMs.default(60_000),
  /** Entries one sweep transaction purges (smaller batches hold the database, and the event loop, for less). */
  VAULT_BLOB_SWEEP_BATCH: z.coerce.number().int().min(1).max(10_000).default(50),
  /** Milliseconds a sweep waits between batches, so requests get their turn while a backlog is purged (0: none). */
  VAULT_BLOB_SWEEP_PAUSE_MS: z.coerce.number().int().min(0).max(60_000).default(20),
  /** Set to "false" to run without the scheduled blob sweep (POST /v1/apps/:appId/blobs/sweep still runs one). */
  VAULT_BLOB_SWEEPER: z.enum(["true", "false"]).default("true"),
  /** Largest accepted request body in bytes. */
  VAULT_BODY_LIMIT: z.coerce.number().int().min(1024).default(1_048_576),
  /** Failed authentications one source may make per window before it gets 429 (see VAULT_AUTH_FAILURE_WINDOW_MS). */
  VAULT_AUTH_FAILURES_MAX: z.coerce.number().int().min(1).default(30),
  /** The window of VAULT_AUTH_FAILURES_MAX, and of the audit log's summaries of repeated denials. */
  VAULT_AUTH_FAILURE_WINDOW_MS: positiveMs.default(60_000),
  /**
   * Behind a reverse proxy: "true" trusts X-Forwarded-For from any peer, or name the proxies (comma-separated IPs or
   * CIDRs). Rate limits and audit entries then see the client's address. Default "false".
   */
  VAULT_TRUST_PROXY: z.string().min(1).default("false"),
  /** How long a request may take before it is answered 503 (a hung database costs callers this much, no more). */
  VAULT_REQUEST_TIMEOUT_MS: positiveMs.default(5_000),
  /** Postgres: how long opening a connection may take. */
  VAULT_DB_CONNECT_TIMEOUT_MS: positiveMs.default(5_000),
  /** Postgres: the server-side statement_timeout of Vault's connections (0 = none). */
  VAULT_DB_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Set to "false" to run without the webhook worker (delivery, reminders) on this instance. */
  VAULT_WEBHOOK_WORKER: z.enum(["true", "false"]).default("true"),
  /** How often an idle webhook worker looks for new events and due deliveries. */
  VAULT_WEBHOOK_POLL_MS: positiveMs.default(250),
  /** How long one webhook request may take before it counts as failed. */
  VAULT_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
  /** Attempts in all before a delivery is marked failed (the defaults retry over about 25 hours). */
  VAULT_WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(11),
  /** Deliveries in a row that fail for good before an endpoint is disabled (0: never). */
  VAULT_WEBHOOK_DISABLE_AFTER_FAILURES: z.coerce.number().int().min(0).max(1000).default(5),
  /** "true" lets webhooks go to loopback addresses (a receiver on the same machine; tests). */
  VAULT_WEBHOOK_ALLOW_LOOPBACK: z.enum(["true", "false"]).default("false"),
  /** Comma-separated CIDR blocks webhooks may reach although they are private (e.g. "10.20.0.0/16"). */
  VAULT_WEBHOOK_ALLOWED_NETWORKS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  /** Days before a secret's expiry at which secret.expiring is emitted (comma-separated). */
  VAULT_SECRET_EXPIRY_REMINDER_DAYS: z
    .string()
    .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, "must be comma-separated whole days, like 30,7,1")
    .default("30,7,1")
    .transform((v) => v.split(",").map((s) => Number(s.trim()))),
  /** Consecutive failed rotations after which rotation.failing is emitted. */
  VAULT_ROTATION_FAILING_AFTER: z.coerce.number().int().min(1).max(1000).default(3),
  /** When set, GET /metrics needs `Authorization: Bearer <this token>` (at least 16 characters). */
  VAULT_METRICS_TOKEN: z.string().min(16, "must be at least 16 characters").optional(),
});

export type Settings = z.output<typeof settingsSchema>;

/**
 * Read and validate the settings. Throws a VALIDATION VaultError whose message names every bad setting, so
 * start-up stops with something a human can fix.
 */
export function loadSettings(env: Record<string, string | undefined> = process.env): Settings {
  let fromFile: Record<string, unknown> = {};
  const file = env.VAULT_CONFIG_FILE;
  if (file) {
    let text: string;
    try {
      text = readFileSync(resolve(file), "utf8");
    } catch (cause) {
      throw new VaultError("VALIDATION", `VAULT_CONFIG_FILE: cannot read ${file}`, {
        details: { setting: "VAULT_CONFIG_FILE" },
        cause,
      });
    }
    try {
      const parsed = JSON.parse(text) as unknown;
      if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error("not an object");
      fromFile = Object.fromEntries(
        Object.entries(parsed).map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
      );
    } catch (cause) {
      throw new VaultError("VALIDATION", `VAULT_CONFIG_FILE: ${file} is not a JSON object of settings`, {
        details: { setting: "VAULT_CONFIG_FILE" },
        cause,
      });
    }
    const unknownKeys = Object.keys(fromFile).filter((k) => !(k in settingsSchema.shape));
    if (unknownKeys.length > 0) {
      throw new VaultError("VALIDATION", `VAULT_CONFIG_FILE: unknown setting(s) ${unknownKeys.join(", ")}`, {
        details: { setting: "VAULT_CONFIG_FILE", unknown: unknownKeys },
      });
    }
  }
  // Empty environment variables count as unset (`DATABASE_URL= pnpm start`).
  const fromEnv = Object.fromEntries(
    Object.keys(settingsSchema.shape)
      .map((k) => [k, env[k]] as const)
      .filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = settingsSchema.safeParse({ ...fromFile, ...fromEnv });
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => ({ setting: issue.path.join("."), message: issue.message }));
  throw new VaultError(
    "VALIDATION",
    `invalid settings: ${issues.map((i) => `${i.setting}: ${i.message}`).join("; ")}`,
    { details: { issues } },
  );
}
