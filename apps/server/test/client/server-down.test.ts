import { createFlagClient, createVaultApi, type FlagClient, unwrap, type VaultApi } from "@vault/client";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Spawned } from "../process";
import { TcpProxy } from "../tcp-proxy";
import { appWithKey, nextEvent, ServerFixture } from "./harness";

// docs/client.md, "When the server is down": each row of its table, against a real server process. The service
// reaches the server through a TCP proxy the test cuts (so that the server, and writes through it, go on while the
// service cannot reach it). The defaults the table quotes (backoff, timeouts) are held in
// packages/client/test/outage.test.ts; the server stopped outright in flag-client.test.ts and openfeature.test.ts.

/** Quick reconnects: the tests wait for events, never for time. */
const backoff = { initialMs: 50, maxMs: 400 };
/** The bound on an event that needs a reconnect (generous: a loaded machine). */
const WITHIN_MS = 60_000;

describe(`@vault/client when the server is down, as docs/client.md says (${testDatabaseKind()})`, {
  timeout: 180_000,
}, () => {
  let fixture: ServerFixture;
  let server: Spawned;
  let proxy: TcpProxy;
  let api: VaultApi;
  let key: string;
  let viaProxy: string;
  const clients: FlagClient[] = [];
  const client = (options: Partial<Parameters<typeof createFlagClient>[0]> = {}) => {
    const created = createFlagClient({ url: viaProxy, apiKey: key, appId: "shop", backoff, ...options });
    clients.push(created);
    return created;
  };
  const patchFlag = async (flagKey: string, body: { enabled?: boolean; defaultValue?: string }) =>
    unwrap(
      await api.PATCH("/v1/apps/{appId}/flags/{key}", { params: { path: { appId: "shop", key: flagKey } }, body }),
    );
  const setLimit = async (value: number) =>
    unwrap(
      await api.PUT("/v1/apps/{appId}/config/{key}", {
        params: { path: { appId: "shop", key: "limits/max-items" } },
        body: { value },
      }),
    );

  beforeAll(async () => {
    fixture = await ServerFixture.create();
    server = await fixture.start();
    key = await appWithKey(server.url, fixture.adminKey, "shop", [
      "flags:write",
      "flags:evaluate",
      "config:read",
      "config:write",
    ]);
    api = createVaultApi({ url: server.url, apiKey: key });
    const path = { appId: "shop" };
    unwrap(
      await api.POST("/v1/apps/{appId}/flags", {
        params: { path },
        body: { key: "checkout", type: "bool", defaultValue: true },
      }),
    );
    unwrap(
      await api.POST("/v1/apps/{appId}/flags", {
        params: { path },
        body: { key: "theme", type: "string", defaultValue: "light" },
      }),
    );
    await setLimit(10);
    const target = new URL(server.url);
    proxy = new TcpProxy({ host: target.hostname, port: Number(target.port) });
    await proxy.start();
    viaProxy = `http://127.0.0.1:${proxy.port}`;
  });
  beforeEach(async () => {
    // Every test starts from the same state, reachable.
    await proxy.start().catch(() => {}); // already listening
    await patchFlag("checkout", { enabled: true });
    await patchFlag("theme", { defaultValue: "light" });
    await setLimit(10);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await proxy?.stop();
    await fixture?.close();
  });

  it("out of reach while the service runs: stale, reads from the last snapshot, then ready with what it missed", async () => {
    const service = client();
    expect(await service.ready()).toBe("server");
    const before = service.evaluateAll({ tenantId: "acme" });

    const stale = nextEvent(service, "stale", () => true, WITHIN_MS);
    await proxy.stop();
    await stale;
    expect(service.status).toBe("stale");
    expect(service.evaluateAll({ tenantId: "acme" })).toEqual(before);
    expect(service.config.int("limits/max-items", 0)).toBe(10);

    // Written while the service cannot reach the server: it must catch up on reconnect.
    await patchFlag("checkout", { enabled: false });
    await setLimit(25);
    expect(service.bool("checkout", {}, false)).toBe(true); // still the last snapshot

    const missedFlags = nextEvent(service, "change", (e) => e.topic === "flags", WITHIN_MS);
    const missedConfig = nextEvent(service, "change", (e) => e.topic === "config", WITHIN_MS);
    const back = nextEvent(service, "ready", () => true, WITHIN_MS);
    await proxy.start();
    expect(await back).toEqual({ source: "server" });
    expect((await missedFlags).keys).toEqual(["checkout"]);
    expect((await missedConfig).keys).toEqual(["limits/max-items"]);
    expect(service.status).toBe("ready");
    expect(service.evaluate("checkout")).toMatchObject({ reason: "DISABLED" });
    expect(service.config.int("limits/max-items", 0)).toBe(25);
  });

  it("starts while the server is down, with a bootstrap: ready at once from it, fresh once the server answers", async () => {
    const flags = unwrap(await api.GET("/v1/apps/{appId}/snapshot", { params: { path: { appId: "shop" } } }));
    await proxy.stop();
    await patchFlag("theme", { defaultValue: "dark" }); // the bootstrap is now behind the server
    const service = client({ bootstrap: { flags: flags as never } });
    expect(service.status).toBe("ready"); // before any await
    expect(await service.ready()).toBe("bootstrap");
    expect(service.string("theme", {}, "none")).toBe("light");
    await nextEvent(service, "stale", () => true, WITHIN_MS); // its first connection is refused

    const fresh = nextEvent(service, "change", (e) => e.topic === "flags", WITHIN_MS);
    const back = nextEvent(service, "ready", () => true, WITHIN_MS);
    await proxy.start();
    expect((await fresh).keys).toEqual(["theme"]);
    await back;
    expect(service.string("theme", {}, "none")).toBe("dark");
  });

  it("starts while the server is down, with nothing to start from: 'timeout' and defaults, fresh once it answers", async () => {
    await proxy.stop();
    const service = client({ readyTimeoutMs: 200 });
    const errors: unknown[] = [];
    service.on("error", ({ error }) => errors.push(error));
    expect(await service.ready()).toBe("timeout");
    expect(service.status).toBe("connecting");
    expect(errors).toEqual([expect.objectContaining({ message: expect.stringMatching(/no snapshot within 200 ms/) })]);
    expect(service.bool("checkout", {}, false)).toBe(false); // the caller's default, not the server's true
    expect(service.config.int("limits/max-items", 3)).toBe(3);

    const ready = nextEvent(service, "ready", () => true, WITHIN_MS);
    await proxy.start();
    expect(await ready).toEqual({ source: "server" });
    expect(service.bool("checkout", {}, false)).toBe(true);
    expect(service.config.int("limits/max-items", 3)).toBe(10);
  });

  it("a stream gone silent (a dead connection kept open) is reconnected after heartbeatTimeoutMs", async () => {
    const streams: string[] = [];
    const recording: typeof fetch = (input, init) => {
      if (String(input).endsWith("/stream")) streams.push(String(input));
      return fetch(input, init);
    };
    // Far below the server's 15 s heartbeat, so that the test does not wait for it; the default (45 s) is held in
    // packages/client/test/outage.test.ts.
    const service = client({ fetch: recording, heartbeatTimeoutMs: 1_000 });
    expect(await service.ready()).toBe("server");
    proxy.hold(); // the open stream carries nothing more, and stays open
    const connectionsBefore = streams.length;
    const change = nextEvent(service, "change", (e) => e.keys.includes("theme"), WITHIN_MS);
    await patchFlag("theme", { defaultValue: "sepia" });
    // Only a new connection can bring it: the held one never will.
    expect((await change).keys).toEqual(["theme"]);
    expect(streams.length).toBeGreaterThan(connectionsBefore);
    expect(service.string("theme", {}, "none")).toBe("sepia");
  });

  it("the key is revoked: error events (401) and retries with backoff; reads go on from the last snapshot", async () => {
    const admin = createVaultApi({ url: server.url, apiKey: fixture.adminKey });
    const minted = unwrap(
      await admin.POST("/v1/apps/{appId}/api-keys", {
        params: { path: { appId: "shop" } },
        body: { name: "revoked service", scopes: ["flags:evaluate", "config:read"] },
      }),
    );
    const statuses: number[] = [];
    const recording: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      if (String(input).endsWith("/stream")) statuses.push(response.status);
      return response;
    };
    const service = client({ apiKey: minted.key, fetch: recording });
    expect(await service.ready()).toBe("server");
    const before = service.evaluateAll({});

    const refused = nextEvent(
      service,
      "error",
      ({ error }) => (error as { status?: number }).status === 401,
      WITHIN_MS,
    );
    unwrap(
      await admin.DELETE("/v1/apps/{appId}/api-keys/{id}", {
        params: { path: { appId: "shop", id: minted.apiKey.id } },
      }),
    );
    await refused;
    // Retried, and refused each time (the key stays revoked), with the reads from the last snapshot meanwhile.
    await expect.poll(() => statuses.filter((s) => s === 401).length, { timeout: WITHIN_MS }).toBeGreaterThan(1);
    expect(service.status).toBe("stale");
    expect(service.evaluateAll({})).toEqual(before);
  });

  it.skipIf(testDatabaseKind() !== "postgres")(
    "the key is revoked through another instance on the same Postgres: the stream ends there too, then 401",
    async () => {
      const other = await fixture.start();
      const admin = createVaultApi({ url: server.url, apiKey: fixture.adminKey });
      const minted = unwrap(
        await admin.POST("/v1/apps/{appId}/api-keys", {
          params: { path: { appId: "shop" } },
          body: { name: "revoked elsewhere", scopes: ["flags:evaluate"] },
        }),
      );
      const service = client({ url: other.url, apiKey: minted.key });
      expect(await service.ready()).toBe("server");
      const refused = nextEvent(
        service,
        "error",
        ({ error }) => (error as { status?: number }).status === 401,
        WITHIN_MS,
      );
      unwrap(
        await admin.DELETE("/v1/apps/{appId}/api-keys/{id}", {
          params: { path: { appId: "shop", id: minted.apiKey.id } },
        }),
      );
      await refused;
      expect(service.status).toBe("stale");
      await fixture.stop(other);
    },
  );
});
