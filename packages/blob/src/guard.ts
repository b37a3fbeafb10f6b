import { VaultError } from "@vault/core";
import type { BlobPolicyRow } from "@vault/store";
import { type AccessDecision, type BlobOperation, decideAccess, decideVisibility, type ResolvedCaller } from "./access";
import { auditKey, type BlobContext, recordBlobDetached } from "./context";
import { blobNotFound } from "./rows";

/**
 * Decide `operation` for `caller` under `policy` — with `stage: "visibility"` only what does not depend on the entry
 * (see decideVisibility) — and, when refused, audit the refusal (`blob.denied`, in the
 * addressed app, unless `audited` is false — HEAD changes nothing, not even the audit log) and throw: NOT_FOUND when
 * the caller must not learn what is there, FORBIDDEN naming the reason otherwise.
 */
export async function enforce(
  ctx: BlobContext,
  policy: BlobPolicyRow,
  operation: BlobOperation,
  caller: ResolvedCaller,
  target: { appId: string; purpose: string; id?: string; owner?: string },
  options: { stage?: "visibility" | "full"; audited?: boolean } = {},
): Promise<void> {
  const decision =
    options.stage === "visibility"
      ? decideVisibility(policy, operation, caller, target.appId)
      : decideAccess(policy, operation, caller, target.appId, target.owner);
  if (decision.allowed) return;
  if (options.audited !== false) await recordDenial(ctx, operation, caller, target, decision);
  throw refusal(decision, target.purpose, target.id);
}

/** Audit a refused operation. */
export function recordDenial(
  ctx: BlobContext,
  operation: BlobOperation,
  caller: ResolvedCaller,
  target: { appId: string; purpose: string; id?: string },
  decision: Extract<AccessDecision, { allowed: false }>,
): Promise<void> {
  return recordBlobDetached(ctx, {
    action: "blob.denied",
    appId: target.appId,
    key: target.id === undefined ? target.purpose : auditKey(target.purpose, target.id),
    outcome: "denied",
    metadata: { operation, reason: decision.reason, callerApp: caller.appId },
  });
}

/** The error a refusal answers with. */
export function refusal(
  decision: Extract<AccessDecision, { allowed: false }>,
  purpose: string,
  id: string | undefined,
): VaultError {
  if (decision.as === "hidden") {
    return id === undefined
      ? new VaultError("NOT_FOUND", `purpose "${purpose}" not found`, { details: { what: "blob purpose", purpose } })
      : blobNotFound(purpose, id);
  }
  const messages: Record<string, string> = {
    identity_required: `purpose "${purpose}" requires the caller to present an identity`,
    admin_only: `purpose "${purpose}" is admin-only`,
    not_owner: "only the identity that stored this entry may do this",
    purpose_not_granted: `this API key is not granted purpose "${purpose}"`,
  };
  return new VaultError("FORBIDDEN", messages[decision.reason] ?? `access to purpose "${purpose}" denied`, {
    details: { purpose, reason: decision.reason },
  });
}
