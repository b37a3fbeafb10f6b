import type { AuditEvent, RotationPolicyRow, RotationRow } from "@vault/store";
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
