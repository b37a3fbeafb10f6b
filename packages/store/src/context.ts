import type { Clock } from "@vault/core";
import type { AuditSink } from "./audit";
import type { ChangeFeed } from "./changes";
import type { VaultDb } from "./database";
import type { EventSink } from "./events";

/**
 * What every service is given, explicitly (DESIGN §3): the database (any Drizzle pg-core database — from
 * {@link openDatabase}, or one you opened with `drizzle(postgres(url))` or `drizzle(new PGlite())`), and optionally the
 * process's change feed (without one a service that caches polls with a feed of its own), where audit entries and
 * change events go (default: nowhere) and the clock (default: the system clock).
 */
export interface StoreContext {
  db: VaultDb;
  changes?: ChangeFeed;
  audit?: AuditSink;
  events?: EventSink;
  clock?: Clock;
}
