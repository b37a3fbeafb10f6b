import { randomBytes } from "node:crypto";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { AuditLog } from "@vault/audit";
import { BlobService, DEFAULT_SWEEP_BATCH, DEFAULT_SWEEP_PAUSE_MS, type SweepOptions } from "@vault/blob";
import { newId } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { blobOwnerKeys, blobPurges, blobs } from "@vault/store";
import { createTestDatabase } from "@vault/store/testing";
import { and, eq, isNull } from "drizzle-orm";
import { sealBlob } from "../packages/blob/src/envelope";

// Governed blobs on a fresh migrated database: Postgres when DATABASE_URL is set, PGlite otherwise. Measured in this
// run, on the same database:
// (1) PUT and GET of a 4 KiB blob against secrets.set and secrets.get of a 4 KiB value (both services without an audit
//     sink, then both with the hash-chained AuditLog). The pairs run interleaved in rounds of 20, as in the webhook
//     bench, so that a shared machine's drifting load weighs on both alike; ratios are of the medians per op.
// (2) A sweep of SWEEP_ENTRIES (default 100,000) expired entries, in entries per second, with the AuditLog as the
//     server runs it (every purge's proof goes to the audit log), while READERS concurrent readers GET live entries
//     all along: GET p99 during the sweep against GET p99 without one (measured before and after it). Target ≤ 2×.
//
// Seeding 100,000 entries through `put` would take minutes, so they are inserted in bulk — but sealed by the package's
// own `sealBlob` (fresh DEK, AES-256-GCM, associated data, DEK wrapped by the owner's key, keyed content digest) under
// the live owner key that a real `put` created, so they are rows `put` could have written; a sample of their purge
// proofs is verified with `verifyProof` against the content afterwards.
const t = await createTestDatabase();
const load = () =>
  loadavg()
    .map((l) => l.toFixed(2))
    .join(" ");
console.log(`database: ${t.driver}; load average at start: ${load()}`);
const keys = Keyring.generate();
const app = "bench";
const purpose = "docs";
const KIB4 = 4096;
const data4k = randomBytes(KIB4);
const value4k = randomBytes(KIB4 * 2)
  .toString("base64")
  .slice(0, KIB4);
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a knob of this bench only (a smaller sweep while trying things)
const SWEEP_ENTRIES = Number(process.env.BLOB_BENCH_SWEEP_ENTRIES ?? 100_000);
const READERS = 4;
const policy = { maxRetentionDays: 365, defaultTtlDays: 30, access: "owner-only" as const };

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/**
 * Run each case in rounds of `round` calls, alternating between the cases for `ms` in all, and print the median time
 * per call of each against the first (the baseline).
 */
async function interleaved(title: string, cases: Array<{ name: string; fn: () => Promise<unknown> }>, ms = 8_000) {
  const round = 20;
  const perRound = cases.map(() => [] as number[]);
  for (const c of cases) for (let i = 0; i < round; i++) await c.fn(); // warm-up
  const until = performance.now() + ms;
  while (performance.now() < until) {
    for (const [index, c] of cases.entries()) {
      const started = performance.now();
      for (let i = 0; i < round; i++) await c.fn();
      perRound[index]!.push((performance.now() - started) / round);
    }
  }
  const medians = perRound.map(median);
  console.log(`\n### ${title} (${t.driver}; load average ${load()})\n`);
  console.log(`| case | median per op | ops/s | rounds of ${round} | vs baseline |`);
  console.log("| --- | ---: | ---: | ---: | ---: |");
  for (const [index, c] of cases.entries()) {
    const ms = medians[index]!;
    console.log(
      `| ${c.name}${index === 0 ? " (baseline)" : ""} | ${ms.toFixed(3)} ms | ${(1000 / ms).toFixed(0)} | ${perRound[index]!.length} | ${(medians[0]! / ms).toFixed(2)}× |`,
    );
  }
  return medians;
}

// BLOB_BENCH_PARTS=throughput or =sweep runs one part alone.
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a knob of this bench only
const parts = (process.env.BLOB_BENCH_PARTS ?? "throughput,sweep").split(",");

