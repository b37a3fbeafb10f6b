import { bigint, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { utc } from "./columns";

/**
 * A monotonically increasing revision per (app, topic), bumped in the same transaction as every write that other
 * processes must notice (flags, config, overrides). Polling this table is the portable change signal; LISTEN/NOTIFY
 * only makes it faster (DESIGN §4).
 */
export const revisions = pgTable(
  "vault_revisions",
  {
    appId: text("app_id").notNull(),
    topic: text("topic").notNull(),
    revision: bigint("revision", { mode: "number" }).notNull(),
    updatedAt: utc("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.appId, t.topic] })],
);
