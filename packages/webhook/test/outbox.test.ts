import { BlobService } from "@vault/blob";
import { ConfigService } from "@vault/config";
import { isVaultError, ManualClock, runAs, VaultError } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { FlagService } from "@vault/flag";
import { OverrideService } from "@vault/override";
import { RotationService } from "@vault/rotation";
import { SecretService } from "@vault/secret";
import { type EventRow, events, MemoryAuditSink, MemoryEventSink, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { TokenService } from "@vault/token";
import { asc, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OutboxEventSink } from "../src/index";

const kind = testDatabaseKind();
const CANARY = "canary-outbox-7f3e-value-never-in-an-event";
const CANARY_PASSWORD = "canary-outbox-password-9d2c";

describe(`the transactional outbox on ${kind}`, () => {
  let t: TestDatabase;
  let db: VaultDb;
  const clock = new ManualClock("2026-05-01T00:00:00.000Z");
  const keys = Keyring.generate();
  const audit = new MemoryAuditSink();
  const outbox = new OutboxEventSink({ clock });
  let secrets: SecretService;
  let flags: FlagService;
  let config: ConfigService;
  let overrides: OverrideService;
  let rotation: RotationService;
  let tokens: TokenService;
  let blobs: BlobService;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    const common = { db, audit, events: outbox, clock };
    secrets = new SecretService({ ...common, keys });
    flags = new FlagService({ ...common, changes: t.changes });
    config = new ConfigService({ ...common, changes: t.changes });
    overrides = new OverrideService({ ...common, config });
    rotation = new RotationService({ ...common, secrets });
    tokens = new TokenService({ ...common, keys, kdf: { preset: "lightweight" } });
    blobs = new BlobService({ ...common, keys });
  });
  afterAll(async () => {
    await flags.close();
    await config.close();
    await t.close();
  });
  beforeEach(async () => {
    await db.delete(events);
  });

  const written = (appId: string) => db.select().from(events).where(eq(events.appId, appId)).orderBy(asc(events.id));
  const summary = (rows: EventRow[]) =>
    rows.map((r) => ({ type: r.type, resource: r.resource, key: r.key, version: r.version, tenantId: r.tenantId }));

  it("secret writes: set, deleted, undeleted, destroyed, purged — key and version, the actor, never the value", async () => {
    await runAs({ appId: "shop", apiKeyId: "apikey_01", requestId: "req-1", ip: "10.9.8.7" }, async () => {
      await secrets.set("shop", "db/password", CANARY, { expiresAt: new Date("2026-06-01T00:00:00Z") });
      await secrets.set("shop", "db/password", `${CANARY}-2`);
      await secrets.delete("shop", "db/password");
      await secrets.delete("shop", "db/password"); // already deleted: nothing changed, no event
      await secrets.undelete("shop", "db/password");
      await secrets.destroy("shop", "db/password", [1]);
      await secrets.purge("shop", "db/password");
    });
    const rows = await written("shop");
    expect(summary(rows)).toEqual([
      { type: "secret.set", resource: "secret", key: "db/password", version: 1, tenantId: null },
      { type: "secret.set", resource: "secret", key: "db/password", version: 2, tenantId: null },
      { type: "secret.deleted", resource: "secret", key: "db/password", version: 2, tenantId: null },
      { type: "secret.undeleted", resource: "secret", key: "db/password", version: 2, tenantId: null },
      { type: "secret.destroyed", resource: "secret", key: "db/password", version: 2, tenantId: null },
      { type: "secret.purged", resource: "secret", key: "db/password", version: 2, tenantId: null },
    ]);
    expect(rows[0]!.data).toEqual({ expiresAt: "2026-06-01T00:00:00.000Z" });
    expect(rows[2]!.data).toEqual({ versions: [2] });
    expect(rows[4]!.data).toEqual({ versions: [1] });
    // The actor without its IP address; the time from the injected clock.
    expect(rows[0]!.actor).toEqual({ appId: "shop", apiKeyId: "apikey_01", requestId: "req-1" });
    expect(rows[0]!.createdAt.toISOString()).toBe("2026-05-01T00:00:00.000Z");
    expect(rows[0]!.id.startsWith("evt_")).toBe(true);
    expect(rows.every((r) => r.dispatchedAt === null)).toBe(true);
    expect(JSON.stringify(rows)).not.toContain("canary");
  });

  it("rotation: secret.rotated and secret.rotation_failed with the error's code only, and policy changes", async () => {
    await secrets.set("rot", "api/token", CANARY);
    await rotation.createPolicy("rot", { secretKey: "api/token", intervalMs: 3_600_000, strategy: "random_password" });
    await rotation.rotateNow("rot", "api/token");
    await rotation.createPolicy("rot", { secretKey: "api/custom", intervalMs: 3_600_000, strategy: "custom" });
    await secrets.set("rot", "api/custom", CANARY);
    rotation.registerRotator("rot", "api/custom", () => {
      throw new Error(`the upstream refused ${CANARY}`);
    });
    await expect(rotation.rotateNow("rot", "api/custom")).rejects.toThrow();
    await rotation.updatePolicy("rot", "api/custom", { enabled: false });
    await rotation.deletePolicy("rot", "api/custom");
    const rows = await written("rot");
    expect(rows.map((r) => r.type)).toEqual([
      "secret.set",
      "rotation.policy_created",
      // A rotation writes a version: its secret.set and its secret.rotated commit together.
      "secret.set",
      "secret.rotated",
      "rotation.policy_created",
      "secret.set",
      "secret.rotation_failed",
      "rotation.policy_updated",
      "rotation.policy_deleted",
    ]);
    const rotated = rows[3]!;
    expect(rotated).toMatchObject({ resource: "secret", key: "api/token", version: 2 });
    expect(rotated.data).toMatchObject({ oldVersion: 1, trigger: "manual" });
    expect(String(rotated.data.rotationId).startsWith("rot_")).toBe(true);
    const failed = rows[6]!;
    expect(failed).toMatchObject({ key: "api/custom", version: null });
    expect(failed.data).toMatchObject({ errorCode: "ROTATOR_FAILED", oldVersion: 1 });
    expect(rows[7]!.data).toMatchObject({ enabled: false, strategy: "custom" });
    expect(JSON.stringify(rows)).not.toContain("canary");
  });

  it("flags: created, updated (with enabled), rules set, tenant overrides, deleted", async () => {
    await flags.define("flg", { key: "checkout", type: "bool", defaultValue: false });
    await flags.enable("flg", "checkout");
    await flags.setRules("flg", "checkout", [{ type: "when_tenant", tenants: ["acme"], value: true }]);
    await flags.setOverride("flg", "checkout", "globex", true);
    await flags.deleteOverride("flg", "checkout", "globex");
    await flags.delete("flg", "checkout");
    const rows = await written("flg");
    expect(summary(rows)).toEqual([
      { type: "flag.created", resource: "flag", key: "checkout", version: 1, tenantId: null },
      { type: "flag.updated", resource: "flag", key: "checkout", version: 2, tenantId: null },
      { type: "flag.rules_set", resource: "flag", key: "checkout", version: 3, tenantId: null },
      { type: "flag.override_set", resource: "flag", key: "checkout", version: 4, tenantId: "globex" },
      { type: "flag.override_deleted", resource: "flag", key: "checkout", version: 5, tenantId: "globex" },
      { type: "flag.deleted", resource: "flag", key: "checkout", version: 5, tenantId: null },
    ]);
    expect(rows[1]!.data).toEqual({ fields: ["enabled"], enabled: true });
  });

  it("segments and per-user overrides of flags", async () => {
    await flags.define("seg", { key: "beta", type: "bool", defaultValue: false });
    await flags.defineSegment("seg", {
      key: "eu",
      constraints: [{ attribute: "region", operator: "eq", values: ["eu"] }],
    });
    await flags.updateSegment("seg", "eu", { description: "the EU" });
    await flags.setUserOverride("seg", "beta", "user-7", true);
    await flags.deleteUserOverride("seg", "beta", "user-7");
    await flags.deleteSegment("seg", "eu");
    const rows = await written("seg");
    expect(rows.map((r) => [r.type, r.resource, r.key, r.version])).toEqual([
      ["flag.created", "flag", "beta", 1],
      ["segment.created", "segment", "eu", 1],
      ["segment.updated", "segment", "eu", 2],
      ["flag.user_override_set", "flag", "beta", 2],
      ["flag.user_override_deleted", "flag", "beta", 3],
      ["segment.deleted", "segment", "eu", 2],
    ]);
    expect(rows[3]!.data).toEqual({ userId: "user-7" });
  });

  it("blobs: stored, policy set, purged, owner shredded — never content; the shredded owner is not named", async () => {
    const content = new TextEncoder().encode(CANARY);
    await blobs.setPolicy("blb", "card", { maxRetentionDays: 30, defaultTtlDays: 7 });
    await blobs.put("blb", "card", "pay-1", content, {}, { identity: "alice" });
    await blobs.put("blb", "card", "pay-2", content, {}, { identity: "alice" });
    await blobs.delete("blb", "card", "pay-1", { identity: "alice" });
    await blobs.shredOwner("blb", "alice");
    const rows = await written("blb");
    expect(rows.map((r) => [r.type, r.key])).toEqual([
      ["blob.policy_set", "card"],
      ["blob.stored", "card/pay-1"],
      ["blob.stored", "card/pay-2"],
      ["blob.purged", "card/pay-1"],
      ["blob.owner_shredded", null],
    ]);
    expect(rows[1]!.data).toMatchObject({ purpose: "card", size: content.length, replaced: false });
    expect(rows[3]!.data).toMatchObject({ purpose: "card", reason: expect.any(String) });
    expect(rows[4]!.data).toEqual({ shredded: true, entries: 1 });
    // The caller that stored an entry is its actor; a shred names nobody (the audit entry keeps the owner HMAC'd).
    expect(rows[1]!.actor).toEqual({ userId: "alice" });
    expect(JSON.stringify(rows[4])).not.toContain("alice");
    expect(JSON.stringify(rows)).not.toContain("canary");
  });

  it("config and overrides: set, rolled back, deleted; override set and deleted — never the value", async () => {
    await config.set("cfg", "limits/max", CANARY);
    await config.set("cfg", "limits/max", `${CANARY}-2`);
    await config.rollback("cfg", "limits/max", 1);
    await overrides.set("cfg", "limits/max", "acme", `${CANARY}-tenant`);
    await overrides.delete("cfg", "limits/max", "acme");
    await config.delete("cfg", "limits/max");
    const rows = await written("cfg");
    expect(summary(rows)).toEqual([
      { type: "config.set", resource: "config", key: "limits/max", version: 1, tenantId: null },
      { type: "config.set", resource: "config", key: "limits/max", version: 2, tenantId: null },
      { type: "config.rolled_back", resource: "config", key: "limits/max", version: 3, tenantId: null },
      { type: "override.set", resource: "override", key: "limits/max", version: 1, tenantId: "acme" },
      { type: "override.deleted", resource: "override", key: "limits/max", version: 1, tenantId: "acme" },
      { type: "config.deleted", resource: "config", key: "limits/max", version: 3, tenantId: null },
    ]);
    expect(rows[2]!.data).toMatchObject({ valueType: "string", from: 1 });
    expect(JSON.stringify(rows)).not.toContain("canary");
  });

  it("tokens: keyed by record id, never the token, the value or the password", async () => {
    const { token, meta } = await tokens.create("tok", CANARY, { password: CANARY_PASSWORD });
    await tokens.update("tok", token, `${CANARY}-2`, { password: CANARY_PASSWORD });
    await tokens.changePassword("tok", token, CANARY_PASSWORD, null);
    await tokens.softDelete("tok", token);
    await tokens.restore("tok", token);
    await tokens.delete("tok", token);
    const rows = await written("tok");
    expect(rows.map((r) => r.type)).toEqual([
      "token.created",
      "token.updated",
      "token.password_changed",
      "token.soft_deleted",
      "token.restored",
      "token.deleted",
    ]);
    expect(rows.every((r) => r.key === meta.id && r.resource === "token")).toBe(true);
    expect(rows[1]!.version).toBe(2);
    const text = JSON.stringify(rows);
    expect(text).not.toContain("canary");
    expect(text).not.toContain(token);
  });

  it("a change that fails writes no event: a refused CAS, a failing audit write", async () => {
    await secrets.set("fail", "k", "v1");
    await expect(secrets.set("fail", "k", "v2", { cas: 7 })).rejects.toSatisfy((e) => isVaultError(e, "CONFLICT"));
    audit.failNext = 1;
    await expect(secrets.set("fail", "k", "v2")).rejects.toThrow("audit sink unavailable");
    audit.failNext = 1;
    await expect(flags.define("fail", { key: "f", type: "bool", defaultValue: false })).rejects.toThrow();
    expect((await written("fail")).map((r) => [r.type, r.version])).toEqual([["secret.set", 1]]);
    expect((await secrets.getMeta("fail", "k")).version).toBe(1);
    await expect(flags.get("fail", "f")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
  });

  it("an outbox that cannot be written fails the change: neither the change nor its event is left", async () => {
    await db.execute(sql`create or replace function test_refuse_events() returns trigger language plpgsql as $$
      begin raise exception 'outbox storage unavailable (simulated)'; end $$`);
    await db.execute(sql`create trigger test_refuse_events before insert on vault_events
      for each row execute function test_refuse_events()`);
    try {
      await expect(secrets.set("down", "k", CANARY)).rejects.toThrow();
      await expect(config.set("down", "c", 1)).rejects.toThrow();
      await expect(flags.define("down", { key: "f", type: "bool", defaultValue: false })).rejects.toThrow();
      await expect(tokens.create("down", CANARY)).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger test_refuse_events on vault_events`);
    }
    await expect(secrets.getMeta("down", "k")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    await expect(config.get("down", "c")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    await expect(flags.get("down", "f")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    expect(await tokens.count("down")).toBe(0);
    expect(await written("down")).toEqual([]);
  });

  it("an event sink that throws rolls the change back (the seam, without the outbox)", async () => {
    const failing = new MemoryEventSink();
    const local = new SecretService({ db, keys, audit, events: failing, clock });
    failing.failNext = 1;
    await expect(local.set("seam", "k", CANARY)).rejects.toThrow("event sink unavailable");
    await expect(local.getMeta("seam", "k")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    await local.set("seam", "k", CANARY);
    expect(failing.events).toEqual([
      { type: "secret.set", resource: "secret", appId: "seam", key: "k", version: 1, data: {} },
    ]);
  });

  it("an event written inside a caller's transaction rolls back with it", async () => {
    await expect(
      db.transaction(async (tx) => {
        await secrets.set("outer", "k", CANARY, { tx });
        throw new VaultError("CONFLICT", "caller changed its mind");
      }),
    ).rejects.toThrow("caller changed its mind");
    expect(await written("outer")).toEqual([]);
  });
});
