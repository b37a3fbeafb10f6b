import type { ServerResponse } from "node:http";
import { Writable } from "node:stream";
import { ManualClock } from "@vault/core";
import { testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/http/server";
import type { Every } from "../../src/http/stream/hub";
import { createVault } from "../../src/vault";
import { startTestServer, type TestServer } from "../helpers";
import { openStream } from "../sse";

/** A timer the test fires by hand: heartbeats without waiting 15 s. */
function manualTimers() {
  const tasks = new Map<number, { ms: number; task: () => void }>();
  let next = 0;
  const every: Every = (ms, task) => {
    const id = next++;
    tasks.set(id, { ms, task });
    return () => tasks.delete(id);
  };
  const fire = (ms: number) => {
    for (const entry of [...tasks.values()]) if (entry.ms === ms) entry.task();
  };
  return { every, fire, tasks };
}

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
}

describe(`GET /v1/apps/:appId/stream (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  let key: string;
  const timers = manualTimers();

  beforeAll(async () => {
    t = await startTestServer({ server: { stream: { every: timers.every } } });
    url = await listen(t.server);
    key = await t.appKey("shop", ["flags:evaluate", "config:read"]);
    await t.vault.flags.define("shop", { key: "checkout", type: "bool", defaultValue: false });
    await t.vault.config.set("shop", "limits/max-items", 10);
    await t.vault.overrides.set("shop", "limits/max-items", "acme", 100);
  });
  afterAll(async () => t?.close());

  const streamUrl = () => `${url}/v1/apps/shop/stream`;

  it("sends the flag snapshot, the config snapshot (entries and overrides) and ready on connect", async () => {
    const stream = await openStream(streamUrl(), key);
    try {
      expect(stream.response.status).toBe(200);
      expect(stream.response.headers.get("content-type")).toMatch(/^text\/event-stream/);
      const flags = await stream.next();
      const config = await stream.next();
      const ready = await stream.next();
      const flagSnapshot = await t.vault.flags.snapshot("shop");
      const configSnapshot = await t.vault.config.snapshot("shop");
      expect(flags.event).toBe("flags");
      expect(JSON.parse(flags.data)).toMatchObject({ revision: flagSnapshot.revision, flags: [{ key: "checkout" }] });
      expect(config.event).toBe("config");
      expect(JSON.parse(config.data)).toMatchObject({
        revision: configSnapshot.revision,
        entries: [{ key: "limits/max-items", value: 10 }],
        overrides: [{ key: "limits/max-items", tenantId: "acme", value: 100 }],
      });
      expect(ready.event).toBe("ready");
      expect(JSON.parse(ready.data)).toEqual({ flags: flagSnapshot.revision, config: configSnapshot.revision });
      expect(ready.id).toBe(`${flagSnapshot.revision}.${configSnapshot.revision}`);
      expect(flags.id).toBe(`${flagSnapshot.revision}.-`);
    } finally {
      stream.close();
    }
  });

  it("sends the new snapshot each time a revision moves, in order", async () => {
    const stream = await openStream(streamUrl(), key);
    try {
      const ready = JSON.parse((await stream.nextOf("ready")).data);
      await t.vault.flags.update("shop", "checkout", { enabled: false });
      const toggled = await stream.next();
      expect(toggled.event).toBe("flags");
      const snapshot = JSON.parse(toggled.data);
      expect(snapshot.revision).toBe(ready.flags + 1);
      expect(snapshot.flags[0]).toMatchObject({ key: "checkout", enabled: false });
      await t.vault.overrides.set("shop", "limits/max-items", "globex", 5);
      const config = await stream.next();
      expect(config.event).toBe("config");
      expect(JSON.parse(config.data).revision).toBe(ready.config + 1);
      expect(config.id).toBe(`${ready.flags + 1}.${ready.config + 1}`);
      await t.vault.flags.update("shop", "checkout", { enabled: true });
      expect(JSON.parse((await stream.next()).data)).toMatchObject({ revision: ready.flags + 2 });
    } finally {
      stream.close();
    }
  });

  it("resumes from Last-Event-ID without resending what the client holds", async () => {
    const first = await openStream(streamUrl(), key);
    const ready = await first.nextOf("ready");
    first.close();
    const resumed = await openStream(streamUrl(), key, { lastEventId: ready.id });
    try {
      // Nothing moved: no snapshot again, straight to ready.
      const next = await resumed.next();
      expect(next.event).toBe("ready");
      expect(next.id).toBe(ready.id);
      await t.vault.config.set("shop", "limits/max-items", 11);
      const config = await resumed.next();
      expect(config.event).toBe("config");
      expect(JSON.parse(config.data).entries[0]).toMatchObject({ value: 11 });
    } finally {
      resumed.close();
    }
    // A client that missed a flag change gets the flag snapshot only.
    const [flagsRevision, configRevision] = ready.id!.split(".").map(Number) as [number, number];
    await t.vault.flags.update("shop", "checkout", { description: "moved while away" });
    const behind = await openStream(streamUrl(), key, { lastEventId: `${flagsRevision}.${configRevision + 1}` });
    try {
      const events = [await behind.next(), await behind.next()];
      expect(events.map((e) => e.event)).toEqual(["flags", "ready"]);
      expect(JSON.parse(events[0]!.data).revision).toBeGreaterThan(flagsRevision);
    } finally {
      behind.close();
    }
    // A malformed id, or one from ahead of this server (a restored database): everything again.
    for (const lastEventId of ["garbage", "999999.999999"]) {
      const fresh = await openStream(streamUrl(), key, { lastEventId });
      try {
        expect((await fresh.next()).event).toBe("flags");
        expect((await fresh.next()).event).toBe("config");
      } finally {
        fresh.close();
      }
    }
  });

  it("carries only what the key's scopes allow", async () => {
    const configOnly = await t.appKey("shop", ["config:read"]);
    const stream = await openStream(streamUrl(), configOnly);
    try {
      const first = await stream.next();
      expect(first.event).toBe("config");
      const ready = await stream.next();
      expect(JSON.parse(ready.data)).toEqual({ config: expect.any(Number) });
      await t.vault.flags.update("shop", "checkout", { enabled: false });
      await t.vault.config.set("shop", "limits/max-items", 12);
      // The flag change was not sent: the next event is the config change.
      const next = await stream.next();
      expect(next.event).toBe("config");
      expect(next.id).toMatch(/^-\.\d+$/);
    } finally {
      stream.close();
    }
    const flagsOnly = await t.appKey("shop", ["flags:read"]);
    const flagStream = await openStream(streamUrl(), flagsOnly);
    try {
      expect((await flagStream.next()).event).toBe("flags");
      expect(JSON.parse((await flagStream.next()).data)).toEqual({ flags: expect.any(Number) });
    } finally {
      flagStream.close();
    }
  });

  it("sends a heartbeat comment on the heartbeat timer (every 15 s by default)", async () => {
    expect([...timers.tasks.values()].map((task) => task.ms)).toContain(15_000);
    const stream = await openStream(streamUrl(), key);
    try {
      await stream.nextOf("ready");
      expect(stream.comments).toEqual([]);
      timers.fire(15_000);
      expect(await stream.comment(1)).toBe("heartbeat");
      timers.fire(15_000);
      expect(await stream.comment(2)).toBe("heartbeat");
    } finally {
      stream.close();
    }
  });

  it("forgets a client that went away", async () => {
    await expect.poll(() => t.server.streamHub.size, { timeout: 10_000 }).toBe(0); // the earlier tests' streams
    const before = t.server.streamHub.size;
    const stream = await openStream(streamUrl(), key);
    await stream.nextOf("ready");
    expect(t.server.streamHub.size).toBe(before + 1);
    stream.close();
    await expect.poll(() => t.server.streamHub.size, { timeout: 10_000 }).toBe(before);
  });

  it("serves the config snapshot with an ETag, and 304 when it has not moved", async () => {
    const first = await t.call("GET", "/v1/apps/shop/config-snapshot", { key });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ appId: "shop", entries: [{ key: "limits/max-items" }] });
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${first.body.revision}"`);
    const again = await t.call("GET", "/v1/apps/shop/config-snapshot", { key, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    await t.vault.config.set("shop", "limits/max-items", 13);
    const moved = await t.call("GET", "/v1/apps/shop/config-snapshot", { key, headers: { "if-none-match": etag } });
    expect(moved.status).toBe(200);
    expect(moved.body.revision).toBe(first.body.revision + 1);
  });
});

