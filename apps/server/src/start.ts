import { resolve } from "node:path";
import { closeDatabase, driverOf, migrate, openDatabase, pendingMigrations, type VaultDb } from "@vault/store";

export interface StartOptions {
  /** `postgres://…`; absent → embedded PGlite in `dataDir`. */
  databaseUrl?: string;
  /** PGlite data directory (default `./.vault-data`). */
  dataDir?: string;
}

export interface StartReport {
  db: VaultDb;
  driver: "postgres" | "pglite";
  location: string;
  migrationsApplied: number;
  close(): Promise<void>;
}

/** Open the store (Postgres or embedded PGlite) and bring its schema up to date. */
export async function start(options: StartOptions = {}): Promise<StartReport> {
  const dataDir = resolve(options.dataDir ?? ".vault-data");
  const db = options.databaseUrl ? await openDatabase({ url: options.databaseUrl }) : await openDatabase({ dataDir });
  const { applied } = await migrate(db);
  const pending = await pendingMigrations(db);
  if (pending !== 0) throw new Error(`${pending} migrations still pending after migrate()`);
  return {
    db,
    driver: driverOf(db),
    location: options.databaseUrl ? new URL(options.databaseUrl).host : dataDir,
    migrationsApplied: applied,
    close: () => closeDatabase(db),
  };
}
