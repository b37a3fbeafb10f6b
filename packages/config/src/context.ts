import type { Clock } from "@vault/core";
import type { AuditSink, ConfigEntryRow, EventSink, VaultDb, VaultTx } from "@vault/store";
import type { AppValues } from "./cache";
import { type ConfigChange, type ConfigChangeHub, recordConfigChange } from "./changes";
import { toEntry } from "./rows";
import type { ConfigEntry } from "./types";

/** What every config operation works with: the service's settings and its cache, resolved once by `ConfigService`. */
export interface ConfigContext {
  readonly db: VaultDb;
  readonly audit: AuditSink;
  /** Where change events go, in the change's transaction (the outbox). */
  readonly events: EventSink;
  readonly clock: Clock;
  /** Change propagation: the service's public `changes`. */
  readonly changes: ConfigChangeHub;
  /** The values of each app read so far (see cache.ts); `changes` drops an app's on invalidation. */
  readonly cache: Map<string, AppValues>;
}

/** Finish a write inside `tx`: record the change (revision bump, change log), the audit entry and the event. */
export async function finishWrite(
  ctx: ConfigContext,
  tx: VaultTx,
  row: ConfigEntryRow,
  kind: "set" | "deleted" | "rolled_back",
  action: string,
  extra: Record<string, unknown>,
): Promise<{ entry: ConfigEntry; change: ConfigChange }> {
  const change = await recordConfigChange(tx, { appId: row.appId, key: row.key, tenantId: null, kind }, ctx.clock);
  await ctx.audit.record(tx, {
    action,
    resource: "config",
    appId: row.appId,
    key: row.key,
    outcome: "success",
    metadata: { version: row.version, valueType: row.valueType, revision: change.revision, ...extra },
  });
  await ctx.events.emit(tx, {
    type: action,
    resource: "config",
    appId: row.appId,
    key: row.key,
    version: row.version,
    data: { valueType: row.valueType, revision: change.revision, ...extra },
  });
  return { entry: toEntry(row), change };
}
