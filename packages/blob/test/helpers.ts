import { randomBytes } from "node:crypto";
import { AuditLog } from "@vault/audit";
import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { Keyring } from "@vault/crypto";
import type { AuditSink } from "@vault/store";
import type { TestDatabase } from "@vault/store/testing";
import { BlobService, type BlobServiceOptions } from "../src/index";

/** The code a promise rejects with ("no error" when it resolves). */
export async function codeOf(promise: Promise<unknown>): Promise<VaultErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

/** The error a promise rejects with (fails the test when it resolves). */
export async function errorOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; details?: Record<string, unknown> }> {
  const outcome = await promise.then(
    () => undefined,
    (error: unknown) => error as Error,
  );
  if (outcome === undefined) throw new Error("expected the operation to fail");
  return outcome;
}

/** One keyring per test file: app and owner keys are wrapped by it, and apps are shared between a file's tests. */
export const fileKeyring = Keyring.generate();

const logs: AuditLog[] = [];

/** Close every audit log the helpers made (their sequencers hold timers). */
export async function closeAuditLogs(): Promise<void> {
  for (const log of logs.splice(0)) await log.close();
}

/**
 * A blob service on `t` with a ManualClock and the real hash-chained audit log (so audit entries carry the actor; also
 * the report's evidence), and the log itself. `audit` replaces the sink (e.g. a MemoryAuditSink that fails on demand).
 */
export function blobServiceFor(t: TestDatabase, options: Partial<BlobServiceOptions> & { audit?: AuditSink } = {}) {
  const clock = new ManualClock("2026-03-01T00:00:00Z");
  const auditLog = new AuditLog({ db: t.db, hmacKey: randomBytes(32), clock, sweepIntervalMs: 0 });
  logs.push(auditLog);
  const service = new BlobService({
    db: t.db,
    keys: fileKeyring,
    clock,
    audit: options.audit ?? auditLog,
    evidence: auditLog,
    ...options,
  });
  return { service, clock, auditLog };
}

export const bytes = (text: string) => Buffer.from(text, "utf8");
