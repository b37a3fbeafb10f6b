import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, testDatabaseKind } from "@vault/store/testing";
import { afterAll, describe, expect, it, vi } from "vitest";
import { api, type Spawned, spawnServer } from "./process";

// The server as its start command runs it: signals reach it (it is the process the command starts), shutdown drains
// what is in flight and exits 0, a kill -9 loses no acknowledged write, and one embedded data directory serves one
// process. On the suite's database: a data directory of its own on PGlite, a database of its own on Postgres.
describe(`the server process (${testDatabaseKind()})`, () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterAll(async () => {
    for (const fn of cleanups.reverse()) await fn();
  });

  /** The environment of a fresh store: a data directory, and on Postgres a database. */
  const freshStore = async (): Promise<Record<string, string>> => {
    const dataDir = mkdtempSync(join(tmpdir(), "vault-process-"));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (testDatabaseKind() !== "postgres") return { VAULT_DATA_DIR: dataDir };
    const database = await createTestDatabase();
    cleanups.push(() => database.close());
    return { VAULT_DATA_DIR: dataDir, DATABASE_URL: database.url! };
  };
  const started: Spawned[] = [];
  cleanups.push(() => {
    for (const server of started) if (server.child.exitCode === null) server.child.kill("SIGKILL");
  });
  const start = async (env: Record<string, string>) => {
    const server = await spawnServer(env);
    started.push(server);
    return server;
  };
  /** An app key of a new app on `server`. */
  const appKey = async (server: Spawned) => {
    await api(server.url, server.adminKey!, "POST", "/v1/apps", { id: "shop" });
    return (await api(server.url, server.adminKey!, "POST", "/v1/apps/shop/api-keys", { name: "k", scopes: ["admin"] }))
      .body.key as string;
  };

  it.each(["SIGTERM", "SIGINT"] as const)(
    "%s to the started process drains the requests in flight, answers each, and exits 0",
    { timeout: 120_000 },
    async (signal) => {
      // The access log says when each request has reached the server.
      const server = await start({ ...(await freshStore()), VAULT_LOG_LEVEL: "info", VAULT_ACCESS_LOG: "true" });
      const key = await appKey(server);
      // A batch of writes, and the signal once the server has received all of them: each is in its hands. (A request
      // still in the kernel's queue when the listener closes is refused, as with any server.)
      const inFlight = Array.from({ length: 12 }, (_, i) =>
        api(server.url, key, "PUT", `/v1/apps/shop/secrets/drain-${i}`, { value: `v${i}` }),
      );
      const received = () =>
        server
          .output()
          .split("\n")
          .filter((line) => line.includes('"msg":"incoming request"') && line.includes("/secrets/drain-")).length;
      await vi.waitFor(() => expect(received()).toBe(12), { timeout: 30_000, interval: 5 });
      server.child.kill(signal);
      const answers = await Promise.allSettled(inFlight);
      const statuses = answers.map((answer) => (answer.status === "fulfilled" ? answer.value.status : "reset"));
      expect(
        statuses.every((status) => status === 200 || status === 503),
        JSON.stringify(statuses),
      ).toBe(true);
      expect(await server.exit).toBe(0);
      expect(await server.exitSignal).toBeNull();
    },
  );

  it("loses no acknowledged write to a kill -9, and a restart takes the data directory back", {
    timeout: 180_000,
  }, async () => {
    const env = await freshStore();
    const first = await start(env);
    const key = await appKey(first);
    for (let i = 0; i < 20; i++) {
      expect((await api(first.url, key, "PUT", `/v1/apps/shop/secrets/k${i}`, { value: `value-${i}` })).status).toBe(
        200,
      );
    }
    first.child.kill("SIGKILL");
    expect(await first.exitSignal).toBe("SIGKILL");
    const second = await start(env);
    for (let i = 0; i < 20; i++) {
      const read = await api(second.url, key, "GET", `/v1/apps/shop/secrets/k${i}`);
      expect(read.body).toMatchObject({ value: `value-${i}` });
    }
    expect((await api(second.url, key, "GET", "/v1/apps/shop/audit/verify")).body.ok).toBe(true);
    second.child.kill("SIGTERM");
    expect(await second.exit).toBe(0);
  });

  it.skipIf(testDatabaseKind() === "postgres")(
    "refuses a second server on the same data directory, naming it and the holder's pid",
    { timeout: 120_000 },
    async () => {
      const env = await freshStore();
      const first = await start(env);
      const second = spawnServer(env);
      await expect(second).rejects.toThrow(/exited with 1/);
      const message = await second.catch((error: Error) => error.message);
      expect(message).toContain(`${env.VAULT_DATA_DIR} is in use by process ${first.child.pid}`);
      // The first is unaffected.
      expect((await fetch(`${first.url}/ready`)).status).toBe(200);
      first.child.kill("SIGTERM");
      expect(await first.exit).toBe(0);
    },
  );
});
