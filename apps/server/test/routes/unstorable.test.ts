import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../helpers";

// Values the database cannot store (NUL characters, numbers and dates outside a column's range) are the caller's
// mistake: a 400 naming the problem, never a 500, and nothing half-written.
describe(`values the database cannot store (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let key: string;
  const base = "/v1/apps/store-limits";

  beforeAll(async () => {
    t = await startTestServer();
    key = await t.appKey("store-limits", ["admin"]);
    expect((await t.call("PUT", `${base}/config/limit`, { key, body: { value: 10 } })).status).toBe(200);
    expect(
      (await t.call("POST", `${base}/flags`, { key, body: { key: "beta", type: "bool", defaultValue: false } })).status,
    ).toBe(201);
  });
  afterAll(() => t.close());

  const cases: [string, string, string, unknown][] = [
    ["NUL in a tenant id (flag override)", "PUT", "/flags/beta/overrides/a%00b", { value: true }],
    ["NUL in a tenant id (config override)", "PUT", "/config/limit/overrides/a%00b", { value: 5 }],
    ["NUL in secret metadata", "PUT", "/secrets/meta-nul", { value: "v", metadata: { note: "a\u0000b" } }],
    ["a lone surrogate in config metadata", "PUT", "/config/other", { value: 1, metadata: { note: "\ud800" } }],
    [
      "NUL in a flag description",
      "POST",
      "/flags",
      { key: "nul-desc", type: "bool", defaultValue: false, description: "a\u0000" },
    ],
    ["a version beyond int4 in rollback", "POST", "/config/limit/rollback", { version: 3_000_000_000 }],
    ["year 0 as a secret expiry", "PUT", "/secrets/old", { value: "v", expiresAt: "0000-01-01T00:00:00Z" }],
  ];

  it.each(cases)("%s → 400 VALIDATION", async (_name, method, path, body) => {
    const answer = await t.call(method, `${base}${path}`, { key, body });
    expect(answer.status, answer.raw).toBe(400);
    expect(answer.body.error.code).toBe("VALIDATION");
  });

  it("a NUL in a list prefix is a 400 too, and nothing was written by the refused calls", async () => {
    const answer = await t.call("GET", `${base}/secrets?prefix=a%00`, { key });
    expect(answer.status, answer.raw).toBe(400);
    const secrets = await t.call("GET", `${base}/secrets`, { key });
    expect(secrets.body.items.map((s: { key: string }) => s.key)).toEqual([]);
    const flags = await t.call("GET", `${base}/flags`, { key });
    expect(flags.body.items.map((f: { key: string }) => f.key)).toEqual(["beta"]);
  });
});
