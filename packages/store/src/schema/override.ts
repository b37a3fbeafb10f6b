// Tables of the override subsystem (owned by its issue). Table names are prefixed vault_.
import { index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { jsonValue, utc } from "./columns";

/** A tenant's value for a config key, returned by the resolver instead of the app's value. */
export const configOverrides = pgTable(
  "vault_config_overrides",
  {
    /** `ovr_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    tenantId: text("tenant_id").notNull(),
    /** The base entry's type when it exists, else inferred from the first value. */
    valueType: text("value_type").notNull(),
    value: jsonValue("value").notNull(),
    /** Counts sets of this override (for check-and-set). */
    version: integer("version").notNull(),
    description: text("description"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    unique("vault_config_overrides_app_key_tenant").on(t.appId, t.key, t.tenantId),
    // Listing and resolving by tenant.
    index("vault_config_overrides_app_tenant_key").on(t.appId, t.tenantId, t.key),
  ],
);

export type ConfigOverrideRow = typeof configOverrides.$inferSelect;
