import type { Clock } from "@vault/core";
import type { SecretService } from "@vault/secret";
import {
  type AuditEvent,
  type AuditSink,
  type EventSink,
  type Executor,
  noAudit,
  type VaultDb,
  type VaultEvent,
} from "@vault/store";
import type { Rotator } from "./strategies";

/**
 * What every rotation operation works with: the service's settings, resolved once by `RotationService`. (Named apart
 * from `RotationContext`, which is what a rotator is called with.)
 */
export interface RotationServiceContext {
  readonly db: VaultDb;
  readonly secrets: SecretService;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  /** How long a started rotation keeps its policy to itself. */
  readonly leaseMs: number;
  /** Custom rotators by `rotatorKey(appId, secretKey)`; `RotationService.registerRotator` adds and removes them. */
  readonly rotators: Map<string, Rotator>;
}

export function rotatorKey(appId: string, secretKey: string): string {
  return `${appId}\u0000${secretKey}`;
}

/** Audit inside `tx` (a failing write rolls the operation back); nothing to do without an audit sink. */
export async function recordEvent(ctx: RotationServiceContext, tx: Executor, event: AuditEvent): Promise<void> {
  if (ctx.audit !== noAudit) await ctx.audit.record(tx, event);
}

/** Write the outbox event of a rotation change inside `tx`, beside its audit entry. */
export function emitEvent(ctx: RotationServiceContext, tx: Executor, event: VaultEvent): Promise<void> {
  return ctx.events.emit(tx, event);
}
