import type { Clock } from "@vault/core";
import type { AuditOutcome, VaultDb } from "@vault/store";
import type { ChainedEntry } from "./verify";

/** One audit entry as stored. `seq`, `prevHash` and `hash` are null only until the sequencer chains it. */
export interface AuditEntry extends ChainedEntry {
  outcome: AuditOutcome;
}

/** Where the chain ends: the last entry's seq and hash (0 and the genesis hash before the first). */
export interface ChainHead {
  lastSeq: number;
  lastHash: string;
}

export interface AuditLogOptions {
  db: VaultDb;
  /** Key of the HMAC-SHA256 applied to sensitive metadata values (at least 16 bytes; a string is taken as UTF-8). */
  hmacKey: Uint8Array | string;
  clock?: Clock;
  /** Entries chained per sequencer transaction (default 500). */
  batchSize?: number;
  /** How long after an entry is written the sequencer runs, so that one run chains many entries (default 50 ms). */
  flushDelayMs?: number;
  /**
   * How often the sequencer also runs on its own, to chain entries whose transaction committed after the last run or
   * that another (perhaps crashed) process inserted (default 1000 ms; 0 = never). Started by the first entry written.
   */
  sweepIntervalMs?: number;
  /** Called when a background sequencer run fails (the entries stay unchained and are retried). */
  onError?: (error: unknown) => void;
}

export interface AuditQuery {
  appId?: string;
  action?: string;
  resource?: string;
  key?: string;
  tenantId?: string;
  /** Matches the actor's API key id, user id or system label. */
  actor?: string;
  outcome?: AuditOutcome;
  /** Entries created at or after this time. */
  from?: Date | string;
  /** Entries created before this time. */
  to?: Date | string;
  cursor?: string;
  limit?: number;
}

export type AuditFilter = Omit<AuditQuery, "cursor" | "limit">;

/** How many entries share an action, an outcome and an actor (see `AuditLog.count`). */
export interface AuditCount {
  action: string;
  outcome: AuditOutcome;
  /** The actor's user id, else its API key id, else its system label; null when the entry has none. */
  actor: string | null;
  count: number;
}
