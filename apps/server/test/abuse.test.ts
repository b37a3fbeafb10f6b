import { ManualClock } from "@vault/core";
import { MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../src/http/server";
import { createVault, type Vault } from "../src/vault";

// Abuse from outside: a source that keeps presenting bad keys is limited, a flood of denials does not grow the audit
// log by a row each (while metrics count every one), and /metrics can be closed with a token.
describe(`abuse (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  const audit = new MemoryAuditSink();
  const clock = new ManualClock();
  const metricsToken = "metrics-token-0123456789";
  let validKey: string;
  const get = (url: string, headers: Record<string, string> = {}, remoteAddress = "203.0.113.7") =>
    server.inject({ method: "GET", url, headers, remoteAddress });
  const metrics = async () => (await get("/metrics", { authorization: `Bearer ${metricsToken}` })).body;
  const denied = (text: string, reason: string) =>
    Number(new RegExp(`vault_http_denied_total\\{reason="${reason}"\\} (\\d+)`).exec(text)?.[1] ?? 0);

  beforeAll(async () => {
    testDb = await createTestDatabase();
    vault = await createVault({ database: testDb, clock, audit, defaultMetrics: false, apiKeyCacheMs: 0 });
    await vault.apps.create({ id: "shop" });
    validKey = (await vault.apiKeys.create("shop", { name: "ok", scopes: ["admin"] })).key;
    server = await buildServer(vault, {
      failedAuth: { max: 5, windowMs: 60_000 },
      denialAuditWindowMs: 60_000,
      metricsToken,
    });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
  });

  it("answers 429 with Retry-After once a source exceeds its failed authentications, other sources unaffected", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      statuses.push((await get("/v1/whoami", { authorization: `Bearer vault_${"x".repeat(43)}` })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429]);
    const limited = await get("/v1/whoami", { authorization: `Bearer vault_${"x".repeat(43)}` });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(JSON.parse(limited.body).error).toMatchObject({ code: "RATE_LIMITED" });
    // The limited source is refused before any lookup, even with a valid key; another source is not limited.
    expect((await get("/v1/whoami", { authorization: `Bearer ${validKey}` })).statusCode).toBe(429);
    expect((await get("/v1/whoami", { authorization: `Bearer ${validKey}` }, "198.51.100.9")).statusCode).toBe(200);
    // Successful requests do not count against a source.
    for (let i = 0; i < 20; i++) {
      expect((await get("/v1/whoami", { authorization: `Bearer ${validKey}` }, "198.51.100.10")).statusCode).toBe(200);
    }
  });

  it("audits a flood of denials from one source as one entry and one summary per window, and counts each exactly", async () => {
    const source = "192.0.2.44";
    const before = audit.events.length;
    const beforeMetrics = await metrics();
    const other = (await vault.apiKeys.create("shop", { name: "other-app-prober", scopes: ["admin"] })).key;
    await vault.apps.create({ id: "victim" });
    for (let i = 0; i < 200; i++) {
      expect((await get("/v1/apps/victim/secrets", { authorization: `Bearer ${other}` }, source)).statusCode).toBe(404);
    }
    const written = () =>
      audit.events
        .slice(before)
        .filter((e) => e.action.startsWith("auth.denied") && e.metadata?.reason === "other_app");
    expect(written()).toHaveLength(1);
    expect(written()[0]).toMatchObject({ action: "auth.denied", appId: "shop", metadata: { reason: "other_app" } });
    // The window ends (on the injected clock): the rest is one summary with the exact count.
    clock.advance(60_000);
    await server.denialAudit.flush();
    expect(written()).toHaveLength(2);
    expect(written()[1]).toMatchObject({
      action: "auth.denied_summary",
      appId: "shop",
      outcome: "denied",
      metadata: { reason: "other_app", count: 199 },
    });
    expect(denied(await metrics(), "other_app") - denied(beforeMetrics, "other_app")).toBe(200);
    // The next denial opens a new window and is written at once.
    await get("/v1/apps/victim/secrets", { authorization: `Bearer ${other}` }, source);
    expect(written()).toHaveLength(3);
  });

  it("protects /metrics with a token when one is configured", async () => {
    expect((await get("/metrics")).statusCode).toBe(401);
    expect((await get("/metrics", { authorization: "Bearer not-the-token-at-all" })).statusCode).toBe(401);
    const ok = await get("/metrics", { authorization: `Bearer ${metricsToken}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toContain("vault_http_requests_total");
    expect(ok.body).not.toContain(validKey);
  });
});
