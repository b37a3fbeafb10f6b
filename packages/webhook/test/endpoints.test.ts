import { queryRows, webhookEndpoints } from "@vault/store";
import { createTestDatabase, type TestDatabase, testDatabaseKind } from "@vault/store/testing";
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { codeOf, errorOf, webhookServiceFor } from "./helpers";

describe(`webhook endpoints (${testDatabaseKind()})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => {
    await t.close();
  });

  it("create answers the signing secret once; get, list and the database never hold it in the clear", async () => {
    const { service, audit } = webhookServiceFor(t.db);
    const { endpoint, secret } = await service.createEndpoint("shop", {
      url: "http://127.0.0.1:9/hooks?token=abc",
      description: "orders",
      eventTypes: ["secret.set", "flag.*", "secret.set"],
    });
    expect(endpoint).toMatchObject({
      appId: "shop",
      url: "http://127.0.0.1:9/hooks?token=abc",
      description: "orders",
      eventTypes: ["flag.*", "secret.set"],
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      previousSecretExpiresAt: null,
    });
    expect(endpoint.id).toMatch(/^whk_/);
    expect(secret).toMatch(/^whsec_/);
    const got = await service.getEndpoint("shop", endpoint.id);
    expect(got).toEqual(endpoint);
    const listed = await service.listEndpoints("shop");
    const everything = JSON.stringify([got, listed, audit.events]);
    expect(everything).not.toContain(secret.slice(6));
    // Not in any column of the row (the secret is sealed), nor anywhere in the table's text.
    const [row] = await queryRows<{ text: string }>(
      t.db,
      sql`select row_to_json(e)::text as text from vault_webhook_endpoints e where id = ${endpoint.id}`,
    );
    expect(row!.text).not.toContain(secret.slice(6));
    expect(audit.events.at(-1)).toMatchObject({
      action: "webhook.endpoint_created",
      key: endpoint.id,
      metadata: { host: "127.0.0.1:9" },
    });
    expect(JSON.stringify(audit.events)).not.toContain("token=abc");
  });

  it("another app's endpoint is NOT_FOUND; ids of the wrong kind are VALIDATION", async () => {
    const { service } = webhookServiceFor(t.db);
    const { endpoint } = await service.createEndpoint("app-a", { url: "http://127.0.0.1:9/a" });
    expect(await codeOf(service.getEndpoint("app-b", endpoint.id))).toBe("NOT_FOUND");
    expect(await codeOf(service.deleteEndpoint("app-b", endpoint.id))).toBe("NOT_FOUND");
    expect(await codeOf(service.getEndpoint("app-a", "sec_01h455vb4pex5vsknk084sn02q"))).toBe("VALIDATION");
  });

  it("refuses bad input with VALIDATION naming it, writing nothing", async () => {
    const { service } = webhookServiceFor(t.db);
    const before = await service.listEndpoints("bad");
    const unknown = await errorOf(
      service.createEndpoint("bad", { url: "http://127.0.0.1:9/", eventTypes: ["secret.sett"] }),
    );
    expect(unknown.message).toContain('unknown event type "secret.sett"');
    expect(await codeOf(service.createEndpoint("bad", { url: "http://127.0.0.1:9/", eventTypes: ["nope.*"] }))).toBe(
      "VALIDATION",
    );
    const privateUrl = await errorOf(service.createEndpoint("bad", { url: "http://192.168.0.10/hook" }));
    expect(privateUrl).toMatchObject({ code: "VALIDATION" });
    expect(privateUrl.message).toContain("192.168.0.10 is a private address");
    expect(await codeOf(service.createEndpoint("bad", { url: "http://169.254.169.254/" }))).toBe("VALIDATION");
    expect(await codeOf(service.createEndpoint("bad", { url: "" }))).toBe("VALIDATION");
    expect(await codeOf(service.createEndpoint("bad", { url: "http://127.0.0.1:9/", extra: 1 } as never))).toBe(
      "VALIDATION",
    );
    expect((await service.listEndpoints("bad")).items).toEqual(before.items);
  });

  it("refuses loopback when the policy does not allow it", async () => {
    const { service } = webhookServiceFor(t.db, { urlPolicy: {} });
    const error = await errorOf(service.createEndpoint("strict", { url: "http://127.0.0.1:8080/x" }));
    expect(error.message).toContain("127.0.0.1 is a loopback address");
  });

  it("updates: url, filters, description; disabling by hand and enabling again resets the failure count", async () => {
    const { service } = webhookServiceFor(t.db);
    const { endpoint } = await service.createEndpoint("upd", { url: "http://127.0.0.1:9/a" });
    await t.db.update(webhookEndpoints).set({ consecutiveFailures: 3 }).where(eq(webhookEndpoints.id, endpoint.id));
    const disabled = await service.updateEndpoint("upd", endpoint.id, { enabled: false, eventTypes: ["config.*"] });
    expect(disabled).toMatchObject({ enabled: false, disabledReason: "manual", eventTypes: ["config.*"] });
    const enabled = await service.updateEndpoint("upd", endpoint.id, { enabled: true, url: "http://127.0.0.1:10/b" });
    expect(enabled).toMatchObject({
      enabled: true,
      disabledReason: null,
      consecutiveFailures: 0,
      url: "http://127.0.0.1:10/b",
    });
    expect(await codeOf(service.updateEndpoint("upd", endpoint.id, { url: "http://10.0.0.1/" }))).toBe("VALIDATION");
    expect((await service.getEndpoint("upd", endpoint.id)).url).toBe("http://127.0.0.1:10/b");
  });

  it("rotating the secret answers a new one; the old one signs on until the overlap ends; 0 ends it at once", async () => {
    const { service, clock } = webhookServiceFor(t.db, { secretOverlapMs: 3_600_000 });
    const { endpoint, secret } = await service.createEndpoint("rot", { url: "http://127.0.0.1:9/a" });
    const rotated = await service.rotateSecret("rot", endpoint.id);
    expect(rotated.secret).not.toBe(secret);
    expect(rotated.endpoint.previousSecretExpiresAt).toEqual(new Date(clock.now().getTime() + 3_600_000));
    const immediate = await service.rotateSecret("rot", endpoint.id, { overlapMs: 0 });
    expect(immediate.endpoint.previousSecretExpiresAt).toBeNull();
    expect(await codeOf(service.rotateSecret("rot", endpoint.id, { overlapMs: -1 }))).toBe("VALIDATION");
  });

  it("an app has at most maxEndpointsPerApp endpoints (CONFLICT beyond)", async () => {
    const { service } = webhookServiceFor(t.db, { maxEndpointsPerApp: 2 });
    await service.createEndpoint("few", { url: "http://127.0.0.1:9/1" });
    await service.createEndpoint("few", { url: "http://127.0.0.1:9/2" });
    expect(await codeOf(service.createEndpoint("few", { url: "http://127.0.0.1:9/3" }))).toBe("CONFLICT");
  });

  it("lists oldest first, a page at a time; deletes", async () => {
    const { service } = webhookServiceFor(t.db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push((await service.createEndpoint("list", { url: `http://127.0.0.1:9/${i}` })).endpoint.id);
    const first = await service.listEndpoints("list", { limit: 2 });
    expect(first.items.map((e) => e.id)).toEqual(ids.slice(0, 2));
    const second = await service.listEndpoints("list", { limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({ items: [{ id: ids[2] }], nextCursor: null });
    await service.deleteEndpoint("list", ids[0]!);
    expect(await codeOf(service.getEndpoint("list", ids[0]!))).toBe("NOT_FOUND");
  });
});
