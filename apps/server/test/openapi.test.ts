import { Validator } from "@seriousme/openapi-schema-validator";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { allRoutes } from "../src/routes/index";
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

  it("documents operations with unique operationIds and security on protected routes", async () => {
    const ids = allRoutes().map((r) => r.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    const doc = (await t.call("GET", "/openapi.json")).body;
    expect(doc.paths["/v1/apps"].post.security).toEqual([{ apiKey: [] }]);
    expect(doc.paths["/health"].get.security).toEqual([]);
  });
});
