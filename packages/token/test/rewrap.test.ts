import { Keyring } from "@vault/crypto";
import { MemoryEventSink, tokenApps, tokens } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, tokenServiceFor } from "./helpers";

const PASSWORD = "correct horse battery";

// A database of its own: rewrapAll moves every token key of the database, so no other file's keyring may be in it.
describe(`TokenService KEK rewrap (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  // One keyring for the file, as one deployment has: each test rotates it further.
  const ring = Keyring.generate();
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  const recordOf = async (id: string) => (await t.db.select().from(tokens).where(eq(tokens.id, id)))[0]!;

  it("moves app keys and password-less record DEKs to the active KEK; password-protected records stay as they are", async () => {
    const events = new MemoryEventSink();
    const { service, audit } = tokenServiceFor(t, { keys: ring, events });
    const oldKek = ring.activeKeyId();
    const plain = await service.create("tk-a", "4111 1111 1111 1111");
    await service.update("tk-a", plain.token, "4111 1111 1111 2222"); // version 2, in the AAD
    const second = await service.create("tk-a", "second");
    const locked = await service.create("tk-a", "behind a password", { password: PASSWORD });
    const other = await service.create("tk-b", "other app");
    const deleted = await service.create("tk-b", "soft-deleted");
    await service.softDelete("tk-b", deleted.token);
    // 2 app keys + 4 records under the KEK; the password-protected record is under its password key.
    expect(await service.rewrapStatus()).toEqual({ activeKekId: oldKek, byKek: { [oldKek]: 6 }, pending: 0 });

    const newKek = ring.add();
    ring.activate(newKek);
    const fresh = await service.create("tk-b", "written after the rotation");
    expect(await service.rewrapStatus()).toEqual({
      activeKekId: newKek,
      byKek: { [oldKek]: 6, [newKek]: 1 },
      pending: 6,
    });
    const plainBefore = await recordOf(plain.meta.id);
    const lockedBefore = await recordOf(locked.meta.id);
    const [appBefore] = await t.db.select().from(tokenApps).where(eq(tokenApps.appId, "tk-a"));
    const eventsBefore = events.events.length;
    const progress: { done: number; remaining: number }[] = [];
    expect(await service.rewrapAll({ batchSize: 4, onProgress: (p) => progress.push(p) })).toEqual({ rewrapped: 6 });
    expect(progress).toEqual([
      { done: 4, remaining: 2 },
      { done: 6, remaining: 0 },
    ]);
    expect(await service.rewrapStatus()).toEqual({ activeKekId: newKek, byKek: { [newKek]: 7 }, pending: 0 });

    const plainAfter = await recordOf(plain.meta.id);
    expect(plainAfter.kekId).toBe(newKek);
    expect(Buffer.from(plainAfter.wrappedDek).equals(Buffer.from(plainBefore.wrappedDek))).toBe(false);
    // The value is not re-encrypted, and its version and times are as they were.
    expect(Buffer.from(plainAfter.ciphertext).equals(Buffer.from(plainBefore.ciphertext))).toBe(true);
    expect(plainAfter.version).toBe(2);
    expect(plainAfter.updatedAt).toEqual(plainBefore.updatedAt);
    // The password-protected record is untouched, byte for byte.
    expect(await recordOf(locked.meta.id)).toEqual(lockedBefore);
    const [appAfter] = await t.db.select().from(tokenApps).where(eq(tokenApps.appId, "tk-a"));
    expect(appAfter!.kekId).toBe(newKek);
    expect(Buffer.from(appAfter!.passwordSalt).equals(Buffer.from(appBefore!.passwordSalt))).toBe(true);

    // Audited per app per batch (counts and KEK ids), and no outbox event: nothing a subscriber could act on changed.
    const entries = audit.events.filter((e) => e.action === "token.keys_rewrapped");
    expect(entries.map((e) => [e.appId, e.metadata?.appKeys ?? 0, e.metadata?.records ?? 0])).toEqual([
      ["tk-a", 1, 2],
      ["tk-b", 1, 0],
      ["tk-b", 0, 2],
    ]);
    expect(entries[0]).toMatchObject({ resource: "token", outcome: "success", metadata: { fromKekIds: [oldKek] } });
    expect(JSON.stringify(entries)).not.toMatch(/tk_|4111|horse/);
    expect(events.events.length).toBe(eventsBefore);

    // Without the old KEK, a service with nothing cached finds and opens every record (the HMAC key and the Argon2
    // secret come from the rewrapped app key).
    ring.remove(oldKek);
    const { service: after } = tokenServiceFor(t, { keys: ring });
    expect((await after.read("tk-a", plain.token)).value).toBe("4111 1111 1111 2222");
    expect((await after.read("tk-a", second.token)).value).toBe("second");
    expect((await after.read("tk-a", locked.token, { password: PASSWORD })).value).toBe("behind a password");
    expect(await codeOf(after.read("tk-a", locked.token, { password: "wrong horse battery" }))).toBe("FORBIDDEN");
    expect((await after.read("tk-b", other.token)).value).toBe("other app");
    await after.restore("tk-b", deleted.token);
    expect((await after.read("tk-b", deleted.token)).value).toBe("soft-deleted");
    expect((await after.read("tk-b", fresh.token)).value).toBe("written after the rotation");
    expect(await after.rewrapAll()).toEqual({ rewrapped: 0 });
  });

  it("a password-protected record moved back to the KEK is rewrapped on the next rotation", async () => {
    const { service } = tokenServiceFor(t, { keys: ring });
    const created = await service.create("tk-c", "was protected", { password: PASSWORD });
    await service.changePassword("tk-c", created.token, PASSWORD, null);
    ring.activate(ring.add());
    const { pending } = await service.rewrapStatus();
    expect(await service.rewrapAll()).toEqual({ rewrapped: pending });
    expect((await recordOf(created.meta.id)).kekId).toBe(ring.activeKeyId());
    expect((await service.read("tk-c", created.token)).value).toBe("was protected");
  });

  it("two processes rewrapping at once move each key exactly once", async () => {
    const { service } = tokenServiceFor(t, { keys: ring });
    for (let app = 0; app < 4; app++) {
      await service.createMany(
        `tk-many-${app}`,
        Array.from({ length: 15 }, (_, i) => `v${i}`),
      );
    }
    ring.activate(ring.add());
    const { pending } = await service.rewrapStatus();
    expect(pending).toBeGreaterThanOrEqual(64);
    // A second pool on the same database, as another server process has (on PGlite the same handle).
    const other = await t.connectAgain();
    const first = tokenServiceFor(t, { keys: ring });
    const second = tokenServiceFor({ ...t, db: other.db }, { keys: ring });
    const results = await Promise.all([
      first.service.rewrapAll({ batchSize: 5 }),
      second.service.rewrapAll({ batchSize: 5 }),
    ]);
    expect(results[0]!.rewrapped + results[1]!.rewrapped).toBe(pending);
    const audited = [...first.audit.events, ...second.audit.events]
      .filter((e) => e.action === "token.keys_rewrapped")
      .reduce((n, e) => n + ((e.metadata?.appKeys as number) ?? 0) + ((e.metadata?.records as number) ?? 0), 0);
    expect(audited).toBe(pending);
    expect((await service.rewrapStatus()).pending).toBe(0);
  });
});
