import { setTimeout as delay } from "node:timers/promises";
import { newId } from "@vault/core";
import { type BlobSweepRow, blobOwnerKeys, blobSweeps, blobs, withTransaction } from "@vault/store";
import { and, asc, count, desc, eq, isNull, lte, or, sql } from "drizzle-orm";
import type { BlobContext } from "./context";
import { purgeRows } from "./purge";
import type { SweepRun, SweepStatus } from "./types";

/**
 * Purge what is due — entries past their expiry and entries of shredded owners — in batches of one transaction each,
 * every purge with its keyed proof. Between batches the sweep waits `pauseMs` on a timer: a backlog of many thousand
 * entries must not hold the pool — or, on PGlite, whose queries resolve as microtasks in this thread, the event loop
 * itself — for its whole length, so requests get their turn after every batch. Safe with many instances at once: each batch claims its rows with
 * `FOR UPDATE SKIP LOCKED`, so two sweepers never take the same entry, and the purge record's primary key (the
 * entry's id) admits one proof per entry. The run is recorded in `vault_blob_sweeps` (what it purged so far stands if
 * it stops early; its error is kept and rethrown).
 */
export async function sweepDue(
  ctx: BlobContext,
  opts: {
    appId?: string;
    batchSize?: number;
    maxBatches?: number;
    pauseMs?: number;
    signal?: AbortSignal;
    trigger: "schedule" | "manual";
  },
): Promise<SweepRun> {
  const id = newId("blobSweep");
  const batchSize = opts.batchSize ?? ctx.sweepBatchSize;
  const pauseMs = opts.pauseMs ?? ctx.sweepPauseMs;
  const [started] = await ctx.db
    .insert(blobSweeps)
    .values({ id, appId: opts.appId ?? null, trigger: opts.trigger, startedAt: ctx.clock.now() })
    .returning();
  let failure: unknown;
  try {
    for (let batches = 0; opts.maxBatches === undefined || batches < opts.maxBatches; batches++) {
      if (batches > 0) await pause(pauseMs, opts.signal);
      if (opts.signal?.aborted) break;
      const purged = await sweepBatch(ctx, id, opts.appId, batchSize);
      // A short batch took all that was due and unclaimed (another sweeper holds the rest, if any).
      if (purged < batchSize) break;
    }
  } catch (error) {
    failure = error;
  }
  const [finished] = await ctx.db
    .update(blobSweeps)
    .set({
      finishedAt: ctx.clock.now(),
      error: failure === undefined ? null : String((failure as Error).message ?? failure).slice(0, 500),
    })
    .where(eq(blobSweeps.id, id))
    .returning();
  if (failure !== undefined) throw failure;
  return toRun(finished ?? started!);
}

/** Wait `ms` on a timer (even 0 lets the event loop run what queued behind the batch); an abort ends the wait. */
async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  await delay(ms, undefined, { signal }).catch((error: unknown) => {
    if ((error as Error).name !== "AbortError") throw error;
  });
}

/** One batch: claim up to `batchSize` due entries nobody else holds, purge them, count them on the run. */
async function sweepBatch(ctx: BlobContext, sweepId: string, appId: string | undefined, batchSize: number) {
  return withTransaction(ctx.db, async (tx) => {
    const now = ctx.clock.now();
    const rows = await tx
      .select({
        id: blobs.id,
        appId: blobs.appId,
        purpose: blobs.purpose,
        externalId: blobs.externalId,
        ownerKeyId: blobs.ownerKeyId,
        size: blobs.size,
        contentDigest: blobs.contentDigest,
        expiresAt: blobs.expiresAt,
        shreddedAt: blobOwnerKeys.shreddedAt,
      })
      .from(blobs)
      .innerJoin(blobOwnerKeys, eq(blobOwnerKeys.id, blobs.ownerKeyId))
      .where(and(lte(blobs.dueAt, now), appId === undefined ? undefined : eq(blobs.appId, appId)))
      .orderBy(asc(blobs.dueAt))
      .limit(batchSize)
      .for("update", { of: blobs, skipLocked: true });
    if (rows.length === 0) return 0;
    await purgeRows(
      ctx,
      tx,
      rows.map((row) => ({ ...row, reason: row.shreddedAt !== null && row.expiresAt > now ? "shredded" : "expired" })),
      sweepId,
    );
    await tx
      .update(blobSweeps)
      .set({ purged: sql`${blobSweeps.purged} + ${rows.length}`, batches: sql`${blobSweeps.batches} + 1` })
      .where(eq(blobSweeps.id, sweepId));
    return rows.length;
  });
}

/** The app's last sweep (its own or an instance-wide one) and how many of its entries are due now. */
export async function sweepStatus(ctx: BlobContext, appId: string): Promise<SweepStatus> {
  const [last] = await ctx.db
    .select()
    .from(blobSweeps)
    .where(or(eq(blobSweeps.appId, appId), isNull(blobSweeps.appId)))
    .orderBy(desc(blobSweeps.startedAt), desc(blobSweeps.id))
    .limit(1);
  const [due] = await ctx.db
    .select({ n: count() })
    .from(blobs)
    .where(and(eq(blobs.appId, appId), lte(blobs.dueAt, ctx.clock.now())));
  return { lastRun: last === undefined ? null : toRun(last), due: due?.n ?? 0 };
}

export function toRun(row: BlobSweepRow): SweepRun {
  return {
    id: row.id,
    appId: row.appId,
    trigger: row.trigger,
    startedAt: row.startedAt,
    finishedAt: row.finishedAt,
    purged: row.purged,
    batches: row.batches,
    error: row.error,
  };
}
