import type { PGliteOptions } from "@electric-sql/pglite";
import { VaultError } from "@vault/core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import * as schema from "./schema/index";

export type Schema = typeof schema;
/** The Drizzle database every service takes: the same surface over postgres.js and PGlite. */
export type VaultDb = PgDatabase<PgQueryResultHKT, Schema>;
export type VaultTx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
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
  /** How often the change feed polls revisions, in ms (default 500). */
  changePollMs?: number;
  /** Extra PGlite options (e.g. `loadDataDir` to start from a dump). */
  pglite?: PGliteOptions;
}

interface Connection {
  driver: Driver;
  changePollMs: number;
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  end(): Promise<void>;
  onClose: Array<() => Promise<void> | void>;
  closed: boolean;
}

const connections = new WeakMap<object, Connection>();

/**
 * Open the store: postgres.js for a `postgres://` url, otherwise PGlite (in `dataDir`, or in memory). Call
 * {@link migrate} before use and {@link closeDatabase} when done.
 */
export async function openDatabase(options: OpenDatabaseOptions = {}): Promise<VaultDb> {
  const changePollMs = options.changePollMs ?? 500;
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
      connection: { application_name: "vault" },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as VaultDb;
    connections.set(db, {
      driver: "postgres",
      changePollMs,
      async listen(channel, onPayload) {
        const subscription = await client.listen(channel, onPayload);
        return () => subscription.unlisten();
      },
      end: () => client.end({ timeout: 5 }),
      onClose: [],
      closed: false,
    });
    return db;
  }
  const [{ PGlite }, { drizzle: drizzlePglite }] = await Promise.all([
    import("@electric-sql/pglite"),
    import("drizzle-orm/pglite"),
  ]);
  const client = await PGlite.create({ ...options.pglite, dataDir: options.dataDir });
  const db = drizzlePglite(client, { schema }) as unknown as VaultDb;
  connections.set(db, {
    driver: "pglite",
    changePollMs,
    async listen(channel, onPayload) {
      return client.listen(channel, onPayload);
    },
    end: () => client.close(),
    onClose: [],
    closed: false,
  });
  return db;
}

function connectionOf(db: VaultDb): Connection {
  const connection = connections.get(db);
  if (!connection) {
    throw new VaultError("INTERNAL", "this database was not opened with openDatabase()");
  }
  return connection;
}

/** Which driver a database opened by {@link openDatabase} uses. */
export function driverOf(db: VaultDb): Driver {
  return connectionOf(db).driver;
}

/** @internal Used by the change feed. */
export function connectionInternals(db: VaultDb): Pick<Connection, "listen" | "changePollMs" | "onClose" | "driver"> {
  return connectionOf(db);
}

/** Close the database and everything attached to it (change feed). Safe to call twice. */
export async function closeDatabase(db: VaultDb): Promise<void> {
  const connection = connectionOf(db);
  if (connection.closed) return;
  connection.closed = true;
  for (const hook of connection.onClose.splice(0).reverse()) await hook();
  await connection.end();
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
