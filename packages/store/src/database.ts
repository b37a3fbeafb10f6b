import type { PGlite as PGliteClient, PGliteOptions } from "@electric-sql/pglite";
import { VaultError } from "@vault/core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import { ChangeFeed, postgresListener } from "./changes";
import { lockDataDir, secureDataDir } from "./data-dir";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/**
 * The Drizzle database every service takes: any pg-core database — postgres.js or PGlite, opened by
 * {@link openDatabase} or by the caller, with or without a schema (services use the query builder, never `db.query`).
 */
export type VaultDb = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;
export type VaultTx = PgTransaction<
  PgQueryResultHKT,
  Record<string, unknown>,
  ExtractTablesWithRelations<Record<string, unknown>>
>;
/** Anything queries can run on: the database or an open transaction. */
export type Executor = VaultDb | VaultTx;
export type Driver = "postgres" | "pglite";

export interface OpenDatabaseOptions {
  /** `postgres://…` or `postgresql://…`. When absent, PGlite is used. */
  url?: string;
  /** PGlite data directory. Absent (and no url): an in-memory database. */
  dataDir?: string;
  /** postgres.js pool size (default 10). */
  maxConnections?: number;
  /** Postgres: how long opening a connection may take before the query fails (default 5000 ms). */
  connectTimeoutMs?: number;
  /**
   * Postgres: the server-side `statement_timeout` of every connection (default 30,000 ms; 0 = none). A database that
   * is up but stuck on a lock or a runaway query then fails the statement instead of holding the connection.
   */
  statementTimeoutMs?: number;
  /** How often the change feed polls revisions, in ms (default 500). */
  changePollMs?: number;
  /** Told about change-feed failures (a poll that could not reach the database, a lost LISTEN). */
  onChangeFeedError?: (error: unknown) => void;
  /** Extra PGlite options (e.g. `loadDataDir` to start from a dump). */
  pglite?: PGliteOptions;
  /** Told about what the caller should pass on (e.g. a data directory that was not private). */
  onWarning?: (message: string) => void;
}

/**
 * An open store: the Drizzle database, which driver it runs on, and its change feed (revision polling, plus LISTEN on
 * Postgres). Build services' Store context from `db` and `changes`; `close()` stops the feed and the connection.
 */
export interface Database {
  db: VaultDb;
  driver: Driver;
  changes: ChangeFeed;
  /** Stop the change feed and close the connection. Safe to call twice. */
  close(): Promise<void>;
}

/**
 * Open the store: postgres.js for a `postgres://` url, otherwise PGlite (in `dataDir`, or in memory). Call
 * {@link migrate} on `db` before use and `close()` when done.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<Database> {
  const feedOptions = { pollIntervalMs: options.changePollMs, onError: options.onChangeFeedError };
  if (options.url !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(options.url)) {
      throw new VaultError("VALIDATION", "database url must start with postgres:// or postgresql://", {
        details: { field: "url" },
      });
    }
    // Both drivers are optional peer dependencies: load only the one this database needs.
    const [{ default: postgres }, { drizzle: drizzlePostgres }] = await Promise.all([
      import("postgres"),
      import("drizzle-orm/postgres-js"),
    ]);
    const client = postgres(options.url, {
      max: options.maxConnections ?? 10,
      onnotice: () => {},
      connect_timeout: (options.connectTimeoutMs ?? 5_000) / 1000,
      connection: { application_name: "vault", statement_timeout: options.statementTimeoutMs ?? 30_000 },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as VaultDb;
    const changes = new ChangeFeed({ db, listen: postgresListener(client), ...feedOptions });
    return opened(db, "postgres", changes, () => client.end({ timeout: 5 }));
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  // An embedded data directory belongs to one process, and to its user only: take it before PGlite touches it.
  const dataDir = options.dataDir;
  const lock = dataDir === undefined ? undefined : await lockDataDir(dataDir);
  let client: PGliteClient;
  try {
    if (dataDir !== undefined) {
      const warning = await secureDataDir(dataDir);
      if (warning) options.onWarning?.(warning);
    }
    client = await PGlite.create({ ...options.pglite, dataDir });
    // PGlite writes its files world-writable; the directory's 0700 already keeps others out, this is belt and braces.
    if (dataDir !== undefined) await secureDataDir(dataDir);
  } catch (error) {
    await lock?.release();
    throw error;
  }
  const db = drizzlePglite(client, { schema }) as unknown as VaultDb;
  // One process owns a PGlite database: its own writes reach its listeners through `publish`, so polling covers
  // the rest and there is nothing to LISTEN for.
  const changes = new ChangeFeed({ db, ...feedOptions });
  return opened(db, "pglite", changes, async () => {
    await client.close();
    if (dataDir !== undefined) await secureDataDir(dataDir); // files PGlite created while open
    await lock?.release();
  });
}

function opened(db: VaultDb, driver: Driver, changes: ChangeFeed, end: () => Promise<void>): Database {
  let closing: Promise<void> | undefined;
  return {
    db,
    driver,
    changes,
    close: () => {
      closing ??= (async () => {
        await changes.stop();
        await end();
      })();
      return closing;
    },
  };
}

/** Run `fn` in a transaction; inside an existing one it becomes a savepoint. */
export function withTransaction<T>(executor: Executor, fn: (tx: VaultTx) => Promise<T>): Promise<T> {
  return executor.transaction(fn as (tx: unknown) => Promise<T>) as Promise<T>;
}

/** Run raw SQL and get its rows the same way on both drivers (postgres.js returns an array, PGlite `{ rows }`). */
export async function queryRows<T extends Record<string, unknown>>(executor: Executor, query: SQL): Promise<T[]> {
  return rowsOf<T>(await executor.execute(query));
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