// (1) Throughput against the secret service, with and without the audit log.
for (const audited of parts.includes("throughput") ? [false, true] : []) {
  const auditLog = audited ? new AuditLog({ db: t.db, hmacKey: randomBytes(32) }) : undefined;
  const secrets = new SecretService({ db: t.db, keys, audit: auditLog });
  const blobService = new BlobService({ db: t.db, keys, audit: auditLog });
  const tag = audited ? "audited" : "plain";
  await blobService.setPolicy(app, `${purpose}-${tag}`, policy);
  await secrets.set(app, `read-${tag}`, value4k);
  await blobService.put(app, `${purpose}-${tag}`, "read", data4k);
  let n = 0;
  const label = audited ? "with the AuditLog" : "no audit sink";
  await interleaved(`write a 4 KiB value, a new key each time, ${label}`, [
    { name: "secrets.set", fn: () => secrets.set(app, `set-${tag}-${n++}`, value4k) },
    { name: "blobs.put", fn: () => blobService.put(app, `${purpose}-${tag}`, `put-${n++}`, data4k) },
  ]);
  await interleaved(`read a 4 KiB value, ${label}`, [
    { name: "secrets.get", fn: () => secrets.get(app, `read-${tag}`) },
    { name: "blobs.get (counts a retrieval)", fn: () => blobService.get(app, `${purpose}-${tag}`, "read") },
  ]);
  await auditLog?.close();
}

// (2) The sweep, with the audit log as the server has it, and GETs of live entries beside it.
const auditLog = new AuditLog({ db: t.db, hmacKey: randomBytes(32) });
const service = new BlobService({ db: t.db, keys, audit: auditLog });
const sweepApp = "bench-sweep";
await service.setPolicy(sweepApp, purpose, policy);
const LIVE = 200;
for (let i = 0; i < LIVE; i++) await service.put(sweepApp, purpose, `live-${i}`, data4k);

/** Insert `count` expired entries sealed by the package's own `sealBlob`, under the owner key a real put made. */
async function seedExpired(count: number, prefix: string): Promise<void> {
  const [ownerRow] = await t.db
    .select()
    .from(blobOwnerKeys)
    .where(
      and(
        eq(blobOwnerKeys.appId, sweepApp),
        eq(blobOwnerKeys.owner, `app:${sweepApp}`),
        isNull(blobOwnerKeys.shreddedAt),
      ),
    );
  const ownerKey = await keys.unwrapKey(ownerRow!.kekId!, ownerRow!.wrappedKey!);
  const expiredAt = new Date(Date.now() - 3_600_000);
  const createdAt = new Date(Date.now() - 86_400_000);
  const started = performance.now();
  try {
    for (let i = 0; i < count; i += 500) {
      const rows = [];
      for (let j = i; j < Math.min(count, i + 500); j++) {
        const blobId = newId("blob");
        const id = `${prefix}-${j}`;
        rows.push({
          id: blobId,
          appId: sweepApp,
          purpose,
          externalId: id,
          owner: `app:${sweepApp}`,
          ownerKeyId: ownerRow!.id,
          size: data4k.length,
          ...sealBlob(ownerKey, { appId: sweepApp, purpose, id, blobId }, data4k),
          metadata: {},
          maxRetrievals: null,
          retrievalCount: 0,
          expiresAt: expiredAt,
          dueAt: expiredAt,
          createdAt,
          updatedAt: createdAt,
        });
      }
      await t.db.insert(blobs).values(rows);
    }
  } finally {
    ownerKey.fill(0);
  }
  console.log(
    `seeded ${count} expired 4 KiB entries in ${((performance.now() - started) / 1000).toFixed(1)} s (bulk INSERTs of rows sealed by sealBlob)`,
  );
}

/**
 * READERS loops GETting random live entries until `stop()`; the latencies in ms. Each GET starts from a macrotask,
 * as a request would, and its time includes the wait for one: PGlite runs queries in this thread and resolves them
 * as microtasks, so a chain of queries (a sweep's batches) can hold off timers, sockets and every request until it
 * yields — which the latency must show.
 */
function readers() {
  let running = true;
  const latencies: number[] = [];
  const loops = Array.from({ length: READERS }, async () => {
    while (running) {
      const started = performance.now();
      await new Promise((resolve) => setImmediate(resolve));
      await service.get(sweepApp, purpose, `live-${Math.floor(Math.random() * LIVE)}`);
      latencies.push(performance.now() - started);
    }
  });
  return {
    async stop(): Promise<number[]> {
      running = false;
      await Promise.all(loops);
      return latencies.sort((a, b) => a - b);
    },
  };
}

