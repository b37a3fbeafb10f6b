import { isVaultError, newId } from "@vault/core";
import type { SecretValue } from "@vault/secret";
import { type Executor, type RotationPolicyRow, type RotationRow, rotationPolicies, rotations } from "@vault/store";
import { eq } from "drizzle-orm";
import type { Claim } from "./claim";
import { emitEvent, type RotationServiceContext, recordEvent } from "./context";
import { rotationChange, rotationEvent, toRecord } from "./rows";
import type { BackoffFn, RotationRecord } from "./types";

/**
 * The success of an attempt, inside the outcome's transaction: the new version (check-and-set on the version the
 * rotator started from), the policy's times (ending the lease if it is still ours), the record and the audit entry.
 */
export async function recordSuccess(
  ctx: RotationServiceContext,
  tx: Executor,
  claim: Claim,
  current: RotationPolicyRow | undefined,
  stillLeased: boolean,
  value: SecretValue,
): Promise<RotationRecord> {
  const { policy, at } = claim;
  const written = await ctx.secrets.set(policy.appId, policy.secretKey, value, {
    tx,
    cas: claim.oldVersion ?? 0,
  });
  // A policy deleted meanwhile has no times to move; the new value is kept all the same (the rotator may have
  // changed it elsewhere already).
  if (current) {
    await tx
      .update(rotationPolicies)
      .set({
        lastRotatedAt: at,
        nextRotationAt: new Date(at.getTime() + current.intervalMs),
        failures: 0,
        retryAt: null,
        lastError: null,
        // Only our own lease ends here: a later claim's belongs to the rotation that holds it.
        leaseUntil: stillLeased ? null : current.leaseUntil,
        updatedAt: at,
      })
      .where(eq(rotationPolicies.id, policy.id));
  }
  const row = await insertRecord(tx, claim, { newVersion: written.version, outcome: "success" });
  await recordEvent(ctx, tx, rotationEvent(row, policy.strategy));
  await emitEvent(ctx, tx, rotationChange(row));
  return toRecord(row);
}

/**
 * The failure of an attempt: a record, an audit entry (the error's code only: a rotator's message is free text),
 * and — while the policy is still leased to this attempt — the failure count, backoff and the end of the lease.
 */
export async function recordFailure(
  ctx: RotationServiceContext,
  tx: Executor,
  claim: Claim,
  leased: RotationPolicyRow | undefined,
  error: unknown,
  backoff: BackoffFn | undefined,
): Promise<RotationRecord> {
  const { policy, at } = claim;
  const message = errorMessage(error);
  const failures = leased === undefined ? undefined : leased.failures + 1;
  if (failures !== undefined) {
    await tx
      .update(rotationPolicies)
      .set({
        failures,
        lastError: message,
        ...(backoff ? { retryAt: new Date(at.getTime() + backoff(failures)) } : {}),
        leaseUntil: null,
        updatedAt: at,
      })
      .where(eq(rotationPolicies.id, policy.id));
  }
  const row = await insertRecord(tx, claim, { newVersion: null, outcome: "failure", error: message });
  const event = rotationEvent(row, policy.strategy);
  await recordEvent(ctx, tx, {
    ...event,
    outcome: "failure",
    metadata: {
      ...event.metadata,
      errorCode: isVaultError(error) ? error.code : "ROTATOR_FAILED",
      ...(failures === undefined ? {} : { failures }),
    },
  });
  // The error's code only, as in the audit entry: a rotator's message is free text that could quote a value.
  await emitEvent(
    ctx,
    tx,
    rotationChange(row, {
      errorCode: isVaultError(error) ? error.code : "ROTATOR_FAILED",
      ...(failures === undefined ? {} : { failures }),
    }),
  );
  return toRecord(row);
}

async function insertRecord(
  tx: Executor,
  claim: Claim,
  outcome: { newVersion: number | null; outcome: "success" | "failure"; error?: string },
): Promise<RotationRow> {
  const [row] = await tx
    .insert(rotations)
    .values({
      id: newId("rotation"),
      appId: claim.policy.appId,
      secretKey: claim.policy.secretKey,
      policyId: claim.policy.id,
      oldVersion: claim.oldVersion,
      newVersion: outcome.newVersion,
      outcome: outcome.outcome,
      error: outcome.error ?? null,
      trigger: claim.trigger,
      actor: claim.actor,
      createdAt: claim.at,
    })
    .returning();
  return row!;
}

/**
 * What a failure record stores and returns. Vault's own errors carry value-free messages; anything else (a custom
 * rotator's error, a driver error quoting its SQL parameters) is named by its class only, since its text could quote
 * a secret. The full error stays the thrown error's `cause`, for the operator's log.
 */
function errorMessage(error: unknown): string {
  if (isVaultError(error)) {
    const message = `${error.code}: ${error.message}`;
    return message.length > 1000 ? `${message.slice(0, 997)}...` : message;
  }
  const name = error instanceof Error ? error.name : typeof error;
  return `${name.slice(0, 100)} (the rotator or the database failed; its message is not stored, as it could quote a value)`;
}
