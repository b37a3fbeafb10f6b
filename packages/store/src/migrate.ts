import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { type Executor, queryRows, type VaultDb, withTransaction } from "./database";

/**
 * The committed drizzle-kit migrations, shipped in the package beside `src/` and `dist/`. Bundled entry points sit
 * one or two levels below the package root (dist/index.js, dist/testing/index.js), so look in both places.
 */
export const MIGRATIONS_FOLDER = fileURLToPath(
  [new URL("../drizzle", import.meta.url), new URL("../../drizzle", import.meta.url)].find((url) =>
    existsSync(new URL("meta/_journal.json", `${url.href}/`)),
  ) ?? new URL("../drizzle", import.meta.url),
);

// A fixed advisory-lock key: concurrent migrate() calls (several servers starting at once) queue on it.
const MIGRATION_LOCK = 0x7661756c; // "vaul"

function migrations() {
  return readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
}

async function appliedHashes(executor: Executor): Promise<Set<string>> {
  const rows = await queryRows<{ hash: string }>(executor, sql`select hash from vault_migrations`);
  return new Set(rows.map((row) => row.hash));
}

/**
 * Apply every committed migration not yet applied, in one transaction. Idempotent; two processes calling it at
 * once serialise on a transaction-scoped advisory lock, and the second finds nothing left to do.
 */
export async function migrate(db: VaultDb): Promise<{ applied: number }> {
  const all = migrations();
  return withTransaction(db, async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK})`);
    await tx.execute(sql`create table if not exists vault_migrations (
      hash text primary key,
      created_at bigint not null,
      applied_at timestamptz not null default now()
    )`);
    const done = await appliedHashes(tx);
    let applied = 0;
    for (const migration of all) {
      if (done.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim() !== "") await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into vault_migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      applied += 1;
    }
    return { applied };
  });
}

/** How many committed migrations this database has not applied (0 = up to date). Used by readiness checks. */
export async function pendingMigrations(db: VaultDb): Promise<number> {
  const exists = await queryRows<{ present: boolean }>(
    db,
    sql`select to_regclass('vault_migrations') is not null as present`,
  );
  if (!exists[0]?.present) return migrations().length;
  const done = await appliedHashes(db);
  return migrations().filter((migration) => !done.has(migration.hash)).length;
}
