import type { ConfigSnapshot, ConfigValueType } from "@vault/engine";
import { configEntries, configOverrides, readRevision, type VaultDb } from "@vault/store";
import { asc, eq } from "drizzle-orm";
import { CONFIG_TOPIC } from "./changes";

/** An app's config snapshot, read in one transaction so that the revision names exactly what it holds. */
export async function readConfigSnapshot(db: VaultDb, appId: string): Promise<ConfigSnapshot> {
  return db.transaction(
    async (tx) => {
      const revision = await readRevision(tx, appId, CONFIG_TOPIC);
      const entries = await tx
        .select({
          key: configEntries.key,
          value: configEntries.value,
          valueType: configEntries.valueType,
          version: configEntries.version,
        })
        .from(configEntries)
        .where(eq(configEntries.appId, appId))
        .orderBy(asc(configEntries.key));
      const overrides = await tx
        .select({
          key: configOverrides.key,
          tenantId: configOverrides.tenantId,
          value: configOverrides.value,
          valueType: configOverrides.valueType,
          version: configOverrides.version,
        })
        .from(configOverrides)
        .where(eq(configOverrides.appId, appId))
        .orderBy(asc(configOverrides.key), asc(configOverrides.tenantId));
      return {
        revision,
        appId,
        entries: entries.map((row) => ({ ...row, valueType: row.valueType as ConfigValueType })),
        overrides: overrides.map((row) => ({ ...row, valueType: row.valueType as ConfigValueType })),
      };
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}
