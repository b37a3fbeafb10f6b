import { auditEntries, blobOwnerKeys, blobPurges, blobs, MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobService, DAY_MS } from "../src/index";
import { blobServiceFor, bytes, closeAuditLogs, codeOf, errorOf, fileKeyring } from "./helpers";

const POLICY = { maxRetentionDays: 30, defaultTtlDays: 7 };

describe(`BlobService (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await closeAuditLogs();
    await t.close();
  });

  /** Audit entries of `appId` (chained first), newest first. */
  async function auditOf(auditLog: ReturnType<typeof blobServiceFor>["auditLog"], appId: string) {
    return (await auditLog.query({ appId, limit: 500 })).items;
  }

  describe("store and retrieve", () => {
    it("round-trips bytes with metadata; stored sealed, with the associated data binding app, purpose and id", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("shop", "card", POLICY);
      const content = bytes("PLAINTEXT-CARD-4111");
      const { meta, replaced } = await service.put("shop", "card", "pay-1", content, { metadata: { merchant: 42 } });
      expect(replaced).toBe(false);
      expect(meta).toMatchObject({ id: "pay-1", purpose: "card", size: content.length, metadata: { merchant: 42 } });
      expect(meta.blobId).toMatch(/^blob_/);
      const got = await service.get("shop", "card", "pay-1");
      expect(got.data.equals(content)).toBe(true);
      expect(got.meta.retrievals).toBe(1);
      const [row] = await t.db.select().from(blobs).where(eq(blobs.id, meta.blobId));
      expect(Buffer.from(row!.ciphertext).includes(content)).toBe(false);
      expect(row!.contentDigest.length).toBe(32);

      // Moving the sealed content to another id of the same owner breaks its authentication.
      const other = await service.put("shop", "card", "pay-2", bytes("other"));
      await t.db.update(blobs).set({ ciphertext: row!.ciphertext }).where(eq(blobs.id, other.meta.blobId));
      expect(await codeOf(service.get("shop", "card", "pay-2"))).toBe("DECRYPTION_FAILED");
    });

    it("a purpose without a policy refuses writes (RETENTION_VIOLATION) and has no entries", async () => {
      const { service } = blobServiceFor(t);
      const error = await errorOf(service.put("shop", "no-policy", "x", bytes("v")));
      expect(error.code).toBe("RETENTION_VIOLATION");
      expect(error.details).toMatchObject({ purpose: "no-policy", reason: "no_policy" });
      expect(await codeOf(service.get("shop", "no-policy", "x"))).toBe("NOT_FOUND");
      expect(await codeOf(service.list("shop", "no-policy"))).toBe("NOT_FOUND");
      expect(await t.db.select().from(blobs).where(eq(blobs.purpose, "no-policy"))).toEqual([]);
    });

    it("retention: the default TTL applies when no expiry is given; beyond the maximum is RETENTION_VIOLATION naming it", async () => {
      const { service, clock } = blobServiceFor(t);
      await service.setPolicy("shop", "retention", POLICY);
      const now = clock.now().getTime();
      const { meta } = await service.put("shop", "retention", "default", bytes("v"));
      expect(meta.expiresAt.getTime()).toBe(now + 7 * DAY_MS);
      const atMax = new Date(now + 30 * DAY_MS);
      expect(
        (await service.put("shop", "retention", "at-max", bytes("v"), { expiresAt: atMax })).meta.expiresAt,
      ).toEqual(atMax);
      const tooLate = new Date(now + 30 * DAY_MS + 1);
      const error = await errorOf(service.put("shop", "retention", "too-late", bytes("v"), { expiresAt: tooLate }));
      expect(error.code).toBe("RETENTION_VIOLATION");
      expect(error.message).toContain("30 days");
      expect(error.details).toMatchObject({ field: "expiresAt", maxRetentionDays: 30, purpose: "retention" });
      expect(await codeOf(service.put("shop", "retention", "past", bytes("v"), { expiresAt: new Date(now - 1) }))).toBe(
        "VALIDATION",
      );
      expect(await service.list("shop", "retention").then((p) => p.items.map((i) => i.id))).toEqual([
        "default",
        "at-max",
      ]);
    });

    it("expiry through the injected clock: GONE once expiresAt passes, HEAD too", async () => {
      const { service, clock } = blobServiceFor(t);
      await service.setPolicy("shop", "expiring", POLICY);
      await service.put("shop", "expiring", "soon", bytes("v"), {
        expiresAt: new Date(clock.now().getTime() + 60_000),
      });
      expect((await service.get("shop", "expiring", "soon")).data.toString()).toBe("v");
      clock.advance(60_000);
      const error = await errorOf(service.get("shop", "expiring", "soon"));
      expect(error.code).toBe("GONE");
      expect(error.details).toMatchObject({ reason: "expired" });
      expect(await codeOf(service.stat("shop", "expiring", "soon"))).toBe("GONE");
    });

    it("lowering maxRetentionDays brings forward the expiry of entries that would outlive it", async () => {
      const { service, clock } = blobServiceFor(t);
      await service.setPolicy("shop", "tighten", { maxRetentionDays: 90, defaultTtlDays: 60 });
      const { meta } = await service.put("shop", "tighten", "long", bytes("v"));
      await service.put("shop", "tighten", "short", bytes("v"), {
        expiresAt: new Date(clock.now().getTime() + 5 * DAY_MS),
      });
      const result = await service.setPolicy("shop", "tighten", { maxRetentionDays: 10, defaultTtlDays: 10 });
      expect(result.entriesShortened).toBe(1);
      const long = await service.stat("shop", "tighten", "long");
      expect(long.expiresAt.getTime()).toBe(meta.createdAt.getTime() + 10 * DAY_MS);
      expect((await service.stat("shop", "tighten", "short")).expiresAt.getTime()).toBe(
        clock.now().getTime() + 5 * DAY_MS,
      );
    });

    it("replacing an entry purges the old content with a proof; the new one starts counting afresh", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("shop", "replace", { ...POLICY, maxRetrievals: 3 });
      const first = await service.put("shop", "replace", "doc", bytes("one"));
      await service.get("shop", "replace", "doc");
      const second = await service.put("shop", "replace", "doc", bytes("two"));
      expect(second.replaced).toBe(true);
      expect(second.meta.blobId).not.toBe(first.meta.blobId);
      const got = await service.get("shop", "replace", "doc");
      expect(got.data.toString()).toBe("two");
      expect(got.meta.retrievals).toBe(1);
      const [purge] = await t.db.select().from(blobPurges).where(eq(blobPurges.blobId, first.meta.blobId));
      expect(purge).toMatchObject({ reason: "replaced", externalId: "doc" });
    });
  });

  describe("bad input and limits", () => {
    it("purpose and id patterns are VALIDATION naming the field; too many bytes is PAYLOAD_TOO_LARGE", async () => {
      const { service } = blobServiceFor(t, { maxBlobBytes: 16 });
      await service.setPolicy("shop", "limits", POLICY);
      const badPurpose = await errorOf(service.put("shop", "Bad Purpose", "x", bytes("v")));
      expect(badPurpose.code).toBe("VALIDATION");
      expect(badPurpose.message).toContain("purpose");
      const badId = await errorOf(service.put("shop", "limits", "has/slash", bytes("v")));
      expect(badId.code).toBe("VALIDATION");
      expect(badId.message).toMatch(/\bid\b/);
      expect(await codeOf(service.put("shop", "limits", "x".repeat(257), bytes("v")))).toBe("VALIDATION");
      // Words the HTTP API uses under /blobs/ are not purposes.
      expect(await codeOf(service.setPolicy("shop", "sweep", POLICY))).toBe("VALIDATION");
      expect(await codeOf(service.put("shop", "limits", "ok", Buffer.alloc(16)))).toBe("no error");
      const big = await errorOf(service.put("shop", "limits", "big", Buffer.alloc(17)));
      expect(big.code).toBe("PAYLOAD_TOO_LARGE");
      expect(big.details).toMatchObject({ limit: 16, bytes: 17 });
      expect(await codeOf(service.put("shop", "limits", "meta", bytes("v"), { maxRetrievals: 0 }))).toBe("VALIDATION");
      expect(await codeOf(service.setPolicy("shop", "limits", { maxRetentionDays: 5, defaultTtlDays: 6 }))).toBe(
        "VALIDATION",
      );
      expect(
        await codeOf(
          service.setPolicy("shop", "limits", { ...POLICY, access: "everyone" as unknown as "open-retrieve" }),
        ),
      ).toBe("VALIDATION");
    });

    it("a write whose audit entry fails leaves nothing behind (no entry, no purge of the old one)", async () => {
      const audit = new MemoryAuditSink();
      const service = new BlobService({ db: t.db, keys: fileKeyring, audit });
      await service.setPolicy("shop", "atomic", POLICY);
      await service.put("shop", "atomic", "kept", bytes("original"));
      audit.failNext = 1;
      expect(await errorOf(service.put("shop", "atomic", "fresh", bytes("v")))).toBeInstanceOf(Error);
      audit.failNext = 1;
      expect(await errorOf(service.put("shop", "atomic", "kept", bytes("replacement")))).toBeInstanceOf(Error);
      expect(await codeOf(service.stat("shop", "atomic", "fresh"))).toBe("NOT_FOUND");
      expect((await service.get("shop", "atomic", "kept")).data.toString()).toBe("original");
      const purged = await t.db.select().from(blobPurges).where(eq(blobPurges.purpose, "atomic"));
      expect(purged).toEqual([]);
      // A retrieval whose audit entry fails is not counted and returns nothing.
      await service.setPolicy("shop", "atomic", { ...POLICY, maxRetrievals: 2 });
      await service.put("shop", "atomic", "counted", bytes("v"));
      audit.failNext = 1;
      expect(await errorOf(service.get("shop", "atomic", "counted"))).toBeInstanceOf(Error);
      expect((await service.stat("shop", "atomic", "counted")).retrievals).toBe(0);
    });
  });

  describe("access policies", () => {
    const key = (id: string) => ({ apiKeyId: `apikey_${id}` });

    it("owner-only: the identity that stored it reads it; another identity is FORBIDDEN; deny is audited", async () => {
      const { service, auditLog } = blobServiceFor(t);
      await service.setPolicy("acc", "owner", { ...POLICY, access: "owner-only" });
      await service.put("acc", "owner", "doc", bytes("v"), {}, { identity: "alice", ...key("w") });
      expect((await service.get("acc", "owner", "doc", { identity: "alice", ...key("r") })).data.toString()).toBe("v");
      const denied = await errorOf(service.get("acc", "owner", "doc", { identity: "bob", ...key("r") }));
      expect(denied.code).toBe("FORBIDDEN");
      expect(await codeOf(service.get("acc", "owner", "doc", { ...key("r"), admin: true }))).toBe("FORBIDDEN");
      // Without an identity the key is the owner.
      await service.put("acc", "owner", "by-key", bytes("v"), {}, key("w"));
      expect(await codeOf(service.get("acc", "owner", "by-key", key("w")))).toBe("no error");
      expect(await codeOf(service.get("acc", "owner", "by-key", key("other")))).toBe("FORBIDDEN");
      // Only the owner may replace; the owner or an admin may delete.
      expect(await codeOf(service.put("acc", "owner", "doc", bytes("x"), {}, { identity: "bob" }))).toBe("FORBIDDEN");
      expect(await codeOf(service.delete("acc", "owner", "doc", { identity: "bob" }))).toBe("FORBIDDEN");
      expect(await codeOf(service.delete("acc", "owner", "doc", { admin: true }))).toBe("no error");
      const denials = (await auditOf(auditLog, "acc")).filter((e) => e.action === "blob.denied");
      expect(denials.length).toBeGreaterThanOrEqual(5);
      expect(denials.every((e) => e.outcome === "denied")).toBe(true);
      // Listing: a non-admin sees its own entries only.
      await service.put("acc", "owner", "alice-2", bytes("v"), {}, { identity: "alice" });
      const mine = await service.list("acc", "owner", {}, { identity: "alice" });
      expect(mine.items.map((i) => i.id)).toEqual(["alice-2"]);
      const all = await service.list("acc", "owner", {}, { admin: true });
      expect(all.items.map((i) => i.id).sort()).toEqual(["alice-2", "by-key"]);
    });

    it("same-purpose: keys granted the purpose read, other keys are FORBIDDEN", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("acc", "shared", { ...POLICY, access: "same-purpose", grantedKeys: ["apikey_granted"] });
      await service.put("acc", "shared", "doc", bytes("v"), {}, key("writer"));
      expect((await service.get("acc", "shared", "doc", key("granted"))).data.toString()).toBe("v");
      expect(await codeOf(service.get("acc", "shared", "doc", key("writer")))).toBe("FORBIDDEN");
      expect(await codeOf(service.get("acc", "shared", "doc", key("stranger")))).toBe("FORBIDDEN");
    });

    it("open-retrieve: any caller of the app reads", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("acc", "open", { ...POLICY, access: "open-retrieve" });
      await service.put("acc", "open", "doc", bytes("v"), {}, { identity: "alice" });
      expect((await service.get("acc", "open", "doc", { identity: "bob" })).data.toString()).toBe("v");
      expect((await service.get("acc", "open", "doc", key("any"))).data.toString()).toBe("v");
    });

    it("admin-only: only admins store and read", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("acc", "locked", { ...POLICY, access: "admin-only" });
      expect(await codeOf(service.put("acc", "locked", "doc", bytes("v"), {}, key("w")))).toBe("FORBIDDEN");
      await service.put("acc", "locked", "doc", bytes("v"), {}, { ...key("adm"), admin: true });
      expect(await codeOf(service.get("acc", "locked", "doc", key("r")))).toBe("FORBIDDEN");
      expect((await service.get("acc", "locked", "doc", { ...key("adm2"), admin: true })).data.toString()).toBe("v");
      expect(await codeOf(service.list("acc", "locked", {}, key("r")))).toBe("FORBIDDEN");
    });

    it("another app gets NOT_FOUND — the same answer as for a missing entry — unless in allowedApps; then it reads", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("acc", "partnered", { ...POLICY, access: "open-retrieve" });
      await service.put("acc", "partnered", "doc", bytes("v"));
      const partner = { appId: "partner", apiKeyId: "apikey_p" };
      const hidden = await errorOf(service.get("acc", "partnered", "doc", partner));
      const missing = await errorOf(service.get("acc", "partnered", "nothing-here", partner));
      expect(hidden.code).toBe("NOT_FOUND");
      expect(missing.code).toBe("NOT_FOUND");
      expect(hidden.message).toBe('blob "partnered/doc" not found');
      expect(await codeOf(service.stat("acc", "partnered", "doc", partner))).toBe("NOT_FOUND");
      await service.setPolicy("acc", "partnered", { ...POLICY, access: "open-retrieve", allowedApps: ["partner"] });
      expect((await service.get("acc", "partnered", "doc", partner)).data.toString()).toBe("v");
      expect((await service.stat("acc", "partnered", "doc", partner)).size).toBe(1);
      // Readers only: another app never writes, deletes or lists.
      expect(await codeOf(service.put("acc", "partnered", "x", bytes("v"), {}, partner))).toBe("NOT_FOUND");
      expect(await codeOf(service.delete("acc", "partnered", "doc", partner))).toBe("NOT_FOUND");
      expect(await codeOf(service.list("acc", "partnered", {}, partner))).toBe("NOT_FOUND");
      // A purged entry is GONE to its app's callers but still NOT_FOUND to an app that may not read.
      await service.setPolicy("acc", "partnered", { ...POLICY, access: "open-retrieve" });
      await service.delete("acc", "partnered", "doc");
      expect(await codeOf(service.get("acc", "partnered", "doc"))).toBe("GONE");
      expect(await codeOf(service.get("acc", "partnered", "doc", partner))).toBe("NOT_FOUND");
    });

    it("requireIdentity: refused without an identity; the identity is recorded as the actor of the audit entry", async () => {
      const { service, auditLog } = blobServiceFor(t);
      await service.setPolicy("ident", "kyc", { ...POLICY, access: "open-retrieve", requireIdentity: true });
      const refused = await errorOf(service.put("ident", "kyc", "doc", bytes("v"), {}, key("w")));
      expect(refused.code).toBe("FORBIDDEN");
      expect(refused.details).toMatchObject({ reason: "identity_required" });
      await service.put("ident", "kyc", "doc", bytes("v"), {}, { ...key("w"), identity: "clerk-7" });
      expect(await codeOf(service.get("ident", "kyc", "doc", key("r")))).toBe("FORBIDDEN");
      expect(await codeOf(service.stat("ident", "kyc", "doc", key("r")))).toBe("FORBIDDEN");
      await service.get("ident", "kyc", "doc", { ...key("r"), identity: "auditor-3" });
      const entries = await auditOf(auditLog, "ident");
      const stored = entries.find((e) => e.action === "blob.stored");
      const retrieved = entries.find((e) => e.action === "blob.retrieved" && e.outcome === "success");
      expect(stored?.actor.userId).toBe("clerk-7");
      expect(retrieved?.actor.userId).toBe("auditor-3");
    });
  });

  describe("retrieval limits", () => {
    it("50 concurrent retrievals of an entry limited to 5: exactly 5 succeed, the rest GONE; the entry is purged with a proof", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("limits", "once", { ...POLICY, access: "open-retrieve", maxRetrievals: 10 });
      const { meta } = await service.put("limits", "once", "otp", bytes("one-time"), { maxRetrievals: 5 });
      const outcomes = await Promise.allSettled(Array.from({ length: 50 }, () => service.get("limits", "once", "otp")));
      const ok = outcomes.filter((o) => o.status === "fulfilled");
      const failed = outcomes.filter((o) => o.status === "rejected") as PromiseRejectedResult[];
      expect(ok.length).toBe(5);
      expect(failed.map((f) => (f.reason as { code: string }).code)).toEqual(Array(45).fill("GONE"));
      const lefts = ok.map(
        (o) => (o as PromiseFulfilledResult<{ meta: { retrievalsLeft: number } }>).value.meta.retrievalsLeft,
      );
      expect(lefts.sort()).toEqual([0, 1, 2, 3, 4]);
      expect(await t.db.select().from(blobs).where(eq(blobs.id, meta.blobId))).toEqual([]);
      const proofs = await t.db.select().from(blobPurges).where(eq(blobPurges.blobId, meta.blobId));
      expect(proofs).toHaveLength(1);
      expect(proofs[0]).toMatchObject({ reason: "exhausted" });
      const gone = await errorOf(service.get("limits", "once", "otp"));
      expect(gone.code).toBe("GONE");
      expect(gone.details).toMatchObject({ reason: "purged: exhausted" });
      // An entry may not allow more than its purpose.
      expect(await codeOf(service.put("limits", "once", "many", bytes("v"), { maxRetrievals: 11 }))).toBe("VALIDATION");
      expect((await service.put("limits", "once", "default", bytes("v"))).meta.maxRetrievals).toBe(10);
    });

    it("HEAD changes nothing: no retrieval counted, no audit entry, nothing decrypted", async () => {
      const { service, auditLog } = blobServiceFor(t);
      await service.setPolicy("head", "peek", { ...POLICY, access: "owner-only", maxRetrievals: 2 });
      await service.put("head", "peek", "doc", bytes("v"));
      await service.get("head", "peek", "doc");
      const before = await auditOf(auditLog, "head");
      const [rowBefore] = await t.db.select().from(blobs).where(eq(blobs.appId, "head"));
      for (let i = 0; i < 5; i++) {
        const meta = await service.stat("head", "peek", "doc");
        expect(meta).toMatchObject({ retrievals: 1, retrievalsLeft: 1, size: 1 });
      }
      // Refused and missing HEADs are not audited either.
      expect(await codeOf(service.stat("head", "peek", "doc", { identity: "intruder" }))).toBe("FORBIDDEN");
      expect(await codeOf(service.stat("head", "peek", "missing"))).toBe("NOT_FOUND");
      const [rowAfter] = await t.db.select().from(blobs).where(eq(blobs.appId, "head"));
      expect(rowAfter).toEqual(rowBefore);
      expect(await auditOf(auditLog, "head")).toEqual(before);
      // A HEAD works with a broken owner key: it never decrypts.
      const [key] = await t.db.select().from(blobOwnerKeys).where(eq(blobOwnerKeys.id, rowBefore!.ownerKeyId));
      await t.db
        .update(blobOwnerKeys)
        .set({ wrappedKey: Buffer.alloc(key!.wrappedKey!.length) })
        .where(eq(blobOwnerKeys.id, key!.id));
      expect((await service.stat("head", "peek", "doc")).size).toBe(1);
      expect(await codeOf(service.get("head", "peek", "doc"))).toBe("DECRYPTION_FAILED");
      await t.db.update(blobOwnerKeys).set({ wrappedKey: key!.wrappedKey }).where(eq(blobOwnerKeys.id, key!.id));
      expect((await service.stat("head", "peek", "doc")).retrievals).toBe(1);
    });
  });

  describe("delete and crypto-shred", () => {
    it("DELETE purges with a proof recorded in the purge table and the audit log; then GONE", async () => {
      const { service, auditLog } = blobServiceFor(t);
      await service.setPolicy("del", "docs", POLICY);
      const { meta } = await service.put("del", "docs", "doc", bytes("v"));
      const proof = await service.delete("del", "docs", "doc");
      expect(proof).toMatchObject({ blobId: meta.blobId, appId: "del", purpose: "docs", id: "doc", reason: "deleted" });
      expect(proof.proof).toMatch(/^[0-9a-f]{64}$/);
      const [row] = await t.db.select().from(blobPurges).where(eq(blobPurges.blobId, meta.blobId));
      expect(Buffer.from(row!.proof).toString("hex")).toBe(proof.proof);
      const entry = (await auditOf(auditLog, "del")).find((e) => e.action === "blob.purged");
      expect(entry?.metadata).toMatchObject({
        reason: "deleted",
        proofs: [{ blobId: meta.blobId, proof: proof.proof }],
      });
      expect(await codeOf(service.get("del", "docs", "doc"))).toBe("GONE");
      expect(await codeOf(service.delete("del", "docs", "doc"))).toBe("GONE");
      expect(await codeOf(service.delete("del", "docs", "never"))).toBe("NOT_FOUND");
    });

    it("shredOwner: every entry of the owner is unreadable at once (GONE), others untouched; due for the sweep", async () => {
      const { service, clock, auditLog } = blobServiceFor(t);
      await service.setPolicy("shred", "docs", { ...POLICY, access: "open-retrieve" });
      await service.setPolicy("shred", "more", { ...POLICY, access: "open-retrieve" });
      const alice = { identity: "alice" };
      await service.put("shred", "docs", "a1", bytes("a1"), {}, alice);
      await service.put("shred", "more", "a2", bytes("a2"), {}, alice);
      await service.put("shred", "docs", "b1", bytes("b1"), {}, { identity: "bob" });
      const result = await service.shredOwner("shred", "alice");
      expect(result).toEqual({ shredded: true, entries: 2 });
      for (const [purpose, id] of [
        ["docs", "a1"],
        ["more", "a2"],
      ] as const) {
        const error = await errorOf(service.get("shred", purpose, id));
        expect(error.code).toBe("GONE");
        expect(error.details).toMatchObject({ reason: "shredded" });
      }
      expect((await service.get("shred", "docs", "b1")).data.toString()).toBe("b1");
      const [key] = await t.db
        .select()
        .from(blobOwnerKeys)
        .where(and(eq(blobOwnerKeys.appId, "shred"), eq(blobOwnerKeys.owner, "alice")));
      expect(key).toMatchObject({ wrappedKey: null, kekId: null });
      const due = await t.db
        .select()
        .from(blobs)
        .where(and(eq(blobs.appId, "shred"), eq(blobs.owner, "alice")));
      expect(due.every((r) => r.dueAt.getTime() <= clock.now().getTime())).toBe(true);
      expect(await service.shredOwner("shred", "alice")).toEqual({ shredded: false, entries: 0 });
      // The owner may store again, under a new key.
      await service.put("shred", "docs", "a3", bytes("a3"), {}, alice);
      expect((await service.get("shred", "docs", "a3")).data.toString()).toBe("a3");
      // The audit entry does not carry the owner in the clear.
      const [entry] = await t.db
        .select()
        .from(auditEntries)
        .where(and(eq(auditEntries.appId, "shred"), eq(auditEntries.action, "blob.owner_shredded")));
      expect(JSON.stringify(entry!.metadata)).not.toContain("alice");
      expect(auditLog).toBeDefined();
    });
  });

  describe("listing", () => {
    it("pages through a purpose's metadata in the order stored, with a cursor; never content", async () => {
      const { service } = blobServiceFor(t);
      await service.setPolicy("list", "docs", { ...POLICY, access: "open-retrieve" });
      for (let i = 0; i < 7; i++) await service.put("list", "docs", `d${i}`, bytes(`SECRET-${i}`));
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await service.list("list", "docs", { limit: 3, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((i) => i.id));
        expect(JSON.stringify(page)).not.toContain("SECRET");
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen).toEqual(["d0", "d1", "d2", "d3", "d4", "d5", "d6"]);
      expect(await codeOf(service.list("list", "docs", { cursor: "garbage" }))).toBe("VALIDATION");
    });
  });
});
