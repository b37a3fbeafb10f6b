import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

const CANARY = "canary-7f3a9c-SECRET-VALUE";

describe(`secrets routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let reader: string;
  let admin: string;
  const url = (key: string) => `/v1/apps/shop/secrets/${encodeURIComponent(key)}`;
  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("shop", ["secrets:write", "secrets:read"]);
    reader = await t.appKey("shop", ["secrets:read"]);
    admin = await t.appKey("shop", ["admin"]);
  });
  afterAll(async () => t?.close());

  it("sets, reads (by version too), describes, lists and versions a secret with a path-like key", async () => {
    const v1 = await t.call("PUT", url("db/primary/password"), {
      key: writer,
      body: { value: CANARY, metadata: { owner: "team-a" } },
    });
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ key: "db/primary/password", version: 1, metadata: { owner: "team-a" } });
    expect(v1.raw).not.toContain(CANARY);
    await t.call("PUT", url("db/primary/password"), { key: writer, body: { value: "second" } });

    const current = await t.call("GET", url("db/primary/password"), { key: reader });
    expect(current.body).toMatchObject({ value: "second", encoding: "utf8", version: 2 });
    const first = await t.call("GET", `${url("db/primary/password")}?version=1`, { key: reader });
    expect(first.body.value).toBe(CANARY);

    const meta = await t.call("GET", `${url("db/primary/password")}/meta`, { key: reader });
    expect(meta.body.version).toBe(2);
    expect(meta.raw).not.toContain(CANARY);
    const versions = await t.call("GET", `${url("db/primary/password")}/versions`, { key: reader });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    const list = await t.call("GET", "/v1/apps/shop/secrets?prefix=db/", { key: reader });
    expect(list.body.items.map((s: { key: string }) => s.key)).toEqual(["db/primary/password"]);
    expect(list.raw).not.toContain(CANARY);
    expect(t.audit.events.some((e) => e.action === "secret.read" && e.key === "db/primary/password")).toBe(true);
    expect(JSON.stringify(t.audit.events)).not.toContain(CANARY);
    const metrics = await t.call("GET", "/metrics");
    expect(metrics.raw).toMatch(/vault_secret_reads_total [1-9]/);
  });

  it("round-trips bytes as base64", async () => {
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    await t.call("PUT", url("blob"), { key: writer, body: { value: bytes.toString("base64"), encoding: "base64" } });
    const read = await t.call("GET", url("blob"), { key: reader });
    expect(read.body.encoding).toBe("base64");
    expect(Buffer.from(read.body.value, "base64")).toEqual(bytes);
  });

  it("deletes, undeletes, destroys and purges", async () => {
    await t.call("PUT", url("temp"), { key: writer, body: { value: "a" } });
    await t.call("PUT", url("temp"), { key: writer, body: { value: "b" } });
    expect((await t.call("DELETE", url("temp"), { key: writer })).body).toEqual({ versions: [2] });
    expectError(await t.call("GET", url("temp"), { key: reader }), 404, "NOT_FOUND");
    expect((await t.call("POST", `${url("temp")}/undelete`, { key: writer, body: {} })).body).toEqual({
      versions: [2],
    });
    expect((await t.call("GET", url("temp"), { key: reader })).body.value).toBe("b");
    expectError(
      await t.call("POST", `${url("temp")}/destroy`, { key: writer, body: { versions: [1] } }),
      403,
      "FORBIDDEN",
    );
    expect((await t.call("POST", `${url("temp")}/destroy`, { key: admin, body: { versions: [1] } })).body).toEqual({
      versions: [1],
    });
    expectError(await t.call("GET", `${url("temp")}?version=1`, { key: reader }), 404, "NOT_FOUND");
    const purged = await t.call("POST", `${url("temp")}/purge`, { key: admin });
    expect(purged.body).toMatchObject({ key: "temp", versionsRemoved: 2 });
    expect(purged.body.proof).toMatch(/^[0-9a-f]{64}$/);
    expectError(await t.call("GET", `${url("temp")}/meta`, { key: reader }), 404, "NOT_FOUND");
  });

  it("maps service errors: cas conflict 409, missing 404, expired 410", async () => {
    await t.call("PUT", url("cas"), { key: writer, body: { value: "x", cas: 0 } });
    expectError(await t.call("PUT", url("cas"), { key: writer, body: { value: "y", cas: 0 } }), 409, "CONFLICT");
    expectError(await t.call("GET", url("missing"), { key: reader }), 404, "NOT_FOUND");
    await t.call("PUT", url("short-lived"), {
      key: writer,
      body: { value: "x", expiresAt: new Date(t.clock.now().getTime() + 1000).toISOString() },
    });
    t.clock.advance(2000);
    expectError(await t.call("GET", url("short-lived"), { key: reader }), 410, "EXPIRED");
  });

  it("rejects bad bodies, keys and queries with 400 naming the field, without echoing the value", async () => {
    const noValue = await t.call("PUT", url("x"), { key: writer, body: { metadata: {} } });
    expectError(noValue, 400, "VALIDATION");
    expect(noValue.body.error.message).toContain("body.value");
    const badCas = await t.call("PUT", url("x"), { key: writer, body: { value: CANARY, cas: -1 } });
    expect(badCas.body.error.message).toContain("body.cas");
    expect(badCas.raw).not.toContain(CANARY);
    const badB64 = await t.call("PUT", url("x"), { key: writer, body: { value: "***", encoding: "base64" } });
    expect(badB64.body.error.message).toContain("body.value");
    const badKey = await t.call("GET", "/v1/apps/shop/secrets/%2Fleading-slash", { key: reader });
    expectError(badKey, 400, "VALIDATION");
    expect(badKey.body.error.message).toContain("params.key");
    const badVersion = await t.call("GET", `${url("db/primary/password")}?version=zero`, { key: reader });
    expect(badVersion.body.error.message).toContain("query.version");
  });

  it("a reader cannot write; another app's key sees 404 and no value", async () => {
    expectError(await t.call("PUT", url("x"), { key: reader, body: { value: "v" } }), 403, "FORBIDDEN");
    const other = await t.appKey("other-shop", ["admin"]);
    const probe = await t.call("GET", url("db/primary/password"), { key: other });
    expectError(probe, 404, "NOT_FOUND");
    expect(probe.raw).not.toContain(CANARY);
    expect(probe.raw).not.toContain("second");
  });
});
