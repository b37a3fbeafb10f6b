import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { events } from "@vault/store";
import { testDatabaseKind } from "@vault/store/testing";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

const CANARY = "canary-route-webhook-3c9a-value";

describe(`webhook routes (${testDatabaseKind()})`, () => {
  let s: TestServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    // The ManualClock of the test server stands at 2026-01-01: signatures are checked with the library's sign().
    s = await startTestServer({ vault: { webhooks: { urlPolicy: { allowLoopback: true } } } });
  });
  afterAll(async () => {
    await s.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const verify = (secret: string, request: { headers: IncomingHttpHeaders; body: string }) => {
    const headers = request.headers as Record<string, string>;
    const at = new Date(Number(headers["webhook-timestamp"]) * 1000);
    return headers["webhook-signature"] === new Webhook(secret).sign(headers["webhook-id"]!, at, request.body);
  };

  it("scopes: webhooks:read lists, webhooks:write changes; no key is 401, another app's endpoint 404", async () => {
    const reader = await s.appKey("whr", ["webhooks:read"]);
    const writer = await s.appKey("whr", ["webhooks:write", "webhooks:read"]);
    expectError(await s.call("GET", "/v1/apps/whr/webhooks"), 401, "UNAUTHENTICATED");
    expect((await s.call("GET", "/v1/apps/whr/webhooks", { key: reader })).body).toEqual({
      items: [],
      nextCursor: null,
    });
    expectError(
      await s.call("POST", "/v1/apps/whr/webhooks", { key: reader, body: { url: receiverUrl } }),
      403,
      "FORBIDDEN",
    );
    const created = await s.call("POST", "/v1/apps/whr/webhooks", { key: writer, body: { url: receiverUrl } });
    expect(created.status).toBe(201);
    const other = await s.appKey("whr-other", ["webhooks:read"]);
    expectError(
      await s.call("GET", `/v1/apps/whr-other/webhooks/${created.body.endpoint.id}`, { key: other }),
      404,
      "NOT_FOUND",
    );
    expect((await s.call("GET", "/v1/apps/whr/webhook-event-types", { key: reader })).body.items).toContain(
      "secret.rotated",
    );
  });

  it("bad input is a 400 naming the problem, and nothing is written", async () => {
    const key = await s.appKey("whbad", ["webhooks:write", "webhooks:read"]);
    const privateUrl = await s.call("POST", "/v1/apps/whbad/webhooks", { key, body: { url: "http://10.1.2.3/hook" } });
    expectError(privateUrl, 400, "VALIDATION");
    expect(privateUrl.body.error.message).toContain("10.1.2.3 is a private address");
    const metadata = await s.call("POST", "/v1/apps/whbad/webhooks", {
      key,
      body: { url: "http://169.254.169.254/latest/meta-data/" },
    });
    expectError(metadata, 400, "VALIDATION");
    const badType = await s.call("POST", "/v1/apps/whbad/webhooks", {
      key,
      body: { url: receiverUrl, eventTypes: ["secrets.set"] },
    });
    expectError(badType, 400, "VALIDATION");
    expect(badType.body.error.message).toContain('unknown event type "secrets.set"');
    expectError(await s.call("GET", "/v1/apps/whbad/webhooks/sec_123", { key }), 400, "VALIDATION");
    expect((await s.call("GET", "/v1/apps/whbad/webhooks", { key })).body.items).toEqual([]);
  });

  it("a secret written over HTTP reaches the endpoint signed; deliveries, detail, redeliver, test ping and rotation", async () => {
    const key = await s.appKey("whflow", ["webhooks:write", "webhooks:read", "secrets:write"]);
    const created = await s.call("POST", "/v1/apps/whflow/webhooks", {
      key,
      body: { url: receiverUrl, eventTypes: ["secret.*"], description: "ops" },
    });
    const { endpoint, secret } = created.body;
    expect(secret).toMatch(/^whsec_/);
    const got = await s.call("GET", `/v1/apps/whflow/webhooks/${endpoint.id}`, { key });
    expect(got.body).toMatchObject({ id: endpoint.id, eventTypes: ["secret.*"], enabled: true });
    expect(got.raw).not.toContain(secret.slice(6));

    expect(
      (await s.call("PUT", "/v1/apps/whflow/secrets/db%2Fpassword", { key, body: { value: CANARY } })).status,
    ).toBe(200);
    await s.vault.webhooks.dispatch();
    await s.vault.webhooks.deliverDue();
    const [event] = await s.vault.db
      .select()
      .from(events)
      .where(and(eq(events.appId, "whflow"), eq(events.type, "secret.set")));
    const request = received.find((r) => r.headers["webhook-id"] === event!.id)!;
    expect(verify(secret, request)).toBe(true);
    expect(JSON.parse(request.body)).toMatchObject({
      type: "secret.set",
      data: { appId: "whflow", key: "db/password", version: 1 },
    });
    expect(request.body).not.toContain("canary");

    const list = await s.call("GET", `/v1/apps/whflow/webhooks/${endpoint.id}/deliveries?status=succeeded`, { key });
    expect(list.body.items).toEqual([
      expect.objectContaining({ eventId: event!.id, status: "succeeded", attempts: 1, lastStatusCode: 200 }),
    ]);
    const deliveryId = list.body.items[0].id;
    const detail = await s.call("GET", `/v1/apps/whflow/webhooks/${endpoint.id}/deliveries/${deliveryId}`, { key });
    expect(detail.body.attemptLog).toEqual([expect.objectContaining({ attempt: 1, outcome: "succeeded" })]);
    expect(detail.body.payload.type).toBe("secret.set");

    const redo = await s.call("POST", `/v1/apps/whflow/webhooks/${endpoint.id}/deliveries/${deliveryId}/redeliver`, {
      key,
    });
    expect(redo.status).toBe(202);
    expect(redo.body).toMatchObject({ status: "pending", attempts: 0 });
    expectError(
      await s.call("POST", `/v1/apps/whflow/webhooks/${endpoint.id}/deliveries/${deliveryId}/redeliver`, { key }),
      409,
      "CONFLICT",
    );
    await s.vault.webhooks.deliverDue();
    expect(received.filter((r) => r.headers["webhook-id"] === event!.id)).toHaveLength(2);

    const rotated = await s.call("POST", `/v1/apps/whflow/webhooks/${endpoint.id}/rotate-secret`, {
      key,
      body: { overlapMs: 0 },
    });
    expect(rotated.status).toBe(200);
    const ping = await s.call("POST", `/v1/apps/whflow/webhooks/${endpoint.id}/test`, { key });
    expect(ping.body).toMatchObject({ status: "succeeded", eventType: "webhook.test", lastStatusCode: 200 });
    const pinged = received.find((r) => r.headers["webhook-id"] === ping.body.eventId)!;
    expect(verify(rotated.body.secret, pinged)).toBe(true);
    expect(verify(secret, pinged)).toBe(false);

    const metrics = await s.call("GET", "/metrics");
    expect(metrics.raw).toMatch(/vault_webhook_deliveries_total\{outcome="succeeded"\} [1-9]/);
    expect(metrics.raw).toContain('vault_webhook_queue_depth{queue="deliveries"}');
    expect(metrics.raw).toContain("vault_webhook_delivery_latency_seconds_bucket");

    const patched = await s.call("PATCH", `/v1/apps/whflow/webhooks/${endpoint.id}`, { key, body: { enabled: false } });
    expect(patched.body).toMatchObject({ enabled: false, disabledReason: "manual" });
    expect((await s.call("DELETE", `/v1/apps/whflow/webhooks/${endpoint.id}`, { key })).status).toBe(204);
    expectError(await s.call("GET", `/v1/apps/whflow/webhooks/${endpoint.id}`, { key }), 404, "NOT_FOUND");
    // Signing secrets are in no audit entry.
    const audited = JSON.stringify(s.audit.events);
    expect(audited).not.toContain(secret.slice(6));
    expect(audited).not.toContain(rotated.body.secret.slice(6));
  });

  it("API key changes are events too (apikey.created, apikey.revoked), never the key", async () => {
    await s.vault.apps.create({ id: "whkeys" });
    const { apiKey, key } = await s.vault.apiKeys.create("whkeys", { name: "ci", scopes: ["secrets:read"] });
    await s.vault.apiKeys.revoke("whkeys", apiKey.id);
    const rows = await s.vault.db.select().from(events).where(eq(events.appId, "whkeys"));
    expect(rows.map((r) => [r.type, r.key])).toEqual([
      ["apikey.created", apiKey.id],
      ["apikey.revoked", apiKey.id],
    ]);
    expect(rows[0]!.data).toEqual({ name: "ci", scopes: ["secrets:read"] });
    expect(JSON.stringify(rows)).not.toContain(key);
  });
});
