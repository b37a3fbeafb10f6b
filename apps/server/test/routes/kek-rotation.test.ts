import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keyring } from "@vault/crypto";
import * as store from "@vault/store";
import { testDatabaseKind } from "@vault/store/testing";
import { getTableConfig, PgTable } from "drizzle-orm/pg-core";
import type { FastifyInstance } from "fastify";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildServer } from "../../src/http/server";
import { createVault, type Vault } from "../../src/vault";
import { startTestServer, type TestServer } from "../helpers";

const SUBSYSTEMS = ["secrets", "blobs", "tokens", "webhooks"] as const;

/** Every table with a KEK id column, and the subsystem whose rewrapAll moves its keys. */
const KEK_TABLES: Record<string, (typeof SUBSYSTEMS)[number]> = {
  vault_secret_versions: "secrets",
  vault_blob_apps: "blobs",
  vault_blob_owner_keys: "blobs",
  vault_token_apps: "tokens",
  vault_tokens: "tokens",
  vault_webhook_endpoints: "webhooks",
};

describe(`KEK rotation over every subsystem (${testDatabaseKind()})`, () => {
  let dir: string;
  let s: TestServer;
  let receiver: Server;
  let receiverUrl: string;
  const received: Array<{ headers: IncomingHttpHeaders; body: string }> = [];
  let restarted: { vault: Vault; server: FastifyInstance } | undefined;

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
    dir = mkdtempSync(join(tmpdir(), "vault-kek-"));
    const keyringFile = join(dir, "keyring.json");
    const keyring = await Keyring.createFile(keyringFile);
    s = await startTestServer({
      keyringFile,
      vault: { keyring, webhooks: { urlPolicy: { allowLoopback: true } } },
    });
  });
  afterAll(async () => {
    await restarted?.server.close();
    await restarted?.vault.close();
    await s?.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it("every table holding a KEK id belongs to a subsystem the vault's KEK rotation covers", () => {
    const tables = (Object.values(store) as unknown[])
      .filter((value): value is PgTable => value instanceof PgTable)
      .map((table) => getTableConfig(table))
      .filter((config) => config.columns.some((column) => column.name.endsWith("kek_id")))
      .map((config) => config.name)
      .sort();
    // A new table with a KEK id column fails here until its package can rewrap it and it is listed above.
    expect(tables).toEqual(Object.keys(KEK_TABLES).sort());
    expect(s.vault.kekWrapped.map((w) => w.name)).toEqual([...SUBSYSTEMS]);
  });

  it("rotates with data in secrets, blobs, tokens and webhooks: pending 0 everywhere, and all of it works without the old KEK", async () => {
    const key = await s.appKey("kek", [
      "secrets:read",
      "secrets:write",
      "blobs:read",
      "blobs:write",
      "blobs:admin",
      "tokens:read",
      "tokens:write",
      "webhooks:read",
      "webhooks:write",
    ]);
    const app = s.vault.app("kek");
    await app.secrets.set("db/password", "hunter2-secret");
    await app.blobs.setPolicy("docs", { maxRetentionDays: 30, defaultTtlDays: 7, access: "open-retrieve" });
    await app.blobs.put("docs", "contract", Buffer.from("the signed contract"), {}, { identity: "alice" });
    const { token } = await app.tokens.create("4111 1111 1111 1111");
    const { endpoint, secret: signingSecret } = await app.webhooks.createEndpoint({ url: receiverUrl });

    const oldKek = s.vault.keyring.activeKeyId();
    const before = await s.call("GET", "/v1/admin/keks", { key: s.adminKey });
    expect(before.status, JSON.stringify(before.body)).toBe(200);
    expect(before.body).toMatchObject({ activeKekId: oldKek, kekIds: [oldKek], pending: 0, keyringSource: "file" });
    for (const name of SUBSYSTEMS) {
      expect(before.body.bySubsystem[name].byKek[oldKek], name).toBeGreaterThan(0);
    }
    // The totals are the sums over the subsystems.
    expect(before.body.byKek[oldKek]).toBe(
      SUBSYSTEMS.reduce((n, name) => n + before.body.bySubsystem[name].byKek[oldKek], 0),
    );

    const rotated = await s.call("POST", "/v1/admin/keks/rotate", { key: s.adminKey });
    expect(rotated.status, JSON.stringify(rotated.body)).toBe(200);
    const newKek = rotated.body.kekId;
    expect(rotated.body).toMatchObject({ previousKekId: oldKek, rewrapped: before.body.byKek[oldKek] });
    for (const name of SUBSYSTEMS) {
      expect(rotated.body.bySubsystem[name], name).toBe(before.body.bySubsystem[name].byKek[oldKek]);
    }
    const after = await s.call("GET", "/v1/admin/keks", { key: s.adminKey });
    expect(after.body).toMatchObject({
      activeKekId: newKek,
      kekIds: expect.arrayContaining([oldKek, newKek]),
      byKek: { [newKek]: before.body.byKek[oldKek] },
      pending: 0,
    });
    expect(after.body.byKek[oldKek]).toBeUndefined();
    for (const name of SUBSYSTEMS) {
      expect(after.body.bySubsystem[name], name).toEqual({
        byKek: { [newKek]: before.body.bySubsystem[name].byKek[oldKek] },
        pending: 0,
      });
    }
    expect(await s.call("POST", "/v1/admin/keks/rewrap", { key: s.adminKey })).toMatchObject({
      status: 200,
      body: { rewrapped: 0, bySubsystem: { secrets: 0, blobs: 0, tokens: 0, webhooks: 0 } },
    });

    // Restart on the same database with the saved keyring less the old KEK: nothing cached, nothing under it.
    const keyring = await Keyring.fromFile(join(dir, "keyring.json"));
    expect(keyring.keyIds().sort()).toEqual([oldKek, newKek].sort());
    keyring.remove(oldKek);
    const vault = await createVault({
      database: s.testDb,
      clock: s.clock,
      audit: s.audit,
      keyring,
      defaultMetrics: false,
      apiKeyCacheMs: 0,
      webhooks: { urlPolicy: { allowLoopback: true } },
    });
    const server = await buildServer(vault, { failedAuth: { max: 1_000_000, windowMs: 60_000 } });
    restarted = { vault, server };
    const call = (method: "GET" | "POST", url: string, body?: object) =>
      server.inject({ method, url, headers: { authorization: `Bearer ${key}` }, ...(body ? { payload: body } : {}) });

    const secret = await call("GET", "/v1/apps/kek/secrets/db%2Fpassword");
    expect(secret.statusCode, secret.body).toBe(200);
    expect(secret.json().value).toBe("hunter2-secret");
    const blob = await server.inject({
      method: "GET",
      url: "/v1/apps/kek/blobs/docs/contract",
      headers: { authorization: `Bearer ${key}`, "x-vault-identity": "alice" },
    });
    expect(blob.statusCode, blob.body).toBe(200);
    expect(blob.rawPayload.toString("utf8")).toBe("the signed contract");
    const detokenized = await call("POST", "/v1/apps/kek/tokens/read", { token });
    expect(detokenized.statusCode, detokenized.body).toBe(200);
    expect(detokenized.json().value).toBe("4111 1111 1111 1111");
    const ping = await call("POST", `/v1/apps/kek/webhooks/${endpoint.id}/test`);
    expect(ping.statusCode, ping.body).toBe(200);
    expect(ping.json().status).toBe("succeeded");
    const request = received.find((r) => r.headers["webhook-id"] === ping.json().eventId)!;
    const headers = request.headers as Record<string, string>;
    const at = new Date(Number(headers["webhook-timestamp"]) * 1000);
    expect(headers["webhook-signature"]).toBe(
      new Webhook(signingSecret).sign(headers["webhook-id"]!, at, request.body),
    );

    // The audit log names each subsystem's rewrap (one entry per app per batch).
    const actions = new Set(s.audit.events.map((e) => e.action));
    for (const action of [
      "secret.rewrapped",
      "blob.keys_rewrapped",
      "token.keys_rewrapped",
      "webhook.secrets_rewrapped",
    ]) {
      expect(actions, action).toContain(action);
    }
  });
});
