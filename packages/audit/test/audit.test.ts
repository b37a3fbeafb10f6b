import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { resolve } from "node:path";
import { isVaultError, ManualClock, runAs } from "@vault/core";
import { type Executor, queryRows, type VaultDb, withTransaction } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  AuditLog,
  type AuditLogOptions,
  canonicalJson,
  entryHash,
  GENESIS_HASH,
  parseExport,
  protectValue,
  verifyChain,
} from "../src/index";

const kind = testDatabaseKind();
const HMAC_KEY = "audit-test-hmac-key-0123456789";

describe(`@vault/audit on ${kind}`, () => {
  let t: TestDatabase;
  let db: VaultDb;
  const clock = new ManualClock("2026-03-01T12:00:00.000Z");
  const logs: AuditLog[] = [];
  const open = (options: Partial<AuditLogOptions> = {}) => {
    const log = new AuditLog({ db, hmacKey: HMAC_KEY, clock, flushDelayMs: 1, ...options });
    logs.push(log);
    return log;
  };
  let audit: AuditLog;

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    await db.execute(sql`create table test_writes (id serial primary key, label text not null, n int not null)`);
  });
  afterAll(async () => {
    for (const log of logs) await log.close().catch(() => {});
    await t.close();
  });
  beforeEach(() => {
    audit = open();
  });

  /** A write of the test's own, audited in the same transaction (the secret service does the same). */
  const auditedWrite = (on: Executor, log: AuditLog, label: string, n = 0) =>
    withTransaction(on, async (tx) => {
      await tx.execute(sql`insert into test_writes (label, n) values (${label}, ${n})`);
      await log.record(tx, { action: "test.write", resource: "test", appId: "shop", key: label });
    });
  const countWrites = async (label: string) =>
    Number(
      (await queryRows<{ n: number }>(db, sql`select count(*)::int as n from test_writes where label = ${label}`))[0]
        ?.n,
    );
  /** Change audit rows the way a superuser would: with the append-only trigger disabled. */
  const tamper = async (statement: ReturnType<typeof sql>) => {
    await db.execute(sql`alter table vault_audit_entries disable trigger vault_audit_entries_append_only`);
    try {
      await db.execute(statement);
    } finally {
      await db.execute(sql`alter table vault_audit_entries enable trigger vault_audit_entries_append_only`);
    }
  };
  /** Drizzle wraps database errors; the trigger's message is on the cause. */
  const expectAppendOnly = async (attempt: Promise<unknown>) => {
    const error = await attempt.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeDefined();
    const message = `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
    expect(message).toMatch(/append-only/);
  };
  /** A database error's text: Drizzle wraps it, and the database's own message is on the cause. */
  const errorText = (error: unknown) =>
    `${(error as Error).message} ${((error as Error).cause as Error | undefined)?.message ?? ""}`;
  const rejectionOf = (attempt: Promise<unknown>) =>
    attempt.then(
      () => {
        throw new Error("expected a rejection");
      },
      (error: unknown) => error,
    );
  const storedCount = async (on: VaultDb, key: string) =>
    Number(
      (
        await queryRows<{ n: number }>(on, sql`select count(*)::int as n from vault_audit_entries where key = ${key}`)
      )[0]?.n,
    );
  /** Run `body` while a statement-level trigger counts the INSERT statements that reach the audit table. */
  const countingInserts = async (body: (inserts: () => Promise<number>) => Promise<void>) => {
    await db.execute(sql`create table test_inserts (at int)`);
    await db.execute(sql`create or replace function test_count_inserts() returns trigger language plpgsql as $$
      begin insert into test_inserts values (1); return null; end $$`);
    await db.execute(sql`create trigger test_count_inserts after insert on vault_audit_entries
      for each statement execute function test_count_inserts()`);
    try {
      await body(async () =>
        Number((await queryRows<{ n: number }>(db, sql`select count(*)::int as n from test_inserts`))[0]?.n),
      );
    } finally {
      await db.execute(sql`drop trigger test_count_inserts on vault_audit_entries`);
      await db.execute(sql`drop table test_inserts`);
    }
  };
  const read = (log: AuditLog, key: string) =>
    log.recordDetached({ action: "secret.read", resource: "secret", appId: "shop", key });
  /** Close every log opened so far, so that no background sequencer but the test's own touches the table. */
  const closeOtherLogs = async () => {
    for (const log of logs.splice(0)) await log.close();
  };
  /** A fresh chain and two logs on two connection pools, as two server processes would have. */
  const twoProcesses = async () => {
    await restoreChain();
    const other = (await t.connectAgain()).db;
    const second = new AuditLog({ db: other, hmacKey: HMAC_KEY, clock, flushDelayMs: 1 });
    logs.push(second);
    return { other, first: open(), second };
  };
  const restoreChain = async () => {
    // Tamper tests leave a broken chain behind; later tests start from a clean one.
    await db.execute(sql`alter table vault_audit_entries disable trigger user`);
    await db.execute(sql`delete from vault_audit_entries`);
    await db.execute(sql`alter table vault_audit_entries enable trigger user`);
    await db.execute(sql`update vault_audit_chain set last_seq = 0, last_hash = ${GENESIS_HASH}`);
  };

  it("records an entry with the actor, chains it, and HMACs sensitive metadata", async () => {
    await runAs({ appId: "shop", apiKeyId: "apikey_1", userId: "u-7", ip: "10.0.0.1", requestId: "req-1" }, () =>
      withTransaction(db, (tx) =>
        audit.record(tx, {
          action: "secret.set",
          resource: "secret",
          appId: "shop",
          key: "db/password",
          tenantId: "acme",
          metadata: { version: 3, email: "ceo@example.com", when: new Date("2026-01-01T00:00:00Z") },
          sensitive: ["email"],
        }),
      ),
    );
    await audit.flush();
    const page = await audit.query({ appId: "shop", key: "db/password" });
    expect(page.items).toHaveLength(1);
    const entry = page.items[0]!;
    expect(entry.id).toMatch(/^audit_/);
    expect(entry).toMatchObject({
      seq: 1,
      action: "secret.set",
      resource: "secret",
      appId: "shop",
      key: "db/password",
      tenantId: "acme",
      actor: { appId: "shop", apiKeyId: "apikey_1", userId: "u-7", system: null },
      ip: "10.0.0.1",
      requestId: "req-1",
      outcome: "success",
      prevHash: GENESIS_HASH,
      createdAt: clock.now(),
    });
    expect(entry.metadata).toEqual({
      version: 3,
      email: protectValue(Buffer.from(HMAC_KEY), "ceo@example.com"),
      when: "2026-01-01T00:00:00.000Z",
    });
    expect(JSON.stringify(entry)).not.toContain("ceo@example.com");
    expect(entry.hash).toBe(entryHash(GENESIS_HASH, { ...entry, seq: 1 }));
    expect(await audit.verify()).toMatchObject({ ok: true, lastSeq: 1, pending: 0 });
  });

  it("rejects an invalid event with VALIDATION and writes nothing", async () => {
    const before = await countWrites("invalid");
    const attempt = withTransaction(db, async (tx) => {
      await tx.execute(sql`insert into test_writes (label, n) values ('invalid', 0)`);
      await audit.record(tx, { action: "", resource: "secret", appId: "shop" });
    });
    await expect(attempt).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    expect(await countWrites("invalid")).toBe(before);
  });

  it("an audit write that fails rolls back the change it belonged to", async () => {
    // The database refuses the audit insert (as a full disk or a lost connection would).
    await db.execute(sql`create or replace function test_refuse_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit storage unavailable (simulated)'; end $$`);
    await db.execute(sql`create trigger test_refuse_audit before insert on vault_audit_entries
      for each row execute function test_refuse_audit()`);
    try {
      await expect(auditedWrite(db, audit, "refused")).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger test_refuse_audit on vault_audit_entries`);
    }
    expect(await countWrites("refused")).toBe(0);
    await auditedWrite(db, audit, "accepted");
    expect(await countWrites("accepted")).toBe(1);
  });

  it("an entry recorded in a transaction that rolls back is gone", async () => {
    const attempt = withTransaction(db, async (tx) => {
      await audit.record(tx, { action: "test.write", resource: "test", appId: "shop", key: "rolled-back" });
      expect(await storedCount(tx, "rolled-back")).toBe(1); // written, in this transaction
      throw new Error("the change failed after auditing");
    });
    await expect(attempt).rejects.toThrow("the change failed");
    await audit.flush();
    expect(await storedCount(db, "rolled-back")).toBe(0);
    expect((await audit.query({ key: "rolled-back" })).items).toHaveLength(0);
    expect(await audit.verify()).toMatchObject({ ok: true, pending: 0 });
  });

  it("every event is validated, recordDetached's too, and a closed log refuses entries", async () => {
    const invalid = { action: "secret.read", resource: "secret", appId: "" };
    const detached = audit.recordDetached(invalid); // a rejected promise, not a synchronous throw
    await expect(detached).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    await expect(audit.recordDetached({ ...invalid, appId: "shop", metadata: { size: 10n } })).rejects.toSatisfy((e) =>
      isVaultError(e, "VALIDATION"),
    );
    await expect(read(audit, "x".repeat(1025))).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    const closed = open();
    await closed.close();
    await expect(read(closed, "after-close")).rejects.toSatisfy((e) => isVaultError(e, "UNAVAILABLE"));
    await expect(withTransaction(db, (tx) => closed.record(tx, { ...invalid, appId: "shop" }))).rejects.toSatisfy((e) =>
      isVaultError(e, "UNAVAILABLE"),
    );
  });

  it("the database rejects UPDATE, DELETE and TRUNCATE of audit entries", async () => {
    await auditedWrite(db, audit, "immutable");
    await audit.flush();
    await expectAppendOnly(db.execute(sql`delete from vault_audit_entries where key = 'immutable'`));
    await expectAppendOnly(db.execute(sql`update vault_audit_entries set outcome = 'failure'`));
    await expectAppendOnly(db.execute(sql`update vault_audit_entries set seq = seq + 1000`));
    await expectAppendOnly(db.execute(sql`truncate vault_audit_entries`));
    // An unchained row cannot have its content changed either, only its chain columns set once. (Inside the
    // inserting transaction, so the background sequencer cannot chain it first.)
    await expectAppendOnly(
      withTransaction(db, async (tx) => {
        await audit.record(tx, { action: "a", resource: "r", appId: "shop", key: "pending" });
        await tx.execute(
          sql`update vault_audit_entries set action = 'b', seq = 999999, prev_hash = 'x', hash = 'y' where key = 'pending'`,
        );
      }),
    );
    expect((await audit.verify()).ok).toBe(true);
  });

  it("verify() names the row changed with raw SQL behind the trigger's back", async () => {
    for (let i = 0; i < 5; i++) await auditedWrite(db, audit, `tamper-${i}`);
    await audit.flush();
    const target = (await audit.query({ key: "tamper-2" })).items[0]!;
    await tamper(sql`update vault_audit_entries set outcome = 'denied' where id = ${target.id}`);
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toMatchObject({ kind: "changed", id: target.id, seq: target.seq });
    await restoreChain();
  });

  it("verify() names a row changed and re-hashed through its successor's link", async () => {
    for (let i = 0; i < 4; i++) await auditedWrite(db, audit, `rehash-${i}`);
    await audit.flush();
    const target = (await audit.query({ key: "rehash-1" })).items[0]!;
    const forged = { ...target, seq: target.seq as number, outcome: "failure" as const };
    await tamper(
      sql`update vault_audit_entries set outcome = 'failure', hash = ${entryHash(target.prevHash as string, forged)} where id = ${target.id}`,
    );
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem).toMatchObject({ kind: "changed", id: target.id });
    await restoreChain();
  });

  it("verify() reports a removed row, a removed tail and a reordering", async () => {
    for (let i = 0; i < 6; i++) await auditedWrite(db, audit, `order-${i}`);
    await audit.flush();
    const [third, fourth] = [
      (await audit.query({ key: "order-2" })).items[0]!,
      (await audit.query({ key: "order-3" })).items[0]!,
    ];

    await tamper(sql`update vault_audit_entries set seq = -1 where id = ${third.id}`);
    await tamper(sql`update vault_audit_entries set seq = ${third.seq} where id = ${fourth.id}`);
    await tamper(sql`update vault_audit_entries set seq = ${fourth.seq} where id = ${third.id}`);
    const swapped = await audit.verify();
    expect(swapped.ok).toBe(false);
    if (!swapped.ok) expect(swapped.problem).toMatchObject({ kind: "reordered", seq: third.seq, id: fourth.id });
    await restoreChain();

    for (let i = 0; i < 4; i++) await auditedWrite(db, audit, `gap-${i}`);
    await audit.flush();
    const second = (await audit.query({ key: "gap-1" })).items[0]!;
    await tamper(sql`delete from vault_audit_entries where id = ${second.id}`);
    const gap = await audit.verify();
    expect(gap.ok).toBe(false);
    if (!gap.ok) expect(gap.problem).toMatchObject({ kind: "removed", seq: second.seq });
    await restoreChain();

    for (let i = 0; i < 3; i++) await auditedWrite(db, audit, `tail-${i}`);
    await audit.flush();
    const last = (await audit.query({ key: "tail-2" })).items[0]!;
    await tamper(sql`delete from vault_audit_entries where id = ${last.id}`);
    const tail = await audit.verify();
    expect(tail.ok).toBe(false);
    if (!tail.ok) expect(tail.problem).toMatchObject({ kind: "removed", seq: last.seq, id: null });
    await restoreChain();
  });

  it("query filters, paginates newest first with cursors, and export streams NDJSON that verifies offline", async () => {
    await restoreChain();
    const start = clock.now();
    for (let i = 0; i < 7; i++) {
      clock.advance(1000);
      await runAs({ apiKeyId: i % 2 === 0 ? "apikey_even" : "apikey_odd", system: undefined }, () =>
        withTransaction(db, (tx) =>
          audit.record(tx, {
            action: i < 5 ? "secret.read" : "secret.set",
            resource: "secret",
            appId: i < 6 ? "billing" : "other",
            key: `k${i}`,
            tenantId: i === 3 ? "acme" : undefined,
            outcome: i === 4 ? "denied" : "success",
          }),
        ),
      );
    }
    const keys = (items: { key: string | null }[]) => items.map((e) => e.key);
    expect(keys((await audit.query({ appId: "billing" })).items)).toEqual(["k5", "k4", "k3", "k2", "k1", "k0"]);
    expect(keys((await audit.query({ action: "secret.set" })).items)).toEqual(["k6", "k5"]);
    expect(keys((await audit.query({ tenantId: "acme" })).items)).toEqual(["k3"]);
    expect(keys((await audit.query({ outcome: "denied" })).items)).toEqual(["k4"]);
    expect(keys((await audit.query({ actor: "apikey_odd" })).items)).toEqual(["k5", "k3", "k1"]);
    expect(keys((await audit.query({ resource: "secret", key: "k2" })).items)).toEqual(["k2"]);
    const from = new Date(start.getTime() + 2000);
    const to = new Date(start.getTime() + 5000);
    expect(keys((await audit.query({ from, to: to.toISOString() })).items)).toEqual(["k3", "k2", "k1"]);

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await audit.query({ limit: 3, cursor });
      seen.push(...keys(page.items).map(String));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(["k6", "k5", "k4", "k3", "k2", "k1", "k0"]);
    await expect(audit.query({ cursor: "garbage" })).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    await expect(audit.query({ limit: 0 })).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    await expect(audit.query({ outcome: "maybe" as never })).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));

    const lines: string[] = [];
    for await (const line of audit.export({ appId: "billing" })) lines.push(line);
    expect(lines).toHaveLength(6);
    expect(lines.every((line) => line.endsWith("\n"))).toBe(true);
    expect(JSON.parse(lines[0]!)).toMatchObject({ key: "k0", seq: 1 });

    const chunks: string[] = [];
    for await (const chunk of audit.exportStream()) chunks.push(String(chunk));
    const offline = await verifyChain(parseExport(chunks));
    expect(offline).toMatchObject({ ok: true, checked: 7 });
    // The round trip keeps every field, Dates included: what parseExport gives back is what query returns.
    const parsed: unknown[] = [];
    for await (const entry of parseExport(chunks)) parsed.push(entry);
    expect(parsed).toEqual((await audit.query({ limit: 100 })).items.reverse());
    const edited = chunks.map((line, i) => (i === 2 ? line.replace('"success"', '"failure"') : line));
    const broken = await verifyChain(parseExport(edited));
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problem).toMatchObject({ kind: "changed", seq: 3 });
  });

  it("count() groups matching entries by action, outcome and actor (user, else key, else system)", async () => {
    const record = (
      actor: { userId?: string; apiKeyId?: string; system?: string },
      action: string,
      outcome?: "denied",
    ) => runAs(actor, () => audit.recordDetached({ action, resource: "counted", appId: "counts", outcome }));
    await record({ userId: "alice", apiKeyId: "apikey_1" }, "thing.read");
    await record({ userId: "alice" }, "thing.read");
    await record({ apiKeyId: "apikey_2" }, "thing.read");
    await record({ apiKeyId: "apikey_2" }, "thing.read", "denied");
    await record({ system: "sweeper" }, "thing.purged");
    await record({}, "thing.purged");
    await runAs({ userId: "bob" }, () =>
      audit.recordDetached({ action: "thing.read", resource: "other", appId: "counts" }),
    );
    expect(await audit.count({ appId: "counts", resource: "counted" })).toEqual([
      { action: "thing.purged", outcome: "success", actor: "sweeper", count: 1 },
      { action: "thing.purged", outcome: "success", actor: null, count: 1 },
      { action: "thing.read", outcome: "denied", actor: "apikey_2", count: 1 },
      { action: "thing.read", outcome: "success", actor: "alice", count: 2 },
      { action: "thing.read", outcome: "success", actor: "apikey_2", count: 1 },
    ]);
    expect(await audit.count({ appId: "counts", actor: "bob" })).toEqual([
      { action: "thing.read", outcome: "success", actor: "bob", count: 1 },
    ]);
    expect(await audit.count({ appId: "nobody" })).toEqual([]);
  });

  it("1,000 mutations from two processes at once keep one gapless, valid chain", async () => {
    const { other, first, second } = await twoProcesses();
    const run = async (on: VaultDb, log: AuditLog, label: string) => {
      let next = 0;
      const worker = async () => {
        while (next < 500) await auditedWrite(on, log, label, next++);
      };
      await Promise.all(Array.from({ length: 4 }, worker));
    };
    await Promise.all([run(db, first, "proc-a"), run(other, second, "proc-b")]);
    await Promise.all([first.flush(), second.flush()]);
    const result = await first.verify();
    expect(result).toMatchObject({ ok: true, lastSeq: 1000, checked: 1000, pending: 0 });
    const [stats] = await queryRows<{ n: number; min: number; max: number; distinct: number }>(
      db,
      sql`select count(*)::int as n, min(seq)::int as min, max(seq)::int as max, count(distinct seq)::int as distinct
          from vault_audit_entries`,
    );
    expect(stats).toEqual({ n: 1000, min: 1, max: 1000, distinct: 1000 });
    expect(await countWrites("proc-a")).toBe(500);
    expect(await countWrites("proc-b")).toBe(500);
  });

  it("a read's entry is committed unchained, then chained after every entry that committed before it", async () => {
    await restoreChain();
    await closeOtherLogs();
    const reader = open({ flushDelayMs: 60_000, sweepIntervalMs: 0 }); // no background sequencer: only flush()
    await auditedWrite(db, reader, "before-read"); // committed, unchained
    await reader.recordDetached({ action: "secret.read", resource: "secret", appId: "shop", key: "after-write" });
    const stored = () =>
      queryRows<{ action: string; seq: number | null }>(
        db,
        sql`select action, seq::int as seq from vault_audit_entries order by id`,
      );
    expect(await stored()).toEqual([
      { action: "test.write", seq: null },
      { action: "secret.read", seq: null },
    ]);
    expect(await reader.flush()).toBe(2);
    expect(await stored()).toEqual([
      { action: "test.write", seq: 1 },
      { action: "secret.read", seq: 2 },
    ]);
    expect(await reader.verify()).toMatchObject({ ok: true, lastSeq: 2, pending: 0 });
  });

  it("concurrent recordDetached calls share one INSERT", async () => {
    await restoreChain();
    await countingInserts(async (inserts) => {
      const reader = open({ flushDelayMs: 60_000, sweepIntervalMs: 0 });
      await Promise.all(["a", "b", "c", "d", "e"].map((key) => read(reader, key)));
      expect(await inserts()).toBe(1);
      expect(await reader.verify()).toMatchObject({ ok: true, lastSeq: 5, pending: 0 });
    });
  });

  it("recordDetached calls that arrive while a write is in flight go together into the next one", async () => {
    await restoreChain();
    await countingInserts(async (inserts) => {
      const reader = open({ flushDelayMs: 60_000, sweepIntervalMs: 0 });
      let first: Promise<void> | undefined;
      let later: Promise<unknown> | undefined;
      // Hold the first write back: on Postgres this lock blocks INSERTs from other connections; on PGlite (one
      // connection) any open transaction holds back every statement outside it.
      await withTransaction(db, async (tx) => {
        await tx.execute(sql`lock table vault_audit_entries in share mode`);
        first = read(reader, "first");
        await new Promise((next) => setImmediate(next)); // the first write has taken its entries
        later = Promise.all(["b", "c", "d", "e"].map((key) => read(reader, key)));
      });
      await first;
      await later;
      expect(await inserts()).toBe(2);
      expect(await reader.verify()).toMatchObject({ ok: true, lastSeq: 5, pending: 0 });
    });
  });

  it("recordDetached resolves only once its entry is committed, and rejects when the commit fails", async () => {
    await restoreChain();
    // A deferred constraint trigger fails the COMMIT, after the INSERT itself has succeeded.
    await db.execute(sql`create or replace function test_refuse_commit() returns trigger language plpgsql as $$
      begin raise exception 'commit refused by test'; end $$`);
    await db.execute(sql`create constraint trigger test_refuse_commit after insert on vault_audit_entries
      deferrable initially deferred for each row when (new.key = 'refused-at-commit')
      execute function test_refuse_commit()`);
    try {
      const reader = open({ flushDelayMs: 60_000, sweepIntervalMs: 0 });
      const refused = await rejectionOf(read(reader, "refused-at-commit"));
      expect(errorText(refused)).toMatch(/commit refused by test/);
      expect(await storedCount(db, "refused-at-commit")).toBe(0);
      // Resolved means committed: another connection (another pool, on Postgres) sees the entry at once.
      const other = (await t.connectAgain()).db;
      await read(reader, "committed");
      expect(await storedCount(other, "committed")).toBe(1);
    } finally {
      await db.execute(sql`drop trigger test_refuse_commit on vault_audit_entries`);
    }
  });

  it("every audit write commits durably: no transaction of the log changes synchronous_commit", async () => {
    await restoreChain();
    await closeOtherLogs();
    const [session] = await queryRows<{ value: string }>(
      db,
      sql`select current_setting('synchronous_commit') as value`,
    );
    await db.execute(sql`create table test_commit_settings (op text, setting text)`);
    await db.execute(sql`create or replace function test_note_setting() returns trigger language plpgsql as $$
      begin insert into test_commit_settings values (tg_op, current_setting('synchronous_commit')); return null; end $$`);
    await db.execute(sql`create trigger test_note_setting after insert or update on vault_audit_entries
      for each statement execute function test_note_setting()`);
    try {
      const log = open({ flushDelayMs: 60_000, sweepIntervalMs: 0 });
      await auditedWrite(db, log, "durable-write");
      await read(log, "durable-read");
      await log.flush(); // the sequencer's UPDATE
      const noted = await queryRows<{ op: string; setting: string }>(
        db,
        sql`select op, setting from test_commit_settings`,
      );
      expect(noted.map((row) => row.op).sort()).toEqual(["INSERT", "INSERT", "UPDATE"]);
      expect(noted.map((row) => row.setting)).toEqual(noted.map(() => session!.value));
    } finally {
      await db.execute(sql`drop trigger test_note_setting on vault_audit_entries`);
      await db.execute(sql`drop table test_commit_settings`);
    }
  });

  it("concurrent reads and writes from two processes keep one gapless chain in commit order", async () => {
    const { other, first, second } = await twoProcesses();
    const run = async (on: VaultDb, log: AuditLog, label: string) => {
      let next = 0;
      const worker = async (reads: boolean) => {
        while (next < 200) {
          const n = next++;
          if (reads)
            await log.recordDetached({
              action: "secret.read",
              resource: "secret",
              appId: "shop",
              key: `${label}-${n}`,
            });
          else await auditedWrite(on, log, label, n);
        }
      };
      await Promise.all([worker(true), worker(true), worker(true), worker(false)]);
    };
    await Promise.all([run(db, first, "proc-a"), run(other, second, "proc-b")]);
    await Promise.all([first.flush(), second.flush()]);
    const result = await first.verify();
    expect(result).toMatchObject({ ok: true, lastSeq: 400, checked: 400, pending: 0 });
    const [stats] = await queryRows<{ n: number; distinct: number; reads: number }>(
      db,
      sql`select count(*)::int as n, count(distinct seq)::int as distinct,
                 count(*) filter (where action = 'secret.read')::int as reads
          from vault_audit_entries`,
    );
    expect(stats!.n).toBe(400);
    expect(stats!.distinct).toBe(400);
    expect(stats!.reads).toBeGreaterThan(0);
  });

  it("recordDetached rejects every caller whose INSERT fails, and nothing half-written stays behind", async () => {
    await restoreChain();
    await db.execute(sql`create or replace function test_refuse_reads() returns trigger language plpgsql as $$
      begin if new.action = 'secret.read' then raise exception 'refused by test'; end if; return new; end $$`);
    await db.execute(sql`create trigger test_refuse_reads before insert on vault_audit_entries
      for each row execute function test_refuse_reads()`);
    const reader = open();
    try {
      // Every caller whose entry was in the refused INSERT is refused.
      const refusals = await Promise.all(
        ["refused-1", "refused-2", "refused-3"].map((key) => rejectionOf(read(reader, key))),
      );
      for (const refusal of refusals) expect(errorText(refusal)).toMatch(/refused by test/);
      const [stored] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from vault_audit_entries`);
      expect(stored!.n).toBe(0);
    } finally {
      await db.execute(sql`drop trigger test_refuse_reads on vault_audit_entries`);
    }
    await read(reader, "after-refusal"); // the log is not stuck
    await auditedWrite(db, audit, "after-refusal");
    expect(await audit.verify()).toMatchObject({ ok: true, lastSeq: 2 });
  });

  it.runIf(kind === "postgres")("a second OS process writing at the same time joins the same chain", async () => {
    await restoreChain();
    const script = resolve(import.meta.dirname, "fixtures/writer.ts");
    const child = spawn(
      process.execPath,
      ["--conditions=@vault/source", "--import", "tsx", script, t.url as string, "300", "os-proc"],
      {
        cwd: resolve(import.meta.dirname, "../../.."),
        stdio: ["ignore", "inherit", "inherit"],
      },
    );
    const exited = new Promise<number | null>((done) => child.on("exit", (code) => done(code)));
    let n = 0;
    const worker = async () => {
      while (n < 300) await auditedWrite(db, audit, "this-proc", n++);
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    expect(await exited).toBe(0);
    const result = await audit.verify();
    expect(result).toMatchObject({ ok: true, lastSeq: 600, pending: 0 });
    expect((await audit.query({ appId: "multi", limit: 500 })).items).toHaveLength(300);
  });
});

