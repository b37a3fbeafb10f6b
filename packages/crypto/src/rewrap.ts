import { z } from "zod";

// What every service whose rows hold KEK-wrapped keys shares for KEK rotation (secrets, blobs, tokens, webhooks): the
// options and status shapes, the batch loop and the per-app audit tally. The queries stay in each package.

export interface RewrapProgress {
  /** Wrapped keys rewrapped so far in this run. */
  done: number;
  /** Wrapped keys still under a KEK other than the active one. */
  remaining: number;
}

export interface RewrapOptions {
  /** Rows per transaction (default 100). */
  batchSize?: number;
  onProgress?: (progress: RewrapProgress) => void;
}

export interface RewrapStatus {
  activeKekId: string;
  /** Wrapped keys per KEK id (live rows only: a destroyed or shredded key is wrapped by nothing). */
  byKek: Record<string, number>;
  /** Wrapped keys still under a KEK other than the active one (0: the old KEKs wrap nothing here). */
  pending: number;
}

/** A service whose rows hold keys wrapped by a KEK, so a KEK rotation must rewrap them before the old KEK goes. */
export interface Rewrappable {
  /** Rewrap every key not under the active KEK, in batches, never decrypting a value. Resumable. */
  rewrapAll(options?: RewrapOptions): Promise<{ rewrapped: number }>;
  /** How many keys each KEK wraps, and how many still need `rewrapAll`. */
  rewrapStatus(): Promise<RewrapStatus>;
}

/**
 * A status from per-KEK counts (one table's `GROUP BY kek_id`, or several tables' concatenated; null ids, keys wrapped
 * by nothing, are skipped).
 */
export function rewrapStatusOf(
  activeKekId: string,
  counts: ReadonlyArray<{ kekId: string | null; keys: number | string | bigint }>,
): RewrapStatus {
  const byKek: Record<string, number> = {};
  let pending = 0;
  for (const { kekId, keys } of counts) {
    if (kekId === null) continue;
    byKek[kekId] = (byKek[kekId] ?? 0) + Number(keys);
    if (kekId !== activeKekId) pending += Number(keys);
  }
  return { activeKekId, byKek, pending };
}

export const DEFAULT_REWRAP_BATCH = 100;

/** Validates {@link RewrapOptions} (`onProgress` is passed through as given). */
export const rewrapOptionsSchema = z
  .object({
    batchSize: z.number().int().min(1).max(10_000).default(DEFAULT_REWRAP_BATCH),
    onProgress: z.unknown().optional(),
  })
  .strict();

/** What one rewrap batch did: how many keys it moved (0: its pass is over) and where the next batch starts. */
export interface RewrapBatch<C> {
  moved: number;
  /** Past every row this batch locked (a cursor in the table's key order, kept by the package); read when moved > 0. */
  next: C | undefined;
}

/**
 * Run `batch` (one transaction of its own, taking up to `batchSize` rows) pass after pass until nothing is left. A
 * pass walks the rows in key order from a cursor, so a batch never rescans what earlier ones moved (linear, not
 * quadratic, in the rows), and ends with a batch that comes back short. Rows a pass went by because someone else held
 * them locked are met by the next pass, which starts from the beginning. The run stops when `pending` counts nothing
 * left, or when a whole pass moves nothing (what is left is locked by a writer, or cannot be unwrapped: the status
 * shows it, and a rerun finishes it). Progress after each batch: `remaining` is `pending` at the start of the pass
 * less what this run moved since (another process's work shows in the status, not here).
 */
export async function rewrapInBatches<C>(run: {
  batchSize: number;
  batch: (after: C | undefined) => Promise<RewrapBatch<C>>;
  pending: () => Promise<number>;
  onProgress: RewrapOptions["onProgress"];
}): Promise<{ rewrapped: number }> {
  let done = 0;
  let left = await run.pending();
  while (left > 0) {
    const doneBefore = done;
    let after: C | undefined;
    for (;;) {
      const { moved, next } = await run.batch(after);
      if (moved > 0) {
        after = next;
        done += moved;
        run.onProgress?.({ done, remaining: Math.max(0, left - (done - doneBefore)) });
      }
      if (moved < run.batchSize) break;
    }
    if (done === doneBefore) break;
    left = await run.pending();
  }
  return { rewrapped: done };
}

/**
 * What one rewrap batch moved, per app (an audit entry belongs to one app): how many keys of each kind, and off which
 * KEKs. Never a key, a value or anything that names an owner.
 */
export class RewrapTally {
  readonly #apps = new Map<string, { counts: Map<string, number>; fromKekIds: Set<string> }>();

  add(appId: string, kind: string, fromKekId: string): void {
    let app = this.#apps.get(appId);
    if (app === undefined) {
      app = { counts: new Map(), fromKekIds: new Set() };
      this.#apps.set(appId, app);
    }
    app.counts.set(kind, (app.counts.get(kind) ?? 0) + 1);
    app.fromKekIds.add(fromKekId);
  }

  /** One audit metadata per app, in app id order: `{ <kind>: count, …, fromKekIds (sorted), toKekId }`. */
  byApp(toKekId: string): Array<{ appId: string; metadata: Record<string, unknown> }> {
    return [...this.#apps]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([appId, app]) => ({
        appId,
        metadata: { ...Object.fromEntries(app.counts), fromKekIds: [...app.fromKekIds].sort(), toKekId },
      }));
  }
}
