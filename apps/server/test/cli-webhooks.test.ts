import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { runCli } from "../src/cli";
import { startTestServer, type TestServer } from "./helpers";

describe(`vault webhooks … against a server (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let env: Record<string, string>;
  let receiver: Server;
  let receiverUrl: string;
  let hits = 0;
  beforeAll(async () => {
    receiver = createServer((req, res) => {
      hits += 1;
      req.resume();
      req.on("end", () => res.end());
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/cli`;
    t = await startTestServer({ vault: { webhooks: { urlPolicy: { allowLoopback: true } } } });
    await t.server.listen({ port: 0, host: "127.0.0.1" });
    const url = `http://127.0.0.1:${(t.server.server.address() as { port: number }).port}`;
    env = { VAULT_URL: url, VAULT_API_KEY: await t.appKey("cli-hooks", ["webhooks:read", "webhooks:write"]) };
  });
  afterAll(async () => {
    await t?.close();
    receiver.closeAllConnections();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  // biome-ignore lint/suspicious/noExplicitAny: the CLI prints JSON answers of many shapes
  async function vault(args: string[]): Promise<any> {
    const writes: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
      writes.push(String(chunk));
      return true;
    });
    try {
      await runCli(args, env, []);
    } finally {
      spy.mockRestore();
    }
    const text = writes.join("");
    return text === "" ? undefined : JSON.parse(text);
  }

  it("creates, lists, updates, tests, rotates, lists deliveries, redelivers and deletes", async () => {
    const created = await vault(["webhooks", "create", receiverUrl, "--events", "secret.*,flag.updated"]);
    expect(created.secret).toMatch(/^whsec_/);
    const id = created.endpoint.id;
    expect(created.endpoint.eventTypes).toEqual(["flag.updated", "secret.*"]);
    expect((await vault(["webhooks", "list"])).items.map((e: { id: string }) => e.id)).toEqual([id]);
    expect(await vault(["webhooks", "update", id, "--description", "ops", "--enabled", "false"])).toMatchObject({
      description: "ops",
      enabled: false,
    });
    await vault(["webhooks", "update", id, "--enabled", "true"]);
    const ping = await vault(["webhooks", "test", id]);
    expect(ping).toMatchObject({ status: "succeeded", eventType: "webhook.test" });
    expect(hits).toBe(1);
    const rotated = await vault(["webhooks", "rotate-secret", id, "--overlap-ms", "0"]);
    expect(rotated.secret).not.toBe(created.secret);
    const deliveries = await vault(["webhooks", "deliveries", id, "--status", "succeeded"]);
    expect(deliveries.items).toHaveLength(1);
    const detail = await vault(["webhooks", "delivery", id, ping.id]);
    expect(detail.attemptLog).toHaveLength(1);
    expect(await vault(["webhooks", "redeliver", id, ping.id])).toMatchObject({ status: "pending" });
    expect(await vault(["webhooks", "event-types"])).toMatchObject({ items: expect.arrayContaining(["config.set"]) });
    await vault(["webhooks", "delete", id]);
    await expect(vault(["webhooks", "get", id])).rejects.toThrow(/404 NOT_FOUND/);
    await expect(vault(["webhooks", "create", "http://10.0.0.1/x"])).rejects.toThrow(/400 VALIDATION.*private/);
    await expect(vault(["webhooks", "frobnicate"])).rejects.toThrow(/unknown command/);
  });
});
