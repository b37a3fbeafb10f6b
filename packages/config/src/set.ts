import { isVaultError, newId, VaultError } from "@vault/core";
import type { ConfigValueType } from "@vault/engine";
import { configEntries, configOverrides, type Executor, withTransaction } from "@vault/store";
import { and, eq } from "drizzle-orm";
import { type ConfigContext, finishWrite } from "./context";
import { assertMatchesSchema, compileJsonSchema, type JsonSchema } from "./json-schema";
import { casConflict, insertVersion, lockEntry } from "./rows";
import type { SetConfigData } from "./schemas";
import type { ConfigEntry } from "./types";
import { checkValue } from "./values";

/** Set a value: a new version (1 for a new entry). See `SetConfigOptions`. */
export async function setEntry(
  ctx: ConfigContext,
  appId: string,
  key: string,
  value: unknown,
  opts: SetConfigData,
): Promise<ConfigEntry> {
  const what = `config "${key}"`;
  const { entry, change } = await withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    let row = await lockEntry(tx, appId, key);
    if (opts.cas !== undefined && (row?.version ?? 0) !== opts.cas) throw casConflict(what, opts.cas, row);
    if (!row) {
      const valueType = checkValue(value, opts.valueType, what);
      const schema = schemaFor(valueType, opts.schema ?? null, what);
      if (schema !== null) assertMatchesSchema(schema, value, what);
      // Overrides may outlive a deleted entry; a new entry must not leave them of another type.
      await assertOverridesConform(tx, appId, key, valueType, schema, what);
      const [inserted] = await tx
        .insert(configEntries)
        .values({
          id: newId("configEntry"),
          appId,
          key,
          valueType,
          value,
          version: 1,
          description: opts.description ?? null,
          metadata: opts.metadata ?? {},
          jsonSchema: schema,
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing()
        .returning();
      if (inserted) {
        await insertVersion(tx, inserted, null);
        return finishWrite(ctx, tx, inserted, "set", "config.set", { created: true });
      }
      // A concurrent writer created it first: continue as an update of its row.
      row = await lockEntry(tx, appId, key);
      if (!row || opts.cas === 0) throw casConflict(what, opts.cas ?? 0, row);
    }
    const valueType = row.valueType as ConfigValueType;
    if (opts.valueType !== undefined && opts.valueType !== valueType) {
      throw new VaultError(
        "TYPE_MISMATCH",
        `${what} is ${valueType}; its type cannot change to ${opts.valueType} (delete it first)`,
        { details: { key, expected: valueType, actual: opts.valueType } },
      );
    }
    checkValue(value, valueType, what);
    const schema = opts.schema !== undefined ? schemaFor(valueType, opts.schema, what) : (row.jsonSchema ?? null);
    if (schema !== null) assertMatchesSchema(schema, value, what);
    if (opts.schema !== undefined && schema !== null) {
      await assertOverridesConform(tx, appId, key, valueType, schema, what);
    }
    const [updated] = await tx
      .update(configEntries)
      .set({
        value,
        version: row.version + 1,
        description: opts.description !== undefined ? opts.description : row.description,
        metadata: opts.metadata ?? row.metadata,
        jsonSchema: schema,
        updatedAt: now,
      })
      .where(eq(configEntries.id, row.id))
      .returning();
    await insertVersion(tx, updated!, null);
    return finishWrite(ctx, tx, updated!, "set", "config.set", { created: false });
  }).catch(rethrowTypeMismatch(key));
  ctx.changes.committed(change);
  return entry;
}

function schemaFor(valueType: ConfigValueType, schema: JsonSchema | null, what: string): JsonSchema | null {
  if (schema === null) return null;
  if (valueType !== "json") {
    throw new VaultError(
      "VALIDATION",
      `invalid schema for ${what}: a JSON schema applies to json entries only, this one is ${valueType}`,
      {
        details: { field: "schema" },
      },
    );
  }
  compileJsonSchema(schema, what);
  return schema;
}

/** Add the key to TYPE_MISMATCH details thrown by the value checks. */
function rethrowTypeMismatch(key: string) {
  return (error: unknown): never => {
    if (error instanceof VaultError && error.code === "TYPE_MISMATCH" && error.details.key === undefined) {
      (error.details as Record<string, unknown>).key = key;
    }
    throw error;
  };
}

/**
 * Every tenant override of `key` must hold a value of the entry's type (and satisfy its schema). Checked when an
 * entry is created (overrides can outlive a deleted entry) and when its schema changes; the override service checks
 * each override as it is written.
 */
async function assertOverridesConform(
  tx: Executor,
  appId: string,
  key: string,
  valueType: ConfigValueType,
  schema: JsonSchema | null,
  what: string,
): Promise<void> {
  const overrides = await tx
    .select({ tenantId: configOverrides.tenantId, value: configOverrides.value })
    .from(configOverrides)
    .where(and(eq(configOverrides.appId, appId), eq(configOverrides.key, key)))
    .for("share");
  for (const override of overrides) {
    const overrideWhat = `the override of ${what} for tenant "${override.tenantId}"`;
    try {
      checkValue(override.value, valueType, overrideWhat);
      if (schema !== null) assertMatchesSchema(schema, override.value, overrideWhat);
    } catch (error) {
      if (!isVaultError(error)) throw error;
      throw new VaultError(
        error.code,
        `${error.message}; change or delete that override before giving ${what} this type or schema`,
        { details: { ...error.details, key, tenantId: override.tenantId } },
      );
    }
  }
}
