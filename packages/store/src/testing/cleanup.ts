import type postgres from "postgres";

// The harness's Postgres housekeeping, in a module of its own that imports nothing of ours: the suite's global
// teardown loads it directly, before any workspace package is built or resolved.

/** An admin connection. postgres.js is an optional peer dependency: loaded only when a test runs on Postgres. */
export async function adminConnection(url: string): Promise<postgres.Sql> {
  const { default: connect } = await import("postgres");
  return connect(url, { max: 1, onnotice: () => {} });
}

/**
 * Drop the databases the test run `run` created — its template and its test databases — and nothing else: other runs
 * may be using the same server. Called by the suite's global teardown.
 */
export async function dropTestDatabases(url: string, run: string): Promise<void> {
  const admin = await adminConnection(url);
  try {
    const rows = await admin<{ datname: string }[]>`
      select datname from pg_database
      where datname like ${`vault\\_t\\_${run}\\_%`} or datname like ${`vault\\_tpl\\_%\\_${run}`}`;
    for (const { datname } of rows) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`).catch(() => {});
    }
  } finally {
    await admin.end({ timeout: 5 });
  }
}
