import { spawnSync } from "node:child_process";
import { ManualClock } from "@vault/core";
import { type AuditSink, MemoryAuditSink, queryRows } from "@vault/store";
import { createTestDatabase, type TestDatabase } from "@vault/store/testing";
import { sql } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Scope } from "../src/auth/scopes";
import { type BuildServerOptions, buildServer } from "../src/http/server";
import type { UiOption } from "../src/http/ui";
import { type CreateVaultOptions, createVault, type Vault } from "../src/vault";

export interface TestServer {
  testDb: TestDatabase;
  vault: Vault;
  server: FastifyInstance;
  audit: MemoryAuditSink;
  clock: ManualClock;
  adminKey: string;
  /** Create an app and a key of it with `scopes`; returns the key. */
  appKey(appId: string, scopes: Scope[]): Promise<string>;
  /** `inject` with an optional bearer key and JSON body; returns status, parsed body and headers. */
  call(
    method: string,
    url: string,
    options?: { key?: string; body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Record<string, unknown>; raw: string }>;
  close(): Promise<void>;
}

/** A server over a fresh test database, with a bootstrapped instance-admin key. */
export async function startTestServer(
  options: {
    audit?: AuditSink;
    realAudit?: boolean;
    keyringFile?: string;
    ui?: UiOption;
    server?: BuildServerOptions;
    /** More options for the vault (e.g. webhook settings). */
    vault?: Partial<CreateVaultOptions>;
  } = {},
): Promise<TestServer> {
  const testDb = await createTestDatabase();
  const audit = new MemoryAuditSink();
  const clock = new ManualClock();
  const vault = await createVault({
    database: testDb,
    clock,
    audit: options.realAudit ? undefined : (options.audit ?? audit),
    keyringFile: options.keyringFile,
    defaultMetrics: false,
    apiKeyCacheMs: 0,
    ...options.vault,
  });
  const { generatedKey } = await vault.apiKeys.bootstrap();
  // Tests send many refused requests from one address: the failed-auth limit has a test of its own.
  const server = await buildServer(vault, {
    failedAuth: { max: 1_000_000, windowMs: 60_000 },
    ui: options.ui,
    ...options.server,
  });
  const call: TestServer["call"] = async (method, url, opts = {}) => {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.key) headers.authorization = `Bearer ${opts.key}`;
    const response = await server.inject({
      method: method as "GET",
      url,
      headers,
      ...(opts.body !== undefined ? { payload: opts.body as object } : {}),
    });
    let body: unknown;
    try {
      body = response.body === "" ? undefined : JSON.parse(response.body);
    } catch {
      body = response.body;
    }
    return { status: response.statusCode, body, headers: response.headers, raw: response.body };
  };
  const appKey: TestServer["appKey"] = async (appId, scopes) => {
    if (!(await vault.apps.exists(appId))) await vault.apps.create({ id: appId });
    const { key } = await vault.apiKeys.create(appId, { name: `test ${scopes.join(",")}`, scopes });
    return key;
  };
  return {
    testDb,
    vault,
    server,
    audit,
    clock,
    adminKey: generatedKey!,
    appKey,
    call,
    close: async () => {
      await server.close();
      await vault.close();
      await testDb.close();
    },
  };
}

/** Asserts the error envelope with `code` (and that the request id is echoed). */
export function expectError(response: { status: number; body: any }, status: number, code: string): void {
  expect(response.status, JSON.stringify(response.body)).toBe(status);
  expect(response.body.error.code).toBe(code);
  expect(typeof response.body.error.message).toBe("string");
  expect(typeof response.body.error.requestId).toBe("string");
}

/** Everything the database holds, as text: pg_dump on Postgres; every table and the raw data directory on PGlite. */
export async function databaseDump(testDb: TestDatabase): Promise<string> {
  if (testDb.url !== undefined) {
    const run = spawnSync("pg_dump", ["--data-only", "--inserts", testDb.url], {
      encoding: "utf8",
      maxBuffer: 1 << 28,
    });
    if (run.status !== 0) throw new Error(`pg_dump failed: ${run.stderr}`);
    return run.stdout;
  }
  const tables = await queryRows<{ name: string }>(
    testDb.db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public'`,
  );
  const parts: string[] = [];
  for (const { name } of tables) {
    const rows = await queryRows(testDb.db, sql.raw(`select * from "${name}"`));
    // bytea columns come back as Buffers: as latin1 every byte is kept, so a canary stored raw would show.
    parts.push(
      JSON.stringify(rows, (_key, value) =>
        value?.type === "Buffer" ? Buffer.from(value.data).toString("latin1") : value,
      ),
    );
  }
  const client = (testDb.db as unknown as { $client: { dumpDataDir(c: "none"): Promise<Blob> } }).$client;
  const raw = Buffer.from(await (await client.dumpDataDir("none")).arrayBuffer());
  parts.push(raw.toString("latin1"));
  return parts.join("\n");
}
