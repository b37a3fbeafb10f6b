import { newId } from "@vault/core";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SCOPES } from "../../src/auth/scopes";
import { allRoutes } from "../../src/http/routes/index";
import { expectError, startTestServer, type TestServer } from "../helpers";

/** The status, and for answers with a body the error envelope (a HEAD answer has no body). */
function expectRefusal(method: string, response: Parameters<typeof expectError>[0], status: number, code: string) {
  if (method === "HEAD") expect(response.status).toBe(status);
  else if (response.body?.errorCode !== undefined) {
    // The OFREP routes answer in OFREP's shape; the Vault code is in the details.
    expect(response.status).toBe(status);
    expect(response.body.errorDetails).toContain(code);
  } else expectError(response, status, code);
}

/** Every protected route, generated from the route table so that a new route cannot skip these checks. */
describe(`auth on every route (${testDatabaseKind()})`, () => {
  let t: TestServer;
  let ownerAll: string;
  let otherAdmin: string;
  let noScope: Record<string, string>;
  // Every route that needs a key (/metrics has a token of its own, tested in the edge tests).
  const routes = allRoutes().filter((r) => r.auth.kind !== "public" && r.auth.kind !== "metrics");
  const urlOf = (url: string, appId: string) =>
    url
      .replace(":appId", appId)
      .replace(":key", "some%2Fkey")
      .replace(":tenantId", "tenant-1")
      .replace(":purpose", "some-purpose")
      .replace(":id", newId("apiKey"));

  beforeAll(async () => {
    t = await startTestServer();
    ownerAll = await t.appKey("owner", ["admin"]);
    otherAdmin = await t.appKey("intruder", ["admin"]);
    noScope = {};
    // For each scope, a key of the owner app holding every scope but that one (and not admin).
    for (const scope of SCOPES) {
      if (scope === "admin") continue;
      noScope[scope] = await t.appKey(
        "owner",
        SCOPES.filter((s) => s !== scope && s !== "admin"),
      );
    }
    noScope.admin = await t.appKey(
      "owner",
      SCOPES.filter((s) => s !== "admin"),
    );
    expect(ownerAll).toBeTruthy();
  });
  afterAll(async () => t?.close());

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))("%s: no key → 401", async (_name, route) => {
    expectRefusal(
      route.method,
      await t.call(route.method, urlOf(route.url, "owner"), { body: {} }),
      401,
      "UNAUTHENTICATED",
    );
  });

  it.each(routes.filter((r) => r.auth.kind === "app").map((r) => [`${r.method} ${r.url}`, r] as const))(
    "%s: another app's key → 404, audited",
    async (_name, route) => {
      const before = t.audit.events.length;
      const response = await t.call(route.method, urlOf(route.url, "owner"), { key: otherAdmin, body: {} });
      expectRefusal(route.method, response, 404, "NOT_FOUND");
      expect(response.raw).not.toContain("some/key");
      const events = t.audit.events.slice(before);
      if (route.auth.kind === "app" && route.auth.otherApps) {
        // Open to other apps (blob reads): the service refuses, in the addressed app — except HEAD, which audits nothing.
        const denial = events.find((e) => e.action === "blob.denied");
        if (route.method === "HEAD") expect(events).toEqual([]);
        else expect(denial).toMatchObject({ appId: "owner", outcome: "denied", metadata: { reason: "other_app" } });
        return;
      }
      const denial = events.find((e) => e.action === "auth.denied");
      expect(denial).toMatchObject({ appId: "intruder", outcome: "denied", metadata: { reason: "other_app" } });
    },
  );

  it.each(
    routes
      .filter((r) => r.auth.kind === "app" || r.auth.kind === "keyApp")
      .map((r) => [`${r.method} ${r.url}`, r] as const),
  )("%s: a key without the scope → 403", async (_name, route) => {
    if (route.auth.kind !== "app" && route.auth.kind !== "keyApp") return;
    // A route that takes any of several scopes: a key holding every other scope.
    const anyOf: readonly string[] = typeof route.auth.scope === "string" ? [route.auth.scope] : route.auth.scope;
    const key =
      anyOf.length === 1
        ? noScope[anyOf[0]!]!
        : await t.appKey(
            "owner",
            SCOPES.filter((s) => !anyOf.includes(s) && s !== "admin"),
          );
    const response = await t.call(route.method, urlOf(route.url, "owner"), { key, body: {} });
    expectRefusal(route.method, response, 403, "FORBIDDEN");
    if (route.method !== "HEAD" && response.body.error) {
      expect(response.body.error.details.required).toEqual(route.auth.scope);
    }
  });

  it.each(routes.filter((r) => r.auth.kind === "instance").map((r) => [`${r.method} ${r.url}`, r] as const))(
    "%s: an app admin (not instance admin) → 403",
    async (_name, route) => {
      expectRefusal(
        route.method,
        await t.call(route.method, urlOf(route.url, "owner"), { key: ownerAll, body: {} }),
        403,
        "FORBIDDEN",
      );
    },
  );

  it("the instance admin cannot read an app's objects, only manage its keys", async () => {
    expectError(await t.call("GET", "/v1/apps/owner/secrets", { key: t.adminKey }), 404, "NOT_FOUND");
    expect((await t.call("GET", "/v1/apps/owner/api-keys", { key: t.adminKey })).status).toBe(200);
  });
});
