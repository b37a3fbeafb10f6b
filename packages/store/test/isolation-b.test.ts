import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apps } from "../src/index";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../src/testing/index";

// isolation-b and isolation-a write the same app id; each must see only its own row.
describe(`test database isolation, file B (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  it("sees only what this file wrote", async () => {
    const now = new Date();
    await t.db.insert(apps).values({ id: "shared-app", name: "written by B", createdAt: now, updatedAt: now });
    const rows = await t.db.select().from(apps);
    expect(rows.map((r) => r.name)).toEqual(["written by B"]);
  });
});
