import { PGlite } from "@electric-sql/pglite";
import { ManualClock } from "@vault/core";
import { drizzle } from "drizzle-orm/pglite";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { bumpRevision, type Change, ChangeFeed, migrate, readRevision, withTransaction } from "../src/index";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "../src/testing/index";

describe(`change feed (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const clock = new ManualClock();
  beforeAll(async () => {
    t = await createTestDatabase({ changePollMs: 50 });
  });
  afterAll(() => t.close());

  it("counts revisions per (app, topic)", async () => {
    expect(await readRevision(t.db, "a", "flags")).toBe(0);
    await withTransaction(t.db, (tx) => bumpRevision(tx, "a", "flags", clock));
    await withTransaction(t.db, (tx) => bumpRevision(tx, "a", "flags", clock));
    await withTransaction(t.db, (tx) => bumpRevision(tx, "b", "flags", clock));
    expect(await readRevision(t.db, "a", "flags")).toBe(2);
    expect(await readRevision(t.db, "b", "flags")).toBe(1);
    expect(await readRevision(t.db, "a", "config")).toBe(0);
  });

  it("does not move the revision when the transaction rolls back", async () => {
    const before = await readRevision(t.db, "rb", "flags");
    await expect(
      withTransaction(t.db, async (tx) => {
        await bumpRevision(tx, "rb", "flags", clock);
        throw new Error("abort");
      }),
    ).rejects.toThrow("abort");
    expect(await readRevision(t.db, "rb", "flags")).toBe(before);
  });

  it("tells another handle on the same database about a committed change", async () => {
    const other = await t.connectAgain({ changePollMs: 50 });
    const seen: Change[] = [];
    const stop = other.changes.watch("watched", "config", (change) => seen.push(change));
    await withTransaction(t.db, (tx) => bumpRevision(tx, "watched", "config", clock));
    if (t.driver === "pglite") {
      // One process: the writer publishes its own commits; the poll also finds them.
      await other.changes.poll();
    }
    await vi.waitFor(() => expect(seen.at(-1)?.revision).toBe(1), { timeout: 10_000, interval: 20 });
    await withTransaction(t.db, (tx) => bumpRevision(tx, "watched", "config", clock));
    await withTransaction(t.db, (tx) => bumpRevision(tx, "unwatched", "config", clock));
    await vi.waitFor(() => expect(seen.at(-1)?.revision).toBe(2), { timeout: 10_000, interval: 20 });
    expect(seen.every((c) => c.appId === "watched")).toBe(true);
    stop();
  });

  it("delivers each revision once, in order, whether it came by publish, poll or notify", async () => {
    const seen: number[] = [];
    const feed = t.changes;
    const stop = feed.watch("dedupe", "flags", (change) => seen.push(change.revision));
    const revision = await withTransaction(t.db, (tx) => bumpRevision(tx, "dedupe", "flags", clock));
    feed.publish({ appId: "dedupe", topic: "flags", revision });
    await feed.poll();
    feed.publish({ appId: "dedupe", topic: "flags", revision });
    expect(seen).toEqual([1]);
    stop();
  });

  it("polls a database it was given however it was opened, and reports a failed poll instead of swallowing it", async () => {
    const client = new PGlite();
    const db = drizzle(client);
    await migrate(db);
    const errors: unknown[] = [];
    const feed = new ChangeFeed({ db, pollIntervalMs: 60_000, onError: (error) => errors.push(error) });
    const seen: number[] = [];
    feed.watch("own", "flags", (change) => seen.push(change.revision));
    await withTransaction(db, (tx) => bumpRevision(tx, "own", "flags", clock));
    await feed.poll();
    expect(seen).toEqual([1]);
    expect(errors).toEqual([]);
    await client.close();
    await feed.poll();
    expect(errors).toHaveLength(1);
    await feed.stop();
  });

  it("reports a listener that throws, and still tells the others", async () => {
    const errors: unknown[] = [];
    const feed = new ChangeFeed({ db: t.db, pollIntervalMs: 60_000, onError: (error) => errors.push(error) });
    const seen: number[] = [];
    feed.watch("throwing", "flags", () => {
      throw new Error("listener failed");
    });
    feed.watch("throwing", "flags", (change) => seen.push(change.revision));
    feed.publish({ appId: "throwing", topic: "flags", revision: 1 });
    expect(seen).toEqual([1]);
    expect(errors).toMatchObject([{ message: "listener failed" }]);
    await feed.stop();
  });
});