async function readFor(ms: number): Promise<number[]> {
  const r = readers();
  await new Promise((resolve) => setTimeout(resolve, ms));
  return r.stop();
}

let runs = 0;
/** Sweep `SWEEP_ENTRIES` expired entries with `options` while readers GET live ones; GETs measured before and after too. */
async function sweepUnderReads(name: string, options: SweepOptions) {
  await seedExpired(SWEEP_ENTRIES, `expired-${runs++}`);
  await readFor(1_000); // warm-up
  const before = await readFor(8_000);
  const r = readers();
  const started = performance.now();
  const run = await service.sweep(options);
  const seconds = (performance.now() - started) / 1000;
  const during = await r.stop();
  const after = await readFor(8_000);
  if (run.purged !== SWEEP_ENTRIES) throw new Error(`swept ${run.purged} of ${SWEEP_ENTRIES}`);
  const without = [...before, ...after].sort((a, b) => a - b);
  return { name, run, seconds, without, during };
}

function printSweep(results: Awaited<ReturnType<typeof sweepUnderReads>>[]) {
  console.log(
    `\n### sweep of ${SWEEP_ENTRIES} expired 4 KiB entries, ${READERS} readers GETting live entries throughout (${t.driver}; load average ${load()})\n`,
  );
  console.log(
    "| sweep | entries/s | batches | GET p50 / p99 without a sweep | GET p50 / p99 during the sweep | p99 during ÷ without (target ≤ 2×) |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: |");
  for (const r of results) {
    const ratio = percentile(r.during, 99) / percentile(r.without, 99);
    console.log(
      `| ${r.name} | ${(r.run.purged / r.seconds).toFixed(0)} (${r.seconds.toFixed(1)} s) | ${r.run.batches} | ${percentile(r.without, 50).toFixed(2)} / ${percentile(r.without, 99).toFixed(2)} ms (${r.without.length} GETs) | ${percentile(r.during, 50).toFixed(2)} / ${percentile(r.during, 99).toFixed(2)} ms (${r.during.length} GETs) | ${ratio.toFixed(2)}× ${ratio <= 2 ? "✓" : "✗"} |`,
    );
  }
}

// BLOB_BENCH_SWEEPS=batch:pause,… tries other settings (e.g. 500:0,100:20).
// biome-ignore lint/suspicious/noUndeclaredEnvVars: a knob of this bench only
const settings = (process.env.BLOB_BENCH_SWEEPS ?? "500:0,default")
  .split(",")
  .map((s) => (s === "default" ? undefined : s.split(":").map(Number)));
const results = [];
if (parts.includes("sweep")) {
  for (const setting of settings) {
    const [batchSize, pauseMs] = setting ?? [];
    const name =
      setting === undefined
        ? `default (batches of ${DEFAULT_SWEEP_BATCH}, ${DEFAULT_SWEEP_PAUSE_MS} ms between)`
        : `batches of ${batchSize}, ${pauseMs} ms between`;
    results.push(await sweepUnderReads(name, { trigger: "schedule", batchSize, pauseMs }));
  }
  printSweep(results);
}

if (results.length > 0) {
  // The seeded entries' proofs are real: verify one (as recorded) against the content it held.
  const [purge] = await t.db.select().from(blobPurges).where(eq(blobPurges.appId, sweepApp)).limit(1);
  const verification = await service.verifyProof(
    sweepApp,
    {
      blobId: purge!.blobId,
      appId: purge!.appId,
      purpose: purge!.purpose,
      id: purge!.externalId,
      size: purge!.size,
      contentDigest: Buffer.from(purge!.contentDigest).toString("hex"),
      reason: purge!.reason,
      purgedAt: purge!.purgedAt,
      proof: Buffer.from(purge!.proof).toString("hex"),
    },
    data4k,
  );
  console.log(`\na seeded entry's purge proof, verified: ${JSON.stringify(verification)}`);
  if (!verification.valid || !verification.recorded || verification.contentMatches !== true) {
    throw new Error("a seeded entry's purge proof did not verify");
  }
}

await auditLog.close();
await t.close();
