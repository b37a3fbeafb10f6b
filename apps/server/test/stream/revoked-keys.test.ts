import { testDatabaseKind } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Every } from "../../src/http/stream/hub";
import { startTestServer, type TestServer } from "../helpers";
import { openStream } from "../sse";

/** The key checks' timer, fired by hand. */
function manualTimer() {
  const tasks: Array<() => void> = [];
  const every: Every = (_ms, task) => {
    tasks.push(task);
    return () => tasks.splice(tasks.indexOf(task), 1);
  };
  return {
    every,
    fire: () => {
      for (const task of tasks) task();
    },
  };
}

async function listen(server: FastifyInstance): Promise<string> {
  await server.listen({ port: 0, host: "127.0.0.1" });
  return `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
}

// A stream is authenticated once, when it opens: without these checks a revoked key would go on reading snapshots
// for as long as its connection lasted.
describe(`a revoked API key's open event streams end (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let url: string;
  const timer = manualTimer();

  beforeAll(async () => {
    t = await startTestServer({ server: { streamKeys: { every: timer.every } } });
    url = await listen(t.server);
    await t.appKey("shop", ["flags:evaluate"]); // creates the app
    await t.vault.flags.define("shop", { key: "checkout", type: "bool", defaultValue: false });
  });
  afterAll(async () => t?.close());

  const mint = async (name: string) => t.vault.apiKeys.create("shop", { name, scopes: ["flags:evaluate"] });

  it("revoked through this server's API: the key's streams end at once, others go on; reconnecting is refused", async () => {
    const revoked = await mint("revoked");
    const kept = await mint("kept");
    const [first, second, other] = await Promise.all([
      openStream(`${url}/v1/apps/shop/stream`, revoked.key),
      openStream(`${url}/v1/apps/shop/stream`, revoked.key),
      openStream(`${url}/v1/apps/shop/stream`, kept.key),
    ]);
    try {
      await Promise.all([first, second, other].map((stream) => stream.nextOf("ready")));
      const answer = await t.call("DELETE", `/v1/apps/shop/api-keys/${revoked.apiKey.id}`, { key: t.adminKey });
      expect(answer.status).toBe(200);
      await Promise.all([first.ended, second.ended]); // no timer fired: the revocation itself ended them
      await t.vault.flags.update("shop", "checkout", { enabled: false });
      expect((await other.next()).event).toBe("flags");
      const again = await fetch(`${url}/v1/apps/shop/stream`, { headers: { authorization: `Bearer ${revoked.key}` } });
      expect(again.status).toBe(401);
      await again.body?.cancel();
    } finally {
      for (const stream of [first, second, other]) stream.close();
    }
  });

  it("revoked elsewhere (another instance, or the Vault API): the key's streams end at the next check", async () => {
    const revoked = await mint("revoked elsewhere");
    const kept = await mint("kept elsewhere");
    const stream = await openStream(`${url}/v1/apps/shop/stream`, revoked.key);
    const other = await openStream(`${url}/v1/apps/shop/stream`, kept.key);
    try {
      await stream.nextOf("ready");
      await other.nextOf("ready");
      // Not through this server's route: nothing tells the server but the database.
      await t.vault.apiKeys.revoke("shop", revoked.apiKey.id);
      await t.vault.flags.update("shop", "checkout", { enabled: true });
      expect((await stream.nextOf("flags")).event).toBe("flags"); // still open until a check
      timer.fire(); // the check: one query for the open streams' keys
      await stream.ended;
      await t.vault.flags.update("shop", "checkout", { enabled: false });
      expect((await other.nextOf("flags")).event).toBe("flags");
    } finally {
      stream.close();
      other.close();
    }
  });
});
