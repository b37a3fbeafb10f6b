import { VaultError, validation } from "@vault/core";

export const DAY_MS = 86_400_000;

/** The parts of a policy a write's expiry and retrieval limit are checked against. */
export interface RetentionRules {
  purpose: string;
  maxRetentionDays: number;
  defaultTtlDays: number;
  maxRetrievals: number | null;
}

/**
 * The expiry of an entry written at `now`: `requested` when it lies in the future and within `maxRetentionDays`, else
 * VALIDATION (past) or RETENTION_VIOLATION naming the limit; `defaultTtlDays` from now when none is requested. Pure.
 */
export function resolveExpiry(rules: RetentionRules, requested: Date | undefined, now: Date): Date {
  const latest = new Date(now.getTime() + rules.maxRetentionDays * DAY_MS);
  if (requested === undefined) return new Date(now.getTime() + rules.defaultTtlDays * DAY_MS);
  if (requested.getTime() <= now.getTime()) {
    throw validation("expiresAt must lie in the future", { field: "expiresAt" });
  }
  if (requested.getTime() > latest.getTime()) {
    throw new VaultError(
      "RETENTION_VIOLATION",
      `expiresAt ${requested.toISOString()} is beyond the maximum retention of purpose "${rules.purpose}": ${rules.maxRetentionDays} days (at most ${latest.toISOString()})`,
      {
        details: {
          field: "expiresAt",
          purpose: rules.purpose,
          maxRetentionDays: rules.maxRetentionDays,
          latestAllowed: latest.toISOString(),
        },
      },
    );
  }
  return requested;
}

/** The retrieval limit of a new entry: its own (at most the policy's), else the policy's (null: unlimited). Pure. */
export function resolveMaxRetrievals(rules: RetentionRules, requested: number | undefined): number | null {
  if (requested === undefined) return rules.maxRetrievals;
  if (rules.maxRetrievals !== null && requested > rules.maxRetrievals) {
    throw validation(
      `maxRetrievals ${requested} exceeds the limit of purpose "${rules.purpose}": ${rules.maxRetrievals}`,
      { field: "maxRetrievals", purpose: rules.purpose, limit: rules.maxRetrievals },
    );
  }
  return requested;
}

/** RETENTION_VIOLATION for a write to a purpose that has no policy (the chosen rule: no policy, no storage). */
export function noPolicy(purpose: string): VaultError {
  return new VaultError(
    "RETENTION_VIOLATION",
    `purpose "${purpose}" has no retention policy: set one (PUT /v1/apps/:appId/blob-policies/${purpose}) before storing entries`,
    { details: { field: "purpose", purpose, reason: "no_policy" } },
  );
}
