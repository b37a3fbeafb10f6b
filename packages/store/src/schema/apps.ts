import { jsonb, pgTable, text } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/** The apps that own everything else. `id` is the app's slug, used as `app_id` in every other table. */
export const apps = pgTable("vault_apps", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
  createdAt: utc("created_at").notNull(),
  updatedAt: utc("updated_at").notNull(),
});

export type AppRow = typeof apps.$inferSelect;
