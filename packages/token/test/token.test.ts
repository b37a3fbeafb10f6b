import { Keyring } from "@vault/crypto";
import { tokenApps, tokenPasswordKeys, tokens } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TokenService, tokenEntropyBits } from "../src/index";
import { codeOf, errorOf, tokenServiceFor } from "./helpers";

describe(`TokenService (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  describe("create and read", () => {
    it("round-trips a string and bytes; generated tokens are tk_ plus 32 alphanumerics", async () => {
      const { service } = tokenServiceFor(t);
      const text = await service.create("shop", "4111 1111 1111 1111");
      expect(text.token).toMatch(/^tk_[0-9A-Za-z]{32}$/);
      expect(text.meta.id).toMatch(/^tok_/);
      expect(text.meta.passwordProtected).toBe(false);
      expect((await service.read("shop", text.token)).value).toBe("4111 1111 1111 1111");
      const bytes = Uint8Array.from([0, 255, 1, 128]);
      const binary = await service.create("shop", bytes);
      expect((await service.read("shop", binary.token)).value).toEqual(bytes);
    });

    it("token length is configurable from 16 to 64, per service and per call; the default carries ≥ 128 bits", async () => {
      const { service } = tokenServiceFor(t, { tokenLength: 20 });
      expect((await service.create("shop", "v")).token).toMatch(/^tk_[0-9A-Za-z]{20}$/);
      expect((await service.create("shop", "v", { tokenLength: 64 })).token).toMatch(/^tk_[0-9A-Za-z]{64}$/);
      expect(await codeOf(service.create("shop", "v", { tokenLength: 15 }))).toBe("VALIDATION");
      expect(await codeOf(service.create("shop", "v", { tokenLength: 65 }))).toBe("VALIDATION");
      expect(() => tokenServiceFor(t, { tokenLength: 8 })).toThrow(/tokenLength/);
      expect(tokenEntropyBits(32)).toBeGreaterThan(190);
      expect(tokenEntropyBits(22)).toBeGreaterThanOrEqual(128);
      expect(tokenEntropyBits(21)).toBeLessThan(128);
    });

    it("generated tokens do not repeat (1,000 drawn)", async () => {
      const { service } = tokenServiceFor(t);
      const created = await service.createMany(
        "many",
        Array.from({ length: 1000 }, (_, i) => `v${i}`),
      );
      const seen = new Set(created.map((c) => c.token));
      expect(seen.size).toBe(1000);
    });

    it("a caller-chosen token is accepted once, then ALREADY_EXISTS (also while soft-deleted); free again after delete", async () => {
      const { service } = tokenServiceFor(t);
      const created = await service.create("shop", "first", { token: "order-42-card" });
      expect(created.token).toBe("order-42-card");
      const again = await errorOf(service.create("shop", "second", { token: "order-42-card" }));
      expect(again.code).toBe("ALREADY_EXISTS");
      expect(again.message).not.toContain("order-42-card");
      await service.softDelete("shop", "order-42-card");
      expect(await codeOf(service.create("shop", "third", { token: "order-42-card" }))).toBe("ALREADY_EXISTS");
      await service.delete("shop", "order-42-card");
      await service.create("shop", "fourth", { token: "order-42-card" });
      expect((await service.read("shop", "order-42-card")).value).toBe("fourth");
      // Another app may hold the same token.
      await service.create("other", "elsewhere", { token: "order-42-card" });
      expect((await service.read("other", "order-42-card")).value).toBe("elsewhere");
    });

    it("an unknown token, or one of another app, is NOT_FOUND without naming the token", async () => {
      const { service } = tokenServiceFor(t);
      const { token } = await service.create("shop", "mine");
      const error = await errorOf(service.read("shop", "tk_doesnotexist0000000000000000000"));
      expect(error.code).toBe("NOT_FOUND");
      expect(await codeOf(service.read("never-used-app", token))).toBe("NOT_FOUND");
      expect(await codeOf(service.read("other", token))).toBe("NOT_FOUND");
    });

    it("stores the token only as an HMAC and the value only sealed; create rejects bad input", async () => {
      const { service } = tokenServiceFor(t);
      const { token, meta } = await service.create("shop", "plain-value-xyz", { data: { kind: "card" } });
      const [row] = await t.db.select().from(tokens).where(eq(tokens.id, meta.id));
      expect(row!.tokenHmac.length).toBe(32);
      expect(Buffer.from(row!.tokenHmac).toString("utf8")).not.toContain(token);
      expect(Buffer.from(row!.ciphertext).toString("utf8")).not.toContain("plain-value-xyz");
      expect(row!.data).toEqual({ kind: "card" });
      expect(await codeOf(service.create("shop", { no: 1 } as unknown as string))).toBe("VALIDATION");
      expect(await codeOf(service.create("Bad App", "v"))).toBe("VALIDATION");
      expect(await codeOf(service.create("shop", "v", { token: "short" }))).toBe("VALIDATION");
      expect(await codeOf(service.create("shop", "v", { token: "has space in it" }))).toBe("VALIDATION");
      expect(await codeOf(service.create("shop", "v", { expiresAt: "2020-01-01T00:00:00Z" }))).toBe("VALIDATION");
      const small = new TokenService({ db: t.db, keys: tokenServiceFor(t).keys, maxValueBytes: 4 });
      expect(await codeOf(small.create("shop", "12345"))).toBe("PAYLOAD_TOO_LARGE");
    });

    it("a value moved to another record does not decrypt (associated data binds it to its record)", async () => {
      const { service } = tokenServiceFor(t);
      const a = await service.create("shop", "value-a");
      const b = await service.create("shop", "value-b");
      const [rowA] = await t.db.select().from(tokens).where(eq(tokens.id, a.meta.id));
      await t.db
        .update(tokens)
        .set({ ciphertext: rowA!.ciphertext, wrappedDek: rowA!.wrappedDek })
        .where(eq(tokens.id, b.meta.id));
      expect(await codeOf(service.read("shop", b.token))).toBe("DECRYPTION_FAILED");
    });

    it("the app's token key is wrapped by the keyring: another keyring cannot read the app's tokens", async () => {
      const { service } = tokenServiceFor(t);
      const { token } = await service.create("keyed", "v");
      const [app] = await t.db.select().from(tokenApps).where(eq(tokenApps.appId, "keyed"));
      expect(app!.wrappedKey.length).toBeGreaterThan(32);
      const stranger = tokenServiceFor(t, { keys: Keyring.generate() }).service;
      expect(await codeOf(stranger.read("keyed", token))).toBe("KEY_UNAVAILABLE");
    });
  });

  describe("expiry through the injected clock", () => {
    it("EXPIRED once the clock passes expiresAt; renew revives it; purgeExpired soft and hard", async () => {
      const { service, clock } = tokenServiceFor(t);
      const app = "expiry";
      const soon = await service.create(app, "soon", { expiresAt: new Date("2026-03-01T00:01:00Z") });
      const later = await service.create(app, "later", { expiresAt: "2026-03-02T00:00:00Z" });
      const never = await service.create(app, "never");
      expect((await service.read(app, soon.token)).value).toBe("soon");
      clock.advance(60_000);
      const expired = await errorOf(service.read(app, soon.token));
      expect(expired.code).toBe("EXPIRED");
      expect(expired.message).not.toContain(soon.token);
      expect(await service.exists(app, soon.token)).toBe(false);
      // renew moves the expiry of an expired record that is not purged yet.
      await service.renew(app, soon.token, new Date("2026-03-01T00:05:00Z"));
      expect((await service.read(app, soon.token)).value).toBe("soon");
      expect(await codeOf(service.renew(app, soon.token, new Date("2026-02-01T00:00:00Z")))).toBe("VALIDATION");
      clock.set(new Date("2026-03-01T00:10:00Z"));
      expect(await service.purgeExpired(app, { soft: true })).toBe(1);
      expect(await service.purgeExpired(app, { soft: true })).toBe(0);
      expect(await codeOf(service.read(app, soon.token))).toBe("NOT_FOUND");
      expect(await service.count(app, { includeDeleted: true })).toBe(3);
      clock.set(new Date("2026-03-03T00:00:00Z"));
      expect(await service.purgeExpired(app)).toBe(2);
      expect(await service.count(app, { includeDeleted: true })).toBe(1);
      expect(await codeOf(service.read(app, later.token))).toBe("NOT_FOUND");
      expect((await service.read(app, never.token)).value).toBe("never");
      await service.renew(app, never.token, null);
    });
  });

  describe("update, upsert, exists, soft delete, restore, delete", () => {
    it("update replaces the value under the same token and bumps the version; data and expiry optional", async () => {
      const { service } = tokenServiceFor(t);
      const { token } = await service.create("upd", "one", { data: { a: 1 } });
      const meta = await service.update("upd", token, "two", { data: { a: 2 } });
      expect(meta.version).toBe(2);
      expect(meta.data).toEqual({ a: 2 });
      const read = await service.read("upd", token);
      expect(read.value).toBe("two");
      expect(read.meta.version).toBe(2);
      expect((await service.update("upd", token, "three")).data).toEqual({ a: 2 });
      expect(await codeOf(service.update("upd", "tk_missing0000000000", "x"))).toBe("NOT_FOUND");
    });

    it("upsert creates, then updates; a soft-deleted or expired record is replaced", async () => {
      const { service, clock } = tokenServiceFor(t);
      expect((await service.upsert("ups", "customer-7", "a")).outcome).toBe("created");
      const updated = await service.upsert("ups", "customer-7", "b");
      expect(updated.outcome).toBe("updated");
      expect(updated.meta.version).toBe(2);
      expect((await service.read("ups", "customer-7")).value).toBe("b");
      await service.softDelete("ups", "customer-7");
      const replaced = await service.upsert("ups", "customer-7", "c", { expiresAt: "2026-03-01T01:00:00Z" });
      expect(replaced.outcome).toBe("replaced");
      expect(replaced.meta.deletedAt).toBeNull();
      clock.advance(2 * 3_600_000);
      expect(await codeOf(service.read("ups", "customer-7"))).toBe("EXPIRED");
      expect((await service.upsert("ups", "customer-7", "d")).outcome).toBe("replaced");
      expect((await service.read("ups", "customer-7")).value).toBe("d");
      expect(await service.count("ups", { includeDeleted: true })).toBe(1);
    });

    it("50 concurrent upserts of one token leave one record with every write counted", async () => {
      const { service } = tokenServiceFor(t);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) => service.upsert("race", "shared-token-1", `value-${i}`)),
      );
      expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
      expect(results.filter((r) => r.outcome === "updated")).toHaveLength(49);
      const rows = await t.db.select().from(tokens).where(eq(tokens.appId, "race"));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.version).toBe(50);
      expect(new Set(results.map((r) => r.meta.version)).size).toBe(50);
      expect((await service.read("race", "shared-token-1")).value).toMatch(/^value-\d+$/);
    });

    it("50 concurrent upserts with one password also leave one record, readable with it", async () => {
      const { service } = tokenServiceFor(t);
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          service.upsert("race-pw", "shared-token-2", `value-${i}`, { password: "correct horse" }),
        ),
      );
      expect(results.filter((r) => r.outcome === "created")).toHaveLength(1);
      const rows = await t.db.select().from(tokens).where(eq(tokens.appId, "race-pw"));
      expect(rows).toHaveLength(1);
      expect(rows[0]!.version).toBe(50);
      expect((await service.read("race-pw", "shared-token-2", { password: "correct horse" })).meta.version).toBe(50);
    });

    it("exists, softDelete, restore and delete", async () => {
      const { service } = tokenServiceFor(t);
      const { token } = await service.create("life", "v");
      expect(await service.exists("life", token)).toBe(true);
      expect(await service.exists("life", "tk_nope000000000000")).toBe(false);
      expect(await service.exists("no-such-app", token)).toBe(false);
      expect((await service.softDelete("life", token)).deletedAt).not.toBeNull();
      expect(await service.exists("life", token)).toBe(false);
      expect(await codeOf(service.read("life", token))).toBe("NOT_FOUND");
      expect(await codeOf(service.softDelete("life", token))).toBe("NOT_FOUND");
      expect(await codeOf(service.update("life", token, "x"))).toBe("NOT_FOUND");
      expect(await codeOf(service.renew("life", token, null))).toBe("NOT_FOUND");
      expect((await service.restore("life", token)).deletedAt).toBeNull();
      expect(await codeOf(service.restore("life", token))).toBe("NOT_FOUND");
      expect((await service.read("life", token)).value).toBe("v");
      await service.delete("life", token);
      expect(await codeOf(service.read("life", token))).toBe("NOT_FOUND");
      expect(await codeOf(service.delete("life", token))).toBe("NOT_FOUND");
      expect(await service.count("life", { includeDeleted: true })).toBe(0);
    });
  });

  describe("readMany and readResolved", () => {
    it("values by token with a per-token error; one query, one derivation per password key", async () => {
      const { service, clock, kdf } = tokenServiceFor(t);
      const app = "many";
      const plain = await service.create(app, "plain");
      const [p1, p2] = await service.createMany(app, ["secret-1", "secret-2"], { password: "pass phrase" });
      const expiring = await service.create(app, "x", { expiresAt: new Date("2026-03-01T00:00:30Z") });
      const deleted = await service.create(app, "y");
      await service.softDelete(app, deleted.token);
      clock.advance(60_000);
      const before = kdf.derivations;
      const results = await service.readMany(
        app,
        [plain.token, p1!.token, p2!.token, expiring.token, deleted.token, "tk_unknown000000000000"],
        { password: "pass phrase" },
      );
      expect(kdf.derivations - before).toBe(1);
      expect(results.get(plain.token)).toMatchObject({ ok: true, value: "plain" });
      expect(results.get(p1!.token)).toMatchObject({ ok: true, value: "secret-1" });
      expect(results.get(p2!.token)).toMatchObject({ ok: true, value: "secret-2" });
      const codes = (token: string) => {
        const r = results.get(token)!;
        return r.ok ? "ok" : r.error.code;
      };
      expect(codes(expiring.token)).toBe("EXPIRED");
      expect(codes(deleted.token)).toBe("NOT_FOUND");
      expect(codes("tk_unknown000000000000")).toBe("NOT_FOUND");
      const wrong = await service.readMany(app, [plain.token, p1!.token], { password: "wrong phrase" });
      expect(wrong.get(plain.token)!.ok).toBe(true);
      expect((wrong.get(p1!.token) as { error: { code: string } }).error.code).toBe("FORBIDDEN");
    });

    it("readResolved maps names to values, all or nothing", async () => {
      const { service } = tokenServiceFor(t);
      const card = await service.create("res", "4111");
      const ssn = await service.create("res", "078-05-1120");
      expect(await service.readResolved("res", { card: card.token, ssn: ssn.token })).toEqual({
        card: "4111",
        ssn: "078-05-1120",
      });
      const error = await errorOf(service.readResolved("res", { card: card.token, gone: "tk_missing0000000000" }));
      expect(error.code).toBe("NOT_FOUND");
      expect(error.message).toMatch(/^gone: /);
    });
  });

  describe("passwords", () => {
    it("a protected value needs its password; missing and wrong are one FORBIDDEN with one message", async () => {
      const { service } = tokenServiceFor(t);
      const { token, meta } = await service.create("pw", "guarded", { password: "open sesame" });
      expect(meta.passwordProtected).toBe(true);
      expect((await service.read("pw", token, { password: "open sesame" })).value).toBe("guarded");
      const missing = await errorOf(service.read("pw", token));
      const wrong = await errorOf(service.read("pw", token, { password: "close sesame" }));
      expect(missing.code).toBe("FORBIDDEN");
      expect(wrong.code).toBe("FORBIDDEN");
      expect(wrong.message).toBe(missing.message);
      expect(wrong.details).toEqual(missing.details);
      expect(await codeOf(service.update("pw", token, "new"))).toBe("FORBIDDEN");
      await service.update("pw", token, "new", { password: "open sesame" });
      expect((await service.read("pw", token, { password: "open sesame" })).value).toBe("new");
      // A password sent for a record without one is ignored (the token alone reads it).
      const open = await service.create("pw", "open");
      expect((await service.read("pw", open.token, { password: "anything at all" })).value).toBe("open");
    });

    it("the password policy is checked on create and on change, never echoing the password", async () => {
      const { service } = tokenServiceFor(t, { passwordPolicy: { minLength: 10, minClasses: 3 } });
      const short = await errorOf(service.create("policy", "v", { password: "Ab1" }));
      expect(short.code).toBe("VALIDATION");
      expect(short.message).not.toContain("Ab1");
      expect(await codeOf(service.create("policy", "v", { password: "alllowercase" }))).toBe("VALIDATION");
      const { token } = await service.create("policy", "v", { password: "Mixed-Case-42" });
      expect(await codeOf(service.changePassword("policy", token, "Mixed-Case-42", "weakweakweak"))).toBe("VALIDATION");
      expect(await codeOf(service.changePasswordAll("policy", "Mixed-Case-42", "weak"))).toBe("VALIDATION");
      expect(() => tokenServiceFor(t, { passwordPolicy: { minLength: 0 } })).toThrow(/password policy/);
    });

    it("records with one password share one password key; a read costs one derivation", async () => {
      const { service, kdf } = tokenServiceFor(t);
      const a = await service.create("shared", "a", { password: "same password" });
      const b = await service.create("shared", "b", { password: "same password" });
      await service.create("shared", "c", { password: "another password" });
      const keys = await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, "shared"));
      expect(keys).toHaveLength(2);
      const rows = await t.db.select().from(tokens).where(eq(tokens.appId, "shared"));
      expect(new Set(rows.map((r) => r.passwordKeyId)).size).toBe(2);
      expect(rows.find((r) => r.id === a.meta.id)!.passwordKeyId).toBe(
        rows.find((r) => r.id === b.meta.id)!.passwordKeyId,
      );
      // The Argon2 parameters are stored beside each key.
      expect(keys[0]!.kdf).toEqual({
        algorithm: "argon2id",
        version: 19,
        memoryKiB: 1024,
        iterations: 1,
        parallelism: 1,
      });
      const before = kdf.derivations;
      await service.read("shared", a.token, { password: "same password" });
      expect(kdf.derivations - before).toBe(1);
    });

    it("records made under older Argon2 parameters stay readable after the defaults change", async () => {
      const { service, keys, clock, audit } = tokenServiceFor(t);
      const { token } = await service.create("params", "old-params", { password: "long enough" });
      const stronger = new TokenService({
        db: t.db,
        keys,
        clock,
        audit,
        kdf: { params: { algorithm: "argon2id", version: 19, memoryKiB: 2048, iterations: 2, parallelism: 1 } },
      });
      expect((await stronger.read("params", token, { password: "long enough" })).value).toBe("old-params");
      const fresh = await stronger.create("params", "new-params", { password: "long enough" });
      const pwKeys = await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, "params"));
      expect(pwKeys.map((k) => (k.kdf as { memoryKiB: number }).memoryKiB).sort()).toEqual([1024, 2048]);
      // changePasswordAll finds both (one derivation per parameter set) and merges them.
      const result = await stronger.changePasswordAll("params", "long enough", "longer still");
      expect(result).toEqual({ records: 2, passwordKeys: 2, rewrappedRecords: 1 });
      expect((await stronger.read("params", token, { password: "longer still" })).value).toBe("old-params");
      expect((await stronger.read("params", fresh.token, { password: "longer still" })).value).toBe("new-params");
      expect(await codeOf(stronger.read("params", token, { password: "long enough" }))).toBe("FORBIDDEN");
    });

    it("changePassword moves one record; null adds or removes a password", async () => {
      const { service, kdf } = tokenServiceFor(t);
      const one = await service.create("chg", "one", { password: "first password" });
      const two = await service.create("chg", "two", { password: "first password" });
      const before = kdf.derivations;
      await service.changePassword("chg", one.token, "first password", "second password");
      expect(kdf.derivations - before).toBe(2);
      expect((await service.read("chg", one.token, { password: "second password" })).value).toBe("one");
      expect(await codeOf(service.read("chg", one.token, { password: "first password" }))).toBe("FORBIDDEN");
      expect((await service.read("chg", two.token, { password: "first password" })).value).toBe("two");
      expect(await codeOf(service.changePassword("chg", two.token, "not it", "third password"))).toBe("FORBIDDEN");
      // Remove the password, then add one back.
      expect((await service.changePassword("chg", one.token, "second password", null)).passwordProtected).toBe(false);
      expect((await service.read("chg", one.token)).value).toBe("one");
      expect((await service.changePassword("chg", one.token, null, "fourth password")).passwordProtected).toBe(true);
      expect(await codeOf(service.read("chg", one.token))).toBe("FORBIDDEN");
      expect((await service.read("chg", one.token, { password: "fourth password" })).value).toBe("one");
      // The "second password" key lost its last record and is gone.
      const keys = await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, "chg"));
      expect(keys).toHaveLength(2);
    });

    it("changePasswordAll moves every record of the old password with two derivations and one rewrapped key", async () => {
      const { service, kdf } = tokenServiceFor(t);
      const app = "chg-all";
      const under = await service.createMany(app, ["a", "b", "c"], { password: "old password" });
      const other = await service.create(app, "d", { password: "unrelated one" });
      const keysBefore = await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, app));
      const before = kdf.derivations;
      const result = await service.changePasswordAll(app, "old password", "new password");
      // Two parameter-set derivations would be 3; one set: one for old, one for new.
      expect(kdf.derivations - before).toBe(2);
      expect(result).toEqual({ records: 3, passwordKeys: 1, rewrappedRecords: 0 });
      for (const [i, c] of under.entries()) {
        expect((await service.read(app, c.token, { password: "new password" })).value).toBe(["a", "b", "c"][i]);
        expect(await codeOf(service.read(app, c.token, { password: "old password" }))).toBe("FORBIDDEN");
      }
      expect((await service.read(app, other.token, { password: "unrelated one" })).value).toBe("d");
      const keysAfter = await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, app));
      expect(keysAfter.map((k) => k.id).sort()).toEqual(keysBefore.map((k) => k.id).sort());
      // A password nobody uses changes nothing.
      expect(await service.changePasswordAll(app, "nobody uses this", "new password 2")).toEqual({
        records: 0,
        passwordKeys: 0,
        rewrappedRecords: 0,
      });
      // Onto a password that already has records: the keys merge, each moved record's DEK rewrapped.
      const merged = await service.changePasswordAll(app, "new password", "unrelated one");
      expect(merged).toEqual({ records: 3, passwordKeys: 1, rewrappedRecords: 3 });
      for (const c of [...under, other]) {
        await service.read(app, c.token, { password: "unrelated one" });
      }
      expect(await t.db.select().from(tokenPasswordKeys).where(eq(tokenPasswordKeys.appId, app))).toHaveLength(1);
    });

    it("changePasswordAll over 10,000 records takes no derivation per record", { timeout: 180_000 }, async () => {
      const { service, kdf } = tokenServiceFor(t);
      const app = "ten-thousand";
      const batches = 10;
      const created: string[] = [];
      for (let b = 0; b < batches; b++) {
        const batch = await service.createMany(
          app,
          Array.from({ length: 1000 }, (_, i) => `value-${b * 1000 + i}`),
          { password: "bulk old password" },
        );
        created.push(...batch.map((c) => c.token));
      }
      expect(kdf.derivations).toBe(batches);
      const before = kdf.derivations;
      const result = await service.changePasswordAll(app, "bulk old password", "bulk new password");
      expect(result.records).toBe(10_000);
      expect(result.rewrappedRecords).toBe(0);
      expect(kdf.derivations - before).toBe(2);
      // Spot checks at both ends and the middle, and one readMany over a thousand (one derivation).
      for (const i of [0, 4_999, 9_999]) {
        const read = await service.read(app, created[i]!, { password: "bulk new password" });
        expect(read.value).toBe(`value-${i}`);
      }
      const sample = await service.readMany(app, created.slice(2000, 3000), { password: "bulk new password" });
      expect([...sample.values()].every((r) => r.ok)).toBe(true);
    });
  });

  describe("lockout", () => {
    it("locks a token after maxAttempts wrong or missing passwords, refuses even the right one, and unlocks in time", async () => {
      const { service, clock, kdf } = tokenServiceFor(t, { lockout: { maxAttempts: 3, lockMs: 60_000 } });
      const { token } = await service.create("lock", "v", { password: "right password" });
      const other = await service.create("lock", "w", { password: "right password" });
      expect(await codeOf(service.read("lock", token, { password: "wrong 1" }))).toBe("FORBIDDEN");
      expect(await codeOf(service.read("lock", token))).toBe("FORBIDDEN");
      expect(await codeOf(service.read("lock", token, { password: "wrong 3" }))).toBe("FORBIDDEN");
      const before = kdf.derivations;
      const locked = await errorOf(service.read("lock", token, { password: "right password" }));
      expect(locked.code).toBe("RATE_LIMITED");
      expect(kdf.derivations).toBe(before);
      expect(await codeOf(service.update("lock", token, "x", { password: "right password" }))).toBe("RATE_LIMITED");
      // The lockout is per token.
      expect((await service.read("lock", other.token, { password: "right password" })).value).toBe("w");
      clock.advance(59_999);
      expect(await codeOf(service.read("lock", token, { password: "right password" }))).toBe("RATE_LIMITED");
      clock.advance(1);
      expect((await service.read("lock", token, { password: "right password" })).value).toBe("v");
      // A right password resets the count: two wrong ones do not lock again.
      await codeOf(service.read("lock", token, { password: "wrong" }));
      await codeOf(service.read("lock", token, { password: "wrong" }));
      expect((await service.read("lock", token, { password: "right password" })).value).toBe("v");
      await codeOf(service.read("lock", token, { password: "wrong" }));
      await codeOf(service.read("lock", token, { password: "wrong" }));
      expect((await service.read("lock", token, { password: "right password" })).value).toBe("v");
    });

    it("lockout: false never locks", async () => {
      const { service } = tokenServiceFor(t, { lockout: false });
      const { token } = await service.create("nolock", "v", { password: "right password" });
      for (let i = 0; i < 8; i++) await codeOf(service.read("nolock", token, { password: "wrong" }));
      expect((await service.read("nolock", token, { password: "right password" })).value).toBe("v");
    });
  });

  describe("audit", () => {
    it("every operation is audited by record id, reads and failures included", async () => {
      const { service, audit, clock } = tokenServiceFor(t);
      const app = "audited";
      const { token, meta } = await service.create(app, "v", { password: "pass word 1" });
      await service.read(app, token, { password: "pass word 1" });
      await codeOf(service.read(app, token, { password: "wrong one" }));
      await codeOf(service.read(app, "tk_none0000000000000"));
      await service.readMany(app, [token], { password: "pass word 1" });
      await service.exists(app, token);
      await service.update(app, token, "w", { password: "pass word 1" });
      await service.upsert(app, "chosen-token", "x");
      await service.renew(app, token, new Date("2026-03-01T00:00:10Z"));
      await service.softDelete(app, token);
      await service.restore(app, token);
      await service.changePassword(app, token, "pass word 1", "pass word 2");
      await service.changePasswordAll(app, "pass word 2", "pass word 3");
      await service.query(app).limit(5).list();
      await service.count(app);
      clock.advance(20_000);
      await service.purgeExpired(app, { soft: true });
      await service.delete(app, "chosen-token");
      const actions = audit.events.map((e) => `${e.action}:${e.outcome}`);
      expect(actions).toEqual([
        "token.created:success",
        "token.read:success",
        "token.read:denied",
        "token.read:failure",
        "token.read_many:success",
        "token.exists:success",
        "token.updated:success",
        "token.upserted:success",
        "token.renewed:success",
        "token.soft_deleted:success",
        "token.restored:success",
        "token.password_changed:success",
        "token.passwords_changed:success",
        "token.queried:success",
        "token.queried:success",
        "token.expired_soft_deleted:success",
        "token.deleted:success",
      ]);
      expect(audit.events.every((e) => e.resource === "token" && e.appId === app)).toBe(true);
      expect(audit.events[1]!.key).toBe(meta.id);
      const text = JSON.stringify(audit.events);
      expect(text).not.toContain(token);
      expect(text).not.toContain("pass word");
      expect(text).not.toContain("chosen-token");
    });

    it("a read whose audit entry cannot be written fails (fail-closed)", async () => {
      const { service, audit } = tokenServiceFor(t);
      const { token } = await service.create("failclosed", "v");
      audit.failNext = 1;
      await expect(service.read("failclosed", token)).rejects.toThrow(/audit sink unavailable/);
      audit.failNext = 1;
      await expect(service.create("failclosed", "w")).rejects.toThrow(/audit sink unavailable/);
      expect(await service.count("failclosed")).toBe(1);
    });
  });
});
