import { type Actor, currentActor, isVaultError } from "@vault/core";
import type { SecretValue } from "@vault/secret";
import { type Executor, type RotationPolicyRow, rotationPolicies, withTransaction } from "@vault/store";
import { eq } from "drizzle-orm";
import type { RotationServiceContext } from "./context";

export type Trigger = "manual" | "schedule";

/** A policy claimed for one rotation: leased, with the secret's version and value the rotator starts from. */
export interface Claim {
  policy: RotationPolicyRow;
  trigger: Trigger;
  /** The rotation time: the record's, `lastRotatedAt`, and the base of `nextRotationAt`. */
  at: Date;
  leaseUntil: Date;
  actor: string | null;
  /** The version the write checks and sets against (null: the secret must still not exist). */
  oldVersion: number | null;
  currentValue?: SecretValue;
  /** Reading the current value failed: the attempt fails with this, without calling the rotator. */
  error?: unknown;
}

/**
 * Inside the transaction that locked `policy`: lease it, and read the secret's current version and value (audited
 * as a read, in this transaction). A failed read is kept in the claim, to be recorded as the attempt's failure.
 */
export async function claimPolicy(
  ctx: RotationServiceContext,
  tx: Executor,
  policy: RotationPolicyRow,
  trigger: Trigger,
  at: Date,
): Promise<Claim> {
  const leaseUntil = new Date(at.getTime() + ctx.leaseMs);
  await tx.update(rotationPolicies).set({ leaseUntil }).where(eq(rotationPolicies.id, policy.id));
  const claim: Claim = { policy, trigger, at, leaseUntil, actor: actorLabel(currentActor()), oldVersion: null };
  try {
    // A savepoint: a database error while reading must not undo the lease (the failure is recorded under it).
    await withTransaction(tx, async (inner) => {
      const meta = await ctx.secrets.getMeta(policy.appId, policy.secretKey, { tx: inner }).catch(absentAs(undefined));
      claim.oldVersion = meta?.version ?? null;
      if (meta) {
        // A soft-deleted or expired current version still gets rotated, from nothing.
        claim.currentValue = (
          await ctx.secrets.get(policy.appId, policy.secretKey, { tx: inner }).catch((error: unknown) => {
            if (isVaultError(error, "NOT_FOUND") || isVaultError(error, "EXPIRED")) return undefined;
            throw error;
          })
        )?.value;
      }
    });
  } catch (error) {
    claim.error = error;
  }
  return claim;
}

function actorLabel(actor: Actor | undefined): string | null {
  return actor?.apiKeyId ?? actor?.userId ?? actor?.system ?? null;
}

function absentAs<T>(fallback: T) {
  return (error: unknown): T => {
    if (isVaultError(error, "NOT_FOUND")) return fallback;
    throw error;
  };
}
