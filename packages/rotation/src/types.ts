import type { SecretService } from "@vault/secret";
import type { StoreContext } from "@vault/store";
import type { RotationStrategy, Rotator } from "./strategies";

/** A rotation policy: when and how one secret is rotated. */
export interface RotationPolicy {
  /** `rotpol_…` */
  id: string;
  appId: string;
  secretKey: string;
  /** Milliseconds between rotations. */
  intervalMs: number;
  enabled: boolean;
  strategy: RotationStrategy;
  params: Record<string, unknown>;
  lastRotatedAt: Date | null;
  nextRotationAt: Date;
  /** Consecutive failed attempts (reset by a success). */
  failures: number;
  /** Scheduled attempts wait until then after a failure (backoff). */
  retryAt: Date | null;
  lastError: string | null;
  /** While a rotation of this policy runs: until when it is leased to it (other managers skip it). Null when idle. */
  leaseUntil: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

/** One rotation attempt. */
export interface RotationRecord {
  /** `rot_…` */
  id: string;
  appId: string;
  secretKey: string;
  policyId: string | null;
  oldVersion: number | null;
  newVersion: number | null;
  outcome: "success" | "failure";
  error: string | null;
  trigger: "manual" | "schedule";
  /** API key id, user id or system label of whoever caused it. */
  actor: string | null;
  createdAt: Date;
}

export interface CreatePolicyInput {
  secretKey: string;
  intervalMs: number;
  enabled?: boolean;
  strategy: RotationStrategy;
  /** Strategy params: `{length, alphabet}` (random_password), `{length, encoding}` (random_bytes), anything (custom). */
  params?: Record<string, unknown>;
}

export type UpdatePolicyInput = Partial<Omit<CreatePolicyInput, "secretKey">>;

export interface RegisteredRotator {
  appId: string;
  secretKey: string;
  rotate: Rotator;
}

/** The Store context (rotation caches nothing, so it needs no change feed) and the rotation service's options. */
export interface RotationServiceOptions extends Omit<StoreContext, "changes"> {
  secrets: SecretService;
  /** Custom rotators (for policies with strategy `custom`); more can be added with `registerRotator`. */
  rotators?: RegisteredRotator[];
  /**
   * How long a started rotation keeps its policy to itself (default 5 minutes). Longer than any rotator takes: if
   * the process dies mid-rotation, the policy is due again once the lease has passed.
   */
  leaseMs?: number;
}

/** How long scheduled attempts wait after `failures` consecutive failures. */
export type BackoffFn = (failures: number) => number;
