import { isVaultError, VaultError } from "@vault/core";
import type { SecretValue } from "@vault/secret";
import { type RotationPolicyRow, rotationPolicies, withTransaction } from "@vault/store";
import { and, asc, eq, isNull, lte, notInArray, or } from "drizzle-orm";
import { type Claim, claimPolicy } from "./claim";
import { type RotationServiceContext, rotatorKey } from "./context";
import { recordFailure, recordSuccess } from "./outcome";
import { findPolicy } from "./policies";
import { builtInRotator, type RotationStrategy, type Rotator } from "./strategies";
import type { BackoffFn, RotationRecord } from "./types";

/**
 * Rotate one secret now, whatever its schedule: the rotator gets the current value, the secret gets a new version
 * (metadata kept), and a rotation record, the policy's `lastRotatedAt`/`nextRotationAt` and a `rotation.rotated`
 * audit entry are committed together. If the rotator (or anything else) fails, the secret and the policy times stay
 * as they were; a failure record and audit entry are committed and the error is thrown. CONFLICT if the policy is
 * leased to a rotation in progress, or if the secret was written while the rotator ran.
 */
export async function rotateNow(
  ctx: RotationServiceContext,
  appId: string,
  secretKey: string,
): Promise<RotationRecord> {
  const claim = await withTransaction(ctx.db, async (tx) => {
    const policy = await findPolicy(tx, appId, secretKey, true);
    const now = ctx.clock.now();
    if (policy.leaseUntil !== null && policy.leaseUntil.getTime() > now.getTime()) {
      throw new VaultError(
        "CONFLICT",
        `secret "${policy.secretKey}" is being rotated (its policy is leased until ${policy.leaseUntil.toISOString()})`,
        {
          details: { appId: policy.appId, secretKey: policy.secretKey, leaseUntil: policy.leaseUntil.toISOString() },
        },
      );
    }
    return claimPolicy(ctx, tx, policy, "manual", now);
  });
  const attempt = await runClaimed(ctx, claim, undefined);
  if (attempt.error !== undefined) throw failureError(attempt.record, attempt.error);
  return attempt.record;
}

/**
 * Rotate due policies of every app, one at a time up to `limit`: claim one enabled policy whose `nextRotationAt`
 * (and backoff `retryAt`, and any lease) has passed with `FOR UPDATE SKIP LOCKED`, lease it, rotate it, write the
 * result. Several processes can run this at once: a policy being claimed is skipped by the others, one being
 * rotated is leased, and once written it is no longer due.
 */
export async function rotateDue(
  ctx: RotationServiceContext,
  options: { now?: Date; limit?: number; backoff?: BackoffFn },
): Promise<{ rotated: number; failed: number }> {
  const limit = options.limit ?? 100;
  let rotated = 0;
  let failed = 0;
  // A policy is tried at most once per call, even when it fails without a backoff and so stays due.
  const attempted: string[] = [];
  while (rotated + failed < limit) {
    const claim = await withTransaction(ctx.db, async (tx) => {
      const now = options.now ?? ctx.clock.now();
      const [policy] = await tx
        .select()
        .from(rotationPolicies)
        .where(
          and(
            eq(rotationPolicies.enabled, true),
            lte(rotationPolicies.nextRotationAt, now),
            or(isNull(rotationPolicies.retryAt), lte(rotationPolicies.retryAt, now)),
            or(isNull(rotationPolicies.leaseUntil), lte(rotationPolicies.leaseUntil, now)),
            attempted.length > 0 ? notInArray(rotationPolicies.id, attempted) : undefined,
          ),
        )
        .orderBy(asc(rotationPolicies.nextRotationAt), asc(rotationPolicies.id))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!policy) return undefined;
      attempted.push(policy.id);
      // The claim time is the rotation time, so the policy's next rotation is computed from the same "now" that
      // found it due (the caller's clock may run ahead of the service's).
      return claimPolicy(ctx, tx, policy, "schedule", now);
    });
    if (claim === undefined) break;
    const attempt = await runClaimed(ctx, claim, options.backoff);
    if (attempt.error === undefined) rotated += 1;
    else failed += 1;
  }
  return { rotated, failed };
}

/**
 * Run the claimed policy's rotator with no transaction open (it may call other systems, or this vault, for
 * seconds), then write the outcome in one transaction: on success the new version (check-and-set on the version
 * the rotator started from), the policy's times, the record and the audit entry; on any failure — the rotator's,
 * or a write that conflicts — the failure record, count, backoff and audit entry instead. Either way the lease ends
 * (unless the rotation outlived it and another has claimed the policy since).
 */
async function runClaimed(
  ctx: RotationServiceContext,
  claim: Claim,
  backoff: BackoffFn | undefined,
): Promise<{ record: RotationRecord; error?: unknown }> {
  const { policy } = claim;
  let error = claim.error;
  let value: SecretValue | undefined;
  if (error === undefined) {
    try {
      const next = await rotatorFor(
        ctx,
        policy,
      )({
        appId: policy.appId,
        secretKey: policy.secretKey,
        currentValue: claim.currentValue,
        currentVersion: claim.oldVersion,
        params: structuredClone(policy.params),
        now: claim.at,
      });
      checkValue(next);
      value = next;
    } catch (rotatorError) {
      error = rotatorError;
    }
  }
  return withTransaction(ctx.db, async (tx) => {
    // The policy as it is now: it may have been updated or deleted while the rotator ran, and if the rotation
    // outlived its lease another one may hold the policy.
    const [current] = await tx.select().from(rotationPolicies).where(eq(rotationPolicies.id, policy.id)).for("update");
    const leased = current?.leaseUntil?.getTime() === claim.leaseUntil.getTime() ? current : undefined;
    if (error === undefined && value !== undefined) {
      const written = value;
      try {
        // A savepoint: a conflicting write is undone alone, and its failure is recorded in the same commit.
        return {
          record: await withTransaction(tx, (inner) =>
            recordSuccess(ctx, inner, claim, current, leased !== undefined, written),
          ),
        };
      } catch (writeError) {
        error = writeError;
      }
    }
    return { record: await recordFailure(ctx, tx, claim, leased, error, backoff), error };
  });
}

function rotatorFor(ctx: RotationServiceContext, policy: RotationPolicyRow): Rotator {
  const strategy = policy.strategy as RotationStrategy;
  if (strategy === "custom") {
    const registered = ctx.rotators.get(rotatorKey(policy.appId, policy.secretKey));
    if (!registered) {
      throw new VaultError(
        "NOT_FOUND",
        `no rotator is registered for secret "${policy.secretKey}" of app "${policy.appId}" (strategy custom)`,
        { details: { appId: policy.appId, secretKey: policy.secretKey } },
      );
    }
    return registered;
  }
  const builtIn = builtInRotator(strategy);
  if (!builtIn) throw new VaultError("INTERNAL", `unknown rotation strategy "${policy.strategy}"`);
  return builtIn;
}

function checkValue(value: unknown): asserts value is SecretValue {
  const ok = (typeof value === "string" && value.length > 0) || (value instanceof Uint8Array && value.byteLength > 0);
  if (!ok) {
    throw new VaultError("VALIDATION", "the rotator must return a non-empty string or Uint8Array", {
      details: { field: "value" },
    });
  }
}

function failureError(record: RotationRecord, error: unknown): VaultError {
  if (isVaultError(error)) return error;
  return new VaultError("INTERNAL", `rotation of "${record.secretKey}" failed: ${record.error ?? "unknown error"}`, {
    details: { rotationId: record.id, appId: record.appId, secretKey: record.secretKey },
    cause: error,
  });
}
