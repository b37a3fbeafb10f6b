/**
 * Every event type Vault writes, by resource (docs/webhooks.md describes each). An endpoint subscribes to types by
 * name, to a resource's types with `<resource>.*`, or to everything with an empty list.
 */
export const EVENT_TYPES = [
  "secret.set",
  "secret.deleted",
  "secret.undeleted",
  "secret.destroyed",
  "secret.purged",
  "secret.rotated",
  "secret.rotation_failed",
  "secret.expiring",
  "rotation.policy_created",
  "rotation.policy_updated",
  "rotation.policy_deleted",
  "rotation.failing",
  "flag.created",
  "flag.updated",
  "flag.rules_set",
  "flag.deleted",
  "flag.override_set",
  "flag.override_deleted",
  "flag.user_override_set",
  "flag.user_override_deleted",
  "segment.created",
  "segment.updated",
  "segment.deleted",
  "config.set",
  "config.deleted",
  "config.rolled_back",
  "override.set",
  "override.deleted",
  "apikey.created",
  "apikey.revoked",
  "token.created",
  "token.updated",
  "token.upserted",
  "token.renewed",
  "token.soft_deleted",
  "token.restored",
  "token.deleted",
  "token.expired_purged",
  "token.expired_soft_deleted",
  "token.password_changed",
  "token.passwords_changed",
  "blob.stored",
  "blob.purged",
  "blob.owner_shredded",
  "blob.policy_set",
  "webhook.endpoint_disabled",
  "webhook.test",
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

const KNOWN = new Set<string>(EVENT_TYPES);
const PREFIXES = new Set(EVENT_TYPES.map((type) => type.slice(0, type.indexOf("."))));

/** Whether `filter` names a known type or a known resource's wildcard (`secret.*`). */
export function isEventTypeFilter(filter: string): boolean {
  if (KNOWN.has(filter)) return true;
  return filter.endsWith(".*") && PREFIXES.has(filter.slice(0, -2));
}

/** Whether an endpoint with these filters wants events of `type` (no filters: every type). */
export function matchesEventType(filters: readonly string[], type: string): boolean {
  if (filters.length === 0) return true;
  for (const filter of filters) {
    if (filter === type) return true;
    if (filter.endsWith(".*") && type.startsWith(filter.slice(0, -1))) return true;
  }
  return false;
}
