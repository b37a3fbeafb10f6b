import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFlagClient, type FlagClient, unwrap, type VaultApi } from "@vault/client";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Spawned } from "../process";
import { apiFor, appWithKey, nextEvent, ServerFixture } from "./harness";

const SCOPES = ["flags:write", "flags:evaluate", "config:read", "config:write"];
/** Quick reconnects: the tests wait for events, never for time. */
const backoff = { initialMs: 50, maxMs: 400 };

describe(`@vault/client against a real server process (${testDatabaseKind()})`, { timeout: 120_000 }, () => {
  let fixture: ServerFixture;
  let server: Spawned;
  let api: VaultApi;
  let key: string;
  const clients: FlagClient[] = [];
  const dirs: string[] = [];
  const client = (options: Partial<Parameters<typeof createFlagClient>[0]> = {}) => {
    const created = createFlagClient({ url: server.url, apiKey: key, appId: "shop", backoff, ...options });
    clients.push(created);
    return created;
  };
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), "vault-client-backup-"));
    dirs.push(dir);
    return dir;
  };
  const setEnabled = async (flagKey: string, enabled: boolean) =>
    unwrap(
      await api.PATCH("/v1/apps/{appId}/flags/{key}", {
        params: { path: { appId: "shop", key: flagKey } },
        body: { enabled },
      }),
    );

  beforeAll(async () => {
    fixture = await ServerFixture.create();
    server = await fixture.start();
    key = await appWithKey(server.url, fixture.adminKey, "shop", SCOPES);
    api = apiFor(server.url, key);
    const path = { appId: "shop" };
    const flags = [
      { key: "checkout", type: "bool", defaultValue: true },
      { key: "theme", type: "string", defaultValue: "light" },
      { key: "max-items", type: "int", defaultValue: 10 },
      { key: "ratio", type: "float", defaultValue: 0.25 },
      { key: "layout", type: "json", defaultValue: { columns: 2 } },
    ] as const;
    for (const flag of flags) unwrap(await api.POST("/v1/apps/{appId}/flags", { params: { path }, body: flag }));
    unwrap(
      await api.PUT("/v1/apps/{appId}/flags/{key}/rules", {
        params: { path: { appId: "shop", key: "theme" } },
        body: { rules: [{ type: "when_tenant", tenants: ["acme"], value: "dark" }] },
      }),
    );
    unwrap(
      await api.PUT("/v1/apps/{appId}/config/{key}", {
        params: { path: { appId: "shop", key: "limits/max-items" } },
        body: { value: 10 },
      }),
    );
    unwrap(
      await api.PUT("/v1/apps/{appId}/config/{key}/overrides/{tenantId}", {
        params: { path: { appId: "shop", key: "limits/max-items", tenantId: "acme" } },
        body: { value: 100 },
      }),
    );
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await fixture?.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it("is ready at once from a bootstrap, with no server to ask", async () => {
    const flags = unwrap(await api.GET("/v1/apps/{appId}/snapshot", { params: { path: { appId: "shop" } } }));
    const bootstrapped = client({
      url: "http://127.0.0.1:9", // nothing listens there
      bootstrap: { flags: flags as never },
    });
    expect(bootstrapped.status).toBe("ready"); // before any await
    expect(await bootstrapped.ready()).toBe("bootstrap");
    expect(bootstrapped.string("theme", { tenantId: "acme" }, "none")).toBe("dark");
  });

  it("evaluates every flag as the server does, resolves config locally, and never throws", async () => {
    const local = client();
    expect(await local.ready()).toBe("server");
    for (const context of [{}, { tenantId: "acme" }, { tenantId: "globex", userId: "u1" }]) {
      const remote = unwrap(
        await api.POST("/v1/apps/{appId}/evaluate", { params: { path: { appId: "shop" } }, body: context }),
      );
      expect(local.evaluateAll(context)).toEqual(remote);
    }
    expect(local.bool("checkout", {}, false)).toBe(true);
    expect(local.int("max-items", {}, 0)).toBe(10);
    expect(local.float("ratio", {}, 0)).toBe(0.25);
    expect(local.json("layout", {}, {})).toEqual({ columns: 2 });
    // Wrong type, missing flag, nonsense context: the caller's default, never a throw.
    expect(local.string("checkout", {}, "fallback")).toBe("fallback");
    expect(local.int("ratio", {}, 7)).toBe(7);
    expect(local.bool("missing", {}, true)).toBe(true);
    expect(local.bool("checkout", { attributes: { x: { deep: [1] } } } as never, false)).toBe(true);
    expect(local.evaluate("missing")).toMatchObject({ reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(local.config.get("limits/max-items", { tenantId: "acme" }, 0)).toBe(100);
    expect(local.config.int("limits/max-items", 0, { tenantId: "globex" })).toBe(10);
    expect(local.config.int("limits/missing", 5)).toBe(5);
    expect(local.config.string("limits/max-items", "not a string")).toBe("not a string");
    expect(local.config.resolveAll("acme")).toEqual({ "limits/max-items": 100 });
    const resolved = unwrap(
      await api.GET("/v1/apps/{appId}/config/{key}/resolve", {
        params: { path: { appId: "shop", key: "limits/max-items" }, query: { tenantId: "acme" } },
      }),
    );
    expect(local.config.get("limits/max-items", { tenantId: "acme" }, 0)).toBe(resolved.value);
  });

  it("a toggle reaches every connected client, streaming or polling; config watchers fire", async () => {
    const streaming = [client(), client(), client()];
    const polling = client({ stream: false, pollIntervalMs: 100 });
    await Promise.all([...streaming, polling].map((c) => c.ready()));
    const watched: string[][] = [];
    streaming[0]!.config.watch("limits/*", (event) => watched.push(event.keys));
    const changes = [...streaming, polling].map((c) =>
      nextEvent(c, "change", (e) => e.topic === "flags" && e.keys.includes("checkout")),
    );
    await setEnabled("checkout", false);
    const received = await Promise.all(changes);
    expect(received.every((e) => e.keys.length === 1)).toBe(true);
    for (const c of [...streaming, polling]) expect(c.evaluate("checkout")).toMatchObject({ reason: "DISABLED" });
    const configChange = nextEvent(streaming[0]!, "change", (e) => e.topic === "config");
    unwrap(
      await api.PUT("/v1/apps/{appId}/config/{key}/overrides/{tenantId}", {
        params: { path: { appId: "shop", key: "limits/max-items", tenantId: "globex" } },
        body: { value: 3 },
      }),
    );
    expect((await configChange).keys).toEqual(["limits/max-items"]);
    expect(watched).toEqual([["limits/max-items"]]);
    expect(streaming[0]!.config.int("limits/max-items", 0, { tenantId: "globex" })).toBe(3);
    await setEnabled("checkout", true);
  });

  it("polls with If-None-Match when a proxy answers the stream with something else", async () => {
    const seen: Array<{ path: string; status: number }> = [];
    const proxied: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      if (url.pathname.endsWith("/stream")) {
        return new Response("<html>buffering proxy</html>", { status: 200, headers: { "content-type": "text/html" } });
      }
      const response = await fetch(input, init);
      seen.push({ path: url.pathname, status: response.status });
      return response;
    };
    const behindProxy = client({ fetch: proxied, pollIntervalMs: 100 });
    expect(await behindProxy.ready()).toBe("server");
    await expect
      .poll(() => seen.filter((s) => s.status === 304).map((s) => s.path), { timeout: 15_000 })
      .toEqual(expect.arrayContaining(["/v1/apps/shop/snapshot", "/v1/apps/shop/config-snapshot"]));
    const change = nextEvent(behindProxy, "change", (e) => e.keys.includes("checkout"));
    await setEnabled("checkout", false);
    await change;
    expect(behindProxy.evaluate("checkout")).toMatchObject({ reason: "DISABLED" });
    await setEnabled("checkout", true);
    await nextEvent(behindProxy, "change", (e) => e.keys.includes("checkout"));
  });

  it("keeps evaluating the last snapshot while the server is down, starts from its backup file, and catches up", async () => {
    const backupFile = join(tempDir(), "vault-snapshots.json");
    const lastEventIds: string[] = [];
    const recording: typeof fetch = (input, init) => {
      const id = new Headers(init?.headers).get("last-event-id");
      if (id !== null) lastEventIds.push(id);
      return fetch(input, init);
    };
    const streaming = client({ backupFile, fetch: recording });
    const polling = client({ stream: false, pollIntervalMs: 100 });
    await Promise.all([streaming.ready(), polling.ready()]);
    const before = streaming.evaluateAll({ tenantId: "acme" });
    const port = Number(new URL(server.url).port);
    const stale = [nextEvent(streaming, "stale"), nextEvent(polling, "stale")];
    await fixture.stop(server);
    await Promise.all(stale);
    expect(streaming.status).toBe("stale");
    expect(streaming.evaluateAll({ tenantId: "acme" })).toEqual(before);
    expect(polling.bool("checkout", {}, false)).toBe(true);
    expect(streaming.config.int("limits/max-items", 0, { tenantId: "acme" })).toBe(100);

    // A service that starts while the server is down: ready at once from the backup file.
    const restarted = client({ backupFile, readyTimeoutMs: 60_000 });
    const restartedStale = nextEvent(restarted, "stale"); // its first connection attempt fails
    expect(await restarted.ready()).toBe("backup");
    expect(restarted.evaluateAll({ tenantId: "acme" })).toEqual(before);

    await restartedStale;
    const changesOnReconnect: string[][] = [];
    streaming.on("change", (e) => changesOnReconnect.push(e.keys));
    // The bound includes the server's own start (seconds, from source, under a loaded machine).
    const back = [streaming, polling, restarted].map((c) => nextEvent(c, "ready", () => true, 90_000));
    server = await fixture.start(port);
    api = apiFor(server.url, key);
    await Promise.all(back);
    // Reconnected with what it holds as Last-Event-ID, and nothing had moved: no snapshot again, no change event.
    const held = `${streaming.revision}.${streaming.config.revision}`;
    expect(lastEventIds.at(-1)).toBe(held);
    expect(changesOnReconnect).toEqual([]);
    const caughtUp = [streaming, polling, restarted].map((c) =>
      nextEvent(c, "change", (e) => e.keys.includes("theme")),
    );
    unwrap(
      await api.PATCH("/v1/apps/{appId}/flags/{key}", {
        params: { path: { appId: "shop", key: "theme" } },
        body: { defaultValue: "sepia" },
      }),
    );
    await Promise.all(caughtUp);
    for (const c of [streaming, polling, restarted]) expect(c.string("theme", {}, "")).toBe("sepia");
  });

  it.skipIf(testDatabaseKind() !== "postgres")(
    "two server instances on one Postgres: a write through one reaches the clients of the other",
    async () => {
      const other = await fixture.start();
      const onOther = client({ url: other.url });
      expect(await onOther.ready()).toBe("server");
      const change = nextEvent(onOther, "change", (e) => e.keys.includes("ratio"));
      unwrap(
        await api.PATCH("/v1/apps/{appId}/flags/{key}", {
          params: { path: { appId: "shop", key: "ratio" } },
          body: { defaultValue: 0.75 },
        }),
      );
      await change;
      expect(onOther.float("ratio", {}, 0)).toBe(0.75);
    },
  );
});
