import { currentActor, newId, parseInput, VaultError } from "@vault/core";
import type { AuditEvent } from "@vault/store";
import { z } from "zod";
import { protectValue } from "./canonical";
import type { NewEntryRow } from "./rows";

export const outcomeSchema = z.enum(["success", "failure", "denied"]);

/** @internal What an audit event must be (exported for tests). */
export const eventSchema = z.object({
  action: z.string().min(1).max(128),
  resource: z.string().min(1).max(128),
  appId: z.string().min(1).max(256),
  key: z.string().max(1024).optional(),
  tenantId: z.string().max(256).optional(),
  outcome: outcomeSchema.optional(),
  metadata: z.record(z.string(), z.unknown()).optional(),
  sensitive: z.array(z.string()).optional(),
});

/**
 * The row of a new entry for `event`: validated (a VALIDATION error names the problem), with the actor of the
 * current `runAs` context and sensitive metadata values replaced by their HMACs.
 */
export function newEntryRow(event: AuditEvent, hmacKey: Uint8Array, now: Date): NewEntryRow {
  const input = parseInput(eventSchema, event, "audit event");
  const actor = currentActor();
  return {
    id: newId("audit"),
    appId: input.appId,
    action: input.action,
    resource: input.resource,
    key: input.key ?? null,
    tenantId: input.tenantId ?? null,
    actorAppId: actor?.appId ?? null,
    actorApiKeyId: actor?.apiKeyId ?? null,
    actorUserId: actor?.userId ?? null,
    actorSystem: actor?.system ?? null,
    ip: actor?.ip ?? null,
    requestId: actor?.requestId ?? null,
    outcome: input.outcome ?? "success",
    metadata: protectMetadata(input.metadata ?? {}, input.sensitive ?? [], hmacKey),
    createdAt: now,
  };
}

/**
 * `metadata` as jsonb will hold it (one JSON round trip: Dates become strings, undefined members go), with the
 * values of the `sensitive` fields replaced by {@link protectValue}.
 */
export function protectMetadata(
  metadata: Record<string, unknown>,
  sensitive: string[],
  hmacKey: Uint8Array,
): Record<string, unknown> {
  let plain: Record<string, unknown>;
  try {
    plain = JSON.parse(JSON.stringify(metadata)) as Record<string, unknown>;
  } catch (cause) {
    throw new VaultError("VALIDATION", "invalid audit event: metadata must be JSON-serialisable", {
      details: { field: "metadata" },
      cause,
    });
  }
  for (const name of sensitive) {
    if (Object.hasOwn(plain, name)) plain[name] = protectValue(hmacKey, plain[name]);
  }
  return plain;
}
