import { OFREPProvider } from "@openfeature/ofrep-provider";
import { OFREPWebProvider } from "@openfeature/ofrep-web-provider";
import { OpenFeature as ServerOpenFeature } from "@openfeature/server-sdk";
import { OpenFeature as WebOpenFeature } from "@openfeature/web-sdk";
import { unwrap, type VaultApi } from "@vault/client";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Spawned } from "../process";
import { apiFor, appWithKey, ServerFixture } from "./harness";

/** One flag of each type, with a tenant rule and a variant, so that reasons and variants come through too. */
async function defineFlags(api: VaultApi) {
  const path = { appId: "shop" };
  const flags = [
    { key: "new-checkout", type: "bool", defaultValue: false },
    { key: "theme", type: "string", defaultValue: "light", variants: { dark: "dark" } },
    { key: "max-items", type: "int", defaultValue: 10 },
    { key: "ratio", type: "float", defaultValue: 0.25 },
    { key: "layout", type: "json", defaultValue: { columns: 2 } },
    { key: "retired", type: "bool", defaultValue: true, enabled: false },
  ] as const;
  for (const flag of flags) unwrap(await api.POST("/v1/apps/{appId}/flags", { params: { path }, body: flag }));
  const rule = (key: string, value: unknown) =>
    api.PUT("/v1/apps/{appId}/flags/{key}/rules", {
      params: { path: { appId: "shop", key } },
      body: { rules: [{ type: "when_tenant", tenants: ["acme"], value } as never] },
    });
  unwrap(await rule("new-checkout", true));
  unwrap(await rule("max-items", 100));
  unwrap(await rule("ratio", 0.75));
  unwrap(await rule("layout", { columns: 3 }));
  unwrap(
    await api.PUT("/v1/apps/{appId}/flags/{key}/rules", {
      params: { path: { appId: "shop", key: "theme" } },
      body: { rules: [{ type: "when_user", users: ["ada"], variant: "dark" } as never] },
    }),
  );
}

