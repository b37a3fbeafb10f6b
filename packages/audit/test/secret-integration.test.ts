import { isVaultError, ManualClock, runAs } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { MemoryAuditSink, queryRows, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AuditLog } from "../src/index";

const kind = testDatabaseKind();
const CANARY = "canary-4b1d-secret-value-do-not-log";

describe(`@vault/audit with the real SecretService on ${kind}`, () => {
  let t: TestDatabase;
  let db: VaultDb;
  let audit: AuditLog;
  let secrets: SecretService;
  const clock = new ManualClock("2026-04-01T00:00:00.000Z");
  const keys = Keyring.generate();

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    audit = new AuditLog({ db, hmacKey: "secret-integration-hmac-key-000", clock, flushDelayMs: 1 });
    secrets = new SecretService({ db, keys, audit, clock });
  });
  afterAll(async () => {
    await audit.close();
    await t.close();
  });

  it("every secret mutation and read writes one entry with the actor, inside its transaction", async () => {
    await runAs({ apiKeyId: "apikey_ops", ip: "10.1.1.1", requestId: "req-42" }, async () => {
      await secrets.set("pay", "stripe/key", CANARY, { metadata: { team: "pay" } });
      await secrets.get("pay", "stripe/key");
    });
    const page = await audit.query({ appId: "pay", key: "stripe/key" });
    expect(page.items.map((e) => e.action)).toEqual(["secret.read", "secret.set"]);
    expect(page.items[0]).toMatchObject({
      actor: { apiKeyId: "apikey_ops" },
      ip: "10.1.1.1",
      requestId: "req-42",
      outcome: "success",
    });
  });

  it("an audit write that fails rolls back the secret write it belonged to", async () => {
    await db.execute(sql`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit storage unavailable (simulated)'; end $$`);
    await db.execute(sql`create trigger test_refuse_audit before insert on vault_audit_entries
      for each row execute function test_refuse_audit()`);
    try {
      await expect(secrets.set("pay", "refused/key", "value")).rejects.toThrow();
      await expect(secrets.set("pay", "stripe/key", "second value")).rejects.toThrow();
      await expect(secrets.get("pay", "stripe/key")).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger test_refuse_audit on vault_audit_entries`);
    }
    await expect(secrets.getMeta("pay", "refused/key")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    expect((await secrets.get("pay", "stripe/key")).value).toBe(CANARY);
    expect((await secrets.getMeta("pay", "stripe/key")).version).toBe(1);

    // The same through the store's simulated failing sink, with no database trick.
    const failing = new MemoryAuditSink();
    const guarded = new SecretService({ db, keys, audit: failing, clock });
    failing.failNext = 1;
    await expect(guarded.set("pay", "sink/key", "value")).rejects.toThrow(/simulated/);
    await expect(guarded.getMeta("pay", "sink/key")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
  });

  it("concurrent reads each get their own entry, with their own actor, sharing commits (group commit)", async () => {
    await secrets.set("pay", "hot/key", "hot value");
    const reads = await Promise.all(
      Array.from({ length: 25 }, (_, i) =>
        runAs({ requestId: `burst-${i}` }, () => secrets.get("pay", "hot/key").then((s) => s.value)),
      ),
    );
    expect(reads).toEqual(Array(25).fill("hot value"));
    const page = await audit.query({ appId: "pay", key: "hot/key", action: "secret.read", limit: 100 });
    expect(page.items.map((e) => e.requestId).sort()).toEqual(
      Array.from({ length: 25 }, (_, i) => `burst-${i}`).sort(),
    );
    expect(await audit.verify()).toMatchObject({ ok: true, pending: 0 });

    // A read whose entry cannot be written hands out no value.
    const failing = new MemoryAuditSink();
    const guarded = new SecretService({ db, keys, audit: failing, clock });
    failing.failNext = 1;
    await expect(guarded.get("pay", "hot/key")).rejects.toThrow(/simulated/);
    expect((await guarded.get("pay", "hot/key")).value).toBe("hot value");
  });

  it("no audit row contains a secret value (canary through every secret operation)", async () => {
    await secrets.set("pay", "canary/a", CANARY);
    await secrets.set("pay", "canary/a", `${CANARY}-v2`, { cas: 1 });
    await secrets.get("pay", "canary/a", { version: 1 });
    await secrets.get("pay", "canary/missing").catch(() => {});
    await secrets.delete("pay", "canary/a", { versions: [1] });
    await secrets.undelete("pay", "canary/a", { versions: [1] });
    await secrets.destroy("pay", "canary/a", [1]);
    await secrets.purge("pay", "canary/a");
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(e)::text as row from vault_audit_entries e`,
    );
    expect(rows.length).toBeGreaterThanOrEqual(8);
    for (const { row } of rows) expect(row).not.toContain(CANARY);
    const exported: string[] = [];
    for await (const line of audit.export()) exported.push(line);
    expect(exported.join("")).not.toContain(CANARY);
    expect(await audit.verify()).toMatchObject({ ok: true, pending: 0 });
  });
});
