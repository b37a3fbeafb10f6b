import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`flags routes (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let evaluator: string;
  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("shop", ["flags:write", "flags:read", "flags:evaluate"]);
    evaluator = await t.appKey("shop", ["flags:evaluate"]);
  });
  afterAll(async () => t?.close());

  it("defines, reads, updates and lists flags; rules and tenant overrides drive evaluation", async () => {
    const created = await t.call("POST", "/v1/apps/shop/flags", {
      key: "new-checkout",
      body: undefined,
    });
    expectError(created, 401, "UNAUTHENTICATED");
    const flag = await t.call("POST", "/v1/apps/shop/flags", {
      key: writer,
      body: { key: "new-checkout", type: "bool", defaultValue: false, tags: ["web"] },
    });
    expect(flag.status).toBe(201);
    expect(flag.body).toMatchObject({ key: "new-checkout", type: "bool", enabled: true, version: 1 });

    const rules = await t.call("PUT", "/v1/apps/shop/flags/new-checkout/rules", {
      key: writer,
      body: { rules: [{ type: "when_tenant", tenants: ["acme"], value: true }] },
    });
    expect(rules.status, JSON.stringify(rules.body)).toBe(200);
    expect(rules.body.rules).toHaveLength(1);

    const acme = await t.call("POST", "/v1/apps/shop/flags/new-checkout/evaluate", {
      key: evaluator,
      body: { tenantId: "acme" },
    });
    expect(acme.body).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    const other = await t.call("POST", "/v1/apps/shop/flags/new-checkout/evaluate", {
      key: evaluator,
      body: { tenantId: "globex" },
    });
    expect(other.body).toMatchObject({ value: false, reason: "DEFAULT" });

    const override = await t.call("PUT", "/v1/apps/shop/flags/new-checkout/overrides/globex", {
      key: writer,
      body: { value: true },
    });
    expect(override.status).toBe(200);
    expect(
      (
        await t.call("POST", "/v1/apps/shop/flags/new-checkout/evaluate", {
          key: evaluator,
          body: { tenantId: "globex" },
        })
      ).body.value,
    ).toBe(true);
    const overrides = await t.call("GET", "/v1/apps/shop/flags/new-checkout/overrides", { key: writer });
    expect(overrides.body.items.map((o: { tenantId: string }) => o.tenantId)).toEqual(["globex"]);
    expect((await t.call("DELETE", "/v1/apps/shop/flags/new-checkout/overrides/globex", { key: writer })).status).toBe(
      204,
    );

    const updated = await t.call("PATCH", "/v1/apps/shop/flags/new-checkout", {
      key: writer,
      body: { enabled: false, cas: 4 },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    const disabled = await t.call("POST", "/v1/apps/shop/flags/new-checkout/evaluate", {
      key: evaluator,
      body: { tenantId: "acme" },
    });
    expect(disabled.body.reason).toBe("DISABLED");

    const list = await t.call("GET", "/v1/apps/shop/flags?tag=web", { key: writer });
    expect(list.body.items.map((f: { key: string }) => f.key)).toEqual(["new-checkout"]);
    const all = await t.call("POST", "/v1/apps/shop/evaluate", { key: evaluator, body: { tenantId: "acme" } });
    expect(Object.keys(all.body)).toEqual(["new-checkout"]);
    const metrics = await t.call("GET", "/metrics");
    expect(metrics.raw).toMatch(/vault_flag_evaluations_total [1-9]/);
  });

  it("serves the snapshot with an ETag and answers 304 when it has not changed", async () => {
    const first = await t.call("GET", "/v1/apps/shop/snapshot", { key: evaluator });
    expect(first.status).toBe(200);
    const etag = first.headers.etag as string;
    expect(etag).toBe(`"${first.body.revision}"`);
    const again = await t.call("GET", "/v1/apps/shop/snapshot", { key: evaluator, headers: { "if-none-match": etag } });
    expect(again.status).toBe(304);
    await t.call("POST", "/v1/apps/shop/flags", {
      key: writer,
      body: { key: "limit", type: "int", defaultValue: 5 },
    });
    const changed = await t.call("GET", "/v1/apps/shop/snapshot", {
      key: evaluator,
      headers: { "if-none-match": etag },
    });
    expect(changed.status).toBe(200);
    expect(changed.body.revision).toBeGreaterThan(first.body.revision);
  });

  it("maps errors: duplicate 409, wrong type 4xx naming it, stale cas 409, missing 404, missing on evaluate → ERROR", async () => {
    expectError(
      await t.call("POST", "/v1/apps/shop/flags", {
        key: writer,
        body: { key: "limit", type: "int", defaultValue: 1 },
      }),
      409,
      "ALREADY_EXISTS",
    );
    const wrongType = await t.call("POST", "/v1/apps/shop/flags", {
      key: writer,
      body: { key: "bad", type: "int", defaultValue: "five" },
    });
    expect([400, 422]).toContain(wrongType.status);
    expect(wrongType.body.error.message).toMatch(/defaultValue|int/);
    expectError(
      await t.call("PATCH", "/v1/apps/shop/flags/limit", { key: writer, body: { defaultValue: 6, cas: 99 } }),
      409,
      "CONFLICT",
    );
    expectError(await t.call("GET", "/v1/apps/shop/flags/nope", { key: writer }), 404, "NOT_FOUND");
    const missing = await t.call("POST", "/v1/apps/shop/flags/nope/evaluate", { key: evaluator, body: {} });
    expect(missing.body).toMatchObject({ reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect((await t.call("DELETE", "/v1/apps/shop/flags/limit", { key: writer })).status).toBe(204);
  });

  it("rejects bad bodies with 400 naming the field; an evaluate-only key cannot write", async () => {
    const badType = await t.call("POST", "/v1/apps/shop/flags", {
      key: writer,
      body: { key: "x", type: "number", defaultValue: 1 },
    });
    expectError(badType, 400, "VALIDATION");
    expect(badType.body.error.message).toContain("body.type");
    const badContext = await t.call("POST", "/v1/apps/shop/flags/new-checkout/evaluate", {
      key: evaluator,
      body: { tenantId: 42 },
    });
    expect(badContext.body.error.message).toContain("body.tenantId");
    expectError(
      await t.call("POST", "/v1/apps/shop/flags", {
        key: evaluator,
        body: { key: "x", type: "bool", defaultValue: true },
      }),
      403,
      "FORBIDDEN",
    );
  });
});
