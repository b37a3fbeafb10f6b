import { ManualClock } from "@vault/core";
import { type AuditSink, MemoryAuditSink } from "@vault/store";
import { createTestDatabase, type TestDatabase } from "@vault/store/testing";
import type { FastifyInstance } from "fastify";
import { expect } from "vitest";
import type { Scope } from "../src/auth/scopes";
import { type BuildServerOptions, buildServer } from "../src/http/server";
import type { UiOption } from "../src/http/ui";
import { createVault, type Vault } from "../src/vault";

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
