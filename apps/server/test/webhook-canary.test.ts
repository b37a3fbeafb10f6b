import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { inspect } from "node:util";
import { queryRows } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildServer } from "../src/http/server";
import { createLogger } from "../src/logger";
import { createVault, type Vault } from "../src/vault";

const VALUE = "CANARY-WEBHOOK-VALUE-51d0c2";
const CONFIG = "CANARY-WEBHOOK-CONFIG-7ab3e9";

describe(`webhook canary (${testDatabaseKind()})`, () => {
  let testDb: TestDatabase;
  let vault: Vault;
  let server: FastifyInstance;
  let receiver: Server;
  let receiverUrl: string;
  const received: string[] = [];
  const lines: string[] = [];

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        received.push(JSON.stringify(req.headers) + Buffer.concat(chunks).toString("utf8"));
        res.end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    testDb = await createTestDatabase();
    vault = await createVault({
      database: testDb,
      defaultMetrics: false,
      logger: createLogger(
        "trace",
        new Writable({
          write(chunk, _encoding, done) {
            lines.push(String(chunk));
            done();
          },
        }),
      ),
      webhooks: { urlPolicy: { allowLoopback: true }, retry: { maxAttempts: 1 } },
      webhookPollMs: 20,
    });
    server = await buildServer(vault, { accessLog: true });
  });
  afterAll(async () => {
    await server?.close();
    await vault?.close();
    await testDb?.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  it("a value never reaches an event, a payload, the delivery log, an answer, the logs or the console", async () => {
    const printed: string[] = [];
    const spies = (["log", "info", "warn", "error", "debug", "trace"] as const).map((m) =>
      vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
        printed.push(args.map((a) => inspect(a, { depth: 10 })).join(" "));
      }),
    );
    const answers: string[] = [];
    try {
      await vault.apps.create({ id: "wcanary" });
      const { key } = await vault.apiKeys.create("wcanary", {
        name: "all",
        scopes: ["secrets:write", "config:write", "webhooks:read", "webhooks:write"],
      });
      const call = async (method: "POST" | "PUT" | "GET", url: string, body?: unknown) => {
        const response = await server.inject({
          method,
          url,
          headers: { authorization: `Bearer ${key}` },
          ...(body === undefined ? {} : { payload: body as object }),
        });
        answers.push(response.body);
        return JSON.parse(response.body || "null");
      };
      const created = await call("POST", "/v1/apps/wcanary/webhooks", { url: receiverUrl });
      const signingSecret: string = created.endpoint ? created.secret : "";
      answers.pop(); // the create answer carries the signing secret by design; it is checked below, then left out
      expect(signingSecret).toMatch(/^whsec_/);
      // A second endpoint that is down: its failures are logged and recorded, still without a value.
      await call("POST", "/v1/apps/wcanary/webhooks", { url: "http://127.0.0.1:9/down" });
      answers.pop();
      await call("PUT", "/v1/apps/wcanary/secrets/db%2Fpassword", { value: VALUE });
      await call("PUT", "/v1/apps/wcanary/config/limits%2Fmax", { value: CONFIG });
      answers.pop(); // a config write answers its entry, value included, by design
      // The worker delivers on its own timer; wait for it with a bound.
      for (let i = 0; i < 500 && received.length < 2; i++) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(received.length).toBeGreaterThanOrEqual(2);
      const endpoints = await call("GET", "/v1/apps/wcanary/webhooks");
      for (const endpoint of endpoints.items as Array<{ id: string }>) {
        const deliveries = await call("GET", `/v1/apps/wcanary/webhooks/${endpoint.id}/deliveries`);
        for (const d of deliveries.items as Array<{ id: string }>) {
          await call("GET", `/v1/apps/wcanary/webhooks/${endpoint.id}/deliveries/${d.id}`);
        }
      }
      const tables = await queryRows<{ text: string }>(
        vault.db,
        sql`select (select coalesce(json_agg(e), '[]')::text from vault_events e)
              || (select coalesce(json_agg(d), '[]')::text from vault_webhook_deliveries d)
              || (select coalesce(json_agg(a), '[]')::text from vault_webhook_attempts a)
              || (select coalesce(json_agg(w), '[]')::text from vault_webhook_endpoints w) as text`,
      );
      const everything = [...lines, ...printed, ...answers, ...received, tables[0]!.text].join("\n");
      for (const canary of [VALUE, CONFIG, signingSecret.slice(6)]) expect(everything).not.toContain(canary);
      // What was checked is not empty: the payloads reached the receiver and name the changes.
      expect(received.join("\n")).toContain('"key":"db/password"');
      expect(lines.join("\n")).toContain("/v1/apps/wcanary/secrets");
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
  });
});
