import { describe, expect, it } from "vitest";
import {
  type RewrapBatch,
  type RewrapProgress,
  RewrapTally,
  rewrapInBatches,
  rewrapOptionsSchema,
  rewrapStatusOf,
} from "../src/index";

/** A table of rows in id order, some locked by someone else; a batch takes unlocked pending rows after the cursor. */
function table(ids: number[], locked: Set<number>) {
  const pending = new Set(ids);
  const batches: number[][] = [];
  return {
    pending,
    batches,
    batch:
      (size: number) =>
      async (after: number | undefined): Promise<RewrapBatch<number>> => {
        const rows = [...pending].filter((id) => (after === undefined || id > after) && !locked.has(id)).slice(0, size);
        for (const id of rows) pending.delete(id);
        batches.push(rows);
        return { moved: rows.length, next: rows.at(-1) ?? after };
      },
    count: async () => pending.size,
  };
}

describe("rewrapInBatches", () => {
  it("walks the rows once in batches, reporting progress, and stops when nothing is pending", async () => {
    const t = table([1, 2, 3, 4, 5, 6, 7], new Set());
    const progress: RewrapProgress[] = [];
    expect(
      await rewrapInBatches({ batchSize: 3, batch: t.batch(3), pending: t.count, onProgress: (p) => progress.push(p) }),
    ).toEqual({ rewrapped: 7 });
    expect(t.batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(progress).toEqual([
      { done: 3, remaining: 4 },
      { done: 6, remaining: 1 },
      { done: 7, remaining: 0 },
    ]);
  });

  it("nothing pending: no batch at all", async () => {
    const t = table([], new Set());
    expect(await rewrapInBatches({ batchSize: 3, batch: t.batch(3), pending: t.count, onProgress: undefined })).toEqual(
      { rewrapped: 0 },
    );
    expect(t.batches).toEqual([]);
  });

  it("rows passed over while locked are taken by the next pass, from the start", async () => {
    const locked = new Set([2]);
    const t = table([1, 2, 3, 4], locked);
    const progress: RewrapProgress[] = [];
    const run = rewrapInBatches({
      batchSize: 2,
      batch: async (after: number | undefined) => {
        const result = await t.batch(2)(after);
        // The writer holding row 2 lets go once the first pass has gone past it.
        if (after !== undefined) locked.clear();
        return result;
      },
      pending: t.count,
      onProgress: (p) => progress.push(p),
    });
    expect(await run).toEqual({ rewrapped: 4 });
    expect(t.batches).toEqual([[1, 3], [4], [2]]);
    expect(progress.at(-1)).toEqual({ done: 4, remaining: 0 });
  });

  it("a pass that moves nothing ends the run (what is left stays pending, for the status and a rerun)", async () => {
    const t = table([1, 2, 3], new Set([2]));
    expect(await rewrapInBatches({ batchSize: 5, batch: t.batch(5), pending: t.count, onProgress: undefined })).toEqual(
      {
        rewrapped: 2,
      },
    );
    expect([...t.pending]).toEqual([2]);
    expect(t.batches).toEqual([[1, 3], []]);
  });
});

describe("RewrapTally", () => {
  it("one metadata per app, in app order, with counts per kind and the sorted KEKs moved from", () => {
    const tally = new RewrapTally();
    tally.add("shop", "records", "kek_b");
    tally.add("billing", "appKeys", "kek_a");
    tally.add("shop", "records", "kek_a");
    tally.add("shop", "appKeys", "kek_b");
    expect(tally.byApp("kek_c")).toEqual([
      { appId: "billing", metadata: { appKeys: 1, fromKekIds: ["kek_a"], toKekId: "kek_c" } },
      { appId: "shop", metadata: { records: 2, appKeys: 1, fromKekIds: ["kek_a", "kek_b"], toKekId: "kek_c" } },
    ]);
  });
});

describe("rewrapOptionsSchema", () => {
  it("defaults the batch size to 100 and bounds it", () => {
    expect(rewrapOptionsSchema.parse({}).batchSize).toBe(100);
    expect(rewrapOptionsSchema.safeParse({ batchSize: 0 }).success).toBe(false);
    expect(rewrapOptionsSchema.safeParse({ batchSize: 10_001 }).success).toBe(false);
    expect(rewrapOptionsSchema.safeParse({ batchSize: 5, extra: true }).success).toBe(false);
  });

  it("rewrapStatusOf adds the counts of several tables per KEK, skips keys wrapped by nothing, and counts what is off the active KEK", () => {
    const status = rewrapStatusOf("kek_new", [
      { kekId: "kek_old", keys: 2 },
      { kekId: "kek_new", keys: "3" },
      { kekId: null, keys: 7 },
      { kekId: "kek_old", keys: 4n },
    ]);
    expect(status).toEqual({ activeKekId: "kek_new", byKek: { kek_old: 6, kek_new: 3 }, pending: 6 });
    expect(rewrapStatusOf("kek_new", [])).toEqual({ activeKekId: "kek_new", byKek: {}, pending: 0 });
  });
});
