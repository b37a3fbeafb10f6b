// Tables of the flag subsystem (owned by its issue). Table names are prefixed vault_.
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, unique } from "drizzle-orm/pg-core";
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

/** Individual targets: per-user values of a flag; they win over the tenant's override and every rule. */
export const flagUserOverrides = pgTable(
  "vault_flag_user_overrides",
  {
    /** `flagovr_…` */
    id: text("id").primaryKey(),
    flagId: text("flag_id")
      .notNull()
      .references(() => flags.id, { onDelete: "cascade" }),
    appId: text("app_id").notNull(),
    userId: text("user_id").notNull(),
    value: jsonValue("value").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [
    unique("vault_flag_user_overrides_flag_user").on(t.flagId, t.userId),
    index("vault_flag_user_overrides_app").on(t.appId),
  ],
);

/**
 * Segments: named, reusable constraint lists of an app, which rules name (`segments: [key]` in their spec). A
 * segment that a rule names cannot be deleted. Writes go under the app's flag revision, like flag writes.
 */
export const segments = pgTable(
  "vault_segments",
  {
    /** `seg_…` */
    id: text("id").primaryKey(),
    appId: text("app_id").notNull(),
    key: text("key").notNull(),
    description: text("description").notNull().default(""),
    /** `[{ attribute, operator, values?, inverted?, caseInsensitive? }]`, all of which must hold. */
    constraints: jsonb("constraints").$type<Record<string, unknown>[]>().notNull(),
    /** Counts every change; what `cas` compares against. */
    version: integer("version").notNull(),
    createdAt: utc("created_at").notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [unique("vault_segments_app_key").on(t.appId, t.key)],
);

/**
 * Flag usage: evaluations counted in memory by each server and added here when flushed (never a write per
 * evaluation), per flag key, variant (`""` for results without one) and UTC day. Keyed by flag key, not id, so the
 * counts of a flag outlive a delete-and-recreate and cost no lookup when flushed.
 */
export const flagUsage = pgTable(
  "vault_flag_usage",
  {
    appId: text("app_id").notNull(),
    flagKey: text("flag_key").notNull(),
    variant: text("variant").notNull(),
    /** Midnight UTC of the day counted. */
    day: utc("day").notNull(),
    count: bigint("count", { mode: "number" }).notNull(),
    /** The latest evaluation counted in this row. */
    lastEvaluatedAt: utc("last_evaluated_at").notNull(),
  },
  (t) => [primaryKey({ name: "vault_flag_usage_pk", columns: [t.appId, t.flagKey, t.variant, t.day] })],
);

export type FlagRow = typeof flags.$inferSelect;
export type FlagRuleRow = typeof flagRules.$inferSelect;
export type FlagOverrideRow = typeof flagOverrides.$inferSelect;
export type FlagUserOverrideRow = typeof flagUserOverrides.$inferSelect;
export type SegmentRow = typeof segments.$inferSelect;
export type FlagUsageRow = typeof flagUsage.$inferSelect;
