import type { EvaluationContext } from "@vault/engine";

/**
 * An OpenFeature evaluation context (OFREP's `context`, an SDK's context) as Vault's: `targetingKey` is the user
 * (`userId` also works), `tenantId` the tenant, `tenantTags` the tenant's tags; every other field is an attribute
 * for `when_attribute` rules (dates as ISO strings). The server's OFREP routes and `@vault/openfeature` map the same
 * way.
 */
export function vaultContextOf(context: Readonly<Record<string, unknown>> | undefined): EvaluationContext {
  if (context === undefined || context === null || typeof context !== "object") return {};
  const { targetingKey, userId, tenantId, tenantTags, ...rest } = context;
  const result: { userId?: string; tenantId?: string; tenantTags?: string[]; attributes?: Record<string, unknown> } =
    {};
  const user = typeof targetingKey === "string" && targetingKey !== "" ? targetingKey : userId;
  if (typeof user === "string" && user !== "") result.userId = user;
  if (typeof tenantId === "string" && tenantId !== "") result.tenantId = tenantId;
  if (Array.isArray(tenantTags)) result.tenantTags = tenantTags.filter((tag): tag is string => typeof tag === "string");
  const attributes: Record<string, unknown> = {};
  let any = false;
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    attributes[name] = value instanceof Date ? value.toISOString() : value;
    any = true;
  }
  if (any) result.attributes = attributes;
  return result;
}