describe("canonical encoding and offline verification (no database)", () => {
  it("hashes the previous hash's bytes followed by the canonical entry", () => {
    const entry = {
      id: "audit_01",
      seq: 1,
      appId: "a",
      action: "x",
      resource: "r",
      key: null,
      tenantId: null,
      actor: { appId: null, apiKeyId: null, userId: null, system: "cli" },
      ip: null,
      requestId: null,
      outcome: "success",
      metadata: { b: 1, a: [2, { d: 3, c: 4 }] },
      createdAt: new Date("2026-01-01T00:00:00Z"),
    };
    const canonical =
      '{"action":"x","actor":{"apiKeyId":null,"appId":null,"system":"cli","userId":null},"appId":"a","createdAt":"2026-01-01T00:00:00.000Z","id":"audit_01","ip":null,"key":null,"metadata":{"a":[2,{"c":4,"d":3}],"b":1},"outcome":"success","requestId":null,"resource":"r","seq":1,"tenantId":null,"v":1}';
    const expected = createHash("sha256").update(Buffer.alloc(32)).update(canonical).digest("hex");
    expect(entryHash(GENESIS_HASH, entry)).toBe(expected);
  });

  it("canonical JSON sorts keys by UTF-16 code units at every depth, drops undefined members, writes Dates as ISO", () => {
    const value = {
      "\uff61": 1, // U+FF61 sorts after the surrogate pair of 😀 (U+1F600) in UTF-16, before it by code point
      "😀": [{ b: 2, a: undefined, "": null }, new Date("2026-01-02T03:04:05.006Z")],
      B: 'quote " backslash \\ newline \n \u2028',
      a: { z: true, é: -1.5 },
    };
    expect(canonicalJson(value)).toBe(
      '{"B":"quote \\" backslash \\\\ newline \\n \u2028","a":{"z":true,"é":-1.5},"😀":[{"":null,"b":2},"2026-01-02T03:04:05.006Z"],"｡":1}',
    );
    expect(canonicalJson(undefined)).toBe("null");
  });

  it("an empty chain verifies", async () => {
    expect(await verifyChain([])).toEqual({ ok: true, checked: 0, lastSeq: 0, lastHash: GENESIS_HASH });
  });
});
