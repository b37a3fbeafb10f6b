import { conflict, type Metadata, newId, type VaultError } from "@vault/core";
import type { ConfigValueType } from "@vault/engine";
import { type ConfigEntryRow, type ConfigVersionRow, configEntries, configVersions, type Executor } from "@vault/store";
import { and, eq } from "drizzle-orm";
import type { ConfigEntry, ConfigVersion } from "./types";

/** Lock the head row for the rest of the transaction (concurrent writers of one key queue here). */
export async function lockEntry(tx: Executor, appId: string, key: string): Promise<ConfigEntryRow | undefined> {
  const [row] = await tx
    .select()
    .from(configEntries)
    .where(and(eq(configEntries.appId, appId), eq(configEntries.key, key)))
    .for("update");
  return row;
}

export async function insertVersion(tx: Executor, row: ConfigEntryRow, rolledBackFrom: number | null): Promise<void> {
  await tx.insert(configVersions).values({
    id: newId("configVersion"),
    entryId: row.id,
    appId: row.appId,
    key: row.key,
    version: row.version,
    valueType: row.valueType,
    value: row.value,
    rolledBackFrom,
    createdAt: row.updatedAt,
  });
}

export function casConflict(what: string, expected: number, row: ConfigEntryRow | undefined): VaultError {
  const current = row?.version ?? 0;
  return conflict(`${what} is at version ${current}, not ${expected}`, { expected, current });
}

export function toEntry(row: ConfigEntryRow): ConfigEntry {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    value: row.value,
    valueType: row.valueType as ConfigValueType,
    description: row.description,
    metadata: row.metadata as Metadata,
    schema: row.jsonSchema ?? null,
    version: row.version,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toVersion(row: ConfigVersionRow): ConfigVersion {
  return {
    id: row.id,
    appId: row.appId,
    key: row.key,
    version: row.version,
    value: row.value,
    valueType: row.valueType as ConfigValueType,
    rolledBackFrom: row.rolledBackFrom,
    createdAt: row.createdAt,
  };
}
