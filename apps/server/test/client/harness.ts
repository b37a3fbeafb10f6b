import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createVaultApi, type FlagClient, type FlagClientEvents, unwrap, type VaultApi } from "@vault/client";
import { Keyring } from "@vault/crypto";
import { createTestDatabase, type TestDatabase } from "@vault/store/testing";
import { generateApiKey } from "../../src/auth/apikeys";
import { type Spawned, spawnServer } from "../process";

/**
 * Real server processes over one store: a temporary data directory (PGlite) or a test database (Postgres, when
 * DATABASE_URL is set), with a fixed keyring and admin key so that several processes, or one restarted on the same
 * port, share everything.
 */
export class ServerFixture {
  readonly adminKey = generateApiKey();
  readonly #env: Record<string, string>;
  readonly #cleanups: Array<() => Promise<void> | void> = [];
  readonly running: Spawned[] = [];

  private constructor(env: Record<string, string>) {
    this.#env = env;
  }

  static async create(): Promise<ServerFixture> {
    const dataDir = mkdtempSync(join(tmpdir(), "vault-client-"));
    const env: Record<string, string> = {
      VAULT_DATA_DIR: dataDir,
      VAULT_KEYRING: Keyring.generate().serialize(),
    };
    let testDb: TestDatabase | undefined;
    if (process.env.DATABASE_URL) {
      testDb = await createTestDatabase();
      env.DATABASE_URL = testDb.url!;
    }
    const fixture = new ServerFixture(env);
    fixture.#env.VAULT_ADMIN_KEY = fixture.adminKey;
    fixture.#cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    if (testDb) fixture.#cleanups.push(() => testDb.close());
    return fixture;
  }

  /** Start a server process (on `port`, or a free one). */
  async start(port?: number): Promise<Spawned> {
    const server = await spawnServer({ ...this.#env, ...(port === undefined ? {} : { PORT: String(port) }) });
    this.running.push(server);
    return server;
  }

  /** SIGTERM, and wait for the exit. */
  async stop(server: Spawned): Promise<void> {
    if (server.child.exitCode === null) {
      server.child.kill("SIGTERM");
      await server.exit;
    }
  }

  async close(): Promise<void> {
    for (const server of this.running) if (server.child.exitCode === null) server.child.kill("SIGKILL");
    await Promise.all(this.running.map((s) => s.exit));
    for (const fn of this.#cleanups.reverse()) await fn();
  }
}

/** Create `appId` and a key of it with the scopes a service and its admin need. */
export async function appWithKey(url: string, adminKey: string, appId: string, scopes: string[]): Promise<string> {
  const admin = createVaultApi({ url, apiKey: adminKey });
  const exists = await admin.GET("/v1/apps/{appId}", { params: { path: { appId } } });
  if (exists.response.status === 404) unwrap(await admin.POST("/v1/apps", { body: { id: appId } }));
  const minted = unwrap(
    await admin.POST("/v1/apps/{appId}/api-keys", {
      params: { path: { appId } },
      body: { name: `client test ${scopes.join(",")}`, scopes: scopes as never },
    }),
  );
  return minted.key;
}

export function apiFor(url: string, key: string): VaultApi {
  return createVaultApi({ url, apiKey: key });
}

/** The next `event` from `client` that satisfies `accept` (bounded wait: fails the test instead of hanging). */
export function nextEvent<E extends keyof FlagClientEvents>(
  client: FlagClient,
  event: E,
  accept: (payload: FlagClientEvents[E]) => boolean = () => true,
  withinMs = 15_000,
): Promise<FlagClientEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no ${String(event)} event within ${withinMs} ms`));
    }, withinMs);
    const stop = client.on(event, (payload) => {
      if (!accept(payload)) return;
      clearTimeout(timer);
      stop();
      resolve(payload);
    });
  });
}
