import { isVaultError, ManualClock, runAs, type VaultErrorCode } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { type AuditSink, MemoryAuditSink, queryRows, secrets, secretVersions, withTransaction } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { SecretService } from "../src/index";

async function codeOf(promise: Promise<unknown>): Promise<VaultErrorCode | "no error"> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    if (isVaultError(error)) return error.code;
    throw error;
  }
}

describe(`SecretService (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let keyring: Keyring;
  let audit: MemoryAuditSink;
  let clock: ManualClock;
  let service: SecretService;
  const app = "billing";

  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());
  beforeEach(() => {
    keyring = Keyring.generate();
    audit = new MemoryAuditSink();
    clock = new ManualClock("2026-03-01T00:00:00Z");
    service = new SecretService({ db: t.db, keys: keyring, audit, clock });
  });

  async function versionRow(appId: string, key: string, version: number) {
    const [row] = await t.db
      .select({ v: secretVersions })
      .from(secretVersions)
      .innerJoin(secrets, eq(secrets.id, secretVersions.secretId))
      .where(and(eq(secrets.appId, appId), eq(secrets.key, key), eq(secretVersions.version, version)));
    return row!.v;
  }

  describe("round trips", () => {
    it("a string", async () => {
      const meta = await service.set(app, "rt/string", "hunter2 ✓");
      expect(meta.version).toBe(1);
      const secret = await service.get(app, "rt/string");
      expect(secret.value).toBe("hunter2 ✓");
      expect(secret.version).toBe(1);
      expect(secret.meta.key).toBe("rt/string");
    });

    it("bytes that are not UTF-8 come back as bytes", async () => {
      const bytes = Uint8Array.from([0xff, 0xfe, 0x00, 0xc3, 0x28, 0x80]);
      await service.set(app, "rt/bytes", bytes);
      const { value } = await service.get(app, "rt/bytes");
      expect(value).toBeInstanceOf(Uint8Array);
      expect(typeof value).not.toBe("string");
      expect(Array.from(value as Uint8Array)).toEqual(Array.from(bytes));
    });

    it("an empty string and empty bytes", async () => {
      await service.set(app, "rt/empty-string", "");
      await service.set(app, "rt/empty-bytes", new Uint8Array(0));
      expect((await service.get(app, "rt/empty-string")).value).toBe("");
      const bytes = (await service.get(app, "rt/empty-bytes")).value;
      expect(bytes).toBeInstanceOf(Uint8Array);
      expect((bytes as Uint8Array).length).toBe(0);
    });

    it("a 1 MiB value", async () => {
      const big = new Uint8Array(1024 * 1024);
      for (let i = 0; i < big.length; i++) big[i] = (i * 31 + 7) & 0xff;
      await service.set(app, "rt/big", big);
      const { value } = await service.get(app, "rt/big");
      expect(Buffer.from(value as Uint8Array).equals(Buffer.from(big))).toBe(true);
    });

    it("rejects a value over the size limit, and non-values, with VALIDATION and no row", async () => {
      const small = new SecretService({ db: t.db, keys: keyring, maxValueBytes: 8 });
      expect(await codeOf(small.set(app, "rt/too-big", "123456789"))).toBe("VALIDATION");
      expect(await codeOf(service.set(app, "rt/bad", 42 as unknown as string))).toBe("VALIDATION");
      expect(await codeOf(service.set(app, "rt/bad", null as unknown as string))).toBe("VALIDATION");
      expect(await codeOf(service.set("Not A Slug", "k", "v"))).toBe("VALIDATION");
      expect(await codeOf(service.set(app, "/leading-slash", "v"))).toBe("VALIDATION");
      expect(await codeOf(service.set(app, "rt/bad", "v", { cas: -1 }))).toBe("VALIDATION");
      expect(await codeOf(service.set(app, "rt/bad", "v", { unknown: 1 } as never))).toBe("VALIDATION");
      expect(await codeOf(service.getMeta(app, "rt/too-big"))).toBe("NOT_FOUND");
      expect(await codeOf(service.getMeta(app, "rt/bad"))).toBe("NOT_FOUND");
    });
  });

  describe("ciphertext", () => {
    it("does not contain the plaintext", async () => {
      const plain = "plain-text-that-must-not-be-stored-as-is";
      await service.set(app, "ct/plain", plain);
      const row = await versionRow(app, "ct/plain", 1);
      expect(Buffer.from(row.ciphertext!).includes(Buffer.from(plain))).toBe(false);
      expect(Buffer.from(row.wrappedDek!).includes(Buffer.from(plain))).toBe(false);
      expect(row.ciphertext![0]).toBe(1); // format version byte
      expect(row.kekId).toBe(keyring.activeKeyId());
    });

    it("copied onto another key fails with DECRYPTION_FAILED", async () => {
      await service.set(app, "ct/source", "the source value");
      await service.set(app, "ct/target", "the target value");
      const source = await versionRow(app, "ct/source", 1);
      const target = await versionRow(app, "ct/target", 1);
      await t.db
        .update(secretVersions)
        .set({ ciphertext: source.ciphertext, wrappedDek: source.wrappedDek, kekId: source.kekId })
        .where(eq(secretVersions.id, target.id));
      expect(await codeOf(service.get(app, "ct/target"))).toBe("DECRYPTION_FAILED");
    });

    it("copied onto another version of the same key fails with DECRYPTION_FAILED", async () => {
      await service.set(app, "ct/versions", "version one");
      await service.set(app, "ct/versions", "version two");
      const one = await versionRow(app, "ct/versions", 1);
      const two = await versionRow(app, "ct/versions", 2);
      await t.db
        .update(secretVersions)
        .set({ ciphertext: one.ciphertext, wrappedDek: one.wrappedDek, kekId: one.kekId })
        .where(eq(secretVersions.id, two.id));
      expect(await codeOf(service.get(app, "ct/versions"))).toBe("DECRYPTION_FAILED");
      expect((await service.get(app, "ct/versions", { version: 1 })).value).toBe("version one");
    });

    it("copied onto the same key in another app fails with DECRYPTION_FAILED", async () => {
      await service.set("app-a", "ct/shared", "belongs to app a");
      await service.set("app-b", "ct/shared", "belongs to app b");
      const a = await versionRow("app-a", "ct/shared", 1);
      const b = await versionRow("app-b", "ct/shared", 1);
      await t.db
        .update(secretVersions)
        .set({ ciphertext: a.ciphertext, wrappedDek: a.wrappedDek, kekId: a.kekId })
        .where(eq(secretVersions.id, b.id));
      expect(await codeOf(service.get("app-b", "ct/shared"))).toBe("DECRYPTION_FAILED");
    });

    it("one flipped byte fails with DECRYPTION_FAILED and returns nothing", async () => {
      await service.set(app, "ct/flip", "flip me");
      const row = await versionRow(app, "ct/flip", 1);
      for (const [column, index] of [
        ["ciphertext", row.ciphertext!.length - 1],
        ["ciphertext", 5],
        ["wrappedDek", 20],
      ] as const) {
        const original = Buffer.from(row[column]!);
        const flipped = Buffer.from(original);
        flipped[index] = flipped[index]! ^ 0x01;
        await t.db
          .update(secretVersions)
          .set({ [column]: flipped })
          .where(eq(secretVersions.id, row.id));
        let result: unknown = "untouched";
        let error: unknown;
        try {
          result = await service.get(app, "ct/flip");
        } catch (e) {
          error = e;
        }
        expect(result).toBe("untouched");
        expect(error).toMatchObject({ code: "DECRYPTION_FAILED" });
        expect(String((error as Error).message)).not.toContain("flip me");
        await t.db
          .update(secretVersions)
          .set({ [column]: original })
          .where(eq(secretVersions.id, row.id));
      }
      expect((await service.get(app, "ct/flip")).value).toBe("flip me");
    });
  });

  describe("versions and cas", () => {
    it("keeps versions readable by number and lists them", async () => {
      await service.set(app, "v/key", "one", { metadata: { owner: "team-a" } });
      clock.advance(1000);
      await service.set(app, "v/key", "two");
      clock.advance(1000);
      const meta = await service.set(app, "v/key", "three", { metadata: { owner: "team-b" } });
      expect(meta.version).toBe(3);
      expect(meta.metadata).toEqual({ owner: "team-b" });
      expect((await service.get(app, "v/key", { version: 1 })).value).toBe("one");
      expect((await service.get(app, "v/key", { version: 2 })).value).toBe("two");
      expect((await service.get(app, "v/key")).value).toBe("three");
      expect(await codeOf(service.get(app, "v/key", { version: 4 }))).toBe("NOT_FOUND");
      const versions = await service.versions(app, "v/key");
      expect(versions.map((v) => [v.version, v.state])).toEqual([
        [1, "active"],
        [2, "active"],
        [3, "active"],
      ]);
      expect(versions[1]!.createdAt.toISOString()).toBe("2026-03-01T00:00:01.000Z");
      expect(meta.createdAt.toISOString()).toBe("2026-03-01T00:00:00.000Z");
      expect(meta.updatedAt.toISOString()).toBe("2026-03-01T00:00:02.000Z");
    });

    it("keeps metadata across sets unless given", async () => {
      await service.set(app, "v/meta", "a", { metadata: { team: "x" } });
      expect((await service.set(app, "v/meta", "b")).metadata).toEqual({ team: "x" });
      expect((await service.getMeta(app, "v/meta")).metadata).toEqual({ team: "x" });
      expect((await service.set(app, "v/meta", "c", { metadata: {} })).metadata).toEqual({});
    });

    it("cas: n succeeds only at version n", async () => {
      await service.set(app, "v/cas", "one");
      expect((await service.set(app, "v/cas", "two", { cas: 1 })).version).toBe(2);
      const error = await service.set(app, "v/cas", "stale", { cas: 1 }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "CONFLICT", details: { expected: 1, actual: 2 } });
      expect((await service.get(app, "v/cas")).value).toBe("two");
      expect((await service.versions(app, "v/cas")).length).toBe(2);
    });

    it("cas: 0 creates only", async () => {
      expect((await service.set(app, "v/create-only", "first", { cas: 0 })).version).toBe(1);
      expect(await codeOf(service.set(app, "v/create-only", "second", { cas: 0 }))).toBe("CONFLICT");
      expect((await service.get(app, "v/create-only")).value).toBe("first");
    });

    it("a cas mismatch on a new key leaves no head row behind", async () => {
      expect(await codeOf(service.set(app, "v/never", "x", { cas: 3 }))).toBe("CONFLICT");
      expect(await codeOf(service.getMeta(app, "v/never"))).toBe("NOT_FOUND");
      expect((await service.list(app, { prefix: "v/never" })).items).toEqual([]);
    });

    it("50 concurrent sets on one key get versions exactly 1..50, each readable", async () => {
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => service.set(app, "v/concurrent", `value-${i}`)),
      );
      const versions = results.map((m) => m.version).sort((a, b) => a - b);
      expect(versions).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const wide = new SecretService({ db: t.db, keys: keyring, maxVersions: 100 });
      // maxVersions defaults to 10: versions 1..40 were pruned; the rest read back exactly what was written.
      const stored = await service.versions(app, "v/concurrent");
      expect(stored.map((v) => v.version)).toEqual(versions);
      const seen = new Set<string>();
      for (const v of stored.filter((s) => s.state === "active")) {
        const secret = await wide.get(app, "v/concurrent", { version: v.version });
        seen.add(secret.value as string);
      }
      expect(seen.size).toBe(10);
    });

    it.runIf(testDatabaseKind() === "postgres")(
      "a set that waits on a concurrent purge recreates the secret at version 1",
      async () => {
        await service.set(app, "v/purge-race", "old");
        let release!: () => void;
        const released = new Promise<void>((resolve) => {
          release = resolve;
        });
        let purgeLocked!: () => void;
        const locked = new Promise<void>((resolve) => {
          purgeLocked = resolve;
        });
        // The purge holds the head row lock before it deletes: the set's insert sees the row and does nothing, its
        // SELECT … FOR UPDATE waits, and finds the row gone once the purge commits — so it must create it again.
        const purging = withTransaction(t.db, async (tx) => {
          await tx
            .select()
            .from(secrets)
            .where(and(eq(secrets.appId, app), eq(secrets.key, "v/purge-race")))
            .for("update");
          purgeLocked();
          await released;
          await service.purge(app, "v/purge-race", { tx });
        });
        await locked;
        const setting = service.set(app, "v/purge-race", "new");
        // Wait until the set is blocked on the purge's row lock, then let the purge commit.
        await vi.waitFor(
          async () => {
            const waiting = await queryRows<{ n: number }>(
              t.db,
              sql`select count(*)::int as n from pg_stat_activity
                  where datname = current_database() and wait_event_type = 'Lock'`,
            );
            expect(waiting[0]!.n).toBeGreaterThan(0);
          },
          { timeout: 5000, interval: 20 },
        );
        release();
        await purging;
        const meta = await setting;
        expect(meta.version).toBe(1);
        expect((await service.get(app, "v/purge-race")).value).toBe("new");
      },
    );

    it("50 concurrent sets with maxVersions 100: every value readable at its version", async () => {
      const wide = new SecretService({ db: t.db, keys: keyring, maxVersions: 100 });
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => wide.set(app, "v/concurrent-all", `value-${i}`)),
      );
      expect(results.map((m) => m.version).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      const values = new Set<string>();
      for (let version = 1; version <= 50; version++) {
        values.add((await wide.get(app, "v/concurrent-all", { version })).value as string);
      }
      expect(values).toEqual(new Set(Array.from({ length: 50 }, (_, i) => `value-${i}`)));
    });
  });

  describe("lifecycle", () => {
    it("expires through the injected clock, and a new expiry revives it", async () => {
      await service.set(app, "l/expiring", "short-lived", { expiresAt: new Date("2026-03-01T01:00:00Z") });
      expect((await service.get(app, "l/expiring")).value).toBe("short-lived");
      clock.set("2026-03-01T00:59:59.999Z");
      expect((await service.get(app, "l/expiring")).value).toBe("short-lived");
      clock.set("2026-03-01T01:00:00Z");
      expect(await codeOf(service.get(app, "l/expiring"))).toBe("EXPIRED");
      // Expiry persists across sets unless given; null clears it.
      await service.set(app, "l/expiring", "still expired");
      expect(await codeOf(service.get(app, "l/expiring"))).toBe("EXPIRED");
      await service.set(app, "l/expiring", "renewed", { expiresAt: null });
      expect((await service.get(app, "l/expiring")).value).toBe("renewed");
      await service.set(app, "l/expiring", "iso", { expiresAt: "2026-03-02T00:00:00Z" });
      expect((await service.getMeta(app, "l/expiring")).expiresAt?.toISOString()).toBe("2026-03-02T00:00:00.000Z");
    });

    it("soft delete hides a version until undelete", async () => {
      await service.set(app, "l/deleted", "one");
      await service.set(app, "l/deleted", "two");
      expect(await service.delete(app, "l/deleted")).toEqual({ versions: [2] });
      expect(await codeOf(service.get(app, "l/deleted"))).toBe("NOT_FOUND");
      expect((await service.get(app, "l/deleted", { version: 1 })).value).toBe("one");
      expect(await service.delete(app, "l/deleted", { versions: [1, 2] })).toEqual({ versions: [1] });
      expect(await codeOf(service.get(app, "l/deleted", { version: 1 }))).toBe("NOT_FOUND");
      expect((await service.versions(app, "l/deleted")).map((v) => v.state)).toEqual(["deleted", "deleted"]);
      // Still listed: its meta exists.
      expect((await service.list(app, { prefix: "l/deleted" })).items.map((m) => m.key)).toEqual(["l/deleted"]);
      expect(await service.undelete(app, "l/deleted", { versions: [1, 2] })).toEqual({ versions: [1, 2] });
      expect((await service.get(app, "l/deleted")).value).toBe("two");
      expect(await codeOf(service.delete(app, "l/deleted", { versions: [3] }))).toBe("NOT_FOUND");
      expect(await codeOf(service.delete(app, "l/nothing"))).toBe("NOT_FOUND");
    });

    it("destroy wipes ciphertext and wrapped DEK for good", async () => {
      await service.set(app, "l/destroyed", "one");
      await service.set(app, "l/destroyed", "two");
      expect(await service.destroy(app, "l/destroyed", [1])).toEqual({ versions: [1] });
      const row = await versionRow(app, "l/destroyed", 1);
      expect(row.ciphertext).toBeNull();
      expect(row.wrappedDek).toBeNull();
      expect(row.kekId).toBeNull();
      expect(row.destroyedAt?.toISOString()).toBe("2026-03-01T00:00:00.000Z");
      expect(await codeOf(service.get(app, "l/destroyed", { version: 1 }))).toBe("NOT_FOUND");
      expect(await service.undelete(app, "l/destroyed", { versions: [1] })).toEqual({ versions: [] });
      expect(await codeOf(service.get(app, "l/destroyed", { version: 1 }))).toBe("NOT_FOUND");
      expect((await service.get(app, "l/destroyed")).value).toBe("two");
      expect(await service.destroy(app, "l/destroyed", [1])).toEqual({ versions: [] });
      expect(await codeOf(service.destroy(app, "l/destroyed", []))).toBe("VALIDATION");
    });

    it("purge removes every row and returns a SHA-256 proof, audited", async () => {
      await service.set(app, "l/purged", "one");
      await service.set(app, "l/purged", "two");
      await service.destroy(app, "l/purged", [1]);
      const meta = await service.getMeta(app, "l/purged");
      const result = await service.purge(app, "l/purged");
      expect(result).toMatchObject({ secretId: meta.id, versionsRemoved: 2, key: "l/purged", appId: app });
      expect(result.proof).toMatch(/^[0-9a-f]{64}$/);
      expect(await codeOf(service.getMeta(app, "l/purged"))).toBe("NOT_FOUND");
      const left = await t.db.select().from(secretVersions).where(eq(secretVersions.secretId, meta.id));
      expect(left).toEqual([]);
      const purged = audit.events.find((e) => e.action === "secret.purged" && e.key === "l/purged");
      expect(purged?.metadata).toMatchObject({ proof: result.proof, versionsRemoved: 2 });
      expect(await codeOf(service.purge(app, "l/purged"))).toBe("NOT_FOUND");
      // The key can be created afresh (cas 0) after a purge.
      expect((await service.set(app, "l/purged", "again", { cas: 0 })).version).toBe(1);
    });

    it("maxVersions destroys older versions on set", async () => {
      const small = new SecretService({ db: t.db, keys: keyring, clock, maxVersions: 3, audit });
      for (let i = 1; i <= 5; i++) await small.set(app, "l/pruned", `v${i}`);
      expect((await small.versions(app, "l/pruned")).map((v) => [v.version, v.state])).toEqual([
        [1, "destroyed"],
        [2, "destroyed"],
        [3, "active"],
        [4, "active"],
        [5, "active"],
      ]);
      expect(await codeOf(small.get(app, "l/pruned", { version: 2 }))).toBe("NOT_FOUND");
      expect((await small.get(app, "l/pruned", { version: 3 })).value).toBe("v3");
      expect(audit.events.filter((e) => e.action === "secret.set").at(-1)?.metadata).toMatchObject({
        version: 5,
        prunedVersions: [2],
      });
      // Per-secret maxVersions persists; the default service respects it.
      await small.set(app, "l/pruned", "v6", { maxVersions: 1 });
      expect((await service.getMeta(app, "l/pruned")).maxVersions).toBe(1);
      await service.set(app, "l/pruned", "v7");
      expect(
        (await service.versions(app, "l/pruned")).filter((v) => v.state === "active").map((v) => v.version),
      ).toEqual([7]);
    });

    it("records who wrote each version", async () => {
      await runAs({ apiKeyId: "apikey_x", appId: app }, () => service.set(app, "l/actor", "v"));
      expect((await service.versions(app, "l/actor"))[0]!.createdBy).toBe("apikey_x");
    });
  });

  describe("stat", () => {
    it("answers the version and meta get would return, for the current version and a given one", async () => {
      await service.set(app, "s/key", "one", { metadata: { owner: "ops" } });
      clock.advance(1000);
      await service.set(app, "s/key", "two");
      const before = audit.events.length;
      const current = await service.stat(app, "s/key");
      const read = await service.get(app, "s/key");
      expect(current).toEqual({ version: read.version, meta: read.meta });
      expect(current.version).toBe(2);
      expect(current.meta).toMatchObject({ key: "s/key", version: 2, metadata: { owner: "ops" } });
      const first = await service.stat(app, "s/key", { version: 1 });
      expect(first).toEqual({ version: 1, meta: (await service.get(app, "s/key", { version: 1 })).meta });
      // Only the two gets were audited.
      expect(audit.events.slice(before).map((e) => e.action)).toEqual(["secret.read", "secret.read"]);
      expect(Object.keys(current).sort()).toEqual(["meta", "version"]);
    });

    it("fails exactly where get fails (NOT_FOUND, EXPIRED), and writes no audit entry either way", async () => {
      await service.set(app, "s/states", "one");
      await service.set(app, "s/states", "two");
      await service.set(app, "s/states", "three");
      await service.set(app, "s/states", "four");
      await service.delete(app, "s/states", { versions: [2] });
      await service.destroy(app, "s/states", [3]);
      await service.set(app, "s/expired", "gone soon", { expiresAt: new Date("2026-03-01T00:00:01Z") });
      await service.set(app, "s/deleted-head", "x");
      await service.delete(app, "s/deleted-head");
      const cases: [string, number | undefined, VaultErrorCode | "no error"][] = [
        ["s/states", undefined, "no error"],
        ["s/states", 1, "no error"],
        ["s/states", 2, "NOT_FOUND"], // soft-deleted
        ["s/states", 3, "NOT_FOUND"], // destroyed
        ["s/states", 5, "NOT_FOUND"], // never written
        ["s/missing", undefined, "NOT_FOUND"],
        ["s/missing", 1, "NOT_FOUND"],
        ["s/deleted-head", undefined, "NOT_FOUND"],
        ["s/expired", undefined, "no error"],
      ];
      const check = async (expiredCode: VaultErrorCode | "no error") => {
        for (const [key, version, expected] of cases) {
          const want = key === "s/expired" ? expiredCode : expected;
          const options = version === undefined ? {} : { version };
          const before = audit.events.length;
          expect([key, version, await codeOf(service.stat(app, key, options))]).toEqual([key, version, want]);
          expect(audit.events.length).toBe(before);
          expect([key, version, await codeOf(service.get(app, key, options))]).toEqual([key, version, want]);
        }
      };
      await check("no error");
      clock.advance(1000);
      await check("EXPIRED");
      // An expired secret answers EXPIRED before its versions are looked at, for stat as for get.
      expect(await codeOf(service.stat(app, "s/expired", { version: 9 }))).toBe("EXPIRED");
      expect(await codeOf(service.get(app, "s/expired", { version: 9 }))).toBe("EXPIRED");
      expect(await codeOf(service.stat(app, "s/states", { version: 0 }))).toBe("VALIDATION");
      expect(await codeOf(service.stat(app, "s/states", { tx: t.db } as never))).toBe("VALIDATION");
    });

    it("never decrypts: it answers where get fails to decrypt (tampered value, KEK not loaded)", async () => {
      await service.set(app, "s/tampered", "tamper with me");
      const row = await versionRow(app, "s/tampered", 1);
      const flipped = Buffer.from(row.ciphertext!);
      flipped[flipped.length - 1] = flipped[flipped.length - 1]! ^ 0x01;
      await t.db.update(secretVersions).set({ ciphertext: flipped }).where(eq(secretVersions.id, row.id));
      expect(await codeOf(service.get(app, "s/tampered"))).toBe("DECRYPTION_FAILED");
      expect((await service.stat(app, "s/tampered")).version).toBe(1);
      const withoutKek = new SecretService({ db: t.db, keys: Keyring.generate(), audit, clock });
      await service.set(app, "s/other-kek", "under a KEK the other service lacks");
      expect(await codeOf(withoutKek.get(app, "s/other-kek"))).toBe("KEY_UNAVAILABLE");
      expect((await withoutKek.stat(app, "s/other-kek")).meta.key).toBe("s/other-kek");
    });
  });

  describe("list", () => {
    it("pages through keys in order with a prefix", async () => {
      for (const key of ["p/c", "p/a", "p/b", "p/d", "q/a", "p/a/nested"]) await service.set("lister", key, "v");
      const first = await service.list("lister", { prefix: "p/", limit: 2 });
      expect(first.items.map((m) => m.key)).toEqual(["p/a", "p/a/nested"]);
      const second = await service.list("lister", { prefix: "p/", limit: 2, cursor: first.nextCursor! });
      expect(second.items.map((m) => m.key)).toEqual(["p/b", "p/c"]);
      const third = await service.list("lister", { prefix: "p/", limit: 2, cursor: second.nextCursor! });
      expect(third.items.map((m) => m.key)).toEqual(["p/d"]);
      expect(third.nextCursor).toBeNull();
      expect((await service.list("lister")).items.length).toBe(6);
      expect((await service.list("other-app")).items).toEqual([]);
      expect(await codeOf(service.list("lister", { cursor: "garbage" }))).toBe("VALIDATION");
    });
  });

  describe("audit", () => {
    it("records every mutation and read with resource, key and version, never the value", async () => {
      await service.set("audited", "a/key", "audited-value");
      await service.get("audited", "a/key");
      await service.delete("audited", "a/key");
      await service.undelete("audited", "a/key");
      await service.destroy("audited", "a/key", [1]);
      await service.get("audited", "a/key").catch(() => {});
      await service.purge("audited", "a/key");
      expect(audit.events.map((e) => [e.action, e.outcome])).toEqual([
        ["secret.set", "success"],
        ["secret.read", "success"],
        ["secret.deleted", "success"],
        ["secret.undeleted", "success"],
        ["secret.destroyed", "success"],
        ["secret.read", "failure"],
        ["secret.purged", "success"],
      ]);
      for (const event of audit.events) {
        expect(event).toMatchObject({ resource: "secret", appId: "audited", key: "a/key" });
      }
      expect(audit.events[0]!.metadata).toEqual({ version: 1 });
      expect(audit.events[2]!.metadata).toEqual({ versions: [1], requested: [1] });
      expect(JSON.stringify(audit.events)).not.toContain("audited-value");
    });

    it("a failing audit write rolls back the mutation", async () => {
      await service.set(app, "a/rollback", "one");
      audit.failNext = 1;
      await expect(service.set(app, "a/rollback", "two")).rejects.toThrow(/audit sink unavailable/);
      expect((await service.getMeta(app, "a/rollback")).version).toBe(1);
      expect((await service.versions(app, "a/rollback")).length).toBe(1);
      audit.failNext = 1;
      await expect(service.delete(app, "a/rollback")).rejects.toThrow(/audit/);
      expect((await service.get(app, "a/rollback")).value).toBe("one");
      audit.failNext = 1;
      await expect(service.purge(app, "a/rollback")).rejects.toThrow(/audit/);
      expect((await service.getMeta(app, "a/rollback")).version).toBe(1);
      audit.failNext = 1;
      await expect(service.destroy(app, "a/rollback", [1])).rejects.toThrow(/audit/);
      expect((await service.get(app, "a/rollback")).value).toBe("one");
      // A read whose audit entry cannot be written returns no value (fail-closed).
      audit.failNext = 1;
      await expect(service.get(app, "a/rollback")).rejects.toThrow(/audit/);
      // A new key whose first set fails leaves nothing behind.
      audit.failNext = 1;
      await expect(service.set(app, "a/rollback-new", "x")).rejects.toThrow(/audit/);
      expect(await codeOf(service.getMeta(app, "a/rollback-new"))).toBe("NOT_FOUND");
    });
  });

  describe("how a read is audited", () => {
    /** A sink that notes which of its two methods each entry came through, and can hold detached appends. */
    function recordingSink() {
      const calls: { method: "record" | "recordDetached"; tx?: unknown; outcome?: string }[] = [];
      let hold: Promise<void> | undefined;
      const sink: AuditSink = {
        async record(tx, event) {
          calls.push({ method: "record", tx, outcome: event.outcome });
        },
        async recordDetached(event) {
          calls.push({ method: "recordDetached", outcome: event.outcome });
          await hold;
        },
      };
      return { sink, calls, holdDetached: (until: Promise<void>) => (hold = until) };
    }

    it("without tx: the entry goes through recordDetached, and the value waits until it is committed", async () => {
      const { sink, calls, holdDetached } = recordingSink();
      const audited = new SecretService({ db: t.db, keys: keyring, audit: sink, clock });
      await audited.set(app, "r/detached", "value");
      calls.length = 0;
      let commit!: () => void;
      holdDetached(new Promise<void>((resolve) => (commit = resolve)));
      let settled = false;
      const reading = audited.get(app, "r/detached").finally(() => {
        settled = true;
      });
      await vi.waitFor(() => expect(calls).toEqual([{ method: "recordDetached", outcome: "success" }]), {
        timeout: 5000,
      });
      expect(settled).toBe(false);
      commit();
      expect((await reading).value).toBe("value");
      // A failed read is audited the same way, as a failure.
      expect(await codeOf(audited.get(app, "r/absent"))).toBe("NOT_FOUND");
      expect(calls.at(-1)).toEqual({ method: "recordDetached", outcome: "failure" });
    });

    it("with tx: the entry is recorded inside that transaction", async () => {
      const { sink, calls } = recordingSink();
      const audited = new SecretService({ db: t.db, keys: keyring, audit: sink, clock });
      await audited.set(app, "r/in-tx", "value");
      calls.length = 0;
      await withTransaction(t.db, async (tx) => {
        expect((await audited.get(app, "r/in-tx", { tx })).value).toBe("value");
        expect(await codeOf(audited.get(app, "r/in-tx", { tx, version: 7 }))).toBe("NOT_FOUND");
        expect(calls).toEqual([
          { method: "record", tx, outcome: "success" },
          { method: "record", tx, outcome: "failure" },
        ]);
      });
    });

    it("a read whose detached entry cannot be written returns no value; stat, which writes none, still answers", async () => {
      const failing: AuditSink = {
        record: async () => {},
        recordDetached: async () => {
          throw new Error("audit log unreachable (simulated)");
        },
      };
      const audited = new SecretService({ db: t.db, keys: keyring, audit: failing, clock });
      await audited.set(app, "r/fail-closed", "must not leave");
      let value: unknown = "none";
      await audited.get(app, "r/fail-closed").then(
        (secret) => {
          value = secret.value;
        },
        () => {},
      );
      expect(value).toBe("none");
      // stat writes no entry, so a failing log does not affect it.
      expect((await audited.stat(app, "r/fail-closed")).version).toBe(1);
    });
  });

  describe("joining the caller's transaction", () => {
    it("set and get run inside a given transaction and roll back with it", async () => {
      await service.set(app, "tx/key", "committed");
      await expect(
        withTransaction(t.db, async (tx) => {
          const meta = await service.set(app, "tx/key", "uncommitted", { tx, metadata: { rotated: true } });
          expect(meta.version).toBe(2);
          expect((await service.get(app, "tx/key", { tx })).value).toBe("uncommitted");
          throw new Error("roll back");
        }),
      ).rejects.toThrow("roll back");
      expect((await service.get(app, "tx/key")).value).toBe("committed");
      expect((await service.getMeta(app, "tx/key")).version).toBe(1);
      const committed = await withTransaction(t.db, async (tx) => {
        await service.set(app, "tx/key", "two", { tx });
        await service.delete(app, "tx/key", { versions: [1], tx });
        return service.versions(app, "tx/key", { tx });
      });
      expect(committed.map((v) => v.state)).toEqual(["deleted", "active"]);
    });
  });
});
