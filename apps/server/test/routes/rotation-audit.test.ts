import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`rotation, audit and admin routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let auditor: string;
  beforeAll(async () => {
    // The real hash-chained audit log (not the memory sink), so query/export/verify have something to read.
    t = await startTestServer({ realAudit: true });
    writer = await t.appKey("shop", ["secrets:write", "secrets:read"]);
    auditor = await t.appKey("shop", ["audit:read"]);
  });
  afterAll(async () => t?.close());

  it("creates a policy, rotates now, and lists records and policies", async () => {
    await t.call("PUT", "/v1/apps/shop/secrets/api-token", { key: writer, body: { value: "initial" } });
    const policy = await t.call("PUT", "/v1/apps/shop/rotation/policies/api-token", {
      key: writer,
      body: { intervalMs: 86_400_000, strategy: "random_password", params: { length: 24 } },
    });
    expect(policy.status, JSON.stringify(policy.body)).toBe(200);
    expect(policy.body).toMatchObject({ secretKey: "api-token", intervalMs: 86_400_000, enabled: true });
    const changed = await t.call("PUT", "/v1/apps/shop/rotation/policies/api-token", {
      key: writer,
      body: { intervalMs: 3_600_000, strategy: "random_password" },
    });
    expect(changed.body.intervalMs).toBe(3_600_000);
    const rotated = await t.call("POST", "/v1/apps/shop/secrets/api-token/rotate", { key: writer });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    expect(rotated.body).toMatchObject({ outcome: "success", oldVersion: 1, newVersion: 2, trigger: "manual" });
    const value = await t.call("GET", "/v1/apps/shop/secrets/api-token", { key: writer });
    expect(value.body.version).toBe(2);
    expect(value.body.value).toHaveLength(24);
    const records = await t.call("GET", "/v1/apps/shop/rotation/records?secretKey=api-token", { key: writer });
    expect(records.body.items).toHaveLength(1);
    expect((await t.call("GET", "/v1/apps/shop/rotation/policies", { key: writer })).body.items).toHaveLength(1);
    expect((await t.call("GET", "/v1/apps/shop/rotation/policies/api-token", { key: writer })).status).toBe(200);
    expect((await t.call("DELETE", "/v1/apps/shop/rotation/policies/api-token", { key: writer })).status).toBe(204);
    expectError(await t.call("POST", "/v1/apps/shop/secrets/nope/rotate", { key: writer }), 404, "NOT_FOUND");
    const bad = await t.call("PUT", "/v1/apps/shop/rotation/policies/x", {
      key: writer,
      body: { intervalMs: 10, strategy: "random_password" },
    });
    expectError(bad, 400, "VALIDATION");
    expect(bad.body.error.message).toContain("body.intervalMs");
    const metrics = await t.call("GET", "/metrics");
    expect(metrics.raw).toContain('vault_rotations_total{outcome="success"} 1');
  });

  it("queries, exports and verifies the audit log of the app only", async () => {
    const page = await t.call("GET", "/v1/apps/shop/audit?limit=100", { key: auditor });
    expect(page.status).toBe(200);
    const actions = page.body.items.map((e: { action: string }) => e.action);
    expect(actions).toContain("secret.set");
    expect(actions).toContain("secret.read");
    expect(actions).toContain("rotation.rotated");
    expect(page.body.items.every((e: { appId: string }) => e.appId === "shop")).toBe(true);
    const read = page.body.items.find((e: { action: string }) => e.action === "secret.read");
    expect(read.actor.apiKeyId).toMatch(/^apikey_/);
    expect(read.requestId).toMatch(/^req_/);
    expect(JSON.stringify(page.body)).not.toContain("initial");

    const filtered = await t.call("GET", "/v1/apps/shop/audit?action=secret.read", { key: auditor });
    expect(filtered.body.items.every((e: { action: string }) => e.action === "secret.read")).toBe(true);

    const exported = await t.call("GET", "/v1/apps/shop/audit/export", { key: auditor });
    expect(exported.headers["content-type"]).toContain("application/x-ndjson");
    const lines = exported.raw
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines.length).toBe(page.body.items.length);
    expect(lines.every((e: { appId: string }) => e.appId === "shop")).toBe(true);
    expect(lines[0].seq).toBeLessThan(lines.at(-1).seq);

    // An app's key learns the verdict only: counts and hashes describe every app's entries.
    const verified = await t.call("GET", "/v1/apps/shop/audit/verify", { key: auditor });
    expect(verified.body).toEqual({ ok: true });
    const full = await t.call("GET", "/v1/apps/shop/audit/verify", { key: t.adminKey });
    expect(full.body).toMatchObject({ ok: true, checked: expect.any(Number), lastHash: expect.any(String) });

    const badFilter = await t.call("GET", "/v1/apps/shop/audit?outcome=maybe", { key: auditor });
    expectError(badFilter, 400, "VALIDATION");
    expect(badFilter.body.error.message).toContain("query.outcome");
    expectError(await t.call("GET", "/v1/apps/shop/audit", { key: writer }), 403, "FORBIDDEN");
  });

  it("rotates the KEK (file keyrings only), rewraps, and reports status", async () => {
    const status = await t.call("GET", "/v1/admin/keks", { key: t.adminKey });
    expect(status.status).toBe(200);
    expect(status.body.pending).toBe(0);
    expect(Object.keys(status.body.bySubsystem)).toEqual(["secrets", "blobs", "tokens", "webhooks"]);
    expect(status.body.keyringSource).toBe("environment");
    const refused = await t.call("POST", "/v1/admin/keks/rotate", { key: t.adminKey });
    expectError(refused, 400, "VALIDATION");
    const rewrap = await t.call("POST", "/v1/admin/keks/rewrap", { key: t.adminKey });
    expect(rewrap.body).toEqual({ rewrapped: 0, bySubsystem: { secrets: 0, blobs: 0, tokens: 0, webhooks: 0 } });
  });
});
