import { Agent, request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { type Actor, currentActor, ManualClock } from "@vault/core";
import { type AuditEvent, type Executor, MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defineRoute } from "../src/http/route";
import { buildServer } from "../src/http/server";
import { createLogger } from "../src/logger";
import { createVault, type Vault } from "../src/vault";

// The request pipeline as a whole, with the API-key cache on (the shared test server turns it off): authentication
// from the cache and its expiry on the injected clock, revocation, the actor context, request ids, metrics and logs.

/** A log destination that collects the JSON lines written to it. */
function linesInto(lines: string[]): Writable {
  return new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
}

/** Keeps the actor each entry was recorded under, as the real audit log reads it. */
class ActorCapturingSink extends MemoryAuditSink {
  readonly actors: (Actor | undefined)[] = [];
  override async record(tx: Executor, event: AuditEvent): Promise<void> {
    this.actors.push(currentActor());
    return super.record(tx, event);
  }
  override async recordDetached(event: AuditEvent): Promise<void> {
    this.actors.push(currentActor());
    return super.recordDetached(event);
  }
}

describe(`request pipeline (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const clock = new ManualClock();
  const audit = new ActorCapturingSink();
  const lines: string[] = [];
  let shopKey: string;
  let shopKeyId: string;
  const call = async (method: "GET" | "POST", url: string, key: string | undefined, body?: unknown) => {
    const response = await server.inject({
      method,
      url,
      headers: key ? { authorization: `Bearer ${key}` } : {},
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: response.statusCode, body: JSON.parse(response.body || "null"), headers: response.headers };
  };

  beforeAll(async () => {
    testDb = await createTestDatabase();
    vault = await createVault({
      database: testDb,
      clock,
      audit,
      defaultMetrics: false,
      apiKeyCacheMs: 60_000,
      logger: createLogger("info", linesInto(lines)),
    });
    await vault.apps.create({ id: "shop" });
    await vault.apps.create({ id: "other" });
    const created = await vault.apiKeys.create("shop", { name: "all", scopes: ["admin"] });
    shopKey = created.key;
    shopKeyId = created.apiKey.id;
    await vault.flags.define("shop", {
      key: "beta",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
    });
    await vault.secrets.set("shop", "db/password", "hunter2");
    server = await buildServer(vault);
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("answers a cached key without looking it up again, until the cache window ends on the injected clock", async () => {
    const { key } = await vault.apiKeys.create("shop", { name: "cached", scopes: ["flags:evaluate"] });
    const lookups = vi.spyOn(testDb.db, "select");
    try {
      expect((await call("POST", "/v1/apps/shop/flags/beta/evaluate", key, {})).status).toBe(200);
      const afterFirst = lookups.mock.calls.length;
      expect(afterFirst).toBeGreaterThan(0);
      for (let i = 0; i < 3; i++)
        expect((await call("POST", "/v1/apps/shop/flags/beta/evaluate", key, {})).status).toBe(200);
      expect(lookups.mock.calls.length).toBe(afterFirst);
      clock.advance(61_000);
      expect((await call("POST", "/v1/apps/shop/flags/beta/evaluate", key, {})).status).toBe(200);
      expect(lookups.mock.calls.length).toBeGreaterThan(afterFirst);
    } finally {
      lookups.mockRestore();
    }
  });

  it("refuses a key revoked between two requests on one keep-alive connection", async () => {
    const { key, apiKey } = await vault.apiKeys.create("shop", { name: "keep-alive", scopes: ["flags:evaluate"] });
    const address = await server.listen({ port: 0, host: "127.0.0.1" });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const evaluate = () =>
      new Promise<number>((done, fail) => {
        const req = httpRequest(
          `${address}/v1/apps/shop/flags/beta/evaluate`,
          { method: "POST", agent, headers: { authorization: `Bearer ${key}`, "content-type": "application/json" } },
          (res) => {
            sockets.add(res.socket);
            res.resume();
            res.on("end", () => done(res.statusCode ?? 0));
          },
        );
        req.on("error", fail);
        req.end("{}");
      });
    try {
      expect([await evaluate(), await evaluate(), await evaluate()]).toEqual([200, 200, 200]);
      await vault.apiKeys.revoke("shop", apiKey.id);
      expect(await evaluate()).toBe(401);
      expect(sockets.size).toBe(1); // every request went over the one connection
    } finally {
      agent.destroy();
    }
  });

  it("runs audited operations as the caller, and evaluations without an actor", async () => {
    const before = audit.events.length;
    const read = await call("GET", "/v1/apps/shop/secrets/db%2Fpassword", shopKey);
    expect(read.status).toBe(200);
    const index = audit.events.findIndex((e, i) => i >= before && e.action === "secret.read");
    expect(audit.actors[index]).toMatchObject({
      appId: "shop",
      apiKeyId: shopKeyId,
      requestId: read.headers["x-request-id"],
    });
    const evaluated = await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, { tenantId: "acme" });
    expect(evaluated.body).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    expect(audit.events.slice(index + 1).map((e) => e.action)).toEqual([]);
    expect(currentActor()).toBeUndefined(); // nothing leaks out of a request
  });

  it("gives every request an id of its own, or keeps a harmless one the caller sent", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 20; i++) ids.add(String((await call("GET", "/health", undefined)).headers["x-request-id"]));
    expect(ids.size).toBe(20);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f-]{36}$/);
    const given = await server.inject({ method: "GET", url: "/health", headers: { "x-request-id": "trace-123" } });
    expect(given.headers["x-request-id"]).toBe("trace-123");
    const unsafe = await server.inject({ method: "GET", url: "/health", headers: { "x-request-id": "a b\u0001" } });
    expect(unsafe.headers["x-request-id"]).toMatch(/^req_/);
  });

  it("counts answered requests by route, method and status, refusals and unknown routes included", async () => {
    await call("POST", "/v1/apps/other/flags/beta/evaluate", shopKey, {}); // 404: another app
    await call("POST", "/v1/apps/shop/flags/beta/evaluate", "vault_nope", {}); // 401
    await call("GET", "/v1/nowhere", shopKey); // unmatched
    const metrics = await server.inject({ method: "GET", url: "/metrics" });
    const series = (route: string, method: string, status: number) =>
      Number(
        new RegExp(`vault_http_requests_total\\{route="${route}",method="${method}",status="${status}"\\} (\\d+)`).exec(
          metrics.body,
        )?.[1] ?? 0,
      );
    expect(series("/v1/apps/:appId/flags/:key/evaluate", "POST", 200)).toBeGreaterThanOrEqual(5);
    expect(series("/v1/apps/:appId/flags/:key/evaluate", "POST", 404)).toBe(1);
    expect(series("/v1/apps/:appId/flags/:key/evaluate", "POST", 401)).toBeGreaterThanOrEqual(1);
    expect(series("unmatched", "GET", 404)).toBe(1);
    expect(metrics.body).toMatch(
      /vault_http_request_duration_seconds_count\{route="\/health",method="GET",status="200"\} [1-9]/,
    );
  });

  it("logs no line for a successful request by default, and one for a denial, never with the key", async () => {
    lines.length = 0;
    await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, { tenantId: "acme" });
    expect(lines).toEqual([]);
    const denied = await call("POST", "/v1/apps/other/flags/beta/evaluate", shopKey, {});
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({
      msg: "request denied",
      reason: "other_app",
      reqId: denied.headers["x-request-id"],
    });
    expect(lines.join("")).not.toContain(shopKey);
  });
});

describe(`request logging (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  const lines: string[] = [];
  const servers: FastifyInstance[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    vault = await createVault({
      database: testDb,
      defaultMetrics: false,
      logger: createLogger("info", linesInto(lines)),
    });
  });
  afterAll(async () => {
    for (const server of servers) await server.close();
    await vault?.close();
    await testDb?.close();
  });

  it("writes an internal failure once, with its request id, and never its cause to the caller", async () => {
    const boom = defineRoute({
      method: "GET",
      url: "/v1/test/boom",
      operationId: "boom",
      summary: "Fails with an internal error.",
      tag: "test",
      auth: { kind: "public" },
      response: null,
      handler: () => {
        throw new Error("boom: CANARY-INTERNAL");
      },
    });
    const server = await buildServer(vault, { routes: [boom] });
    servers.push(server);
    lines.length = 0;
    const failed = await server.inject({ method: "GET", url: "/v1/test/boom" });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain("CANARY-INTERNAL");
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: "request failed", reqId: failed.headers["x-request-id"] });
    expect(logged[0]?.err).toMatchObject({ message: "boom: CANARY-INTERNAL" });
  });

  it("writes one access line per request when asked to, without headers", async () => {
    const server = await buildServer(vault, { accessLog: true });
    servers.push(server);
    lines.length = 0;
    const answer = await server.inject({
      method: "GET",
      url: "/health?x=1",
      headers: { authorization: "Bearer vault_CANARY-HEADER" },
    });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((l) => l.msg)).toEqual(["incoming request", "request completed"]);
    expect(logged[1]).toMatchObject({ reqId: answer.headers["x-request-id"], res: { statusCode: 200 } });
    expect(logged[0]).toMatchObject({ req: { method: "GET", url: "/health" } });
    expect(lines.join("")).not.toContain("CANARY-HEADER");
  });
});
