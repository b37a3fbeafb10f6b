import { Agent, request as httpRequest } from "node:http";
import { Writable } from "node:stream";
import { type Actor, currentActor, ManualClock } from "@vault/core";
import { type AuditEvent, type Executor, MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { defineRoute } from "../src/http/route";
import { createLogger } from "../src/logger";
import { buildServer } from "../src/server";
import { createVault, type Vault } from "../src/vault";

// The request pipeline answers synchronously when the key is cached and the handler answers at once (a cached flag
// evaluation). The shared test server has the key cache off, so this file runs one with it on and checks that the
// synchronous path authenticates, denies (and audits the denial), validates, records metrics and logs like the
// asynchronous one.
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
}

describe(`request pipeline with cached keys (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const audit = new ActorCapturingSink();
  const lines: string[] = [];
  let shopKey: string;
  let shopKeyId: string;
  let readOnlyKey: string;
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
    const sink = linesInto(lines);
    vault = await createVault({
      db: testDb.db,
      clock: new ManualClock(),
      audit,
      defaultMetrics: false,
      apiKeyCacheMs: 60_000,
      logger: createLogger("info", sink),
    });
    await vault.apps.create({ id: "shop" });
    await vault.apps.create({ id: "other" });
    const created = await vault.apiKeys.create("shop", { name: "all", scopes: ["admin"] });
    shopKey = created.key;
    shopKeyId = created.apiKey.id;
    readOnlyKey = (await vault.apiKeys.create("shop", { name: "ro", scopes: ["flags:read"] })).key;
    await vault.flags.define("shop", {
      key: "beta",
      type: "bool",
      defaultValue: false,
      rules: [{ type: "when_tenant", tenants: ["acme"], value: true }],
    });
    await vault.flags.define("other", { key: "beta", type: "bool", defaultValue: true });
    await vault.secrets.set("shop", "db/password", "hunter2");
    server = await buildServer(vault, { validateResponses: true });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("evaluates through the cached path with the same answers, and audits nothing for evaluations", async () => {
    const before = audit.events.length;
    for (let i = 0; i < 3; i++) {
      const acme = await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, { tenantId: "acme" });
      expect(acme.status).toBe(200);
      expect(acme.body).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
      expect(acme.headers["x-request-id"]).toMatch(/^req_/);
      const globex = await call("POST", "/v1/apps/shop/evaluate", shopKey, { tenantId: "globex" });
      expect(globex.body.beta).toMatchObject({ value: false, reason: "DEFAULT" });
    }
    expect(audit.events.slice(before).map((e) => e.action)).toEqual([]);
    const missing = await call("POST", "/v1/apps/shop/flags/nope/evaluate", shopKey, {});
    expect(missing.body).toMatchObject({ reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
  });

  it("denies another app's objects and missing scopes from a cached key, and audits each denial", async () => {
    await call("POST", "/v1/apps/shop/flags/beta/evaluate", readOnlyKey, {}); // caches the key (403)
    for (let i = 0; i < 2; i++) {
      const cross = await call("POST", "/v1/apps/other/flags/beta/evaluate", shopKey, {});
      expect(cross.status).toBe(404);
      expect(cross.body.error.code).toBe("NOT_FOUND");
      expect(cross.headers["x-request-id"]).toBe(cross.body.error.requestId);
      const scope = await call("POST", "/v1/apps/shop/flags/beta/evaluate", readOnlyKey, {});
      expect(scope.status).toBe(403);
    }
    const denials = audit.events.filter((e) => e.action === "auth.denied");
    expect(denials.filter((e) => e.metadata?.reason === "other_app")).toHaveLength(2);
    expect(denials.filter((e) => e.metadata?.reason === "missing_scope")).toHaveLength(3);
  });

  it("validates the body on the synchronous path: 400 naming the field", async () => {
    const bad = await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, { tenantId: 42 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("body.tenantId");
  });

  it("still runs audited operations as the caller", async () => {
    for (let i = 0; i < 2; i++) {
      const read = await call("GET", "/v1/apps/shop/secrets/db%2Fpassword", shopKey);
      expect(read.body.value).toBe("hunter2");
      const index = audit.events.findLastIndex((e) => e.action === "secret.read");
      expect(audit.actors[index]).toMatchObject({
        appId: "shop",
        apiKeyId: shopKeyId,
        requestId: read.headers["x-request-id"],
      });
    }
    expect(currentActor()).toBeUndefined(); // nothing leaks out of a request
  });

  it("gives every request an id of its own, or keeps a harmless one the caller sent", async () => {
    const ids = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const answer = await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, {});
      ids.add(String(answer.headers["x-request-id"]));
    }
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^req_[0-9a-f]{16}-[0-9a-z]+$/);
    const given = await server.inject({
      method: "POST",
      url: "/v1/apps/shop/flags/beta/evaluate",
      headers: { authorization: `Bearer ${shopKey}`, "x-request-id": "trace-123" },
      payload: {},
    });
    expect(given.headers["x-request-id"]).toBe("trace-123");
  });

  it("counts answered requests by route and status, errors and unknown routes included", async () => {
    const unknown = await call("GET", "/v1/nowhere", shopKey);
    expect(unknown.status).toBe(404);
    expect(unknown.headers["x-request-id"]).toMatch(/^req_/);
    const metrics = await server.inject({ method: "GET", url: "/metrics" });
    const series = (route: string, status: number) =>
      new RegExp(`vault_http_requests_total\\{route="${route}",method="(GET|POST)",status="${status}"\\} (\\d+)`).exec(
        metrics.body,
      )?.[2];
    expect(Number(series("/v1/apps/:appId/flags/:key/evaluate", 200))).toBeGreaterThanOrEqual(4);
    expect(Number(series("/v1/apps/:appId/flags/:key/evaluate", 404))).toBe(2);
    expect(Number(series("/v1/apps/:appId/flags/:key/evaluate", 403))).toBe(3);
    expect(Number(series("/v1/apps/:appId/flags/:key/evaluate", 400))).toBe(1);
    expect(Number(series("unmatched", 404))).toBeGreaterThanOrEqual(1);
    expect(metrics.body).toMatch(/vault_http_request_duration_seconds_count\{route="\/v1\/apps\/:appId\/evaluate"/);
  });

  it("counts a streamed answer once, when it is done, and a failed one once", async () => {
    const count = async (status: number) => {
      const { body } = await server.inject({ method: "GET", url: "/metrics" });
      const match = new RegExp(
        `vault_http_requests_total\\{route="/metrics",method="GET",status="${status}"\\} (\\d+)`,
      ).exec(body);
      return Number(match?.[1] ?? 0);
    };
    const before = await count(200);
    expect(await count(200)).toBe(before + 1);
    // The audit export streams NDJSON; with a MemoryAuditSink there is no log to export: 503, counted once.
    const exported = await call("GET", "/v1/apps/shop/audit/export", shopKey);
    expect(exported.status).toBe(503);
    const { body } = await server.inject({ method: "GET", url: "/metrics" });
    expect(body).toMatch(
      /vault_http_requests_total\{route="\/v1\/apps\/:appId\/audit\/export",method="GET",status="503"\} 1\n/,
    );
  });

  it("recognises a connection's repeated header, and nothing else, until a revocation or the cache window ends", async () => {
    const connection = {};
    const other = await vault.apiKeys.create("shop", { name: "conn-b", scopes: ["flags:read"] });
    const revocable = await vault.apiKeys.create("shop", { name: "conn-a", scopes: ["flags:read"] });
    for (const key of [revocable.key, other.key]) await vault.apiKeys.authenticate(key); // both in the key cache
    const header = `Bearer ${revocable.key}`;
    expect(vault.apiKeys.authenticateHeaderCached(header, connection)?.apiKeyId).toBe(revocable.apiKey.id);
    expect(vault.apiKeys.authenticateHeaderCached(header, connection)?.apiKeyId).toBe(revocable.apiKey.id);
    // Another key on the same connection answers as itself; a header one character off answers nothing.
    expect(vault.apiKeys.authenticateHeaderCached(`Bearer ${other.key}`, connection)?.apiKeyId).toBe(other.apiKey.id);
    const flipped = `${header.slice(0, -1)}${header.endsWith("A") ? "B" : "A"}`;
    expect(vault.apiKeys.authenticateHeaderCached(flipped, connection)).toBeUndefined();
    expect(vault.apiKeys.authenticateHeaderCached("Basic abc", connection)).toBeUndefined();
    expect(vault.apiKeys.authenticateHeaderCached(header, connection)?.apiKeyId).toBe(revocable.apiKey.id);
    // The cache window (60 s here) bounds what a connection remembers.
    const now = Date.now();
    const later = vi.spyOn(Date, "now").mockReturnValue(now + 61_000);
    try {
      expect(vault.apiKeys.authenticateHeaderCached(header, connection)).toBeUndefined();
    } finally {
      later.mockRestore();
    }
    await vault.apiKeys.authenticate(revocable.key);
    expect(vault.apiKeys.authenticateHeaderCached(header, connection)?.apiKeyId).toBe(revocable.apiKey.id);
    await vault.apiKeys.revoke("shop", revocable.apiKey.id);
    expect(vault.apiKeys.authenticateHeaderCached(header, connection)).toBeUndefined();
    expect(vault.apiKeys.authenticateHeaderCached(`Bearer ${other.key}`, {})?.apiKeyId).toBe(other.apiKey.id);
    // Without a connection (a request whose socket is gone) the key cache still answers; nothing is remembered.
    expect(vault.apiKeys.authenticateHeaderCached(`Bearer ${other.key}`, undefined)?.apiKeyId).toBe(other.apiKey.id);
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

  it("logs one line per request, with its request id, and never the key", async () => {
    lines.length = 0;
    const answer = await call("POST", "/v1/apps/shop/flags/beta/evaluate", shopKey, { tenantId: "acme" });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged.map((l) => l.msg)).toEqual(["request completed"]);
    expect(logged[0]).toMatchObject({ reqId: answer.headers["x-request-id"], res: { statusCode: 200 } });
    expect(lines.join("")).not.toContain(shopKey);
  });
});

// Above info, the server runs Fastify without a logger (no per-request child logger or response listeners) and logs
// failed requests itself; latencies are still measured.
describe(`request pipeline with a warn-level logger (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const lines: string[] = [];

  beforeAll(async () => {
    testDb = await createTestDatabase();
    const sink = linesInto(lines);
    vault = await createVault({ db: testDb.db, defaultMetrics: false, logger: createLogger("warn", sink) });
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
    server = await buildServer(vault, { routes: [boom] });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("writes no line for a successful request and one for a failed one, with its request id", async () => {
    const ok = await server.inject({ method: "GET", url: "/health" });
    expect(ok.statusCode).toBe(200);
    expect(lines).toEqual([]);
    const failed = await server.inject({ method: "GET", url: "/v1/test/boom" });
    expect(failed.statusCode).toBe(500);
    expect(failed.body).not.toContain("CANARY-INTERNAL");
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ msg: "request failed", reqId: failed.headers["x-request-id"] });
    expect(logged[0]?.err).toMatchObject({ message: "boom: CANARY-INTERNAL" });
  });

  it("still measures how long requests took", async () => {
    for (let i = 0; i < 3; i++) await server.inject({ method: "GET", url: "/health" });
    const { body } = await server.inject({ method: "GET", url: "/metrics" });
    const sum = /vault_http_request_duration_seconds_sum\{route="\/health",method="GET"\} (\S+)/.exec(body)?.[1];
    const count = /vault_http_request_duration_seconds_count\{route="\/health",method="GET"\} (\S+)/.exec(body)?.[1];
    expect(Number(count)).toBeGreaterThanOrEqual(3);
    expect(Number(sum)).toBeGreaterThan(0);
  });
});
