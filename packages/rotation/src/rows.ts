import type { AuditEvent, RotationPolicyRow, RotationRow, VaultEvent } from "@vault/store";
import type { RotationStrategy } from "./strategies";
import type { RotationPolicy, RotationRecord } from "./types";

export function toPolicy(row: RotationPolicyRow): RotationPolicy {
  return {
    id: row.id,
    appId: row.appId,
    secretKey: row.secretKey,
    intervalMs: row.intervalMs,
    enabled: row.enabled,
    strategy: row.strategy as RotationStrategy,
    params: row.params,
    lastRotatedAt: row.lastRotatedAt,
    nextRotationAt: row.nextRotationAt,
    failures: row.failures,
    retryAt: row.retryAt,
    lastError: row.lastError,
    leaseUntil: row.leaseUntil,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toRecord(row: RotationRow): RotationRecord {
  return {
    id: row.id,
    appId: row.appId,
    secretKey: row.secretKey,
    policyId: row.policyId,
    oldVersion: row.oldVersion,
    newVersion: row.newVersion,
    outcome: row.outcome as RotationRecord["outcome"],
    error: row.error,
    trigger: row.trigger as RotationRecord["trigger"],
    actor: row.actor,
    createdAt: row.createdAt,
  };
}

export function policyEvent(action: string, row: RotationPolicyRow): AuditEvent {
  return {
    action,
    resource: "rotation_policy",
    appId: row.appId,
    key: row.secretKey,
    metadata: { policyId: row.id, intervalMs: row.intervalMs, enabled: row.enabled, strategy: row.strategy },
  };
}

/** The outbox event of a policy change (`rotation.policy_created`, …): keyed by the secret it rotates. */
export function policyChange(type: string, row: RotationPolicyRow): VaultEvent {
  return {
    type,
    resource: "rotation_policy",
    appId: row.appId,
    key: row.secretKey,
    data: { policyId: row.id, intervalMs: row.intervalMs, enabled: row.enabled, strategy: row.strategy },
  };
}

/** The outbox event of a rotation attempt: `secret.rotated` with the new version, or `secret.rotation_failed`. */
export function rotationChange(row: RotationRow, extra: Record<string, unknown> = {}): VaultEvent {
  return {
    type: row.outcome === "success" ? "secret.rotated" : "secret.rotation_failed",
    resource: "secret",
    appId: row.appId,
    key: row.secretKey,
    ...(row.newVersion === null ? {} : { version: row.newVersion }),
    data: {
      rotationId: row.id,
      policyId: row.policyId,
      oldVersion: row.oldVersion,
      trigger: row.trigger,
      ...extra,
    },
  };
}

export function rotationEvent(row: RotationRow, strategy: string): AuditEvent & { metadata: Record<string, unknown> } {
  return {
    action: "rotation.rotated",
    resource: "secret",
    appId: row.appId,
    key: row.secretKey,
    outcome: "success",
    metadata: {
      rotationId: row.id,
      policyId: row.policyId,
      oldVersion: row.oldVersion,
      newVersion: row.newVersion,
      trigger: row.trigger,
      strategy,
    },
  };
}
