import { blobs } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobService, DAY_MS, renderReportHtml } from "../src/index";
import { blobServiceFor, bytes, closeAuditLogs, codeOf, fileKeyring } from "./helpers";

const MINUTE = 60_000;

describe(`compliance report (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await closeAuditLogs();
    await t.close();
  });

  it("reports inventory, retention conformance, access, purge evidence and the chain for a known data set", async () => {
    const { service, clock } = blobServiceFor(t);
    const app = "report";
    const start = clock.now().getTime();
    await service.setPolicy(app, "card", { maxRetentionDays: 30, defaultTtlDays: 7, access: "owner-only" });
    await service.setPolicy(app, "docs", { maxRetentionDays: 365, defaultTtlDays: 90, access: "open-retrieve" });
    await service.setPolicy(app, "empty", { maxRetentionDays: 10, defaultTtlDays: 1, allowedApps: ["partner"] });
    const alice = { identity: "alice" };
    await service.put(app, "card", "c1", bytes("1111"), {}, alice); // default TTL: 7 days
    await service.put(app, "card", "c2", bytes("22"), { expiresAt: new Date(start + 25 * DAY_MS) }, alice);
    await service.put(app, "card", "c3", bytes("333"), { expiresAt: new Date(start + MINUTE) }, alice);
    await service.put(app, "docs", "d1", bytes("d1d1d1"), {}, { identity: "carol" }); // 90 days
    await service.put(app, "docs", "d2", Buffer.alloc(10), {}, { identity: "bob" });
    await service.put(app, "docs", "d3", bytes("x"), {}, { identity: "carol" });
    // Access: alice reads c1 twice, carol reads d1 once; bob is refused c1 (owner-only); a read of nothing fails.
    await service.get(app, "card", "c1", alice);
    await service.get(app, "card", "c1", alice);
    await service.get(app, "docs", "d1", { identity: "carol" });
    expect(await codeOf(service.get(app, "card", "c1", { identity: "bob" }))).toBe("FORBIDDEN");
    expect(await codeOf(service.get(app, "docs", "missing", { identity: "carol" }))).toBe("NOT_FOUND");
    // Purges and shreds: d3 deleted; bob shredded (d2 unreadable, pending); c3 expires.
    await service.delete(app, "docs", "d3");
    await service.shredOwner(app, "bob");
    clock.advance(2 * MINUTE);
    // An entry made to outlive its maximum behind the service's back (a direct database edit).
    await t.db
      .update(blobs)
      .set({ expiresAt: sql`${blobs.createdAt} + interval '400 days'` })
      .where(and(eq(blobs.appId, app), eq(blobs.externalId, "d1")));

    const before = await service.report(app);
    expect(before.inventory.purposes).toEqual([
      expect.objectContaining({
        purpose: "card",
        active: 2,
        expiringWithin30Days: 2,
        expiredPendingPurge: 1,
        shreddedPendingPurge: 0,
        bytes: 9,
      }),
      expect.objectContaining({
        purpose: "docs",
        active: 1,
        expiringWithin30Days: 0,
        expiredPendingPurge: 0,
        shreddedPendingPurge: 1,
        bytes: 16,
      }),
      expect.objectContaining({
        purpose: "empty",
        active: 0,
        bytes: 0,
        policy: expect.objectContaining({ allowedApps: ["partner"] }),
      }),
    ]);
    expect(before.inventory.totals).toEqual({
      active: 3,
      expiringWithin30Days: 2,
      expiredPendingPurge: 1,
      shreddedPendingPurge: 1,
      bytes: 25,
    });
    expect(before.retention).toMatchObject({
      conforming: false,
      violations: 1,
      entries: [{ purpose: "docs", id: "d1", maxRetentionDays: 365 }],
    });
    expect(before.access).toEqual({
      available: true,
      retrievals: 3,
      retrievalsByIdentity: [
        { identity: "alice", retrievals: 2 },
        { identity: "carol", retrievals: 1 },
      ],
      denials: 1,
      denialsByIdentity: [{ identity: "bob", denials: 1 }],
      failedRetrievals: 1,
    });
    expect(before.purge).toMatchObject({
      lastSweep: null,
      duePending: 2,
      purgedInPeriod: 1,
      purgedByReason: { deleted: 1 },
      proofsAvailable: 1,
      allProofsAvailable: true,
    });
    expect(before.auditChain).toMatchObject({ available: true, verified: true, problem: null });
    expect(before.auditChain.checked).toBeGreaterThan(10);

    // The sweep purges c3 (expired) and d2 (shredded); fixing d1 makes retention conform again.
    const run = await service.sweep({ appId: app });
    expect(run.purged).toBe(2);
    await t.db
      .update(blobs)
      .set({ expiresAt: sql`${blobs.createdAt} + interval '90 days'` })
      .where(and(eq(blobs.appId, app), eq(blobs.externalId, "d1")));
    const after = await service.report(app);
    expect(after.inventory.totals).toEqual({
      active: 3,
      expiringWithin30Days: 2,
      expiredPendingPurge: 0,
      shreddedPendingPurge: 0,
      bytes: 12,
    });
    expect(after.retention).toEqual({ conforming: true, violations: 0, entries: [] });
    expect(after.purge).toMatchObject({
      lastSweep: { id: run.id, purged: 2 },
      duePending: 0,
      purgedInPeriod: 3,
      purgedByReason: { deleted: 1, expired: 1, shredded: 1 },
      proofsAvailable: 3,
      allProofsAvailable: true,
    });

    // A period before anything happened has no access and no purges.
    const earlier = await service.report(app, { from: new Date(start - DAY_MS), to: new Date(start - 1) });
    expect(earlier.access).toMatchObject({ retrievals: 0, denials: 0 });
    expect(earlier.purge).toMatchObject({ purgedInPeriod: 0, proofsAvailable: 0, allProofsAvailable: true });
    expect(await codeOf(service.report(app, { from: new Date(start), to: new Date(start) }))).toBe("VALIDATION");
  });

  it("the HTML page shows the same figures, escapes every value and loads nothing", async () => {
    const { service } = blobServiceFor(t);
    await service.setPolicy("html", "docs", { maxRetentionDays: 30, defaultTtlDays: 7, access: "open-retrieve" });
    await service.put("html", "docs", "d1", bytes("CONTENT-CANARY"), { metadata: { note: "<script>x</script>" } });
    await service.get("html", "docs", "d1", { identity: "<img/src=x/onerror=alert(1)>" });
    const report = await service.report("html");
    const html = renderReportHtml(report);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<h2>Inventory</h2>");
    expect(html).toContain("Conforming");
    expect(html).toContain("&lt;img/src=x/onerror=alert(1)&gt;");
    expect(html).not.toContain("<img");
    expect(html).not.toMatch(/<script|src="http|href="http/);
    expect(html).not.toContain("CONTENT-CANARY");
    expect(await service.reportHtml("html")).toContain("Blob compliance report");
  });

  it("without audit evidence the access summary and chain say they are not available", async () => {
    const service = new BlobService({ db: t.db, keys: fileKeyring });
    const report = await service.report("nothing-here");
    expect(report.access.available).toBe(false);
    expect(report.auditChain).toEqual({ available: false, verified: null, checked: 0, problem: null });
    expect(report.inventory.purposes).toEqual([]);
    expect(renderReportHtml(report)).toContain("Not available");
  });
});
