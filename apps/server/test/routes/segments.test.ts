import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectError, startTestServer, type TestServer } from "../helpers";

describe(`segments and individual targets over HTTP (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let writer: string;
  let reader: string;
  let evaluator: string;
  let otherApp: string;
  beforeAll(async () => {
    t = await startTestServer();
    writer = await t.appKey("seg-shop", ["flags:write", "flags:read", "flags:evaluate"]);
    reader = await t.appKey("seg-shop", ["flags:read"]);
    evaluator = await t.appKey("seg-shop", ["flags:evaluate"]);
    otherApp = await t.appKey("seg-other", ["flags:write", "flags:read"]);
  });
  afterAll(async () => t?.close());

  const enterpriseEu = [
    { attribute: "plan", operator: "eq", values: ["Enterprise"], caseInsensitive: true },
    { attribute: "region", operator: "regex", values: ["^eu-"] },
    { attribute: "ip", operator: "cidr", values: ["10.0.0.0/8"], inverted: true },
  ];

  it("creates, reads, lists, updates (cas) and deletes a segment; rules naming it target through it", async () => {
    const created = await t.call("POST", "/v1/apps/seg-shop/segments", {
      key: writer,
      body: { key: "enterprise-eu", description: "EU enterprise", constraints: enterpriseEu },
    });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body).toMatchObject({ key: "enterprise-eu", version: 1, constraints: enterpriseEu });
    expect(created.body.id).toMatch(/^seg_/);
    expectError(
      await t.call("POST", "/v1/apps/seg-shop/segments", {
        key: reader,
        body: { key: "x", constraints: enterpriseEu },
      }),
      403,
      "FORBIDDEN",
    );
    expect((await t.call("GET", "/v1/apps/seg-shop/segments/enterprise-eu", { key: reader })).body).toEqual(
      created.body,
    );
    expectError(await t.call("GET", "/v1/apps/seg-other/segments/enterprise-eu", { key: otherApp }), 404, "NOT_FOUND");
    expectError(await t.call("GET", "/v1/apps/seg-shop/segments/enterprise-eu", { key: otherApp }), 404, "NOT_FOUND");

    const flag = await t.call("POST", "/v1/apps/seg-shop/flags", {
      key: writer,
      body: {
        key: "eu-pricing",
        type: "bool",
        defaultValue: false,
        rules: [
          {
            type: "rollout",
            percentage: 100,
            segments: ["enterprise-eu"],
            constraints: [{ attribute: "appVersion", operator: "semver_gte", values: ["2.0.0"] }],
            value: true,
          },
        ],
      },
    });
    expect(flag.status, JSON.stringify(flag.body)).toBe(201);
    expect(flag.body.rules[0]).toMatchObject({
      segments: ["enterprise-eu"],
      constraints: [{ operator: "semver_gte" }],
    });
    const ctx = {
      tenantId: "t1",
      attributes: { plan: "ENTERPRISE", region: "eu-west", ip: "192.0.2.4", appVersion: "2.1.0" },
    };
    const inside = await t.call("POST", "/v1/apps/seg-shop/flags/eu-pricing/evaluate", { key: evaluator, body: ctx });
    expect(inside.body).toMatchObject({ value: true, reason: "SPLIT" });

    const stale = await t.call("PATCH", "/v1/apps/seg-shop/segments/enterprise-eu", {
      key: writer,
      body: { description: "x", cas: 7 },
    });
    expectError(stale, 409, "CONFLICT");
    const updated = await t.call("PATCH", "/v1/apps/seg-shop/segments/enterprise-eu", {
      key: writer,
      body: { constraints: [{ attribute: "region", operator: "regex", values: ["^us-"] }], cas: 1 },
    });
    expect(updated.status, JSON.stringify(updated.body)).toBe(200);
    expect(updated.body.version).toBe(2);
    const outside = await t.call("POST", "/v1/apps/seg-shop/flags/eu-pricing/evaluate", { key: evaluator, body: ctx });
    expect(outside.body).toMatchObject({ value: false, reason: "DEFAULT" });

    const refused = await t.call("DELETE", "/v1/apps/seg-shop/segments/enterprise-eu", { key: writer });
    expectError(refused, 409, "CONFLICT");
    expect(refused.body.error.message).toBe(
      'segment "enterprise-eu" is used by flag "eu-pricing": remove it from their rules first',
    );
    expect(refused.body.error.details).toMatchObject({ flags: ["eu-pricing"], rules: [{ flagKey: "eu-pricing" }] });

    const snapshot = await t.call("GET", "/v1/apps/seg-shop/snapshot", { key: evaluator });
    expect(snapshot.body).toMatchObject({
      format: 2,
      segments: [{ key: "enterprise-eu", constraints: [{ attribute: "region", operator: "regex" }] }],
    });

    const list = await t.call("GET", "/v1/apps/seg-shop/segments?prefix=enterprise", { key: reader });
    expect(list.body.items.map((s: { key: string }) => s.key)).toEqual(["enterprise-eu"]);
    expect(
      (await t.call("PUT", "/v1/apps/seg-shop/flags/eu-pricing/rules", { key: writer, body: { rules: [] } })).status,
    ).toBe(200);
    expect((await t.call("DELETE", "/v1/apps/seg-shop/segments/enterprise-eu?cas=2", { key: writer })).status).toBe(
      204,
    );
    expectError(await t.call("GET", "/v1/apps/seg-shop/segments/enterprise-eu", { key: reader }), 404, "NOT_FOUND");
  });

  it("answers 400 naming the rule, the condition and the problem; 400 for a rule naming a missing segment", async () => {
    const bad = await t.call("POST", "/v1/apps/seg-shop/segments", {
      key: writer,
      body: { key: "bad", constraints: [{ attribute: "ip", operator: "cidr", values: ["300.0.0.0/8"] }] },
    });
    expectError(bad, 400, "VALIDATION");
    expect(bad.body.error.message).toMatch(/constraints\.0\.values\.0: "300\.0\.0\.0\/8" is not a CIDR range/);
    const unknownOperator = await t.call("POST", "/v1/apps/seg-shop/segments", {
      key: writer,
      body: { key: "bad", constraints: [{ attribute: "ip", operator: "near", values: ["x"] }] },
    });
    expectError(unknownOperator, 400, "VALIDATION");
    await t.call("POST", "/v1/apps/seg-shop/flags", {
      key: writer,
      body: { key: "r", type: "bool", defaultValue: false },
    });
    const badRule = await t.call("PUT", "/v1/apps/seg-shop/flags/r/rules", {
      key: writer,
      body: {
        rules: [
          { type: "when_user", users: ["u"], value: true },
          {
            type: "when_tenant",
            tenants: ["t"],
            value: true,
            constraints: [{ attribute: "ua", operator: "regex", values: ["(\\w)\\1"] }],
          },
        ],
      },
    });
    expectError(badRule, 400, "VALIDATION");
    expect(badRule.body.error.message).toMatch(/^invalid flag "r": rules\.1\.constraints\.0\.values\.0: pattern/);
    const missing = await t.call("PUT", "/v1/apps/seg-shop/flags/r/rules", {
      key: writer,
      body: { rules: [{ type: "when_tenant", tenants: ["t"], value: true, segments: ["ghost"] }] },
    });
    expectError(missing, 400, "VALIDATION");
    expect(missing.body.error.message).toBe('rules.0.segments.0: segment "ghost" does not exist');
  });

  it("individual targets: set, list, delete per user; the user's value beats the tenant's", async () => {
    await t.call("POST", "/v1/apps/seg-shop/flags", {
      key: writer,
      body: { key: "limit", type: "int", defaultValue: 1 },
    });
    await t.call("PUT", "/v1/apps/seg-shop/flags/limit/overrides/acme", { key: writer, body: { value: 10 } });
    const set = await t.call("PUT", "/v1/apps/seg-shop/flags/limit/user-overrides/alice%40acme.com", {
      key: writer,
      body: { value: 99 },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    expect(set.body).toMatchObject({ userId: "alice@acme.com", value: 99, flagKey: "limit" });
    expectError(
      await t.call("PUT", "/v1/apps/seg-shop/flags/limit/user-overrides/bob", { key: writer, body: { value: "x" } }),
      422,
      "TYPE_MISMATCH",
    );
    const evaluate = (userId: string) =>
      t.call("POST", "/v1/apps/seg-shop/flags/limit/evaluate", { key: evaluator, body: { tenantId: "acme", userId } });
    expect((await evaluate("alice@acme.com")).body).toEqual({ value: 99, reason: "TARGETING_MATCH" });
    expect((await evaluate("bob")).body).toEqual({ value: 10, reason: "TARGETING_MATCH" });
    const list = await t.call("GET", "/v1/apps/seg-shop/flags/limit/user-overrides", { key: reader });
    expect(list.body.items.map((o: { userId: string }) => o.userId)).toEqual(["alice@acme.com"]);
    expect(
      (await t.call("DELETE", "/v1/apps/seg-shop/flags/limit/user-overrides/alice%40acme.com", { key: writer })).status,
    ).toBe(204);
    expectError(
      await t.call("DELETE", "/v1/apps/seg-shop/flags/limit/user-overrides/alice%40acme.com", { key: writer }),
      404,
      "NOT_FOUND",
    );
    expect((await evaluate("alice@acme.com")).body.value).toBe(10);
  });
});
