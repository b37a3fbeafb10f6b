import type { Executor } from "./database";

export type AuditOutcome = "success" | "failure" | "denied";

/** What a service reports about one operation. The actor comes from core's `currentActor()`, read by the sink. */
export interface AuditEvent {
  /** `secret.read`, `secret.set`, `flag.updated`, `config.set`, `override.set`, `rotation.rotated`, … */
  action: string;
  /** The kind of object: `secret`, `flag`, `config`, `override`, `rotation_policy`, … */
  resource: string;
  appId: string;
  key?: string;
  tenantId?: string;
  outcome?: AuditOutcome;
  /** Never a secret value. Sinks HMAC the fields named in `sensitive`. */
  metadata?: Record<string, unknown>;
  /** Names of `metadata` fields whose values must not be stored raw. */
  sensitive?: string[];
}

/**
 * Where services write audit entries. `record` runs inside the caller's transaction: if it throws, the operation
 * rolls back (fail-closed). `@vault/audit` implements it; the composition root wires it in.
 */
export interface AuditSink {
  record(tx: Executor, event: AuditEvent): Promise<void>;
  /**
   * Append an entry in a transaction of the sink's own and resolve once it is durably committed. For operations
   * that change nothing (secret reads): the caller hands out its result only after this resolves, so a failed write
   * still fails the operation (fail-closed), and concurrent callers may share one INSERT and one commit.
   */
  recordDetached(event: AuditEvent): Promise<void>;
}

/** A sink that records nothing, for library users who do not want an audit trail. */
export const noAudit: AuditSink = { record: async () => {}, recordDetached: async () => {} };

/** A sink that keeps events in memory, for tests that assert what was audited. */
export class MemoryAuditSink implements AuditSink {
  readonly events: AuditEvent[] = [];
  /** Make the next `record` calls throw, to test that the caller rolls back. */
  failNext = 0;

  async record(_tx: Executor, event: AuditEvent): Promise<void> {
    if (this.failNext > 0) {
      this.failNext -= 1;
      throw new Error("audit sink unavailable (simulated)");
    }
    this.events.push(structuredClone(event));
  }

  recordDetached(event: AuditEvent): Promise<void> {
    return this.record(undefined as unknown as Executor, event);
  }
}
