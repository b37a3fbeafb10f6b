import { ManualClock, runAs } from "@vault/core";
import { SecretService } from "@vault/secret";
import { events, MemoryAuditSink, webhookDeliveries, webhookEndpoints } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { asc, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  baseDelayMs,
  DEFAULT_RETRY_SCHEDULE,
  type DeliveryReport,
  eventRow,
  type Sender,
  type WebhookPayload,
  WebhookWorker,
} from "../src/index";
import { codeOf, downUrl, emitEvents, fileKeyring, outbox, Receiver, webhookServiceFor } from "./helpers";

const kind = testDatabaseKind();
const CANARY = "canary-webhook-5e1f-value-never-sent";

describe(`webhook delivery (${kind})`, () => {
  let t: TestDatabase;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await createTestDatabase();
    receiver = await Receiver.start();
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });
  // Workers serve every app: start each test with no endpoint, event or delivery left by another.
  beforeEach(async () => {
    await t.db.delete(webhookEndpoints);
    await t.db.delete(events);
  });

  it("a change reaches its endpoint signed per Standard Webhooks: the library verifies it; no value in it", async () => {
    const reports: DeliveryReport[] = [];
    const { service, clock, audit } = webhookServiceFor(t.db, { onDelivery: (r) => reports.push(r) });
    const secrets = new SecretService({ db: t.db, keys: fileKeyring, audit, events: outbox(clock), clock });
    const { endpoint, secret } = await service.createEndpoint("e2e", { url: receiver.url, eventTypes: ["secret.*"] });
    await runAs({ apiKeyId: "apikey_e2e", requestId: "req-e2e", ip: "10.0.0.7" }, () =>
      secrets.set("e2e", "db/password", CANARY),
    );
    expect(await service.dispatch()).toBe(1);
    expect(await service.deliverDue()).toEqual({ claimed: 1, succeeded: 1, retrying: 0, failed: 0 });

    const [event] = await t.db.select().from(events).where(eq(events.appId, "e2e"));
    const received = receiver.withId(event!.id);
    expect(received).toHaveLength(1);
    const request = received[0]!;
    expect(request.path).toBe("/hooks");
    expect(request.headers["content-type"]).toBe("application/json");
    expect(request.headers["user-agent"]).toBe("Vault-Webhooks/1");
    const payload = new Webhook(secret).verify(
      request.body,
      request.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(payload).toEqual({
      type: "secret.set",
      timestamp: event!.createdAt.toISOString(),
      data: {
        id: event!.id,
        appId: "e2e",
        resource: "secret",
        key: "db/password",
        version: 1,
        tenantId: null,
        actor: { apiKeyId: "apikey_e2e", requestId: "req-e2e" },
        details: {},
      },
    });
    expect(request.body).not.toContain("canary");

    const [delivery] = (await service.listDeliveries("e2e", { endpointId: endpoint.id })).items;
    expect(delivery).toMatchObject({
      eventId: event!.id,
      eventType: "secret.set",
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    const detail = await service.getDelivery("e2e", delivery!.id);
    expect(detail.attemptLog).toEqual([
      expect.objectContaining({ attempt: 1, outcome: "succeeded", statusCode: 200, error: null }),
    ]);
    expect(detail.attemptLog[0]!.durationMs).toBeGreaterThanOrEqual(0);
    expect(detail.payload).toEqual(payload);
    expect(JSON.stringify(detail)).not.toContain("canary");
    expect(reports).toEqual([
      expect.objectContaining({ appId: "e2e", endpointId: endpoint.id, eventType: "secret.set", outcome: "succeeded" }),
    ]);
  });

  it("filters by event type; a disabled endpoint gets nothing; each matching endpoint gets its own delivery", async () => {
    const { service, clock } = webhookServiceFor(t.db);
    const flagsOnly = await service.createEndpoint("filt", { url: receiver.url, eventTypes: ["flag.*"] });
    const all = await service.createEndpoint("filt", { url: receiver.url });
    const off = await service.createEndpoint("filt", { url: receiver.url, enabled: false });
    await emitEvents(t.db, outbox(clock), [
      { type: "secret.set", resource: "secret", appId: "filt", key: "a", version: 1 },
      { type: "flag.updated", resource: "flag", appId: "filt", key: "f", version: 2 },
    ]);
    await service.dispatch();
    const byEndpoint = async (id: string) =>
      (await service.listDeliveries("filt", { endpointId: id })).items.map((d) => d.eventType).sort();
    expect(await byEndpoint(flagsOnly.endpoint.id)).toEqual(["flag.updated"]);
    expect(await byEndpoint(all.endpoint.id)).toEqual(["flag.updated", "secret.set"]);
    expect(await byEndpoint(off.endpoint.id)).toEqual([]);
    // Dispatched once: a second run finds nothing.
    expect(await service.dispatch()).toBe(0);
  });

  it("a receiver that is down gets retries on the documented schedule (injected clock), then the delivery fails", async () => {
    const reports: DeliveryReport[] = [];
    const clock = new ManualClock("2026-06-01T00:00:00.000Z");
    const { service } = webhookServiceFor(t.db, { clock, onDelivery: (r) => reports.push(r) });
    const { endpoint } = await service.createEndpoint("down", { url: await downUrl() });
    await emitEvents(t.db, outbox(clock), [{ type: "config.set", resource: "config", appId: "down", key: "k" }]);
    await service.dispatch();
    const start = clock.now().getTime();
    const attemptTimes: number[] = [];
    for (let n = 1; n <= DEFAULT_RETRY_SCHEDULE.maxAttempts; n++) {
      const [pending] = (await service.listDeliveries("down", { endpointId: endpoint.id })).items;
      expect(pending!.status).toBe("pending");
      // Not due a millisecond early.
      clock.set(pending!.nextAttemptAt!.getTime() - 1);
      expect((await service.deliverDue()).claimed).toBe(0);
      clock.set(pending!.nextAttemptAt!);
      attemptTimes.push(clock.now().getTime() - start);
      expect((await service.deliverDue()).claimed).toBe(1);
    }
    // The n-th retry waits baseDelayMs(n) (jitter is injected as 0 here; ±20% otherwise).
    const expected = [0];
    for (let n = 1; n < DEFAULT_RETRY_SCHEDULE.maxAttempts; n++) {
      expected.push(expected.at(-1)! + baseDelayMs(DEFAULT_RETRY_SCHEDULE, n));
    }
    expect(attemptTimes).toEqual(expected);
    expect(attemptTimes.at(-1)! / 3_600_000).toBeGreaterThan(24);

    const [delivery] = (await service.listDeliveries("down", { endpointId: endpoint.id })).items;
    expect(delivery).toMatchObject({
      status: "failed",
      attempts: 11,
      lastError: "connection refused",
      nextAttemptAt: null,
    });
    const detail = await service.getDelivery("down", delivery!.id);
    expect(detail.attemptLog.map((a) => [a.attempt, a.outcome, a.error])).toEqual(
      Array.from({ length: 11 }, (_, i) => [i + 1, "failed", "connection refused"]),
    );
    expect(reports.map((r) => r.outcome)).toEqual([...Array(10).fill("retrying"), "failed"]);
    // Nothing more is tried, however long we wait.
    clock.advance(30 * 86_400_000);
    expect((await service.deliverDue()).claimed).toBe(0);
    expect((await service.getEndpoint("down", endpoint.id)).consecutiveFailures).toBe(1);
  });

  it("answers other than 2xx and timeouts are failed attempts, logged with their code or the bound", async () => {
    const { service, clock } = webhookServiceFor(t.db, { timeoutMs: 200, retry: { maxAttempts: 3 } });
    const slow = await Receiver.start();
    try {
      const { endpoint: failing } = await service.createEndpoint("errs", { url: `${receiver.url}/500` });
      receiver.respond = (request) => (request.path.endsWith("/500") ? 500 : 200);
      slow.hang = true;
      const { endpoint: hanging } = await service.createEndpoint("errs", { url: slow.url });
      await emitEvents(t.db, outbox(clock), [{ type: "flag.created", resource: "flag", appId: "errs", key: "f" }]);
      await service.dispatch();
      expect(await service.deliverDue()).toMatchObject({ claimed: 2, retrying: 2 });
      const [five] = (await service.listDeliveries("errs", { endpointId: failing.id })).items;
      expect(five).toMatchObject({ status: "pending", lastStatusCode: 500, lastError: "HTTP 500" });
      const [timedOut] = (await service.listDeliveries("errs", { endpointId: hanging.id })).items;
      expect(timedOut).toMatchObject({ status: "pending", lastStatusCode: null, lastError: "timed out after 200 ms" });
      expect(timedOut!.lastDurationMs).toBeGreaterThanOrEqual(150);
      expect(timedOut!.nextAttemptAt).toEqual(new Date(clock.now().getTime() + 10_000));
    } finally {
      receiver.respond = undefined;
      await slow.close();
    }
  });

  it("disables an endpoint after a run of failed deliveries — itself an event, delivered to the app's others", async () => {
    const { service, clock, audit } = webhookServiceFor(t.db, { retry: { maxAttempts: 1 }, disableAfterFailures: 2 });
    const { endpoint: dead } = await service.createEndpoint("dis", { url: await downUrl() });
    const { endpoint: watcher } = await service.createEndpoint("dis", {
      url: receiver.url,
      eventTypes: ["webhook.endpoint_disabled"],
    });
    const emit = (key: string) =>
      emitEvents(t.db, outbox(clock), [{ type: "secret.set", resource: "secret", appId: "dis", key }]);
    await emit("a");
    await service.dispatch();
    await service.deliverDue();
    expect(await service.getEndpoint("dis", dead.id)).toMatchObject({ enabled: true, consecutiveFailures: 1 });
    await emit("b");
    await service.dispatch();
    await service.deliverDue();
    expect(await service.getEndpoint("dis", dead.id)).toMatchObject({
      enabled: false,
      disabledReason: "failures",
      consecutiveFailures: 2,
    });
    expect(audit.events.at(-1)).toMatchObject({
      action: "webhook.endpoint_disabled",
      key: dead.id,
      metadata: { reason: "failures", consecutiveFailures: 2 },
    });
    // The event reaches the other endpoint; the disabled one gets no more deliveries.
    await emit("c");
    await service.dispatch();
    await service.deliverDue();
    const told = receiver.requests
      .map((r) => JSON.parse(r.body) as WebhookPayload)
      .filter((p) => p.data.appId === "dis");
    expect(told.map((p) => [p.type, p.data.key, p.data.actor])).toEqual([
      ["webhook.endpoint_disabled", dead.id, { system: "webhook-worker" }],
    ]);
    expect((await service.listDeliveries("dis", { endpointId: dead.id })).items).toHaveLength(2);
    expect((await service.listDeliveries("dis", { endpointId: watcher.id })).items).toHaveLength(1);
    // Enabling it again resets the count.
    expect(await service.updateEndpoint("dis", dead.id, { enabled: true })).toMatchObject({
      enabled: true,
      consecutiveFailures: 0,
    });
  });

  it("redelivers a finished delivery on request, with the same webhook-id; a pending one is CONFLICT", async () => {
    const { service, clock } = webhookServiceFor(t.db, { retry: { maxAttempts: 1 } });
    const flaky = await Receiver.start();
    try {
      flaky.status = 503;
      const { endpoint, secret } = await service.createEndpoint("redo", { url: flaky.url });
      await emitEvents(t.db, outbox(clock), [{ type: "override.set", resource: "override", appId: "redo", key: "k" }]);
      await service.dispatch();
      await service.deliverDue();
      const [failed] = (await service.listDeliveries("redo", { endpointId: endpoint.id })).items;
      expect(failed).toMatchObject({ status: "failed", lastStatusCode: 503 });
      flaky.status = 200;
      const again = await service.redeliver("redo", failed!.id);
      expect(again).toMatchObject({ status: "pending", attempts: 0 });
      expect(await codeOf(service.redeliver("redo", failed!.id))).toBe("CONFLICT");
      await service.deliverDue();
      const detail = await service.getDelivery("redo", failed!.id);
      expect(detail).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200 });
      expect(detail.attemptLog.map((a) => [a.attempt, a.statusCode])).toEqual([
        [1, 503],
        [2, 200],
      ]);
      const ids = flaky.requests.map((r) => r.headers["webhook-id"]);
      expect(ids).toEqual([failed!.eventId, failed!.eventId]);
      const last = flaky.requests.at(-1)!;
      expect(new Webhook(secret).verify(last.body, last.headers as Record<string, string>)).toMatchObject({
        type: "override.set",
      });
      expect(await codeOf(service.redeliver("other-app", failed!.id))).toBe("NOT_FOUND");
    } finally {
      await flaky.close();
    }
  });

  it("a test ping goes to that endpoint alone, at once and once; its answer says how it went", async () => {
    const { service } = webhookServiceFor(t.db);
    const { endpoint, secret } = await service.createEndpoint("ping", { url: receiver.url, eventTypes: ["flag.*"] });
    const { endpoint: other } = await service.createEndpoint("ping", { url: receiver.url });
    const delivery = await service.test("ping", endpoint.id);
    expect(delivery).toMatchObject({
      status: "succeeded",
      attempts: 1,
      lastStatusCode: 200,
      eventType: "webhook.test",
    });
    const request = receiver.withId(delivery.eventId);
    expect(request).toHaveLength(1);
    expect(new Webhook(secret).verify(request[0]!.body, request[0]!.headers as Record<string, string>)).toMatchObject({
      type: "webhook.test",
      data: { key: endpoint.id },
    });
    expect(await service.dispatch()).toBe(0);
    expect((await service.listDeliveries("ping", { endpointId: other.id })).items).toEqual([]);

    const { endpoint: dead } = await service.createEndpoint("ping", { url: await downUrl() });
    const failed = await service.test("ping", dead.id);
    expect(failed).toMatchObject({ status: "failed", attempts: 1, lastError: "connection refused" });
  });

  it("after a secret rotation both secrets verify during the overlap, then only the new one", async () => {
    const { service, clock } = webhookServiceFor(t.db, { secretOverlapMs: 60_000 });
    const { endpoint, secret: old } = await service.createEndpoint("rot", { url: receiver.url });
    const { secret: fresh } = await service.rotateSecret("rot", endpoint.id);
    const during = await service.test("rot", endpoint.id);
    const [req] = receiver.withId(during.eventId);
    // The clock is the real time here, so the library's timestamp check passes.
    expect(new Webhook(old).verify(req!.body, req!.headers as Record<string, string>)).toBeTruthy();
    expect(new Webhook(fresh).verify(req!.body, req!.headers as Record<string, string>)).toBeTruthy();
    clock.advance(60_001);
    const after = await service.test("rot", endpoint.id);
    const [late] = receiver.withId(after.eventId);
    const headers = late!.headers as Record<string, string>;
    expect(headers["webhook-signature"]!.split(" ")).toHaveLength(1);
    const at = new Date(Number(headers["webhook-timestamp"]) * 1000);
    expect(headers["webhook-signature"]).toBe(new Webhook(fresh).sign(after.eventId, at, late!.body));
    expect(headers["webhook-signature"]).not.toBe(new Webhook(old).sign(after.eventId, at, late!.body));
  });

  it("a delivery whose lease ran out is sent again by another worker (same webhook-id); the first's late result is dropped", async () => {
    let release: () => void = () => {};
    const blocked = new Promise<void>((resolve) => {
      release = resolve;
    });
    const clock = new ManualClock(Date.now());
    const stuck: Sender = {
      async send() {
        await blocked;
        return { status: 200 };
      },
      close: async () => {},
    };
    const a = webhookServiceFor(t.db, { clock, sender: stuck, timeoutMs: 1_000 });
    const b = webhookServiceFor(t.db, { clock });
    const { endpoint } = await a.service.createEndpoint("lease", { url: receiver.url });
    await emitEvents(t.db, outbox(clock), [{ type: "config.set", resource: "config", appId: "lease", key: "k" }]);
    await a.service.dispatch();
    const first = a.service.deliverDue();
    // Wait until A holds the lease (its attempt is under way), then let the lease run out.
    for (let i = 0; i < 200; i++) {
      const [d] = (await b.service.listDeliveries("lease", { endpointId: endpoint.id })).items;
      if (d?.attempts === 1) break;
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect((await b.service.deliverDue()).claimed).toBe(0);
    clock.advance(1_000 + 30_000);
    expect(await b.service.deliverDue()).toMatchObject({ claimed: 1, succeeded: 1 });
    release();
    expect(await first).toMatchObject({ claimed: 1, succeeded: 0 });
    const [delivery] = (await b.service.listDeliveries("lease", { endpointId: endpoint.id })).items;
    const detail = await b.service.getDelivery("lease", delivery!.id);
    expect(detail).toMatchObject({ status: "succeeded", attempts: 2 });
    expect(detail.attemptLog).toHaveLength(1);
  });

  it("pending deliveries of an endpoint disabled meanwhile fail without a request", async () => {
    const { service, clock } = webhookServiceFor(t.db);
    const { endpoint } = await service.createEndpoint("off", { url: receiver.url });
    await emitEvents(t.db, outbox(clock), [{ type: "config.set", resource: "config", appId: "off", key: "k" }]);
    await service.dispatch();
    await service.updateEndpoint("off", endpoint.id, { enabled: false });
    const before = receiver.requests.length;
    expect(await service.deliverDue()).toMatchObject({ claimed: 1, failed: 1 });
    expect(receiver.requests.length).toBe(before);
    const [delivery] = (await service.listDeliveries("off", { endpointId: endpoint.id })).items;
    expect(delivery).toMatchObject({ status: "failed", lastError: "endpoint disabled" });
  });

  it("prunes dispatched events past the retention once their deliveries are finished", async () => {
    const clock = new ManualClock(Date.now());
    const { service } = webhookServiceFor(t.db, { clock, retentionDays: 1 });
    const { endpoint } = await service.createEndpoint("prune", { url: await downUrl() });
    await emitEvents(t.db, outbox(clock), [
      { type: "config.set", resource: "config", appId: "prune", key: "old" },
      { type: "config.deleted", resource: "config", appId: "prune", key: "old" },
    ]);
    await service.dispatch();
    // One delivery finished, the other still pending: only the finished one's event may go.
    await t.db
      .update(webhookDeliveries)
      .set({ status: "succeeded", completedAt: clock.now() })
      .where(eq(webhookDeliveries.endpointId, endpoint.id));
    const [kept] = await t.db
      .select()
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.endpointId, endpoint.id))
      .orderBy(asc(webhookDeliveries.id))
      .limit(1);
    await t.db.update(webhookDeliveries).set({ status: "pending" }).where(eq(webhookDeliveries.id, kept!.id));
    clock.advance(2 * 86_400_000);
    expect(await service.prune()).toBe(1);
    const left = await t.db.select().from(events).where(eq(events.appId, "prune"));
    expect(left.map((e) => e.id)).toEqual([kept!.eventId]);
  });

  it("two workers on one database deliver each of 1,000 events exactly once to a healthy receiver", async () => {
    const other = await t.connectAgain();
    const sink = await Receiver.start();
    try {
      const audit = new MemoryAuditSink();
      const a = webhookServiceFor(t.db, { audit });
      const b = webhookServiceFor(other.db, { audit });
      await a.service.createEndpoint("many", { url: sink.url });
      // Written in two multi-row INSERTs: the events are the setup here, not what is measured.
      const rows = Array.from({ length: 1000 }, (_, i) =>
        eventRow({ type: "secret.set", resource: "secret", appId: "many", key: `k${i}`, version: 1 }, a.clock.now()),
      );
      for (let i = 0; i < rows.length; i += 500) await t.db.insert(events).values(rows.slice(i, i + 500));
      const workers = [a, b].map(
        ({ service }) => new WebhookWorker({ service, reminderIntervalMs: 0, pruneIntervalMs: 0 }),
      );
      const ticks = [0, 0];
      await Promise.all(
        workers.map(async (worker, i) => {
          for (let round = 0; round < 200 && sink.requests.length < 1000; round++) {
            if (await worker.tick()) ticks[i]! += 1;
          }
        }),
      );
      expect(sink.requests).toHaveLength(1000);
      const ids = new Set(sink.requests.map((r) => r.headers["webhook-id"]));
      expect(ids.size).toBe(1000);
      const depth = await a.service.queueDepth();
      expect(depth).toEqual({ waitingEvents: 0, pendingDeliveries: 0 });
      const succeeded = await t.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.appId, "many"));
      expect(succeeded.every((d) => d.status === "succeeded" && d.attempts === 1)).toBe(true);
      // Both took part (on PGlite, which is single-process, they share one connection).
      expect(ticks.every((n) => n > 0)).toBe(true);
      await Promise.all([a.service.close(), b.service.close()]);
    } finally {
      await sink.close();
      // t.close() closes the second handle too.
    }
  }, 240_000);
});
