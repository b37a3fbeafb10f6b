import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`config and override routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let reader: string;
  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("shop", ["config:write", "config:read"]);
    reader = await t.appKey("shop", ["config:read"]);
  });
  afterAll(async () => t?.close());

  it("sets, reads, versions, rolls back, lists and deletes config", async () => {
    const v1 = await t.call("PUT", "/v1/apps/shop/config/checkout%2Ftimeout", { key: writer, body: { value: "30s" } });
    expect(v1.status, JSON.stringify(v1.body)).toBe(200);
    expect(v1.body).toMatchObject({ key: "checkout/timeout", version: 1 });
    await t.call("PUT", "/v1/apps/shop/config/checkout%2Ftimeout", { key: writer, body: { value: "45s" } });
    expect((await t.call("GET", "/v1/apps/shop/config/checkout%2Ftimeout", { key: reader })).body.value).toBe("45s");
    const versions = await t.call("GET", "/v1/apps/shop/config/checkout%2Ftimeout/versions", { key: reader });
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const rolled = await t.call("POST", "/v1/apps/shop/config/checkout%2Ftimeout/rollback", {
      key: writer,
      body: { version: 1 },
    });
    expect(rolled.body).toMatchObject({ value: "30s", version: 3 });
    const list = await t.call("GET", "/v1/apps/shop/config?prefix=checkout", { key: reader });
    expect(list.body.items).toHaveLength(1);
    await t.call("PUT", "/v1/apps/shop/config/gone", { key: writer, body: { value: 1 } });
    expect((await t.call("DELETE", "/v1/apps/shop/config/gone", { key: writer })).status).toBe(204);
    expectError(await t.call("GET", "/v1/apps/shop/config/gone", { key: reader }), 404, "NOT_FOUND");
  });

  it("overrides a value per tenant and resolves one key and the merged map", async () => {
    await t.call("PUT", "/v1/apps/shop/config/max-items", { key: writer, body: { value: 10 } });
    const set = await t.call("PUT", "/v1/apps/shop/config/max-items/overrides/acme", {
      key: writer,
      body: { value: 50 },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ tenantId: "acme", value: 50, version: 1 });
    const acme = await t.call("GET", "/v1/apps/shop/config/max-items/resolve?tenantId=acme", { key: reader });
    expect(acme.body).toMatchObject({ value: 50, source: "override", tenantId: "acme" });
    const globex = await t.call("GET", "/v1/apps/shop/config/max-items/resolve?tenantId=globex", { key: reader });
    expect(globex.body).toMatchObject({ value: 10, source: "app" });
    const merged = await t.call("GET", "/v1/apps/shop/resolved-config?tenantId=acme", { key: reader });
    expect(merged.body.values["max-items"]).toBe(50);
    expect((await t.call("GET", "/v1/apps/shop/config/max-items/overrides/acme", { key: reader })).body.value).toBe(50);
    const byKey = await t.call("GET", "/v1/apps/shop/config/max-items/overrides", { key: reader });
    expect(byKey.body.items).toHaveLength(1);
    const byTenant = await t.call("GET", "/v1/apps/shop/tenants/acme/overrides", { key: reader });
    expect(byTenant.body.items.map((o: { key: string }) => o.key)).toEqual(["max-items"]);
    expect((await t.call("DELETE", "/v1/apps/shop/config/max-items/overrides/acme", { key: writer })).status).toBe(204);
    const after = await t.call("GET", "/v1/apps/shop/config/max-items/resolve?tenantId=acme", { key: reader });
    expect(after.body).toMatchObject({ value: 10, source: "app" });
  });

  it("maps errors: type mismatch 422, cas 409, missing 404, bad body 400 naming the field, reader cannot write", async () => {
    expectError(
      await t.call("PUT", "/v1/apps/shop/config/max-items", { key: writer, body: { value: "many" } }),
      422,
      "TYPE_MISMATCH",
    );
    expectError(
      await t.call("PUT", "/v1/apps/shop/config/max-items/overrides/acme", { key: writer, body: { value: "lots" } }),
      422,
      "TYPE_MISMATCH",
    );
    expectError(
      await t.call("PUT", "/v1/apps/shop/config/max-items", { key: writer, body: { value: 1, cas: 0 } }),
      409,
      "CONFLICT",
    );
    expectError(await t.call("GET", "/v1/apps/shop/config/nope/resolve", { key: reader }), 404, "NOT_FOUND");
    const bad = await t.call("PUT", "/v1/apps/shop/config/x", { key: writer, body: { value: 1, valueType: "number" } });
    expectError(bad, 400, "VALIDATION");
    expect(bad.body.error.message).toContain("body.valueType");
    const badRollback = await t.call("POST", "/v1/apps/shop/config/max-items/rollback", { key: writer, body: {} });
    expect(badRollback.body.error.message).toContain("body.version");
    expectError(await t.call("PUT", "/v1/apps/shop/config/x", { key: reader, body: { value: 1 } }), 403, "FORBIDDEN");
  });
});
