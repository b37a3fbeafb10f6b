// Tables of the flag subsystem (owned by its issue). Table names are prefixed vault_.
import { boolean, index, integer, jsonb, pgTable, text, unique } from "drizzle-orm/pg-core";
import { jsonValue, utc } from "./columns";

/**
 * One row per flag definition. `version` counts every change to the flag (definition, rules, overrides) and is what
 * `cas` compares against. Values are stored as JSON and were checked against `type` when written.
 */
export const flags = pgTable(
  "vault_flags",
  {
    /** `flag_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    /** `bool | string | int | float | json` */
    type: text("type").notNull(),
    defaultValue: jsonValue("default_value").notNull(),
    enabled: boolean("enabled").notNull(),
    description: text("description").notNull().default(""),
    tags: jsonb("tags").$type<string[]>().notNull().default([]),
    /** Named values (name → value) that rules return by name and rollouts split between. */
    variants: jsonb("variants").$type<Record<string, unknown>>().notNull().default({}),
    /** `[{ flagKey, value }]`: flags that must evaluate to `value` first. */
    prerequisites: jsonb("prerequisites").$type<{ flagKey: string; value: unknown }[]>().notNull().default([]),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    version: integer("version").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_flags_app_key").on(t.appId, t.key)],
);

/** The ordered targeting rules of a flag. `spec` holds the rule's condition and what it returns. */
export const flagRules = pgTable(
  "vault_flag_rules",
  {
    /** `rule_…` */
    id: text("id").primaryKey(),
    flagId: text("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    appId: text("app_id").notNull(),
    priority: integer("priority").notNull(),
    type: text("type").notNull(),
    spec: jsonb("spec").$type<Record<string, unknown>>().notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_flag_rules_flag_priority").on(t.flagId, t.priority), index("vault_flag_rules_app").on(t.appId)],
);

/** Per-tenant values of a flag; they win over every rule. */
export const flagOverrides = pgTable(
  "vault_flag_overrides",
  {
    /** `flagovr_…` */
    id: text("id").primaryKey(),
    flagId: text("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    appId: text("app_id").notNull(),
    tenantId: text("tenant_id").notNull(),
    value: jsonValue("value").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    unique("vault_flag_overrides_flag_tenant").on(t.flagId, t.tenantId),
    index("vault_flag_overrides_app").on(t.appId),
  ],
);

export type FlagRow = typeof flags.$inferSelect;
export type FlagRuleRow = typeof flagRules.$inferSelect;
export type FlagOverrideRow = typeof flagOverrides.$inferSelect;
