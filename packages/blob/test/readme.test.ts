import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeReadme, readmeBlocks, runExample } from "../../../tools/readme-examples.mjs";

// Runs ../README.md's ```ts blocks as written (conventions: tools/readme-examples.mjs), with how many `// →` and
// `// throws` claims each makes.
describeReadme(import.meta.dirname, { claims: [9, 8] });

// The examples open an in-memory PGlite, as a README should. On the Postgres run the same blocks run once more, each
// against a fresh database of its own: the only change is the URL given to `openDatabase()`.
describe.runIf(testDatabaseKind() === "postgres")("packages/blob/README.md examples on Postgres", () => {
  const file = "packages/blob/README.md";
  const blocks = readmeBlocks(readFileSync(join(import.meta.dirname, "..", "README.md"), "utf8"), file);
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (const _ of blocks) databases.push(await createTestDatabase());
  });
  afterAll(async () => {
    for (const database of databases) await database.close();
  });

  blocks.forEach((block, index) => {
    it(`block ${index + 1} (line ${block.line}) runs on Postgres and its claims hold`, async () => {
      const url = databases[index]!.url!;
      const code = block.code.replace("await openDatabase();", `await openDatabase({ url: ${JSON.stringify(url)} });`);
      expect(code, "the block opens its database with openDatabase()").not.toBe(block.code);
      await runExample(import.meta.dirname, code, { name: `postgres-block-${index + 1}`, line: block.line, file });
    }, 120_000);
  });
});
