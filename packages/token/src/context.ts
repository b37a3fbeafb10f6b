import type { Clock } from "@vault/core";
import type { KeyProvider } from "@vault/crypto";
import type { AuditEvent, AuditOutcome, AuditSink, EventSink, Executor, VaultDb } from "@vault/store";
import type { AppKeyCache } from "./app-keys";
import type { PreparedLookup } from "./lookup";
import type { Argon2Params, PasswordKdf } from "./password-kdf";
import type { ResolvedPasswordPolicy } from "./password-policy";

/** What every token operation works with: the service's settings, resolved once by `TokenService`. */
export interface TokenContext {
  readonly db: VaultDb;
  readonly keys: KeyProvider;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  /** Parameters new password keys are derived with. */
  readonly kdfParams: Argon2Params;
  readonly kdf: PasswordKdf;
  readonly passwordPolicy: ResolvedPasswordPolicy;
  readonly lockout: { maxAttempts: number; lockMs: number } | false;
  readonly tokenLength: number;
  readonly maxValueBytes: number;
  /** Each app's unwrapped token keys, kept after first use. */
  readonly appKeys: AppKeyCache;
  /** The read path's lookup by token HMAC, prepared once. */
  readonly lookup: PreparedLookup;
}

/** The audit entry of a token operation: `key` is the record id (`tok_…`), never the token. */
export type TokenAuditEvent = Omit<AuditEvent, "resource"> & { outcome?: AuditOutcome };

/**
 * Audit a token write inside `tx` and write its outbox event beside it (a failure of either rolls the operation
 * back). Every caller is a write, so every audited write is an event of the same name, keyed by record id; the
 * metadata is the audit entry's, which never holds a value, a token or a password.
 */
export async function recordTokenEvent(ctx: TokenContext, tx: Executor, event: TokenAuditEvent): Promise<void> {
  await ctx.audit.record(tx, { resource: "token", outcome: "success", ...event });
  const version = event.metadata?.version;
  await ctx.events.emit(tx, {
    type: event.action,
    resource: "token",
    appId: event.appId,
    ...(event.key === undefined ? {} : { key: event.key }),
    ...(typeof version === "number" ? { version } : {}),
    data: event.metadata ?? {},
  });
}

/** Audit an operation that changed nothing (a read); the caller hands out its result only once this resolves. */
export function recordTokenRead(ctx: TokenContext, event: TokenAuditEvent): Promise<void> {
  return ctx.audit.recordDetached({ resource: "token", outcome: "success", ...event });
}
