import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type postgres from "postgres";
import { type Database, openDatabase } from "../database";
import { MIGRATIONS_FOLDER, migrate } from "../migrate";
import { adminConnection } from "./cleanup";

export { dropTestDatabases } from "./cleanup";

/** A fresh, migrated database that no other test file sees (`db`, `driver`, its change feed). */
export interface TestDatabase extends Database {
  /** The database's own url (Postgres only). */
  url: string | undefined;
  /**
   * Another handle on the same database, as a second server process would have (its own pool and change feed).
   * On PGlite, which is single-process, this is the same handle. Closed by `close()`.
   */
  connectAgain(options?: { changePollMs?: number }): Promise<Database>;
  /** Close every handle and drop the database (Postgres). */
  close(): Promise<void>;
}

/** Which database the suite runs on: Postgres when `DATABASE_URL` is set, PGlite otherwise. */
export function testDatabaseKind(): Database["driver"] {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/**
 * A fresh, migrated, isolated database for one test file. On Postgres (`DATABASE_URL`) a database of its own,
 * cloned from a migrated template database; on PGlite an in-memory instance loaded from a migrated template dump,
 * so neither pays for migrations per file.
 */
export async function createTestDatabase(options: TestDatabaseOptions = {}): Promise<TestDatabase> {
  const url = process.env.DATABASE_URL;
  return url ? createPostgresTestDatabase(url, options) : createPgliteTestDatabase(options);
}

export interface TestDatabaseOptions {
  changePollMs?: number;
  /** false: an empty database with no migrations applied (for testing migrate itself). Default true. */
  migrated?: boolean;
}

/** A hash of the committed migrations: templates are rebuilt whenever it changes. */
function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else hash.update(name).update(readFileSync(path));
    }
  };
  walk(MIGRATIONS_FOLDER);
  return hash.digest("hex").slice(0, 16);
}

async function createPgliteTestDatabase(options: TestDatabaseOptions): Promise<TestDatabase> {
  if (options.migrated === false) {
    const empty = await openDatabase({ changePollMs: options.changePollMs });
    return single(empty);
  }
  const dir = join(tmpdir(), "vault-test-templates");
  const templatePath = join(dir, `pglite-${migrationsHash()}.tar.gz`);
  let dump: Buffer | undefined;
  try {
    dump = readFileSync(templatePath);
  } catch {
    const template = await openDatabase();
    await migrate(template.db);
    const client = (template.db as unknown as { $client: import("@electric-sql/pglite").PGlite }).$client;
    const file = await client.dumpDataDir("gzip");
    dump = Buffer.from(await file.arrayBuffer());
    await template.close();
    mkdirSync(dir, { recursive: true });
    // Write then rename, so a parallel worker never reads half a file.
    const partial = `${templatePath}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(partial, dump);
    renameSync(partial, templatePath);
  }
  const db = await openDatabase({
    changePollMs: options.changePollMs,
    pglite: { loadDataDir: new Blob([new Uint8Array(dump)]) },
  });
  return single(db);
}

function single(database: Database): TestDatabase {
  return { ...database, url: undefined, connectAgain: async () => database };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function createPostgresTestDatabase(url: string, options: TestDatabaseOptions): Promise<TestDatabase> {
  const admin = await adminConnection(url);
  // Per run, so that a run creates (and at its end drops) only databases of its own, never another run's on a shared
  // server. Without the suite's global setup (a script using the harness) the run is "adhoc" and its template stays.
  const run = process.env.VAULT_TEST_RUN ?? "adhoc";
  const template = `vault_tpl_${migrationsHash()}_${run}`;
  const name = `vault_t_${run}_${randomBytes(5).toString("hex")}`;
  try {
    if (options.migrated === false) {
      await admin.unsafe(`create database "${name}"`);
    } else {
      await ensurePostgresTemplate(admin, url, template);
    }
    for (let attempt = 0; options.migrated !== false; attempt++) {
      try {
        await admin.unsafe(`create database "${name}" template "${template}"`);
        break;
      } catch (error) {
        // Another worker may be cloning the same template this instant; cloning needs it briefly to itself.
        if (attempt >= 20 || !String((error as Error).message).includes("being accessed by other users")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50 + Math.random() * 100));
      }
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
  const ownUrl = withDatabase(url, name);
  const handles: Database[] = [];
  const connect = async (changePollMs = options.changePollMs) => {
    const handle = await openDatabase({ url: ownUrl, changePollMs, maxConnections: 10 });
    handles.push(handle);
    return handle;
  };
  const first = await connect();
  return {
    ...first,
    url: ownUrl,
    connectAgain: (again) => connect(again?.changePollMs),
    async close() {
      for (const handle of handles) await handle.close();
      const dropper = await adminConnection(url);
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await dropper.end({ timeout: 5 });
      }
    },
  };
}

async function ensurePostgresTemplate(admin: postgres.Sql, url: string, template: string): Promise<void> {
  const exists = async (on: postgres.Sql | postgres.ReservedSql) =>
    (await on`select 1 from pg_database where datname = ${template}`).length > 0;
  if (await exists(admin)) return;
  const reserved = await admin.reserve();
  try {
    // Session lock: only one worker builds the template; the others wait and then find it.
    await reserved`select pg_advisory_lock(hashtext(${template}))`;
    if (!(await exists(reserved))) {
      const building = `${template}_build_${randomBytes(3).toString("hex")}`;
      await reserved.unsafe(`create database "${building}"`);
      const database = await openDatabase({ url: withDatabase(url, building), maxConnections: 1 });
      try {
        await migrate(database.db);
      } finally {
        await database.close();
      }
      await reserved.unsafe(`alter database "${building}" rename to "${template}"`);
    }
    await reserved`select pg_advisory_unlock(hashtext(${template}))`;
  } finally {
    reserved.release();
  }
}
