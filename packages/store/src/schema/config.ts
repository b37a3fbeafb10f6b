// Tables of the config subsystem (owned by its issue). Table names are prefixed vault_.
import { bigint, integer, jsonb, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
import { jsonValue, utc } from "./columns";

/** The head row of a config entry: its current value, its (fixed) type and its latest version number. */
export const configEntries = pgTable(
  "vault_config_entries",
  {
    /** `cfg_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    /** `string | bool | int | float | duration | json`, set on the first write and enforced on every later one. */
    valueType: text("value_type").notNull(),
    value: jsonValue("value").notNull(),
    version: integer("version").notNull(),
    description: text("description"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    /** Optional JSON schema every `json` value must satisfy. */
    jsonSchema: jsonb("json_schema").$type<Record<string, unknown> | boolean>(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_config_entries_app_key").on(t.appId, t.key)],
);

/** Every value a config entry has held; a rollback writes a new version holding an old value. */
export const configVersions = pgTable(
  "vault_config_versions",
  {
    /** `cfgver_…` */
    id: text("id").primaryKey(),
    entryId: text("entry_id")
      .notNull()
      .references(() => configEntries.id, { onDelete: "cascade" }),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    version: integer("version").notNull(),
    valueType: text("value_type").notNull(),
    value: jsonValue("value").notNull(),
    /** For a rollback: the version whose value this one copies. */
    rolledBackFrom: integer("rolled_back_from"),
    createdAt: utc("created_at").notNull(),
  },
  (t) => [unique("vault_config_versions_entry_version").on(t.entryId, t.version)],
);

/**
 * What changed at each config revision of an app (config entries and overrides share the `config` topic). The
 * revision in vault_revisions says *that* something changed; this log says *which key*, so another process can fire
 * the right watchers. Written in the same transaction as the change; only the latest revisions are kept.
 */
export const configChanges = pgTable(
  "vault_config_changes",
  {
    appId: text("app_id").notNull(),
    revision: bigint("revision", { mode: "number" }).notNull(),
    key: text("key").notNull(),
    /** Set for override changes. */
    tenantId: text("tenant_id"),
    /** `set | deleted | rolled_back | override_set | override_deleted` */
    kind: text("kind").notNull(),
    createdAt: utc("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.revision] })],
);

export type ConfigEntryRow = typeof configEntries.$inferSelect;
export type ConfigVersionRow = typeof configVersions.$inferSelect;
export type ConfigChangeRow = typeof configChanges.$inferSelect;