describe(`event streams under pressure (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  let key: string;

  beforeAll(async () => {
    t = await startTestServer({ server: { stream: { maxBufferedBytes: 64 * 1024 } } });
    url = await listen(t.server);
    key = await t.appKey("big", ["flags:read"]);
    // A snapshot of about 100 KB, past the 64 KB a client may leave unread.
    for (let i = 0; i < 4; i++) {
      await t.vault.flags.define("big", { key: `flag-${i}`, type: "string", defaultValue: "x".repeat(25_000) });
    }
  });
  afterAll(async () => t?.close());

  it("drops a client that stops reading once its unread buffer passes the limit, and counts it", async () => {
    // A response whose socket takes nothing (as a client that stopped reading, once the kernel's buffers are full):
    // every write stays queued in Node, as on a real stuck socket.
    const stuck = new Writable({ write: () => {} }) as Writable & { socket?: unknown };
    const hub = t.server.streamHub;
    const topics = new Set(["flags"] as const);
    const channel = await hub.prepare("big", topics);
    const detach = hub.attach("big", channel, {
      raw: stuck as unknown as ServerResponse,
      topics,
      position: { flags: -1, config: -1 },
    });
    stuck.on("close", detach);
    const reader = await openStream(`${url}/v1/apps/big/stream`, key);
    await reader.nextOf("ready");
    expect(hub.size).toBe(2);
    const snapshotBytes = stuck.writableLength;
    expect(snapshotBytes).toBeGreaterThan(64 * 1024); // the initial snapshot alone is past the limit
    let peak = stuck.writableLength;
    for (let i = 0; i < 3; i++) {
      await t.vault.flags.update("big", "flag-0", { enabled: i % 2 === 1 });
      await reader.nextOf("flags"); // the reading client gets every change
      peak = Math.max(peak, stuck.writableLength);
    }
    expect(stuck.destroyed).toBe(true);
    expect(peak).toBe(snapshotBytes); // nothing was queued after the limit was passed
    await expect.poll(() => hub.size, { timeout: 10_000 }).toBe(1);
    const metrics = await t.vault.metrics.registry.getSingleMetricAsString("vault_streams_dropped_total");
    expect(metrics).toContain('vault_streams_dropped_total{reason="slow_client"} 1');
    reader.close();
  });

  it("ends open streams when the server closes, without waiting for the shutdown timeout", async () => {
    const stream = await openStream(`${url}/v1/apps/big/stream`, key);
    await stream.nextOf("ready");
    // The stream ends as shutdown begins, not when the server's shutdown timeout closes connections.
    const closing = t.server.close();
    await stream.ended;
    await closing;
    expect(t.server.streamHub.size).toBe(0);
  });
});

describe.skipIf(testDatabaseKind() !== "postgres")("event streams across server instances (postgres)", () => {
  it("a write through one instance reaches the streams of another through the database's change feed", async () => {
    const a = await startTestServer();
    const secondDb = await a.testDb.connectAgain();
    const b = await createVault({
      database: secondDb,
      clock: new ManualClock(),
      defaultMetrics: false,
      apiKeyCacheMs: 0,
    });
    const serverB = await buildServer(b);
    try {
      const urlB = await listen(serverB);
      const key = await a.appKey("multi", ["flags:read"]);
      await a.vault.flags.define("multi", { key: "beta", type: "bool", defaultValue: false });
      const stream = await openStream(`${urlB}/v1/apps/multi/stream`, key);
      const ready = JSON.parse((await stream.nextOf("ready")).data);
      await a.vault.flags.update("multi", "beta", { enabled: false });
      const moved = await stream.next();
      expect(moved.event).toBe("flags");
      expect(JSON.parse(moved.data)).toMatchObject({ revision: ready.flags + 1, flags: [{ enabled: false }] });
      stream.close();
    } finally {
      await serverB.close();
      await b.close();
      await a.close();
    }
  });
});
