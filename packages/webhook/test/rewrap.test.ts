import { Keyring } from "@vault/crypto";
import { MemoryAuditSink, webhookEndpoints } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, Receiver, webhookServiceFor } from "./helpers";

// A database of its own: rewrapAll moves every endpoint of the database, so no other file's keyring may be in it.
describe(`WebhookService KEK rewrap (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  let receiver: Receiver;
  // One keyring for the file, as one deployment has: each test rotates it further.
  const ring = Keyring.generate();
  beforeAll(async () => {
    t = await createTestDatabase();
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  const rowOf = async (id: string) =>
    (await t.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, id)))[0]!;

  it("moves every endpoint's signing secrets to the active KEK without opening them; signatures still verify", async () => {
    const audit = new MemoryAuditSink();
    const { service } = webhookServiceFor(t.db, { keys: ring, audit, secretOverlapMs: 60_000 });
    const oldKek = ring.activeKeyId();
    const { endpoint: plain, secret: plainSecret } = await service.createEndpoint("wh-a", { url: receiver.url });
    const { endpoint: rotated, secret: previous } = await service.createEndpoint("wh-a", { url: receiver.url });
    // A rotated endpoint seals two secrets at secrets_version 2 (bound into the associated data).
    const { secret: current } = await service.rotateSecret("wh-a", rotated.id);
    await service.createEndpoint("wh-b", { url: receiver.url });
    expect(await service.rewrapStatus()).toEqual({ activeKekId: oldKek, byKek: { [oldKek]: 3 }, pending: 0 });

    const newKek = ring.add();
    ring.activate(newKek);
    // An endpoint made after activation is already under the new KEK.
    await service.createEndpoint("wh-b", { url: receiver.url });
    expect(await service.rewrapStatus()).toEqual({
      activeKekId: newKek,
      byKek: { [oldKek]: 3, [newKek]: 1 },
      pending: 3,
    });
    const before = await rowOf(rotated.id);
    const progress: { done: number; remaining: number }[] = [];
    const result = await service.rewrapAll({ batchSize: 2, onProgress: (p) => progress.push(p) });
    expect(result).toEqual({ rewrapped: 3 });
    expect(progress).toEqual([
      { done: 2, remaining: 1 },
      { done: 3, remaining: 0 },
    ]);
    expect(await service.rewrapStatus()).toEqual({ activeKekId: newKek, byKek: { [newKek]: 4 }, pending: 0 });
    const after = await rowOf(rotated.id);
    expect(after.secretsKekId).toBe(newKek);
    expect(Buffer.from(after.secretsWrappedDek).equals(Buffer.from(before.secretsWrappedDek))).toBe(false);
    // Not re-encrypted: the sealed secrets, their version and the row's times are as they were.
    expect(Buffer.from(after.secretsCiphertext).equals(Buffer.from(before.secretsCiphertext))).toBe(true);
    expect(after.secretsVersion).toBe(2);
    expect(after.updatedAt).toEqual(before.updatedAt);

    // One audit entry per app per batch, with counts and KEK ids only.
    const entries = audit.events.filter((e) => e.action === "webhook.secrets_rewrapped");
    expect(entries.map((e) => [e.appId, e.metadata?.endpoints])).toEqual([
      ["wh-a", 2],
      ["wh-b", 1],
    ]);
    expect(entries[0]).toMatchObject({
      resource: "webhook_endpoint",
      outcome: "success",
      metadata: { fromKekIds: [oldKek], toKekId: newKek },
    });
    expect(JSON.stringify(entries)).not.toContain(plainSecret.slice(6));

    // Without the old KEK, a service with nothing cached signs with the same secrets as before.
    ring.remove(oldKek);
    const { service: fresh } = webhookServiceFor(t.db, { keys: ring, secretOverlapMs: 60_000 });
    const ping = await fresh.test("wh-a", plain.id);
    expect(ping.status).toBe("succeeded");
    const [request] = receiver.withId(ping.eventId);
    expect(new Webhook(plainSecret).verify(request!.body, request!.headers as Record<string, string>)).toBeTruthy();
    const both = await fresh.test("wh-a", rotated.id);
    const [signed] = receiver.withId(both.eventId);
    for (const secret of [current, previous]) {
      expect(new Webhook(secret).verify(signed!.body, signed!.headers as Record<string, string>)).toBeTruthy();
    }
    expect(await fresh.rewrapAll()).toEqual({ rewrapped: 0 });
  });

  it("resumes after an interrupted run; a failing audit write rolls its batch back", async () => {
    const audit = new MemoryAuditSink();
    const { service } = webhookServiceFor(t.db, { keys: ring, audit });
    for (let i = 0; i < 5; i++) await service.createEndpoint("wh-resume", { url: receiver.url });
    ring.activate(ring.add());
    const total = (await service.rewrapStatus()).pending;
    expect(total).toBe(9);
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
    expect((await service.rewrapStatus()).pending).toBe(0);
  });

  it("an endpoint whose KEK is gone fails the run with KEY_UNAVAILABLE and moves nothing of its batch", async () => {
    const lost = Keyring.generate();
    const { service: elsewhere } = webhookServiceFor(t.db, { keys: lost });
    const { endpoint } = await elsewhere.createEndpoint("wh-lost", { url: receiver.url });
    const { service } = webhookServiceFor(t.db, { keys: ring });
    expect(await codeOf(service.rewrapAll())).toBe("KEY_UNAVAILABLE");
    expect((await service.rewrapStatus()).byKek[lost.activeKeyId()]).toBe(1);
    await service.deleteEndpoint("wh-lost", endpoint.id);
    expect(await service.rewrapAll()).toEqual({ rewrapped: 0 });
  });

  it("two processes rewrapping at once move each endpoint exactly once", async () => {
    for (let i = 0; i < 40; i++)
      await webhookServiceFor(t.db, { keys: ring }).service.createEndpoint(`wh-c${i % 4}`, {
        url: receiver.url,
      });
    ring.activate(ring.add());
    const pending = (await webhookServiceFor(t.db, { keys: ring }).service.rewrapStatus()).pending;
    expect(pending).toBeGreaterThanOrEqual(40);
    // A second pool on the same database, as another server process has (on PGlite the same handle).
    const other = await t.connectAgain();
    const first = webhookServiceFor(t.db, { keys: ring });
    const second = webhookServiceFor(other.db, { keys: ring });
    const results = await Promise.all([
      first.service.rewrapAll({ batchSize: 3 }),
      second.service.rewrapAll({ batchSize: 3 }),
    ]);
    expect(results[0]!.rewrapped + results[1]!.rewrapped).toBe(pending);
    const audited = [...first.audit.events, ...second.audit.events]
      .filter((e) => e.action === "webhook.secrets_rewrapped")
      .reduce((n, e) => n + (e.metadata?.endpoints as number), 0);
    expect(audited).toBe(pending);
    expect((await first.service.rewrapStatus()).pending).toBe(0);
  });
});
