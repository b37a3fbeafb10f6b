import { AuditLog } from "@vault/audit";
import { isVaultError, ManualClock, runAs } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { SecretService } from "@vault/secret";
import { queryRows, rotationPolicies, type VaultDb, withTransaction } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  exponentialBackoff,
  RotationManager,
  RotationService,
  randomBytes,
  randomPassword,
  rotateKek,
} from "../src/index";

const kind = testDatabaseKind();

/** A promise to wait on, opened by the test. */
function gate(): { open: () => void; opened: Promise<void> } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { open, opened };
}
const CANARY = "canary-rotation-secret-value-7f3a9c";

describe(`@vault/rotation on ${kind}`, () => {
  let t: TestDatabase;
  let db: VaultDb;
  let clock: ManualClock;
  let keyring: Keyring;
  let audit: AuditLog;
  let secrets: SecretService;
  let rotation: RotationService;
  const app = "shop";

  beforeAll(async () => {
    t = await createTestDatabase();
    db = t.db;
    clock = new ManualClock("2026-02-01T00:00:00.000Z");
    keyring = Keyring.generate();
    audit = new AuditLog({ db, hmacKey: "rotation-test-hmac-key-0123456789", clock, flushDelayMs: 1 });
    secrets = new SecretService({ db, keys: keyring, audit, clock });
    rotation = new RotationService({ db, secrets, audit, clock });
  });
  afterAll(async () => {
    await audit.close();
    await t.close();
  });

  it("creates, reads, lists, updates and deletes policies, validating every input", async () => {
    const created = await rotation.createPolicy(app, {
      secretKey: "policy/a",
      intervalMs: 3_600_000,
      strategy: "random_password",
      params: { length: 20 },
    });
    expect(created.id).toMatch(/^rotpol_/);
    expect(created).toMatchObject({
      appId: app,
      secretKey: "policy/a",
      enabled: true,
      strategy: "random_password",
      lastRotatedAt: null,
      failures: 0,
      createdAt: clock.now(),
      nextRotationAt: new Date(clock.now().getTime() + 3_600_000),
    });
    expect(created.params).toMatchObject({ length: 20, alphabet: expect.any(String) });
    await expect(
      rotation.createPolicy(app, { secretKey: "policy/a", intervalMs: 60_000, strategy: "random_bytes" }),
    ).rejects.toSatisfy((e) => isVaultError(e, "ALREADY_EXISTS"));
    for (const bad of [
      { secretKey: "policy/b", intervalMs: 10, strategy: "random_bytes" },
      { secretKey: "policy/b", intervalMs: 60_000, strategy: "rot13" },
      { secretKey: "", intervalMs: 60_000, strategy: "random_bytes" },
      { secretKey: "policy/b", intervalMs: 60_000, strategy: "random_password", params: { alphabet: "aa" } },
      { secretKey: "policy/b", intervalMs: 60_000, strategy: "random_bytes", params: { length: 0 } },
      { secretKey: "policy/b", intervalMs: 60_000, strategy: "random_bytes", extra: 1 },
    ]) {
      await expect(rotation.createPolicy(app, bad as never)).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    }
    await expect(rotation.getPolicy(app, "policy/b")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    await rotation.createPolicy(app, { secretKey: "policy/b", intervalMs: 60_000, strategy: "random_bytes" });
    await rotation.createPolicy(app, { secretKey: "policy/c", intervalMs: 60_000, strategy: "custom" });
    const first = await rotation.listPolicies(app, { limit: 2 });
    expect(first.items.map((p) => p.secretKey)).toEqual(["policy/a", "policy/b"]);
    const second = await rotation.listPolicies(app, { limit: 2, cursor: first.nextCursor ?? undefined });
    expect(second.items.map((p) => p.secretKey)).toEqual(["policy/c"]);
    expect(second.nextCursor).toBeNull();

    clock.advance(1000);
    const updated = await rotation.updatePolicy(app, "policy/a", { intervalMs: 7_200_000, enabled: false });
    expect(updated).toMatchObject({
      intervalMs: 7_200_000,
      enabled: false,
      nextRotationAt: new Date(created.createdAt.getTime() + 7_200_000),
    });
    expect((await rotation.updatePolicy(app, "policy/a", { strategy: "random_bytes" })).params).toEqual({
      length: 32,
      encoding: "base64url",
    });
    await expect(rotation.updatePolicy(app, "policy/a", { intervalMs: -1 })).rejects.toSatisfy((e) =>
      isVaultError(e, "VALIDATION"),
    );
    await rotation.deletePolicy(app, "policy/a");
    await expect(rotation.deletePolicy(app, "policy/a")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    const actions = (await audit.query({ appId: app, resource: "rotation_policy" })).items.map((e) => e.action);
    expect(actions).toEqual([
      "rotation.policy_deleted",
      "rotation.policy_updated",
      "rotation.policy_updated",
      "rotation.policy_created",
      "rotation.policy_created",
      "rotation.policy_created",
    ]);
  });

  it("rotateNow: the rotator gets the current value, the new version is old + 1 with metadata kept, all in one commit", async () => {
    await secrets.set(app, "db/password", CANARY, { metadata: { owner: "payments" } });
    await secrets.set(app, "db/password", `${CANARY}-2`);
    const policy = await rotation.createPolicy(app, {
      secretKey: "db/password",
      intervalMs: 86_400_000,
      strategy: "custom",
      params: { prefix: "rotated-" },
    });
    const seen: unknown[] = [];
    rotation.registerRotator(app, "db/password", ({ currentValue, currentVersion, params }) => {
      seen.push({ currentValue, currentVersion, params });
      return `${params.prefix as string}${CANARY}-3`;
    });
    clock.advance(5000);
    const record = await runAs({ apiKeyId: "apikey_admin", requestId: "req-9" }, () =>
      rotation.rotateNow(app, "db/password"),
    );
    expect(seen).toEqual([{ currentValue: `${CANARY}-2`, currentVersion: 2, params: { prefix: "rotated-" } }]);
    expect(record).toMatchObject({
      appId: app,
      secretKey: "db/password",
      policyId: policy.id,
      oldVersion: 2,
      newVersion: 3,
      outcome: "success",
      error: null,
      trigger: "manual",
      actor: "apikey_admin",
      createdAt: clock.now(),
    });
    expect(record.id).toMatch(/^rot_/);
    const secret = await secrets.get(app, "db/password");
    expect(secret.value).toBe(`rotated-${CANARY}-3`);
    expect(secret.version).toBe(3);
    expect(secret.meta.metadata).toEqual({ owner: "payments" });
    const after = await rotation.getPolicy(app, "db/password");
    expect(after.lastRotatedAt).toEqual(clock.now());
    expect(after.leaseUntil).toBeNull();
    expect(after.nextRotationAt.getTime()).toBe(after.lastRotatedAt!.getTime() + policy.intervalMs);
    const rotated = (await audit.query({ appId: app, action: "rotation.rotated" })).items[0]!;
    expect(rotated).toMatchObject({
      key: "db/password",
      outcome: "success",
      actor: { apiKeyId: "apikey_admin" },
      requestId: "req-9",
      metadata: { rotationId: record.id, oldVersion: 2, newVersion: 3, trigger: "manual" },
    });
    expect((await rotation.records(app, "db/password")).items).toEqual([record]);
  });

  it("a failing rotator changes nothing and leaves a failure record and a failure audit entry", async () => {
    await secrets.set(app, "api/token", `${CANARY}-token`);
    const policy = await rotation.createPolicy(app, { secretKey: "api/token", intervalMs: 60_000, strategy: "custom" });
    rotation.registerRotator(app, "api/token", async () => {
      // A rotator's message can quote anything, a secret included: it must not be stored or returned.
      throw new Error("upstream refused the new credential canary-rot-7f3a");
    });
    clock.advance(1000);
    const thrown = await rotation.rotateNow(app, "api/token").catch((error: unknown) => error);
    expect(thrown).toMatchObject({ code: "INTERNAL" });
    expect((thrown as Error).message).not.toContain("canary-rot-7f3a");
    expect(((thrown as Error).cause as Error).message).toContain("upstream refused"); // kept for the operator's log
    expect((await secrets.get(app, "api/token")).version).toBe(1);
    expect(await rotation.getPolicy(app, "api/token")).toMatchObject({
      lastRotatedAt: null,
      nextRotationAt: policy.nextRotationAt,
      failures: 1,
      lastError: expect.stringMatching(/^Error \(the rotator or the database failed/),
      leaseUntil: null,
    });
    const [failure] = (await rotation.records(app, "api/token")).items;
    expect(failure).toMatchObject({ outcome: "failure", oldVersion: 1, newVersion: null, error: expect.any(String) });
    expect(JSON.stringify(await rotation.records(app, "api/token"))).not.toContain("canary-rot-7f3a");
    expect(JSON.stringify(await rotation.getPolicy(app, "api/token"))).not.toContain("canary-rot-7f3a");
    const [entry] = (await audit.query({ appId: app, action: "rotation.rotated", key: "api/token" })).items;
    expect(entry).toMatchObject({
      outcome: "failure",
      metadata: { errorCode: "ROTATOR_FAILED", rotationId: failure!.id },
    });

    // A rotator that returns nothing usable, and a custom policy with no rotator, fail the same way.
    rotation.registerRotator(app, "api/token", () => "" as string);
    await expect(rotation.rotateNow(app, "api/token")).rejects.toSatisfy((e) => isVaultError(e, "VALIDATION"));
    await rotation.createPolicy(app, { secretKey: "api/orphan", intervalMs: 60_000, strategy: "custom" });
    await expect(rotation.rotateNow(app, "api/orphan")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
    expect((await rotation.records(app, "api/orphan")).items[0]).toMatchObject({ outcome: "failure" });
    expect((await secrets.get(app, "api/token")).version).toBe(1);
    await expect(rotation.rotateNow(app, "no/policy")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
  });

  it("built-in strategies: random password with length and alphabet, random bytes with length", async () => {
    await rotation.createPolicy(app, {
      secretKey: "pw",
      intervalMs: 60_000,
      strategy: "random_password",
      params: { length: 40, alphabet: "xyz" },
    });
    await rotation.createPolicy(app, {
      secretKey: "bytes",
      intervalMs: 60_000,
      strategy: "random_bytes",
      params: { length: 16, encoding: "hex" },
    });
    await rotation.createPolicy(app, {
      secretKey: "raw",
      intervalMs: 60_000,
      strategy: "random_bytes",
      params: { length: 24, encoding: "bytes" },
    });
    const pw = await rotation.rotateNow(app, "pw");
    expect(pw).toMatchObject({ oldVersion: null, newVersion: 1 });
    expect((await secrets.get(app, "pw")).value).toMatch(/^[xyz]{40}$/);
    await rotation.rotateNow(app, "bytes");
    expect((await secrets.get(app, "bytes")).value).toMatch(/^[0-9a-f]{32}$/);
    await rotation.rotateNow(app, "raw");
    const raw = (await secrets.get(app, "raw")).value;
    expect(raw).toBeInstanceOf(Uint8Array);
    expect((raw as Uint8Array).byteLength).toBe(24);

    const samples = new Set(Array.from({ length: 200 }, () => randomPassword({ length: 12 })));
    expect(samples.size).toBe(200);
    expect(randomBytes({ length: 10, encoding: "base64url" })).toMatch(/^[A-Za-z0-9_-]{14}$/);
    expect(() => randomPassword({ length: 4 })).toThrow(/length/);
  });

  it("the rotator runs with no transaction open, on the policy leased to it", async () => {
    // Another connection, as another server process would use (PGlite: the same single-connection handle, so a
    // rotator run inside a transaction would wait on it forever).
    const other = await t.connectAgain();
    const otherSecrets = new SecretService({ db: other.db, keys: keyring, audit, clock });
    await secrets.set(app, "open/key", `${CANARY}-open`);
    const policy = await rotation.createPolicy(app, { secretKey: "open/key", intervalMs: 60_000, strategy: "custom" });
    const seen: { leaseUntil: Date | null; otherWrite: number }[] = [];
    rotation.registerRotator(app, "open/key", async () => {
      // NOWAIT: fails at once (lock_not_available) if the rotation still held the policy's row lock.
      const [locked] = await withTransaction(other.db, (tx) =>
        tx.select().from(rotationPolicies).where(eq(rotationPolicies.id, policy.id)).for("update", { noWait: true }),
      );
      // The rotator can write secrets itself (another key), through another connection.
      const otherWrite = await otherSecrets.set(app, "open/side-effect", "written by the rotator");
      seen.push({ leaseUntil: locked!.leaseUntil, otherWrite: otherWrite.version });
      return "next";
    });
    const record = await rotation.rotateNow(app, "open/key");
    expect(record).toMatchObject({ outcome: "success", oldVersion: 1, newVersion: 2 });
    // Leased for the default 5 minutes from the rotation's start, and the lease ended with the write.
    expect(seen).toEqual([{ leaseUntil: new Date(clock.now().getTime() + 5 * 60_000), otherWrite: 1 }]);
    expect((await rotation.getPolicy(app, "open/key")).leaseUntil).toBeNull();
    expect((await secrets.get(app, "open/key")).value).toBe("next");
  });

  it("a write to the secret while the rotator runs fails the rotation with CONFLICT, recorded as a failure", async () => {
    await secrets.set(app, "cas/key", `${CANARY}-cas-1`);
    const policy = await rotation.createPolicy(app, { secretKey: "cas/key", intervalMs: 60_000, strategy: "custom" });
    rotation.registerRotator(app, "cas/key", async ({ currentVersion }) => {
      expect(currentVersion).toBe(1);
      await secrets.set(app, "cas/key", "written meanwhile");
      return `${CANARY}-cas-rotated`;
    });
    clock.advance(1000);
    const error = await rotation.rotateNow(app, "cas/key").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", details: { expected: 1, actual: 2 } });
    const secret = await secrets.get(app, "cas/key");
    expect([secret.version, secret.value]).toEqual([2, "written meanwhile"]);
    expect(await rotation.getPolicy(app, "cas/key")).toMatchObject({
      lastRotatedAt: null,
      nextRotationAt: policy.nextRotationAt,
      failures: 1,
      lastError: expect.stringMatching(/^CONFLICT: /),
      leaseUntil: null,
    });
    const [failure] = (await rotation.records(app, "cas/key")).items;
    expect(failure).toMatchObject({ outcome: "failure", oldVersion: 1, newVersion: null, trigger: "manual" });
    const [entry] = (await audit.query({ appId: app, action: "rotation.rotated", key: "cas/key" })).items;
    expect(entry).toMatchObject({
      outcome: "failure",
      metadata: { errorCode: "CONFLICT", rotationId: failure!.id, failures: 1 },
    });

    // A first rotation (cas 0) conflicts the same way with a writer that creates the secret meanwhile.
    await rotation.createPolicy(app, { secretKey: "cas/new", intervalMs: 60_000, strategy: "custom" });
    rotation.registerRotator(app, "cas/new", async ({ currentVersion }) => {
      expect(currentVersion).toBeNull();
      await secrets.set(app, "cas/new", "created meanwhile");
      return "rotated";
    });
    expect(await rotation.rotateNow(app, "cas/new").catch((e: unknown) => e)).toMatchObject({ code: "CONFLICT" });
    expect((await secrets.get(app, "cas/new")).value).toBe("created meanwhile");
  });

  it("rotateNow of a policy whose rotation is in progress is CONFLICT, and starts nothing", async () => {
    await rotation.createPolicy(app, { secretKey: "busy/key", intervalMs: 60_000, strategy: "custom" });
    const nested: unknown[] = [];
    let calls = 0;
    rotation.registerRotator(app, "busy/key", async () => {
      calls += 1;
      nested.push(await rotation.rotateNow(app, "busy/key").catch((e: unknown) => e));
      return "once";
    });
    expect(await rotation.rotateNow(app, "busy/key")).toMatchObject({ outcome: "success", newVersion: 1 });
    expect(calls).toBe(1);
    expect(nested).toEqual([
      expect.objectContaining({ code: "CONFLICT", message: expect.stringMatching(/being rotated/) }),
    ]);
    expect((await rotation.records(app, "busy/key")).items).toHaveLength(1);
  });

  it("a policy deleted while its rotator runs: the new value is kept and recorded", async () => {
    await secrets.set(app, "gone/key", "before");
    const policy = await rotation.createPolicy(app, { secretKey: "gone/key", intervalMs: 60_000, strategy: "custom" });
    rotation.registerRotator(app, "gone/key", async () => {
      await rotation.deletePolicy(app, "gone/key");
      return "after";
    });
    expect(await rotation.rotateNow(app, "gone/key")).toMatchObject({ outcome: "success", policyId: policy.id });
    expect((await secrets.get(app, "gone/key")).value).toBe("after");
    await expect(rotation.getPolicy(app, "gone/key")).rejects.toSatisfy((e) => isVaultError(e, "NOT_FOUND"));
  });

  it("a manager that dies mid-rotation leaves a lease that expires; then the policy is due again", async () => {
    await db.execute(sql`update vault_rotation_policies set enabled = false`);
    const lclock = new ManualClock("2026-08-01T00:00:00.000Z");
    const appId = "leased";
    const started = gate();
    const release = gate();
    // Manager A's rotator never returns while the test runs: what a process that died mid-rotation leaves behind.
    const serviceA = new RotationService({ db, secrets, audit, clock: lclock, leaseMs: 60_000 });
    serviceA.registerRotator(appId, "k", async () => {
      started.open();
      await release.opened;
      return "from-a";
    });
    const serviceB = new RotationService({
      db: (await t.connectAgain()).db,
      secrets,
      audit,
      clock: lclock,
      leaseMs: 60_000,
    });
    serviceB.registerRotator(appId, "k", () => "from-b");
    await secrets.set(appId, "k", "initial");
    await serviceA.createPolicy(appId, { secretKey: "k", intervalMs: 60_000, strategy: "custom" });
    lclock.advance(60_000);
    const claimedAt = lclock.now();
    const tickA = new RotationManager({ service: serviceA, clock: lclock }).tick();
    await started.opened;
    expect((await serviceB.getPolicy(appId, "k")).leaseUntil).toEqual(new Date(claimedAt.getTime() + 60_000));
    const managerB = new RotationManager({ service: serviceB, clock: lclock });
    expect(await managerB.tick()).toEqual({ rotated: 0, failed: 0 });
    lclock.advance(59_999);
    expect(await managerB.tick()).toEqual({ rotated: 0, failed: 0 });
    lclock.advance(1);
    expect(await managerB.tick()).toEqual({ rotated: 1, failed: 0 });
    expect((await secrets.get(appId, "k")).value).toBe("from-b");
    const afterB = await serviceB.getPolicy(appId, "k");
    expect(afterB).toMatchObject({ lastRotatedAt: lclock.now(), failures: 0, leaseUntil: null });

    // Should A come back after all, its write checks the version it started from and loses; the failure is
    // recorded, and the policy — no longer leased to A — keeps B's state.
    release.open();
    expect(await tickA).toEqual({ rotated: 0, failed: 1 });
    expect((await secrets.get(appId, "k")).value).toBe("from-b");
    expect(await serviceA.getPolicy(appId, "k")).toEqual(afterB);
    const records = (await serviceA.records(appId, "k")).items.map((r) => [r.outcome, r.error?.slice(0, 9) ?? null]);
    expect(records.sort()).toEqual([
      ["failure", "CONFLICT:"],
      ["success", null],
    ]);
  });

  it("no audit row or rotation record contains a secret value (canary)", async () => {
    await audit.flush();
    const rows = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(e)::text as row from vault_audit_entries e`,
    );
    expect(rows.length).toBeGreaterThan(5);
    for (const { row } of rows) expect(row).not.toContain(CANARY);
    const records = await queryRows<{ row: string }>(
      db,
      sql`select row_to_json(r)::text as row from vault_rotations r`,
    );
    for (const { row } of records) expect(row).not.toContain(CANARY);
    expect((await audit.verify()).ok).toBe(true);
  });

  it("the manager rotates what is due, backs off after failures, and starts and stops idempotently", async () => {
    // Managers serve every app: park the policies earlier tests left behind.
    await db.execute(sql`update vault_rotation_policies set enabled = false`);
    const mclock = new ManualClock("2026-06-01T00:00:00.000Z");
    const service = new RotationService({ db, secrets, audit, clock: mclock });
    const appId = "managed";
    await service.createPolicy(appId, { secretKey: "ok", intervalMs: 60_000, strategy: "random_bytes" });
    await service.createPolicy(appId, { secretKey: "flaky", intervalMs: 60_000, strategy: "custom" });
    await service.createPolicy(appId, {
      secretKey: "off",
      intervalMs: 60_000,
      strategy: "random_bytes",
      enabled: false,
    });
    let flakyCalls = 0;
    let flakyFails = true;
    service.registerRotator(appId, "flaky", () => {
      flakyCalls += 1;
      if (flakyFails) throw new Error("not today");
      return "fresh";
    });
    const manager = new RotationManager({
      service,
      clock: mclock,
      backoff: { initialMs: 10_000, factor: 2, maxMs: 25_000 },
    });
    expect(await manager.tick()).toEqual({ rotated: 0, failed: 0 });
    mclock.advance(60_000);
    expect(await manager.tick()).toEqual({ rotated: 1, failed: 1 });
    const flaky = await service.getPolicy(appId, "flaky");
    expect(flaky).toMatchObject({ failures: 1, retryAt: new Date(mclock.now().getTime() + 10_000) });
    expect((await service.records(appId, "ok")).items[0]).toMatchObject({
      trigger: "schedule",
      actor: "rotation-manager",
    });
    // Within the backoff: not retried.
    mclock.advance(9_999);
    expect(await manager.tick()).toEqual({ rotated: 0, failed: 0 });
    mclock.advance(1);
    expect(await manager.tick()).toEqual({ rotated: 0, failed: 1 });
    expect((await service.getPolicy(appId, "flaky")).retryAt).toEqual(new Date(mclock.now().getTime() + 20_000));
    mclock.advance(20_000);
    await manager.tick();
    expect((await service.getPolicy(appId, "flaky")).retryAt).toEqual(new Date(mclock.now().getTime() + 25_000));
    expect(flakyCalls).toBe(3);
    flakyFails = false;
    mclock.advance(25_000);
    expect(await manager.tick()).toMatchObject({ failed: 0 });
    expect(await service.getPolicy(appId, "flaky")).toMatchObject({ failures: 0, retryAt: null, lastError: null });
    expect((await service.getPolicy(appId, "off")).lastRotatedAt).toBeNull();
    expect(exponentialBackoff({ initialMs: 1000, factor: 3, maxMs: 5000 })(3)).toBe(5000);

    manager.start();
    manager.start();
    expect(manager.running).toBe(true);
    await manager.stop();
    await manager.stop();
    expect(manager.running).toBe(false);
  });

  it("a forged records cursor is a VALIDATION error, not a crash", async () => {
    const forged = Buffer.from(JSON.stringify({ v: 1, p: { createdAt: "nope", id: "rot_x" } })).toString("base64url");
    await expect(rotation.records(app, undefined, { cursor: forged })).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("rotateDue tries each policy at most once per call: a caller clock ahead of the service's, no backoff", async () => {
    await db.execute(sql`update vault_rotation_policies set enabled = false`);
    const sclock = new ManualClock("2026-07-01T00:00:00.000Z");
    const service = new RotationService({ db, secrets, audit, clock: sclock });
    const appId = "once-per-call";
    await service.createPolicy(appId, { secretKey: "fast", intervalMs: 1_000, strategy: "random_bytes" });
    await service.createPolicy(appId, { secretKey: "broken", intervalMs: 1_000, strategy: "custom" });
    let brokenCalls = 0;
    service.registerRotator(appId, "broken", () => {
      brokenCalls += 1;
      throw new Error("always fails");
    });
    // The caller's "now" is 5 s ahead of the service clock: rotating from the service clock would leave "fast"
    // due again at once, and "broken" (no backoff) stays due after every failure.
    const result = await service.rotateDue({ now: new Date(sclock.now().getTime() + 5_000), limit: 50 });
    expect(result).toEqual({ rotated: 1, failed: 1 });
    expect(brokenCalls).toBe(1);
    expect((await secrets.getMeta(appId, "fast")).version).toBe(1);
  });

  it("two managers: 100 due policies are each rotated exactly once", async () => {
    await db.execute(sql`update vault_rotation_policies set enabled = false`);
    const mclock = new ManualClock("2026-09-01T00:00:00.000Z");
    const appId = "fleet";
    const keys = Array.from({ length: 100 }, (_, i) => `k${i}`);
    const calls = new Map<string, number>();
    // Yields to the event loop before answering, so the other manager claims while this rotator runs (with no
    // transaction open, only the lease keeps it off this policy).
    const rotate = async ({ secretKey }: { secretKey: string }) => {
      calls.set(secretKey, (calls.get(secretKey) ?? 0) + 1);
      for (let i = 0; i < 3; i++) await new Promise((resolve) => setImmediate(resolve));
      return `rotated-${secretKey}`;
    };
    // Postgres: two connection pools, as two server processes have; PGlite: two managers on its one connection.
    const handles = [db, (await t.connectAgain()).db];
    const services = handles.map(
      (handle) =>
        new RotationService({
          db: handle,
          secrets: new SecretService({ db: handle, keys: keyring, clock: mclock }),
          clock: mclock,
          rotators: keys.map((secretKey) => ({ appId, secretKey, rotate })),
        }),
    );
    for (const secretKey of keys) {
      await services[0]!.createPolicy(appId, { secretKey, intervalMs: 60_000, strategy: "custom" });
    }
    mclock.advance(60_000);
    const managers = services.map((service) => new RotationManager({ service, clock: mclock, batchSize: 1000 }));
    const results = await Promise.all(managers.map((manager) => manager.tick()));
    expect(results.reduce((sum, r) => sum + r.rotated, 0)).toBe(100);
    expect(results.every((r) => r.failed === 0 && r.rotated > 0)).toBe(true);
    expect([...calls.values()].every((n) => n === 1)).toBe(true);
    expect(calls.size).toBe(100);
    const [counts] = await queryRows<{ records: number; keys: number; leased: number }>(
      db,
      sql`select count(*)::int as records, count(distinct secret_key)::int as keys,
                 (select count(*)::int from vault_rotation_policies
                   where app_id = ${appId} and lease_until is not null) as leased
          from vault_rotations where app_id = ${appId} and outcome = 'success'`,
    );
    expect(counts).toEqual({ records: 100, keys: 100, leased: 0 });
    for (let i = 0; i < 100; i += 11) expect((await secrets.getMeta(appId, `k${i}`)).version).toBe(1);
    expect(await managers[0]!.tick()).toEqual({ rotated: 0, failed: 0 });
  });

  it("KEK rotation adds a key, activates it and rewraps every data key with progress", async () => {
    // The suite's keyring: rewrapAll moves every data key of the database, whichever test wrote it.
    const ring = keyring;
    const service = secrets;
    for (let i = 0; i < 7; i++) await service.set("kek-app", `s${i}`, `value-${i}`);
    const before = ring.activeKeyId();
    const progress: { done: number; remaining: number; kekId: string }[] = [];
    // What each persist call saw: [active KEK, KEK ids present].
    const persisted: [string, string[]][] = [];
    const result = await rotateKek({
      keyring: ring,
      secrets: service,
      batchSize: 25,
      persist: (k) => {
        persisted.push([k.activeKeyId(), (k as Keyring).keyIds()]);
      },
      onProgress: (p) => progress.push(p),
    });
    expect(result.previousKekId).toBe(before);
    expect(result.kekId).not.toBe(before);
    expect(ring.activeKeyId()).toBe(result.kekId);
    // First saved with the new KEK present but not active (nothing can be wrapped by an unsaved KEK), then active.
    expect(persisted).toEqual([
      [before, expect.arrayContaining([before, result.kekId])],
      [result.kekId, expect.arrayContaining([before, result.kekId])],
    ]);
    expect(result.rewrapped).toBeGreaterThanOrEqual(7);
    expect(progress.at(-1)).toMatchObject({ remaining: 0, kekId: result.kekId });
    expect(progress.length).toBeGreaterThan(1);
    expect((await service.rewrapStatus()).pending).toBe(0);
    expect((await service.get("kek-app", "s3")).value).toBe("value-3");

    const failing = await rotateKek({
      keyring: ring,
      secrets: service,
      persist: () => {
        throw new Error("disk full");
      },
    }).catch((e: unknown) => e);
    expect(isVaultError(failing, "UNAVAILABLE")).toBe(true);
    expect(ring.activeKeyId()).toBe(result.kekId);
  });
});
