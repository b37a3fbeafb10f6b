import { Validator } from "@seriousme/openapi-schema-validator";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/http/routes/index";
import { startTestServer, type TestServer } from "./helpers";

describe(`OpenAPI document (${testDatabaseKind()})`, () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(async () => t?.close());

  it("is served at /openapi.json, validates as OpenAPI 3.1, and lists every route", async () => {
    const response = await t.call("GET", "/openapi.json");
    expect(response.status).toBe(200);
    const doc = response.body;
    expect(doc.openapi).toBe("3.1.0");
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    for (const route of allRoutes()) {
      const path = route.url.replace(/:([A-Za-z0-9_]+)/g, "{$1}");
      expect(doc.paths[path]?.[route.method.toLowerCase()], `${route.method} ${path}`).toBeDefined();
    }
    // Every $ref resolves inside the document.
    const refs = JSON.stringify(doc).match(/"\$ref":"[^"]+"/g) ?? [];
    for (const ref of refs) {
      const name = ref.slice('"$ref":"#/components/schemas/'.length, -1);
      expect(doc.components.schemas[name], ref).toBeDefined();
    }
  });

  it("describes flag rules in full, one schema per rule type, in bodies and answers", async () => {
    const doc = (await t.call("GET", "/openapi.json")).body;
    const body = doc.paths["/v1/apps/{appId}/flags/{key}/rules"].put.requestBody.content["application/json"].schema;
    const ruleRef = JSON.stringify(body).match(/#\/components\/schemas\/([A-Za-z]+)/)?.[1];
    expect(ruleRef).toBeDefined();
    for (const name of [ruleRef!, "FlagRule"]) {
      const rule = doc.components.schemas[name];
      // biome-ignore lint/suspicious/noExplicitAny: a JSON Schema read back from the document
      const variants: any[] = rule.oneOf ?? rule.anyOf;
      const byType = Object.fromEntries(variants.map((v) => [v.properties.type.const, v]));
      expect(Object.keys(byType).sort()).toEqual(
        ["custom", "rollout", "schedule", "when_attribute", "when_tenant", "when_tenant_tag", "when_user"].sort(),
      );
      expect(byType.rollout.properties.percentage).toMatchObject({ type: "integer", minimum: 0, maximum: 100 });
      expect(byType.rollout.required).toContain("percentage");
      expect(byType.when_attribute.properties.operator.enum).toContain("semver_gt");
      expect(byType.when_tenant.additionalProperties).toBe(false);
    }
    expect(doc.components.schemas.FlagRule.anyOf ?? doc.components.schemas.FlagRule.oneOf).toBeDefined();
  });

  it("documents operations with unique operationIds and security on protected routes", async () => {
    const ids = allRoutes().map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = (await t.call("GET", "/openapi.json")).body;
    expect(doc.paths["/v1/apps"].post.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths["/health"].get.security).toEqual([]);
  });
});
