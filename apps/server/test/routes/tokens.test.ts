import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`token routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let reader: string;
  const base = "/v1/apps/tok-app/tokens";

  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("tok-app", ["tokens:read", "tokens:write"]);
    reader = await t.appKey("tok-app", ["tokens:read"]);
  });
  afterAll(async () => t?.close());

  it("creates a token (201, shown once) and reads its value back; bytes travel as base64", async () => {
    const created = await t.call("POST", base, {
      key: writer,
      body: { value: "4111 1111 1111 1111", data: { last4: "1111" } },
    });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^tk_[0-9A-Za-z]{32}$/);
    expect(created.body.meta).toMatchObject({ appId: "tok-app", passwordProtected: false, data: { last4: "1111" } });
    const read = await t.call("POST", `${base}/read`, { key: reader, body: { token: created.body.token } });
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({
      value: "4111 1111 1111 1111",
      encoding: "utf8",
      meta: { id: created.body.meta.id },
    });
    const bytes = await t.call("POST", base, { key: writer, body: { value: "AP8BgA==", encoding: "base64" } });
    const readBytes = await t.call("POST", `${base}/read`, { key: reader, body: { token: bytes.body.token } });
    expect(readBytes.body).toMatchObject({ value: "AP8BgA==", encoding: "base64" });
    // A read-only key cannot create.
    expectError(await t.call("POST", base, { key: reader, body: { value: "x" } }), 403, "FORBIDDEN");
  });

  it("takes the password in the body or the x-vault-token-password header; missing and wrong are one 403", async () => {
    const created = await t.call("POST", base, {
      key: writer,
      body: { value: "guarded" },
      headers: { "x-vault-token-password": "header password" },
    });
    expect(created.body.meta.passwordProtected).toBe(true);
    const { token } = created.body;
    const viaHeader = await t.call("POST", `${base}/read`, {
      key: reader,
      body: { token },
      headers: { "x-vault-token-password": "header password" },
    });
    expect(viaHeader.body.value).toBe("guarded");
    const viaBody = await t.call("POST", `${base}/read`, { key: reader, body: { token, password: "header password" } });
    expect(viaBody.body.value).toBe("guarded");
    const missing = await t.call("POST", `${base}/read`, { key: reader, body: { token } });
    const wrong = await t.call("POST", `${base}/read`, { key: reader, body: { token, password: "not the password" } });
    expectError(missing, 403, "FORBIDDEN");
    expectError(wrong, 403, "FORBIDDEN");
    expect(wrong.body.error.message).toBe(missing.body.error.message);
    expect(wrong.raw).not.toContain("not the password");
    // The policy refuses a short password without echoing it.
    const weak = await t.call("POST", base, { key: writer, body: { value: "v", password: "abc" } });
    expectError(weak, 400, "VALIDATION");
    expect(weak.raw).not.toContain('"abc"');
  });

  it("locks a token after repeated wrong passwords: 429, even for the right one", async () => {
    const { body } = await t.call("POST", base, { key: writer, body: { value: "v", password: "right password" } });
    for (let i = 0; i < 5; i++) {
      expectError(
        await t.call("POST", `${base}/read`, { key: reader, body: { token: body.token, password: `wrong ${i}` } }),
        403,
        "FORBIDDEN",
      );
    }
    expectError(
      await t.call("POST", `${base}/read`, { key: reader, body: { token: body.token, password: "right password" } }),
      429,
      "RATE_LIMITED",
    );
    t.clock.advance(15 * 60_000);
    const after = await t.call("POST", `${base}/read`, {
      key: reader,
      body: { token: body.token, password: "right password" },
    });
    expect(after.body.value).toBe("v");
  });

  it("read-many answers in request order with a per-token error; resolve maps names", async () => {
    const batch = await t.call("POST", `${base}/batch`, { key: writer, body: { values: ["one", "two"] } });
    expect(batch.status).toBe(201);
    const [one, two] = batch.body.items;
    const many = await t.call("POST", `${base}/read-many`, {
      key: reader,
      body: { tokens: [two.token, "tk_unknown0000000000", one.token] },
    });
    expect(many.body.items).toMatchObject([
      { ok: true, value: "two" },
      { ok: false, error: { code: "NOT_FOUND" } },
      { ok: true, value: "one" },
    ]);
    const resolved = await t.call("POST", `${base}/resolve`, {
      key: reader,
      body: { tokens: { first: one.token, second: two.token } },
    });
    expect(resolved.body).toEqual({
      values: { first: { value: "one", encoding: "utf8" }, second: { value: "two", encoding: "utf8" } },
    });
    expectError(
      await t.call("POST", `${base}/resolve`, { key: reader, body: { tokens: { gone: "tk_unknown0000000000" } } }),
      404,
      "NOT_FOUND",
    );
  });

  it("update, upsert, exists, renew, soft-delete, restore, delete, purge-expired", async () => {
    const chosen = "route-chosen-token";
    expect(
      (await t.call("POST", `${base}/upsert`, { key: writer, body: { token: chosen, value: "a" } })).body.outcome,
    ).toBe("created");
    expectError(
      await t.call("POST", base, { key: writer, body: { value: "b", token: chosen } }),
      409,
      "ALREADY_EXISTS",
    );
    expect(
      (await t.call("POST", `${base}/update`, { key: writer, body: { token: chosen, value: "b" } })).body.version,
    ).toBe(2);
    expect((await t.call("POST", `${base}/exists`, { key: reader, body: { token: chosen } })).body).toEqual({
      exists: true,
    });
    const soon = new Date(t.clock.now().getTime() + 60_000).toISOString();
    expect(
      (await t.call("POST", `${base}/renew`, { key: writer, body: { token: chosen, expiresAt: soon } })).status,
    ).toBe(200);
    t.clock.advance(120_000);
    expectError(await t.call("POST", `${base}/read`, { key: reader, body: { token: chosen } }), 410, "EXPIRED");
    expect((await t.call("POST", `${base}/purge-expired`, { key: writer, body: { soft: true } })).body).toEqual({
      count: 1,
    });
    expectError(await t.call("POST", `${base}/read`, { key: reader, body: { token: chosen } }), 404, "NOT_FOUND");
    expect(
      (await t.call("POST", `${base}/restore`, { key: writer, body: { token: chosen } })).body.deletedAt,
    ).toBeNull();
    await t.call("POST", `${base}/renew`, { key: writer, body: { token: chosen, expiresAt: null } });
    expect((await t.call("POST", `${base}/read`, { key: reader, body: { token: chosen } })).body.value).toBe("b");
    expect(
      (await t.call("POST", `${base}/soft-delete`, { key: writer, body: { token: chosen } })).body.deletedAt,
    ).not.toBeNull();
    expect((await t.call("POST", `${base}/delete`, { key: writer, body: { token: chosen } })).status).toBe(204);
    expectError(await t.call("POST", `${base}/delete`, { key: writer, body: { token: chosen } }), 404, "NOT_FOUND");
    expectError(
      await t.call("POST", `${base}/update`, { key: writer, body: { token: "x", value: "y" } }),
      400,
      "VALIDATION",
    );
  });

  it("changes one token's password and every token's password", async () => {
    const a = (await t.call("POST", base, { key: writer, body: { value: "a", password: "first password" } })).body;
    const b = (await t.call("POST", base, { key: writer, body: { value: "b", password: "first password" } })).body;
    const one = await t.call("POST", `${base}/change-password`, {
      key: writer,
      body: { token: a.token, oldPassword: "first password", newPassword: "second password" },
    });
    expect(one.status).toBe(200);
    const all = await t.call("POST", `${base}/change-password-all`, {
      key: writer,
      body: { oldPassword: "first password", newPassword: "third password" },
    });
    expect(all.body).toEqual({ records: 1, passwordKeys: 1, rewrappedRecords: 0 });
    expect(
      (await t.call("POST", `${base}/read`, { key: reader, body: { token: a.token, password: "second password" } }))
        .body.value,
    ).toBe("a");
    expect(
      (await t.call("POST", `${base}/read`, { key: reader, body: { token: b.token, password: "third password" } })).body
        .value,
    ).toBe("b");
  });

  it("queries metadata with filters, count only and the GET listing; nothing there is a value or a token", async () => {
    const app = "/v1/apps/tok-query/tokens";
    const key = await t.appKey("tok-query", ["tokens:read", "tokens:write"]);
    const made = (await t.call("POST", `${app}/batch`, { key, body: { values: ["q1", "q2", "q3"] } })).body.items;
    const page = await t.call("POST", `${app}/query`, {
      key,
      body: { tokens: [made[0].token, made[2].token], columns: ["createdAt"], orderBy: "createdAt", direction: "desc" },
    });
    expect(page.body.items.map((i: { id: string }) => i.id)).toEqual([made[2].meta.id, made[0].meta.id]);
    expect(Object.keys(page.body.items[0]).sort()).toEqual(["createdAt", "id"]);
    expect((await t.call("POST", `${app}/query`, { key, body: { countOnly: true } })).body).toEqual({ count: 3 });
    const first = await t.call("GET", `${app}?limit=2`, { key });
    expect(first.body.items).toHaveLength(2);
    const rest = await t.call("GET", `${app}?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`, { key });
    expect(rest.body.items.map((i: { id: string }) => i.id)).toEqual([made[2].meta.id]);
    expect(JSON.stringify([page.body, first.body, rest.body])).not.toMatch(/tk_|"q\d"/);
    expectError(await t.call("POST", `${app}/query`, { key, body: { limit: 0 } }), 400, "VALIDATION");
  });

  it("documents every token route, the password header and both scopes in the OpenAPI document", async () => {
    const doc = (await t.call("GET", "/openapi.json")).body;
    const paths = Object.keys(doc.paths).filter((p) => p.startsWith("/v1/apps/{appId}/tokens"));
    expect(paths.length).toBeGreaterThanOrEqual(16);
    const read = doc.paths["/v1/apps/{appId}/tokens/read"].post;
    expect(read.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toContain(
      "header:x-vault-token-password",
    );
    expect(read.responses["403"]).toBeDefined();
    expect(read.responses["429"]).toBeDefined();
  });
});
