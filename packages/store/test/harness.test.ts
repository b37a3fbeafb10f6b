import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { dropTestDatabases, testDatabaseKind } from "../src/testing/index";

// The harness shares a Postgres server with other runs (other checkouts, CI): at its end a run drops what it created
// and nothing of anyone else's.
describe.skipIf(testDatabaseKind() !== "postgres")("test harness on a shared Postgres (postgres)", () => {
  it("drops only the databases of its own run", async () => {
    const url = process.env.DATABASE_URL!;
    const mine = `run${randomBytes(3).toString("hex")}`;
    const theirs = `run${randomBytes(3).toString("hex")}`;
    const names = [
      `vault_tpl_0123456789abcdef_${mine}`,
      `vault_t_${mine}_aaaa`,
      `vault_tpl_0123456789abcdef_${theirs}`,
      `vault_tpl_fedcba9876543210_${theirs}`,
      `vault_t_${theirs}_bbbb`,
    ];
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    const existing = async () =>
      (await admin<{ datname: string }[]>`select datname from pg_database where datname = any(${names})`)
        .map((row) => row.datname)
        .sort();
    try {
      for (const name of names) await admin.unsafe(`create database "${name}"`);
      await dropTestDatabases(url, mine);
      expect(await existing()).toEqual(names.filter((name) => name.includes(theirs)).sort());
    } finally {
      for (const name of names) await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    }
  });
});
