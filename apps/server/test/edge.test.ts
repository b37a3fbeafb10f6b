import { Writable } from "node:stream";
import { testDatabaseKind } from "@vault/store/testing";
import { DrizzleQueryError } from "drizzle-orm/errors";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../src/logger";
import { loadSettings } from "../src/settings";
import { expectError, startTestServer, type TestServer } from "./helpers";

describe(`HTTP edge (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let appKey: string;
  beforeAll(async () => {
    t = await startTestServer();
    appKey = await t.appKey("edge", ["admin"]);
  });
  afterAll(async () => t?.close());

  it("serves /health, /ready and /metrics", async () => {
    expect((await t.call("GET", "/health")).body).toEqual({ status: "ok" });
    expect((await t.call("GET", "/ready")).body).toEqual({ status: "ready", database: true, pendingMigrations: 0 });
    await t.call("GET", "/v1/apps", { key: t.adminKey });
    const metrics = await t.call("GET", "/metrics");
    expect(metrics.status).toBe(200);
    expect(metrics.raw).toContain('vault_http_requests_total{route="/v1/apps",method="GET",status="200"}');
    expect(metrics.raw).toContain("vault_http_request_duration_seconds_bucket");
    expect(metrics.raw).toContain("vault_audit_appends_total");
    expect(metrics.raw).toContain("vault_secret_reads_total");
    expect(metrics.raw).toContain("vault_flag_evaluations_total");
    expect(metrics.raw).toContain("vault_rotations_total");
  });

  it("answers unknown routes and methods with the 404 envelope", async () => {
    expectError(await t.call("GET", "/nope"), 404, "NOT_FOUND");
    expectError(await t.call("PATCH", "/v1/apps", { key: t.adminKey }), 404, "NOT_FOUND");
  });

  it("maps malformed JSON, wrong media types and oversized bodies to 4xx envelopes", async () => {
    const badJson = await t.server.inject({
      method: "POST",
      url: "/v1/apps",
      headers: { authorization: `Bearer ${t.adminKey}`, "content-type": "application/json" },
      payload: '{"id": "canary-in-json',
    });
    expect(badJson.statusCode).toBe(400);
    expect(badJson.body).not.toContain("canary");
    const text = await t.server.inject({
      method: "POST",
      url: "/v1/apps",
      headers: { authorization: `Bearer ${t.adminKey}`, "content-type": "text/plain" },
      payload: "hello",
    });
    expect(text.statusCode).toBe(415);
    expect(JSON.parse(text.body).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const xml = await t.server.inject({
      method: "POST",
      url: "/v1/apps",
      headers: { authorization: `Bearer ${t.adminKey}`, "content-type": "application/xml" },
      payload: "<a/>",
    });
    expect(xml.statusCode).toBe(415);
    expect(JSON.parse(xml.body).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
    const huge = await t.server.inject({
      method: "POST",
      url: "/v1/apps",
      headers: { authorization: `Bearer ${t.adminKey}`, "content-type": "application/json" },
      payload: JSON.stringify({ id: "x", name: "y".repeat(2_000_000) }),
    });
    expect(huge.statusCode).toBe(413);
    expect(JSON.parse(huge.body).error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("echoes a sane x-request-id and replaces an unsafe one", async () => {
    const given = await t.call("GET", "/health", { headers: { "x-request-id": "abc-123" } });
    expect(given.headers["x-request-id"]).toBe("abc-123");
    const unsafe = await t.call("GET", "/health", { headers: { "x-request-id": "a b\u0001" } });
    expect(unsafe.headers["x-request-id"]).toMatch(/^req_/);
  });

  it("never answers 500 to random methods, paths, headers and bodies (property)", async () => {
    const segment = fc.oneof(
      fc.constantFrom("v1", "apps", "edge", "other", "api-keys", "audit", "verify", "export", "secrets", "flags"),
      fc.constantFrom("config", "overrides", "rotation", "evaluate", "snapshot", "whoami", "%2F", "..", "%00", ""),
      fc.string({ maxLength: 12 }).map(encodeURIComponent),
    );
    const path = fc.array(segment, { minLength: 1, maxLength: 7 }).map((parts) => `/${parts.join("/")}`);
    const query = fc.option(
      fc.dictionary(fc.constantFrom("limit", "cursor", "version", "prefix", "tenantId", "from", "x"), fc.string()),
    );
    const body = fc.option(fc.oneof(fc.jsonValue(), fc.string()));
    const auth = fc.constantFrom("admin", "app", "none", "garbage");
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom("GET", "POST", "PUT", "PATCH", "DELETE"),
        path,
        query,
        body,
        auth,
        fc.constantFrom("application/json", "text/plain", undefined),
        async (method, p, q, b, who, contentType) => {
          const url = q ? `${p}?${new URLSearchParams(q as Record<string, string>).toString()}` : p;
          const headers: Record<string, string> = {};
          if (who === "admin") headers.authorization = `Bearer ${t.adminKey}`;
          if (who === "app") headers.authorization = `Bearer ${appKey}`;
          if (who === "garbage") headers.authorization = "Bearer \u00ff";
          if (contentType) headers["content-type"] = contentType;
          const hasBody = b !== null && method !== "GET";
          const response = await t.server.inject({
            method,
            url,
            headers,
            ...(hasBody ? { payload: typeof b === "string" ? b : JSON.stringify(b) } : {}),
          });
          expect(response.statusCode, `${method} ${url} -> ${response.body}`).toBeLessThan(500);
          if (response.statusCode >= 400) expect(JSON.parse(response.body).error.code).toBeTypeOf("string");
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("settings", () => {
  it("applies defaults and names every bad setting", () => {
    const settings = loadSettings({});
    expect(settings.PORT).toBe(8200);
    expect(settings.VAULT_DATA_DIR).toBe(".vault-data");
    expect(() => loadSettings({ PORT: "eighty", DATABASE_URL: "mysql://x" })).toThrow(
      /PORT.*DATABASE_URL|DATABASE_URL.*PORT/,
    );
    expect(() => loadSettings({ VAULT_LOG_LEVEL: "loud" })).toThrow(/VAULT_LOG_LEVEL/);
    expect(() => loadSettings({ VAULT_ADMIN_KEY: "short" })).toThrow(/VAULT_ADMIN_KEY/);
    expect(() => loadSettings({ VAULT_CONFIG_FILE: "/does/not/exist.json" })).toThrow(/VAULT_CONFIG_FILE/);
    expect(loadSettings({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });
});

/** A logger writing into an array of JSON lines. */
function capturedLogger() {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger("info", sink) };
}

describe("logger", () => {
  it("redacts authorization headers and values", () => {
    const { lines, logger } = capturedLogger();
    logger.info({ req: { headers: { authorization: "Bearer vault_CANARY" } }, value: "CANARY-VALUE" }, "x");
    logger.info({ body: { value: "CANARY-BODY" }, secret: { value: "CANARY-NESTED" } }, "y");
    const out = lines.join("");
    expect(out).not.toContain("CANARY");
    expect(out).toContain("[redacted]");
  });

  it("logs a failed query without its parameters (they can hold values)", () => {
    const { lines, logger } = capturedLogger();
    const pgError = Object.assign(new Error("invalid byte sequence for encoding UTF8: 0x00"), { code: "22021" });
    logger.error({ err: new DrizzleQueryError("insert into t (v) values ($1)", ["CANARY-PARAM"], pgError) }, "failed");
    const out = lines.join("");
    expect(out).not.toContain("CANARY");
    expect(out).toContain("insert into t (v) values ($1)");
    expect(out).toContain("22021");
  });
});
