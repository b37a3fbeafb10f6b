import { randomBytes } from "node:crypto";

/** Names the database the suite runs on, and cleans up the Postgres databases this run created. */
export default async function setup(): Promise<() => Promise<void>> {
  const url = process.env.DATABASE_URL;
  const run = randomBytes(3).toString("hex");
  process.env.VAULT_TEST_RUN = run;
  if (url) {
    const shown = new URL(url);
    shown.password = shown.password ? "***" : "";
    console.log(`\n[vault] database suite: Postgres at ${shown.toString()} (a database per test file)\n`);
  } else {
    console.log("\n[vault] database suite: PGlite (in-memory, a cloned template per test file)\n");
  }
  return async () => {
    if (!url) return;
    // The cleanup module imports nothing of ours, so this works before any package is built.
    const { dropTestDatabases } = await import("./packages/store/src/testing/cleanup");
    await dropTestDatabases(url, run);
  };
}
