import { MAX_JSON_DEPTH } from "@vault/core";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { expectError, startTestServer, type TestServer } from "./helpers";

// The HTTP contract as a client meets it from outside: every answer that is not a success is the error envelope with
// an x-request-id, bad input is a 4xx naming the problem, and the details of HTTP (media types, empty bodies,
// conditional requests, the Authorization scheme, HEAD) behave as the RFCs say.

/** `{"a":{"a":…{"a":1}}}`, `levels` objects deep, as JSON text (built as text: no recursion anywhere). */
function nestedJson(levels: number): string {
  return `${'{"a":'.repeat(levels)}1${"}".repeat(levels)}`;
}

describe(`HTTP contract (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let admin: string;
  let evaluateOnly: string;
  let other: string;
  const raw = (
    method: string,
    url: string,
    options: { key?: string; headers?: Record<string, string>; payload?: string } = {},
  ) =>
    t.server.inject({
      method: method as "GET",
      url,
      headers: { ...(options.key ? { authorization: `Bearer ${options.key}` } : {}), ...options.headers },
      ...(options.payload === undefined ? {} : { payload: options.payload }),
    });
  const json = { "content-type": "application/json" };

  beforeAll(async () => {
    t = await startTestServer();
    admin = await t.appKey("shop", ["admin"]);
    evaluateOnly = await t.appKey("shop", ["flags:evaluate"]);
    other = await t.appKey("elsewhere", ["admin"]);
    await t.vault.flags.define("shop", { key: "beta", type: "bool", defaultValue: false });
    await t.vault.config.set("shop", "limits", { max: 3 });
  });
  afterAll(async () => t?.close());

  describe("deeply nested JSON", () => {
    const deep = nestedJson(2_000);
    it.each([
      [
        "evaluation attributes",
        "POST",
        "/v1/apps/shop/flags/beta/evaluate",
        `{"attributes":${deep}}`,
        "body.attributes.a.a",
      ],
      ["secret metadata", "PUT", "/v1/apps/shop/secrets/s1", `{"value":"x","metadata":${deep}}`, "body.metadata.a.a"],
      ["a config value", "PUT", "/v1/apps/shop/config/c1", `{"value":${deep}}`, "body.value.a.a"],
      ["an override value", "PUT", "/v1/apps/shop/config/limits/overrides/acme", `{"value":${deep}}`, "body.value.a.a"],
      ["a whole body", "POST", "/v1/apps/shop/evaluate", deep, "body.a.a.a"],
    ])("in %s answers 400 naming the field, not 500", async (_what, method, url, payload, field) => {
      const key = url.includes("evaluate") ? evaluateOnly : admin;
      const response = await raw(method, url, { key, headers: json, payload });
      expect(response.statusCode, response.body).toBe(400);
      const body = JSON.parse(response.body);
      expect(body.error).toMatchObject({ code: "VALIDATION", details: { field, maxDepth: MAX_JSON_DEPTH } });
      expect(body.error.message).toContain(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      expect(response.headers["x-request-id"]).toBe(body.error.requestId);
    });

    it("accepts JSON nested up to the documented depth", async () => {
      const response = await raw("PUT", "/v1/apps/shop/config/c2", {
        key: admin,
        headers: json,
        payload: `{"value":${nestedJson(MAX_JSON_DEPTH - 1)}}`,
      });
      expect(response.statusCode, response.body).toBe(200);
    });
  });

  it("refuses invalid base64 instead of storing a truncated value", async () => {
    const bad = await t.call("PUT", "/v1/apps/shop/secrets/bytes", {
      key: admin,
      body: { value: "abcde", encoding: "base64" },
    });
    expectError(bad, 400, "VALIDATION");
    expect(bad.body.error.details.issues[0].field).toBe("body.value");
    expectError(await t.call("GET", "/v1/apps/shop/secrets/bytes", { key: admin }), 404, "NOT_FOUND");
    const good = await t.call("PUT", "/v1/apps/shop/secrets/bytes", {
      key: admin,
      body: { value: "AAEC+v8=", encoding: "base64" },
    });
    expect(good.status).toBe(200);
    const read = await t.call("GET", "/v1/apps/shop/secrets/bytes", { key: admin });
    expect(read.body).toMatchObject({ value: "AAEC+v8=", encoding: "base64" });
  });

  describe("framework refusals answer in the envelope with x-request-id", () => {
    it.each([
      ["%zz", "/v1/apps/shop/secrets/%zz"],
      ["a lone %", "/v1/apps/shop/secrets/%"],
      ["an overlong UTF-8 sequence", "/v1/apps/shop/secrets/%C0%AF"],
    ])("bad percent-encoding (%s) → 400", async (_what, url) => {
      const response = await raw("GET", url, { key: admin });
      expect(response.statusCode, response.body).toBe(400);
      const body = JSON.parse(response.body);
      expect(body.error).toMatchObject({ code: "VALIDATION", details: { field: "path" } });
      expect(response.headers["x-request-id"]).toBe(body.error.requestId);
    });

    it("a path parameter over the length limit → 400", async () => {
      const response = await raw("GET", `/v1/apps/shop/secrets/${"k".repeat(5_000)}`, { key: admin });
      expect(response.statusCode, response.body).toBe(400);
      const body = JSON.parse(response.body);
      expect(body.error).toMatchObject({ code: "VALIDATION", details: { field: "path" } });
      expect(body).not.toHaveProperty("statusCode");
      expect(response.headers["x-request-id"]).toBe(body.error.requestId);
    });

    it("an unknown route → 404, a body over the limit → 413, unparsable JSON → 400", async () => {
      const unknown = await raw("GET", "/v2/nothing", { key: admin });
      expect(unknown.statusCode).toBe(404);
      expect(JSON.parse(unknown.body).error.code).toBe("NOT_FOUND");
      expect(unknown.headers["x-request-id"]).toBeTruthy();
      const huge = await raw("PUT", "/v1/apps/shop/config/big", {
        key: admin,
        headers: json,
        payload: JSON.stringify({ value: "y".repeat(2_000_000) }),
      });
      expect(huge.statusCode).toBe(413);
      expect(JSON.parse(huge.body).error).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
      expect(huge.headers["x-request-id"]).toBeTruthy();
      const broken = await raw("PUT", "/v1/apps/shop/config/c3", {
        key: admin,
        headers: json,
        payload: '{"value": canary',
      });
      expect(broken.statusCode).toBe(400);
      expect(JSON.parse(broken.body).error).toMatchObject({ code: "VALIDATION", message: "body: not valid JSON" });
      expect(broken.body).not.toContain("canary");
      expect(broken.headers["x-request-id"]).toBeTruthy();
    });
  });

  it("text/plain on a JSON route → 415; application/json with an empty body on a route without one is fine", async () => {
    const text = await raw("PUT", "/v1/apps/shop/config/c4", {
      key: admin,
      headers: { "content-type": "text/plain" },
      payload: '{"value":1}',
    });
    expect(text.statusCode).toBe(415);
    expect(JSON.parse(text.body).error).toMatchObject({ code: "UNSUPPORTED_MEDIA_TYPE" });
    await t.vault.secrets.set("shop", "rotating", "v1");
    await t.vault.rotation.createPolicy("shop", {
      secretKey: "rotating",
      intervalMs: 60_000,
      strategy: "random_password",
    });
    const rotate = await raw("POST", "/v1/apps/shop/secrets/rotating/rotate", {
      key: admin,
      headers: json,
      payload: "",
    });
    expect(rotate.statusCode, rotate.body).toBe(200);
    expect(JSON.parse(rotate.body)).toMatchObject({ outcome: "success", oldVersion: 1, newVersion: 2 });
    const del = await raw("DELETE", "/v1/apps/shop/config/c2", { key: admin, headers: json, payload: "" });
    expect(del.statusCode, del.body).toBe(204);
    // A route that needs a body still says so when it gets none.
    const missing = await raw("PUT", "/v1/apps/shop/config/c5", { key: admin, headers: json, payload: "" });
    expect(missing.statusCode).toBe(400);
    expect(JSON.parse(missing.body).error.details.issues[0].field).toBe("body");
  });

  it("If-None-Match follows RFC 9110: weak comparison, lists and *", async () => {
    const first = await raw("GET", "/v1/apps/shop/snapshot", { key: admin });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^"\d+"$/);
    const revalidate = async (ifNoneMatch: string) =>
      (await raw("GET", "/v1/apps/shop/snapshot", { key: admin, headers: { "if-none-match": ifNoneMatch } }))
        .statusCode;
    expect(await revalidate(etag)).toBe(304);
    expect(await revalidate(`W/${etag}`)).toBe(304);
    expect(await revalidate(`"nope", W/"x", ${etag}`)).toBe(304);
    expect(await revalidate("*")).toBe(304);
    expect(await revalidate('"999999"')).toBe(200);
    expect(await revalidate(`W/"${etag}"`)).toBe(200);
  });

  it("accepts the Bearer scheme in any case", async () => {
    for (const scheme of ["Bearer", "bearer", "BEARER", "bEaReR"]) {
      const response = await raw("GET", "/v1/whoami", { headers: { authorization: `${scheme} ${admin}` } });
      expect(response.statusCode, scheme).toBe(200);
    }
    expect((await raw("GET", "/v1/whoami", { headers: { authorization: `Basic ${admin}` } })).statusCode).toBe(401);
  });

  it("HEAD on a secret answers existence and metadata without decrypting or a read entry", async () => {
    await t.call("PUT", "/v1/apps/shop/secrets/headed", {
      key: admin,
      body: { value: "CANARY-HEAD", metadata: { a: 1 } },
    });
    await t.call("PUT", "/v1/apps/shop/secrets/headed", { key: admin, body: { value: "CANARY-HEAD-2" } });
    const unwrap = vi.spyOn(t.vault.keyring, "unwrapKey");
    const entries = t.audit.events.length;
    try {
      const head = await raw("HEAD", "/v1/apps/shop/secrets/headed", { key: admin });
      expect(head.statusCode).toBe(200);
      expect(head.body).toBe("");
      expect(head.headers["x-vault-version"]).toBe("2");
      expect(head.headers["x-vault-current-version"]).toBe("2");
      expect(head.headers["last-modified"]).toBeTruthy();
      const old = await raw("HEAD", "/v1/apps/shop/secrets/headed?version=1", { key: admin });
      expect(old.statusCode).toBe(200);
      expect(old.headers["x-vault-version"]).toBe("1");
      expect((await raw("HEAD", "/v1/apps/shop/secrets/headed?version=9", { key: admin })).statusCode).toBe(404);
      expect((await raw("HEAD", "/v1/apps/shop/secrets/nothing-here", { key: admin })).statusCode).toBe(404);
      expect(unwrap).not.toHaveBeenCalled();
      expect(t.audit.events.slice(entries).filter((e) => e.action === "secret.read")).toEqual([]);
    } finally {
      unwrap.mockRestore();
    }
    // Expired: 410, as GET would answer.
    await t.call("PUT", "/v1/apps/shop/secrets/short-lived", {
      key: admin,
      body: { value: "x", expiresAt: new Date(t.clock.now().getTime() + 1_000).toISOString() },
    });
    expect((await raw("HEAD", "/v1/apps/shop/secrets/short-lived", { key: admin })).statusCode).toBe(200);
    t.clock.advance(2_000);
    expect((await raw("HEAD", "/v1/apps/shop/secrets/short-lived", { key: admin })).statusCode).toBe(410);
  });

  it("checks in the order 401 → 404 → 403 → 400, so a malformed request of another app is a 404 and audited", async () => {
    const malformed = "/v1/apps/shop/secrets/bad%20key%21";
    const before = t.audit.events.length;
    expectError(await t.call("GET", malformed), 401, "UNAUTHENTICATED");
    expectError(await t.call("GET", malformed, { key: other }), 404, "NOT_FOUND");
    const denial = t.audit.events.slice(before).find((e) => e.metadata?.reason === "other_app");
    expect(denial).toMatchObject({ action: "auth.denied", appId: "elsewhere", outcome: "denied" });
    expectError(await t.call("GET", malformed, { key: evaluateOnly }), 403, "FORBIDDEN");
    expectError(await t.call("GET", malformed, { key: admin }), 400, "VALIDATION");
    // The same order holds for a body the route would refuse.
    const badBody = { value: 42 };
    expectError(await t.call("PUT", "/v1/apps/shop/secrets/k", { key: other, body: badBody }), 404, "NOT_FOUND");
    expectError(await t.call("PUT", "/v1/apps/shop/secrets/k", { key: evaluateOnly, body: badBody }), 403, "FORBIDDEN");
    expectError(await t.call("PUT", "/v1/apps/shop/secrets/k", { key: admin, body: badBody }), 400, "VALIDATION");
  });

  it("compresses answers when the client accepts it, above a size threshold", async () => {
    for (let i = 0; i < 40; i++)
      await t.vault.flags.define("shop", { key: `flag-${i}`, type: "bool", defaultValue: true });
    const plain = await raw("GET", "/v1/apps/shop/snapshot", { key: admin });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const gzip = await raw("GET", "/v1/apps/shop/snapshot", { key: admin, headers: { "accept-encoding": "gzip" } });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    const small = await raw("GET", "/health", { headers: { "accept-encoding": "gzip" } });
    expect(small.headers["content-encoding"]).toBeUndefined();
  });
});
