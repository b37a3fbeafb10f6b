import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`apps and API keys routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  it("lets the instance admin create an app, mint a key for it, list and revoke keys", async () => {
    const created = await t.call("POST", "/v1/apps", { key: t.adminKey, body: { id: "shop", name: "Shop" } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: "shop", name: "Shop" });

    const minted = await t.call("POST", "/v1/apps/shop/api-keys", {
      key: t.adminKey,
      body: { name: "ci", scopes: ["secrets:read"] },
    });
    expect(minted.status).toBe(201);
    expect(minted.body.key).toMatch(/^vault_/);
    expect(minted.body.apiKey.prefix).toBe(minted.body.key.slice(0, 14));

    const listed = await t.call("GET", "/v1/apps/shop/api-keys", { key: t.adminKey });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((k: { id: string }) => k.id)).toEqual([minted.body.apiKey.id]);
    expect(listed.raw).not.toContain(minted.body.key);

    const app = await t.call("GET", "/v1/apps/shop", { key: t.adminKey });
    expect(app.body.id).toBe("shop");

    const revoked = await t.call("DELETE", `/v1/apps/shop/api-keys/${minted.body.apiKey.id}`, { key: t.adminKey });
    expect(revoked.status).toBe(200);
    expect(revoked.body.revokedAt).not.toBeNull();
    // The revoked key no longer authenticates.
    expectError(await t.call("GET", "/v1/apps/shop", { key: minted.body.key }), 401, "UNAUTHENTICATED");

    const all = await t.call("GET", "/v1/apps?limit=1", { key: t.adminKey });
    expect(all.body.items).toHaveLength(1);
    expect(all.body.nextCursor).not.toBeNull();
    const next = await t.call("GET", `/v1/apps?limit=1&cursor=${all.body.nextCursor}`, { key: t.adminKey });
    expect(next.body.items[0].id).not.toBe(all.body.items[0].id);
  });

  it("an app admin manages its own keys but cannot create apps or touch another app", async () => {
    const adminA = await t.appKey("app-a", ["admin"]);
    await t.appKey("app-b", ["admin"]);
    const own = await t.call("POST", "/v1/apps/app-a/api-keys", {
      key: adminA,
      body: { name: "reader", scopes: ["secrets:read"] },
    });
    expect(own.status).toBe(201);
    expectError(await t.call("POST", "/v1/apps", { key: adminA, body: { id: "evil" } }), 403, "FORBIDDEN");
    expectError(await t.call("GET", "/v1/apps/app-b/api-keys", { key: adminA }), 404, "NOT_FOUND");
    expectError(
      await t.call("DELETE", `/v1/apps/app-a/api-keys/${own.body.apiKey.id}`, { key: own.body.key }),
      403,
      "FORBIDDEN",
    );
  });

  it("answers 401 without a key, with a malformed header, or with an unknown key, and audits each denial", async () => {
    const before = t.audit.events.length;
    expectError(await t.call("GET", "/v1/apps"), 401, "UNAUTHENTICATED");
    expectError(await t.call("GET", "/v1/apps", { headers: { authorization: "Basic abc" } }), 401, "UNAUTHENTICATED");
    expectError(await t.call("GET", "/v1/apps", { key: `vault_${"A".repeat(43)}` }), 401, "UNAUTHENTICATED");
    // The first denial of a kind from a source is written at once; repeats in the same window become one summary.
    const denials = t.audit.events.slice(before).filter((e) => e.action === "auth.denied");
    expect(denials.map((e) => e.metadata?.reason)).toEqual(["missing_credentials", "invalid_key"]);
    expect(denials.at(-1)).toMatchObject({ appId: "system", outcome: "denied" });
    await t.server.denialAudit.flush({ all: true });
    const summary = t.audit.events.slice(before).find((e) => e.action === "auth.denied_summary");
    expect(summary).toMatchObject({ appId: "system", metadata: { reason: "invalid_key", count: 1 } });
  });

  it("rejects bad bodies and ids with 400 naming the field", async () => {
    const bad = await t.call("POST", "/v1/apps", { key: t.adminKey, body: { id: "Not A Slug" } });
    expectError(bad, 400, "VALIDATION");
    expect(bad.body.error.message).toContain("body.id");
    const badScope = await t.call("POST", "/v1/apps/app-a/api-keys", {
      key: t.adminKey,
      body: { name: "x", scopes: ["root"] },
    });
    expectError(badScope, 400, "VALIDATION");
    expect(badScope.body.error.message).toContain("body.scopes.0");
    const badId = await t.call("DELETE", "/v1/apps/app-a/api-keys/sec_123", { key: t.adminKey });
    expectError(badId, 400, "VALIDATION");
    expect(badId.body.error.message).toContain("params.id");
    const dup = await t.call("POST", "/v1/apps", { key: t.adminKey, body: { id: "app-a" } });
    expectError(dup, 409, "ALREADY_EXISTS");
    const missing = await t.call("POST", "/v1/apps/nope/api-keys", {
      key: t.adminKey,
      body: { name: "x", scopes: ["admin"] },
    });
    expectError(missing, 404, "NOT_FOUND");
  });
});
