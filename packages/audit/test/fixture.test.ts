import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { auditChain, auditEntries, type VaultDb } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AuditEntry, AuditLog, CHAIN_ID, entryHash, parseExport, verifyChain } from "../src/index";

// A chain written and exported by an earlier version of the audit log (fixtures/write-chain-fixture.ts): non-ASCII
// keys and values, nested metadata, HMAC'd sensitive fields, nulls, group-committed reads. Hashes live in databases
// and exports for years, so every later encoder must reproduce them exactly.
const fixtures = resolve(import.meta.dirname, "fixtures");
const lines = readFileSync(resolve(fixtures, "chain.ndjson"), "utf8");
const head = JSON.parse(readFileSync(resolve(fixtures, "chain-head.json"), "utf8")) as {
  lastSeq: number;
  lastHash: string;
};

async function fixtureEntries(): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of parseExport([lines])) entries.push(entry);
  return entries;
}

describe("the chain fixture written by an earlier audit log", () => {
  it("verifies offline, up to the head it recorded", async () => {
    const entries = await fixtureEntries();
    expect(entries).toHaveLength(head.lastSeq);
    expect(await verifyChain(entries, { head })).toEqual({
      ok: true,
      checked: head.lastSeq,
      lastSeq: head.lastSeq,
      lastHash: head.lastHash,
    });
  });

  it("re-hashing each entry reproduces its stored hash", async () => {
    for (const entry of await fixtureEntries()) {
      expect(entryHash(entry.prevHash as string, entry), `entry #${entry.seq}`).toBe(entry.hash);
    }
  });

  it("a changed entry in it is found (the check above can fail)", async () => {
    const entries = await fixtureEntries();
    entries[3] = { ...entries[3]!, metadata: { ...entries[3]!.metadata, ключ: "другое" } };
    const result = await verifyChain(entries, { head });
    expect(result).toMatchObject({ ok: false, problem: { kind: "changed", seq: 4 } });
  });
});

describe(`the chain fixture stored in a database (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let db: VaultDb;
  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
  });
  afterAll(async () => {
    await t.close();
  });

  it("verifies after a round trip through jsonb", async () => {
    const entries = await fixtureEntries();
    await db.insert(auditEntries).values(
      entries.map((entry) => ({
        id: entry.id,
        seq: entry.seq,
        appId: entry.appId,
        action: entry.action,
        resource: entry.resource,
        key: entry.key,
        tenantId: entry.tenantId,
        actorAppId: entry.actor.appId,
        actorApiKeyId: entry.actor.apiKeyId,
        actorUserId: entry.actor.userId,
        actorSystem: entry.actor.system,
        ip: entry.ip,
        requestId: entry.requestId,
        outcome: entry.outcome,
        metadata: entry.metadata,
        createdAt: entry.createdAt,
        prevHash: entry.prevHash,
        hash: entry.hash,
      })),
    );
    await db
      .update(auditChain)
      .set({ ...head, updatedAt: new Date() })
      .where(eq(auditChain.id, CHAIN_ID));
    const audit = new AuditLog({ db, hmacKey: "fixture-hmac-key-0123456789abcdef", sweepIntervalMs: 0 });
    try {
      expect(await audit.verify()).toEqual({ ok: true, checked: 19, lastSeq: 19, lastHash: head.lastHash, pending: 0 });
      const exported: string[] = [];
      for await (const line of audit.export()) exported.push(line);
      expect(exported.join("")).toBe(lines);
    } finally {
      await audit.close();
    }
  });
});
