import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTestDatabase, testDatabaseKind } from "../src/testing/index";

// postgres.js 3.4.9 can kill the process when a connection dies mid-transaction (porsager/postgres#1154, #1208): the
// ROLLBACK it writes lands on a socket its close handler already nulled, from a setImmediate callback no caller can
// catch. The workspace patches the driver (patches/postgres@3.4.9.patch); this runs the upstream reproduction in a
// process of its own, which dies without the patch.
describe.skipIf(testDatabaseKind() !== "postgres")("postgres.js driver (postgres)", () => {
  it("survives a transaction whose backend is terminated mid-query", async () => {
    const database = await createTestDatabase();
    try {
      const run = spawnSync(
        process.execPath,
        [join(import.meta.dirname, "fixtures/terminated-transaction.mjs"), database.url!],
        {
          encoding: "utf8",
          timeout: 60_000,
        },
      );
      expect(run.stderr).not.toMatch(/TypeError/);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.trim()).toBe("CONNECTION_CLOSED");
    } finally {
      await database.close();
    }
  });
});
