import { Keyring } from "@vault/crypto";
import { blobApps, blobOwnerKeys, blobs, MemoryAuditSink, MemoryEventSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BlobService } from "../src/index";
import { bytes, codeOf, errorOf } from "./helpers";

const POLICY = { maxRetentionDays: 30, defaultTtlDays: 7, access: "open-retrieve" as const };

// A database of its own: rewrapAll moves every blob key of the database, so no other file's keyring may be in it.
describe(`BlobService KEK rewrap (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  // One keyring for the file, as one deployment has: each test rotates it further.
  const ring = Keyring.generate();
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  function serviceOn(db = t.db) {
    const audit = new MemoryAuditSink();
    const events = new MemoryEventSink();
    return { service: new BlobService({ db, keys: ring, audit, events }), audit, events };
  }

  const ownerKeyOf = async (appId: string, owner: string) =>
    (
      await t.db
        .select()
        .from(blobOwnerKeys)
        .where(and(eq(blobOwnerKeys.appId, appId), eq(blobOwnerKeys.owner, owner)))
    )[0]!;

  it("moves app and live owner keys to the active KEK; blobs, digests and proofs stay valid; a shredded key stays shredded", async () => {
    const { service, audit, events } = serviceOn();
    const oldKek = ring.activeKeyId();
    const alice = { identity: "alice" };
    await service.setPolicy("bl-a", "docs", POLICY);
    await service.setPolicy("bl-b", "docs", POLICY);
    await service.put("bl-a", "docs", "a1", bytes("alice's document"), {}, alice);
    await service.put("bl-a", "docs", "a2", bytes("to be deleted"), {}, alice);
    const proof = await service.delete("bl-a", "docs", "a2", alice);
    await service.put("bl-a", "docs", "b1", bytes("bob's document"), {}, { identity: "bob" });
    await service.shredOwner("bl-a", "bob");
    await service.put("bl-b", "docs", "c1", bytes("the other app's"));
    // 2 app keys + 2 live owner keys (alice, and bl-b's own); bob's key is destroyed and wrapped by nothing.
    expect(await service.rewrapStatus()).toEqual({ activeKekId: oldKek, byKek: { [oldKek]: 4 }, pending: 0 });

    const newKek = ring.add();
    ring.activate(newKek);
    // An owner's first write after activation gets a key under the new KEK.
    await service.put("bl-b", "docs", "d1", bytes("dave's"), {}, { identity: "dave" });
    expect(await service.rewrapStatus()).toEqual({
      activeKekId: newKek,
      byKek: { [oldKek]: 4, [newKek]: 1 },
      pending: 4,
    });
    const aliceBefore = await ownerKeyOf("bl-a", "alice");
    const [entryBefore] = await t.db.select().from(blobs).where(eq(blobs.externalId, "a1"));
    const eventsBefore = events.events.length;
    const progress: { done: number; remaining: number }[] = [];
    expect(await service.rewrapAll({ batchSize: 3, onProgress: (p) => progress.push(p) })).toEqual({ rewrapped: 4 });
    expect(progress).toEqual([
      { done: 3, remaining: 1 },
      { done: 4, remaining: 0 },
    ]);
    expect(await service.rewrapStatus()).toEqual({ activeKekId: newKek, byKek: { [newKek]: 5 }, pending: 0 });

    const aliceAfter = await ownerKeyOf("bl-a", "alice");
    expect(aliceAfter.kekId).toBe(newKek);
    expect(Buffer.from(aliceAfter.wrappedKey!).equals(Buffer.from(aliceBefore.wrappedKey!))).toBe(false);
    expect(await t.db.select({ kekId: blobApps.kekId }).from(blobApps)).toEqual([{ kekId: newKek }, { kekId: newKek }]);
    // The entry is not touched: its DEK is under the owner key, whose bytes did not change.
    const [entryAfter] = await t.db.select().from(blobs).where(eq(blobs.externalId, "a1"));
    expect(entryAfter).toEqual(entryBefore);
    // The shredded key is skipped: still nothing to unwrap.
    expect(await ownerKeyOf("bl-a", "bob")).toMatchObject({ wrappedKey: null, kekId: null });

    // Audited per app per batch, with counts and KEK ids only (never an owner); no outbox event.
    const entries = audit.events.filter((e) => e.action === "blob.keys_rewrapped");
    expect(entries.map((e) => [e.appId, e.metadata?.appKeys ?? 0, e.metadata?.ownerKeys ?? 0])).toEqual([
      ["bl-a", 1, 1],
      ["bl-b", 1, 0],
      ["bl-b", 0, 1],
    ]);
    expect(entries[0]).toMatchObject({ resource: "blob", metadata: { fromKekIds: [oldKek], toKekId: newKek } });
    expect(JSON.stringify(entries)).not.toMatch(/alice|bob/);
    expect(events.events.length).toBe(eventsBefore);

    // Without the old KEK, a service with nothing cached reads every live blob and verifies the earlier proof.
    ring.remove(oldKek);
    const { service: after } = serviceOn();
    expect((await after.get("bl-a", "docs", "a1", alice)).data.toString()).toBe("alice's document");
    expect((await after.get("bl-b", "docs", "c1")).data.toString()).toBe("the other app's");
    expect((await after.get("bl-b", "docs", "d1")).data.toString()).toBe("dave's");
    expect(await after.verifyProof("bl-a", proof, bytes("to be deleted"))).toEqual({
      valid: true,
      recorded: true,
      contentMatches: true,
    });
    expect((await errorOf(after.get("bl-a", "docs", "b1"))).code).toBe("GONE");
    await after.put("bl-a", "docs", "a3", bytes("written after"), {}, alice);
    expect((await after.get("bl-a", "docs", "a3", alice)).data.toString()).toBe("written after");
    expect(await after.rewrapAll()).toEqual({ rewrapped: 0 });
  });

  it("resumes after an interrupted run; a failing audit write rolls its batch back; a missing KEK says so", async () => {
    const { service, audit } = serviceOn();
    await service.setPolicy("bl-resume", "docs", POLICY);
    for (let i = 0; i < 4; i++)
      await service.put("bl-resume", "docs", `r${i}`, bytes(`r${i}`), {}, { identity: `o${i}` });
    ring.activate(ring.add());
    const total = (await service.rewrapStatus()).pending;
    expect(total).toBe(10); // 3 app keys + 7 live owner keys (bob's was shredded)
    const stop = new Error("interrupted");
    const interrupted = service.rewrapAll({
      batchSize: 2,
      onProgress: () => {
        throw stop;
      },
    });
    await expect(interrupted).rejects.toBe(stop);
    expect((await service.rewrapStatus()).pending).toBe(total - 2);
    audit.failNext = 1;
    await expect(service.rewrapAll({ batchSize: 100 })).rejects.toThrow(/audit sink unavailable/);
    expect((await service.rewrapStatus()).pending).toBe(total - 2);
    expect(await service.rewrapAll({ batchSize: 3 })).toEqual({ rewrapped: total - 2 });

    const lost = Keyring.generate();
    const elsewhere = new BlobService({ db: t.db, keys: lost });
    await elsewhere.setPolicy("bl-lost", "docs", POLICY);
    await elsewhere.put("bl-lost", "docs", "x", bytes("x"));
    expect(await codeOf(service.rewrapAll())).toBe("KEY_UNAVAILABLE");
    expect((await service.rewrapStatus()).byKek[lost.activeKeyId()]).toBe(2);
  });

  it("two processes rewrapping at once move each key exactly once", async () => {
    // The previous test left keys under a KEK this keyring lacks: drop them (they belong to no one here).
    await t.db.delete(blobs).where(eq(blobs.appId, "bl-lost"));
    await t.db.delete(blobOwnerKeys).where(eq(blobOwnerKeys.appId, "bl-lost"));
    await t.db.delete(blobApps).where(eq(blobApps.appId, "bl-lost"));
    const { service } = serviceOn();
    for (let app = 0; app < 3; app++) {
      await service.setPolicy(`bl-many-${app}`, "docs", POLICY);
      for (let i = 0; i < 12; i++) {
        await service.put(`bl-many-${app}`, "docs", `e${i}`, bytes("e"), {}, { identity: `owner-${i}` });
      }
    }
    ring.activate(ring.add());
    const { pending } = await service.rewrapStatus();
    expect(pending).toBeGreaterThanOrEqual(39);
    // A second pool on the same database, as another server process has (on PGlite the same handle).
    const other = await t.connectAgain();
    const first = serviceOn();
    const second = serviceOn(other.db);
    const results = await Promise.all([
      first.service.rewrapAll({ batchSize: 4 }),
      second.service.rewrapAll({ batchSize: 4 }),
    ]);
    expect(results[0]!.rewrapped + results[1]!.rewrapped).toBe(pending);
    const audited = [...first.audit.events, ...second.audit.events]
      .filter((e) => e.action === "blob.keys_rewrapped")
      .reduce((n, e) => n + ((e.metadata?.appKeys as number) ?? 0) + ((e.metadata?.ownerKeys as number) ?? 0), 0);
    expect(audited).toBe(pending);
    expect((await service.rewrapStatus()).pending).toBe(0);
  });
});
