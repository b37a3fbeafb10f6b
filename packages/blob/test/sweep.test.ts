import { randomBytes } from "node:crypto";
import { AuditLog } from "@vault/audit";
import type { ManualClock } from "@vault/core";
import { type AuditSink, auditEntries, blobPurges, blobSweeps, blobs, MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobService, BlobSweeper, type PurgeProof } from "../src/index";
import { blobServiceFor, bytes, closeAuditLogs, codeOf, fileKeyring } from "./helpers";

const POLICY = { maxRetentionDays: 30, defaultTtlDays: 7, access: "open-retrieve" as const };
const MINUTE = 60_000;

describe(`blob sweep and proofs (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await closeAuditLogs();
    await t.close();
  });

  it("purges what is due in bounded batches — expired and shredded — each with a proof; the rest stays", async () => {
    const { service, clock } = blobServiceFor(t, { sweepBatchSize: 4 });
    await service.setPolicy("sweep", "docs", POLICY);
    const soon = new Date(clock.now().getTime() + MINUTE);
    for (let i = 0; i < 10; i++) await service.put("sweep", "docs", `exp-${i}`, bytes(`e${i}`), { expiresAt: soon });
    await service.put("sweep", "docs", "keep", bytes("k"));
    await service.put("sweep", "docs", "alice-1", bytes("a"), {}, { identity: "alice" });
    await service.shredOwner("sweep", "alice");
    expect((await service.sweepStatus("sweep")).due).toBe(1);
    clock.advance(MINUTE);
    expect((await service.sweepStatus("sweep")).due).toBe(11);

    const run = await service.sweep({ appId: "sweep", maxBatches: 2 });
    expect(run).toMatchObject({ appId: "sweep", trigger: "manual", purged: 8, batches: 2, error: null });
    expect((await service.sweepStatus("sweep")).due).toBe(3);
    const rest = await service.sweep({ appId: "sweep" });
    expect(rest).toMatchObject({ purged: 3, batches: 1 });
    expect((await service.sweepStatus("sweep")).lastRun?.id).toBe(rest.id);

    const purges = await t.db.select().from(blobPurges).where(eq(blobPurges.appId, "sweep"));
    expect(purges).toHaveLength(11);
    expect(purges.filter((p) => p.reason === "shredded").map((p) => p.externalId)).toEqual(["alice-1"]);
    expect(purges.filter((p) => p.reason === "expired")).toHaveLength(10);
    expect(new Set(purges.map((p) => p.sweepId))).toEqual(new Set([run.id, rest.id]));
    expect((await service.get("sweep", "docs", "keep")).data.toString()).toBe("k");
    expect(await codeOf(service.get("sweep", "docs", "exp-3"))).toBe("GONE");
    // Nothing due: a sweep purges nothing and says so.
    expect(await service.sweep({ appId: "sweep" })).toMatchObject({ purged: 0, batches: 0 });
  });

  it("an instance-wide sweep covers every app and counts as each app's last sweep", async () => {
    const { service, clock } = blobServiceFor(t);
    for (const app of ["wide-a", "wide-b"]) {
      await service.setPolicy(app, "docs", POLICY);
      await service.put(app, "docs", "x", bytes("x"), { expiresAt: new Date(clock.now().getTime() + MINUTE) });
    }
    clock.advance(MINUTE);
    const run = await service.sweep({ trigger: "schedule" });
    expect(run.appId).toBeNull();
    expect(run.purged).toBeGreaterThanOrEqual(2);
    for (const app of ["wide-a", "wide-b"]) {
      expect(await service.sweepStatus(app)).toMatchObject({ due: 0, lastRun: { id: run.id, trigger: "schedule" } });
    }
  });

  it("two sweepers on one database purge each entry exactly once, with exactly one proof", async () => {
    const { service, clock } = blobServiceFor(t);
    await service.setPolicy("race", "docs", POLICY);
    const soon = new Date(clock.now().getTime() + MINUTE);
    const ids = Array.from({ length: 240 }, (_, i) => `r-${i}`);
    for (let i = 0; i < ids.length; i += 40) {
      await Promise.all(
        ids.slice(i, i + 40).map((id) => service.put("race", "docs", id, bytes(id), { expiresAt: soon })),
      );
    }
    clock.advance(MINUTE);
    // A second handle on the same database: on Postgres its own pool, as a second server instance would have.
    const other = await t.connectAgain();
    const secondAudit = new AuditLog({ db: other.db, hmacKey: randomBytes(32), clock });
    const second = new BlobService({ db: other.db, keys: fileKeyring, clock, sweepBatchSize: 10, audit: secondAudit });
    const first = blobServiceFor(t, { sweepBatchSize: 10, clock }).service;
    // Warm both up (connections, the app's proof key), so that neither finishes before the other starts.
    for (const sweeper of [first, second]) {
      await sweeper.sweepStatus("race");
      await sweeper.verifyProof("race", await sweeper.delete("race", "docs", ids.pop()!));
    }
    const runs = await Promise.all([
      first.sweep({ appId: "race", trigger: "schedule" }),
      second.sweep({ appId: "race", trigger: "schedule" }),
    ]);
    expect(runs[0]!.purged + runs[1]!.purged).toBe(238);
    if (testDatabaseKind() === "postgres") expect(runs.every((r) => r.purged > 0)).toBe(true);
    const purges = await t.db.select().from(blobPurges).where(eq(blobPurges.appId, "race"));
    expect(purges).toHaveLength(240);
    expect(new Set(purges.map((p) => p.externalId)).size).toBe(240);
    expect(
      purges
        .filter((p) => p.sweepId !== null)
        .map((p) => p.externalId)
        .sort(),
    ).toEqual([...ids].sort());
    expect(await t.db.select().from(blobs).where(eq(blobs.appId, "race"))).toEqual([]);
    const sweeps = await t.db.select().from(blobSweeps).where(eq(blobSweeps.appId, "race"));
    expect(sweeps.map((s) => s.purged).reduce((a, b) => a + b, 0)).toBe(238);
    // Every proof is in the audit log once.
    const logged = (
      await t.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.appId, "race"), eq(auditEntries.action, "blob.purged")))
    ).flatMap((e) => (e.metadata as { proofs: Array<{ blobId: string }> }).proofs.map((p) => p.blobId));
    await secondAudit.close();
    expect(logged).toHaveLength(240);
    expect(new Set(logged).size).toBe(240);
  });

  it("the scheduled sweeper runs sweeps, skips a tick while one runs, reports failures and stops cleanly", async () => {
    const { service, clock } = blobServiceFor(t);
    await service.setPolicy("sched", "docs", POLICY);
    await service.put("sched", "docs", "x", bytes("x"), { expiresAt: new Date(clock.now().getTime() + MINUTE) });
    clock.advance(MINUTE);
    const errors: unknown[] = [];
    const sweeper = new BlobSweeper({ service, intervalMs: 3_600_000, onError: (e) => errors.push(e) });
    const [first, skipped] = await Promise.all([sweeper.tick(), sweeper.tick()]);
    expect(first?.trigger).toBe("schedule");
    expect(skipped).toBeUndefined();
    expect(await codeOf(service.get("sched", "docs", "x"))).toBe("GONE");
    sweeper.start();
    expect(sweeper.running).toBe(true);
    await sweeper.stop();
    expect(sweeper.running).toBe(false);
    const broken = new BlobService({ db: t.db, keys: fileKeyring });
    (broken as unknown as { sweep: () => Promise<never> }).sweep = () => Promise.reject(new Error("db away"));
    const failing = new BlobSweeper({ service: broken, onError: (e) => errors.push(e) });
    expect(await failing.tick()).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(() => new BlobSweeper({ service, intervalMs: 0 })).toThrow(/intervalMs/);
  });

  describe("pacing", () => {
    /** An audit sink that calls `onBatch` with the count so far each time a batch's proofs are recorded. */
    function watchingPurges(onBatch: (batches: number) => void): AuditSink {
      const inner = new MemoryAuditSink();
      let batches = 0;
      return {
        async record(tx, event) {
          await inner.record(tx, event);
          if (event.action === "blob.purged") onBatch(++batches);
        },
        recordDetached: (event) => inner.recordDetached(event),
      };
    }

    async function dueEntries(service: BlobService, clock: ManualClock, app: string, count: number) {
      await service.setPolicy(app, "docs", POLICY);
      const soon = new Date(clock.now().getTime() + MINUTE);
      for (let i = 0; i < count; i++) await service.put(app, "docs", `e-${i}`, bytes(`e${i}`), { expiresAt: soon });
      clock.advance(MINUTE);
    }

    it("hands the event loop back between batches: a timer set when the sweep began runs before it ends", async () => {
      // On PGlite every query resolves as a microtask in this thread: without the pause a sweep of any length would
      // hold off every timer, socket and request until its end.
      const { service, clock } = blobServiceFor(t, { sweepBatchSize: 2, sweepPauseMs: 0 });
      await dueEntries(service, clock, "paced", 6);
      let sweepEnded = false;
      const sweepEndedWhenTimerRan = new Promise<boolean>((resolve) => setTimeout(() => resolve(sweepEnded), 0));
      const run = await service.sweep({ appId: "paced" });
      sweepEnded = true;
      expect(run).toMatchObject({ purged: 6, batches: 3, error: null });
      expect(await sweepEndedWhenTimerRan).toBe(false);
      expect(await codeOf(service.sweep({ pauseMs: -1 }))).toBe("VALIDATION");
      expect(await codeOf(service.sweep({ pauseMs: 60_001 }))).toBe("VALIDATION");
    });

    it("an abort ends the sweep after the batch in progress, without waiting out the pause", async () => {
      const controller = new AbortController();
      const { service, clock } = blobServiceFor(t, {
        sweepBatchSize: 2,
        sweepPauseMs: 60_000,
        audit: watchingPurges(() => controller.abort()),
      });
      await dueEntries(service, clock, "aborted", 6);
      const run = await service.sweep({ appId: "aborted", signal: controller.signal });
      expect(run).toMatchObject({ purged: 2, batches: 1, error: null });
      expect(run.finishedAt).not.toBeNull();
      expect((await service.sweepStatus("aborted")).due).toBe(4);
      // An aborted signal sweeps nothing.
      expect(await service.sweep({ appId: "aborted", signal: controller.signal })).toMatchObject({ purged: 0 });
      // Without the signal the rest goes (and nothing stays due for the other tests' instance-wide sweeps).
      expect(await service.sweep({ appId: "aborted", pauseMs: 0 })).toMatchObject({ purged: 4 });
    });

    it("BlobSweeper.stop ends a sweep in flight after its batch, and a later tick sweeps again", async () => {
      const batchDone: Array<() => void> = [];
      const { service, clock } = blobServiceFor(t, {
        sweepBatchSize: 2,
        sweepPauseMs: 60_000,
        audit: watchingPurges(() => batchDone.shift()?.()),
      });
      await dueEntries(service, clock, "stopped", 6);
      const sweeper = new BlobSweeper({ service, intervalMs: 3_600_000 });
      for (const expected of [2, 2]) {
        const firstBatch = new Promise<void>((resolve) => batchDone.push(resolve));
        const tick = sweeper.tick();
        await firstBatch;
        await sweeper.stop();
        expect(await tick).toMatchObject({ purged: expected, batches: 1, trigger: "schedule" });
      }
      expect((await service.sweepStatus("stopped")).due).toBe(2);
    });
  });

  describe("proofs", () => {
    it("a proof verifies; any changed field does not; the content the caller kept is recognised", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("proof", "docs", POLICY);
      await service.put("proof", "docs", "doc", bytes("the content"));
      const proof = await service.delete("proof", "docs", "doc");
      expect(await service.verifyProof("proof", proof)).toEqual({ valid: true, recorded: true, contentMatches: null });
      expect(await service.verifyProof("proof", proof, bytes("the content"))).toMatchObject({ contentMatches: true });
      expect(await service.verifyProof("proof", proof, bytes("other content"))).toMatchObject({
        contentMatches: false,
      });
      const tampered: Array<Partial<PurgeProof>> = [
        { purgedAt: new Date(proof.purgedAt.getTime() + 1) },
        { reason: "expired" },
        { id: "other" },
        { size: proof.size + 1 },
        { contentDigest: "0".repeat(64) },
        { proof: "f".repeat(64) },
      ];
      for (const change of tampered) {
        expect(await service.verifyProof("proof", { ...proof, ...change })).toMatchObject({ valid: false });
      }
      // The proof in the audit entry is the same one.
      const [entry] = await t.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.appId, "proof"), eq(auditEntries.action, "blob.purged")));
      expect(entry!.metadata).toMatchObject({ proofs: [{ proof: proof.proof, blobId: proof.blobId }] });
      // Another keyring cannot make (or check) this app's proofs.
      const stranger = blobServiceFor(t, { keys: (await import("@vault/crypto")).Keyring.generate() }).service;
      expect(await codeOf(stranger.verifyProof("proof", proof))).toBe("KEY_UNAVAILABLE");
      expect(await codeOf(service.verifyProof("other-app", proof))).toBe("VALIDATION");
      expect(await codeOf(service.verifyProof("proof", { ...proof, proof: "nothex" }))).toBe("VALIDATION");
    });

    it("after the owner is shredded the proof still verifies, but the content can no longer be matched", async () => {
      const { service, clock } = blobServiceFor(t);
      await service.setPolicy("proof", "shredded", POLICY);
      await service.put("proof", "shredded", "doc", bytes("low-entropy 4111"), {}, { identity: "dana" });
      await service.shredOwner("proof", "dana");
      clock.advance(1);
      await service.sweep({ appId: "proof" });
      const [row] = await t.db.select().from(blobPurges).where(eq(blobPurges.purpose, "shredded"));
      const proof: PurgeProof = {
        blobId: row!.blobId,
        appId: row!.appId,
        purpose: row!.purpose,
        id: row!.externalId,
        size: row!.size,
        contentDigest: Buffer.from(row!.contentDigest).toString("hex"),
        reason: row!.reason,
        purgedAt: row!.purgedAt,
        proof: Buffer.from(row!.proof).toString("hex"),
      };
      expect(proof.reason).toBe("shredded");
      expect(await service.verifyProof("proof", proof, bytes("low-entropy 4111"))).toEqual({
        valid: true,
        recorded: true,
        contentMatches: null,
      });
    });
  });
});