describe(`OFREP against a real server process (${testDatabaseKind()})`, { timeout: 120_000 }, () => {
  let fixture: ServerFixture;
  let server: Spawned;
  let key: string;
  let api: VaultApi;

  beforeAll(async () => {
    fixture = await ServerFixture.create();
    server = await fixture.start();
    key = await appWithKey(server.url, fixture.adminKey, "shop", ["flags:write", "flags:evaluate"]);
    api = apiFor(server.url, key);
    await defineFlags(api);
  });
  afterAll(async () => {
    await ServerOpenFeature.close();
    await WebOpenFeature.close();
    await fixture?.close();
  });

  it("@openfeature/ofrep-provider (server SDK) evaluates every flag type, with reasons, variants and errors", async () => {
    await ServerOpenFeature.setProviderAndWait(
      new OFREPProvider({ baseUrl: server.url, headers: [["Authorization", `Bearer ${key}`]] }),
    );
    const client = ServerOpenFeature.getClient();
    const acme = { targetingKey: "bob", tenantId: "acme" };
    expect(await client.getBooleanDetails("new-checkout", false, acme)).toMatchObject({
      value: true,
      reason: "TARGETING_MATCH",
    });
    expect(await client.getBooleanValue("new-checkout", true, { tenantId: "globex" })).toBe(false);
    expect(await client.getStringDetails("theme", "x", { targetingKey: "ada" })).toMatchObject({
      value: "dark",
      variant: "dark",
      reason: "TARGETING_MATCH",
    });
    expect(await client.getStringDetails("theme", "x", { targetingKey: "bob" })).toMatchObject({
      value: "light",
      reason: "DEFAULT",
    });
    expect(await client.getNumberValue("max-items", 0, acme)).toBe(100);
    expect(await client.getNumberValue("ratio", 0, acme)).toBe(0.75);
    expect(await client.getObjectValue("layout", {}, acme)).toEqual({ columns: 3 });
    expect(await client.getBooleanDetails("retired", false, acme)).toMatchObject({ value: true, reason: "DISABLED" });
    expect(await client.getBooleanDetails("missing", false, acme)).toMatchObject({
      value: false,
      reason: "ERROR",
      errorCode: "FLAG_NOT_FOUND",
    });
    expect(await client.getNumberDetails("theme", 7, acme)).toMatchObject({ value: 7, errorCode: "TYPE_MISMATCH" });
  });

  it("@openfeature/ofrep-web-provider (web SDK) evaluates every flag type through the bulk route and picks up a change", async () => {
    await WebOpenFeature.setContext({ targetingKey: "ada", tenantId: "acme" });
    await WebOpenFeature.setProviderAndWait(
      new OFREPWebProvider({
        baseUrl: server.url,
        headers: [["Authorization", `Bearer ${key}`]],
        pollInterval: 100,
        changeDetection: "polling",
        cacheMode: "disabled",
        disableVisibilityRefresh: true,
      }),
    );
    const client = WebOpenFeature.getClient();
    expect(client.getBooleanDetails("new-checkout", false)).toMatchObject({ value: true, reason: "TARGETING_MATCH" });
    expect(client.getStringDetails("theme", "x")).toMatchObject({ value: "dark", variant: "dark" });
    expect(client.getNumberValue("max-items", 0)).toBe(100);
    expect(client.getNumberValue("ratio", 0)).toBe(0.75);
    expect(client.getObjectValue("layout", {})).toEqual({ columns: 3 });
    expect(client.getBooleanDetails("retired", false)).toMatchObject({ value: true, reason: "DISABLED" });
    expect(client.getBooleanDetails("missing", false)).toMatchObject({ errorCode: "FLAG_NOT_FOUND" });
    unwrap(
      await api.PATCH("/v1/apps/{appId}/flags/{key}", {
        params: { path: { appId: "shop", key: "max-items" } },
        body: { enabled: false },
      }),
    );
    await expect.poll(() => client.getNumberValue("max-items", 0), { timeout: 15_000 }).toBe(10);
  });

  it("answers the bulk evaluation with an ETag and 304, the configuration, and errors in OFREP's shape", async () => {
    const post = (path: string, body: unknown, headers: Record<string, string> = {}, bearer = key) =>
      fetch(`${server.url}${path}`, {
        method: "POST",
        headers: { authorization: `Bearer ${bearer}`, "content-type": "application/json", ...headers },
        body: typeof body === "string" ? body : JSON.stringify(body),
      });
    const first = await post("/ofrep/v1/evaluate/flags", { context: { tenantId: "acme" } });
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag")!;
    const bulk = (await first.json()) as { flags: Array<{ key: string }> };
    expect(bulk.flags.map((f) => f.key).sort()).toEqual(
      ["layout", "max-items", "new-checkout", "ratio", "retired", "theme"].sort(),
    );
    expect(
      (await post("/ofrep/v1/evaluate/flags", { context: { tenantId: "acme" } }, { "if-none-match": etag })).status,
    ).toBe(304);
    // Another context is another answer.
    expect(
      (await post("/ofrep/v1/evaluate/flags", { context: { tenantId: "globex" } }, { "if-none-match": etag })).status,
    ).toBe(200);

    const missing = await post("/ofrep/v1/evaluate/flags/nope", {});
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ key: "nope", errorCode: "FLAG_NOT_FOUND" });
    const badContext = await post("/ofrep/v1/evaluate/flags/theme", { context: "not an object" });
    expect(badContext.status).toBe(400);
    expect(await badContext.json()).toMatchObject({ key: "theme", errorCode: "INVALID_CONTEXT" });
    const notJson = await post("/ofrep/v1/evaluate/flags/theme", "{nope");
    expect(notJson.status).toBe(400);
    expect(((await notJson.json()) as { errorCode: string }).errorCode).toBe("PARSE_ERROR");
    const unauthenticated = await post("/ofrep/v1/evaluate/flags", {}, {}, "vault_wrong");
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ errorCode: "GENERAL" });

    const configuration = await fetch(`${server.url}/ofrep/v1/configuration`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(await configuration.json()).toMatchObject({
      name: "Vault",
      capabilities: { cacheInvalidation: { polling: { enabled: true } } },
    });
  });
});
