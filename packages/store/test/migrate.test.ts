import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apps, migrate, openDatabase, pendingMigrations, queryRows, type VaultDb } from "../src/index";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../src/testing/index";

describe(`migrate (${testDatabaseKind()})`, () => {
  let empty: TestDatabase;

  beforeAll(async () => {
    empty = await createTestDatabase({ migrated: false });
  });
  afterAll(() => empty.close());

  const migrationRows = async (db: VaultDb) =>
    Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from vault_migrations`))[0]?.n);

  it("applies every migration to an empty database, then is a no-op", async () => {
    expect(await pendingMigrations(empty.db)).toBeGreaterThan(0);
    const first = await migrate(empty.db);
    expect(first.applied).toBeGreaterThan(0);
    expect(await pendingMigrations(empty.db)).toBe(0);
    const second = await migrate(empty.db);
    expect(second.applied).toBe(0);
    expect(await migrationRows(empty.db)).toBe(first.applied);
    // The schema works: a first real table round-trips.
    const now = new Date("2026-05-01T00:00:00Z");
    await empty.db.insert(apps).values({ id: "billing", name: "Billing", createdAt: now, updatedAt: now });
    const [row] = await empty.db.select().from(apps);
    expect(row).toEqual({ id: "billing", name: "Billing", metadata: {}, createdAt: now, updatedAt: now });
  });

  it("lets two concurrent migrate calls both succeed with one schema", async () => {
    const fresh = await createTestDatabase({ migrated: false });
    try {
      // Two handles = two connection pools, as two server processes starting at once would have.
      const other = await fresh.connectAgain();
      const results = await Promise.all([migrate(fresh.db), migrate(other.db)]);
      expect(results.map((r) => r.applied).sort()).toEqual([0, results[0]!.applied + results[1]!.applied].sort());
      expect(await migrationRows(fresh.db)).toBe(results[0]!.applied + results[1]!.applied);
      const tables = await queryRows<{ n: number }>(
        fresh.db,
        sql`select count(*)::int as n from information_schema.tables where table_name = 'vault_apps'`,
      );
      expect(tables[0]?.n).toBe(1);
    } finally {
      await fresh.close();
    }
  });

  it("rejects a url that is not postgres:// with a VALIDATION error", async () => {
    await expect(openDatabase({ url: "mysql://localhost/db" })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
