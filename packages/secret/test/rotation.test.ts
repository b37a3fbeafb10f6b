import { isVaultError, ManualClock, type VaultErrorCode } from "@vault/core";
import { Keyring } from "@vault/crypto";
import { MemoryAuditSink, secrets, secretVersions } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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

// A database of its own: rewrapAll works across every app, so other files' keyrings must not be in it.
describe(`SecretService KEK rotation (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  const clock = new ManualClock("2026-03-01T00:00:00Z");
  const audit = new MemoryAuditSink();
  // One keyring for the file, as one deployment has: every test rotates it further.
  const ring = Keyring.generate();
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.close());

  async function versionRow(appId: string, key: string, version: number) {
    const [row] = await t.db
      .select({ v: secretVersions })
      .from(secretVersions)
      .innerJoin(secrets, eq(secrets.id, secretVersions.secretId))
      .where(and(eq(secrets.appId, appId), eq(secrets.key, key), eq(secretVersions.version, version)));
    return row!.v;
  }

  it("add a key, activate it, rewrapAll in batches: all readable, none under the old KEK, old KEK removable", async () => {
    const rotationAudit = new MemoryAuditSink();
    const svc = new SecretService({ db: t.db, keys: ring, clock, audit: rotationAudit });
    const oldKek = ring.activeKeyId();
    for (let i = 0; i < 7; i++) await svc.set("rotating", `k${i}`, `value-${i}`);
    await svc.set("rotating", "k0", "value-0-v2");
    await svc.destroy("rotating", "k1", [1]);
    const newKek = ring.add();
    ring.activate(newKek);
    // A value written after activation is already under the new KEK.
    await svc.set("rotating", "k7", "value-7");
    const before = await svc.rewrapStatus();
    expect(before.activeKekId).toBe(newKek);
    expect(before.byKek[oldKek]).toBeGreaterThanOrEqual(7);
    const ciphertextBefore = (await versionRow("rotating", "k2", 1)).ciphertext;
    const progress: { done: number; remaining: number }[] = [];
    const result = await svc.rewrapAll({ batchSize: 3, onProgress: (p) => progress.push(p) });
    expect(result.rewrapped).toBe(before.pending);
    expect(progress.at(-1)).toEqual({ done: before.pending, remaining: 0 });
    expect(progress.length).toBeGreaterThan(1);
    // Each batch is audited per app, inside its transaction.
    const rewrapEvents = rotationAudit.events.filter((e) => e.action === "secret.rewrapped");
    expect(rewrapEvents.length).toBe(progress.length);
    expect(rewrapEvents.reduce((n, e) => n + (e.metadata?.versions as number), 0)).toBe(before.pending);
    expect(rewrapEvents[0]).toMatchObject({
      resource: "secret",
      appId: "rotating",
      outcome: "success",
      metadata: { fromKekIds: [oldKek], toKekId: newKek },
    });
    const after = await svc.rewrapStatus();
    expect(after.pending).toBe(0);
    expect(after.byKek[oldKek]).toBeUndefined();
    // Values were not re-encrypted: the ciphertext is byte-for-byte the same.
    expect((await versionRow("rotating", "k2", 1)).ciphertext).toEqual(ciphertextBefore);
    ring.remove(oldKek);
    for (let i = 2; i < 8; i++) expect((await svc.get("rotating", `k${i}`)).value).toBe(`value-${i}`);
    expect((await svc.get("rotating", "k0", { version: 1 })).value).toBe("value-0");
    expect((await svc.rewrapAll()).rewrapped).toBe(0);
  });

  it("resumes: a rerun continues after a partial run", async () => {
    const svc = new SecretService({ db: t.db, keys: ring, clock });
    for (let i = 0; i < 5; i++) await svc.set("resuming", `k${i}`, `v${i}`);
    ring.activate(ring.add());
    const stop = new Error("interrupted");
    await expect(
      svc.rewrapAll({
        batchSize: 2,
        onProgress: () => {
          throw stop;
        },
      }),
    ).rejects.toBe(stop);
    const mid = await svc.rewrapStatus();
    const live = Object.values(mid.byKek).reduce((a, b) => a + b, 0);
    expect(mid.pending).toBe(live - 2);
    expect((await svc.rewrapAll({ batchSize: 2 })).rewrapped).toBe(live - 2);
    expect((await svc.rewrapStatus()).pending).toBe(0);
  });

  it("a failing audit write rolls back the rewrap batch", async () => {
    const failing = new MemoryAuditSink();
    const svc = new SecretService({ db: t.db, keys: ring, clock, audit: failing });
    await svc.set("audited-rewrap", "k", "v");
    ring.activate(ring.add());
    const pending = (await svc.rewrapStatus()).pending;
    expect(pending).toBeGreaterThan(0);
    failing.failNext = 1;
    await expect(svc.rewrapAll({ batchSize: 1000 })).rejects.toThrow(/audit sink unavailable/);
    expect((await svc.rewrapStatus()).pending).toBe(pending);
    expect((await svc.rewrapAll({ batchSize: 1000 })).rewrapped).toBe(pending);
    expect((await svc.get("audited-rewrap", "k")).value).toBe("v");
  });

  it("a value whose KEK is missing fails with KEY_UNAVAILABLE naming the KEK, and nothing crashes", async () => {
    const lostRing = Keyring.generate();
    const lostKek = lostRing.activeKeyId();
    await new SecretService({ db: t.db, keys: lostRing }).set("lost", "k", "v");
    const svc = new SecretService({ db: t.db, keys: ring, audit });
    const error = await svc.get("lost", "k").catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "KEY_UNAVAILABLE", details: { kekId: lostKek, key: "k", version: 1 } });
    expect((error as Error).message).toContain(lostKek);
    expect(audit.events.at(-1)).toMatchObject({ action: "secret.read", outcome: "failure" });
    // rewrapAll cannot rewrap it either, and says why.
    expect(await codeOf(svc.rewrapAll())).toBe("KEY_UNAVAILABLE");
    // Other values stay readable, and once the unreadable one is gone rewrapAll completes.
    expect((await svc.get("resuming", "k0")).value).toBe("v0");
    await svc.purge("lost", "k");
    expect((await svc.rewrapAll()).rewrapped).toBe(0);
  });
});
