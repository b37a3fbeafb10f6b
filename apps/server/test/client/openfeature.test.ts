import { type EventDetails, OpenFeature, ProviderEvents } from "@openfeature/server-sdk";
import { unwrap } from "@vault/client";
import { VaultProvider } from "@vault/openfeature";
import { testDatabaseKind } from "@vault/store/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Spawned } from "../process";
import { apiFor, appWithKey, ServerFixture } from "./harness";

/** The next provider event of `type` seen through the OpenFeature SDK (bounded wait). */
function nextProviderEvent(domain: string, type: ProviderEvents, withinMs = 90_000): Promise<EventDetails> {
  return new Promise((resolve, reject) => {
    const client = OpenFeature.getClient(domain);
    const timer = setTimeout(() => {
      client.removeHandler(type, handler);
      reject(new Error(`no ${type} within ${withinMs} ms`));
    }, withinMs);
    const handler = (details?: EventDetails) => {
      clearTimeout(timer);
      client.removeHandler(type, handler);
      resolve(details!);
    };
    client.addHandler(type, handler);
  });
}

describe(`@vault/openfeature against a real server process (${testDatabaseKind()})`, { timeout: 180_000 }, () => {
  let fixture: ServerFixture;
  let server: Spawned;
  let key: string;

  beforeAll(async () => {
    fixture = await ServerFixture.create();
    server = await fixture.start();
    key = await appWithKey(server.url, fixture.adminKey, "shop", ["flags:write", "flags:evaluate"]);
    unwrap(
      await apiFor(server.url, key).POST("/v1/apps/{appId}/flags", {
        params: { path: { appId: "shop" } },
        body: { key: "beta", type: "bool", defaultValue: false },
      }),
    );
  });
  afterAll(async () => {
    await OpenFeature.close();
    await fixture?.close();
  });

  it("READY, CONFIGURATION_CHANGED with the changed keys, STALE while the server is down, READY when it is back", async () => {
    const provider = new VaultProvider({
      url: server.url,
      apiKey: key,
      appId: "shop",
      backoff: { initialMs: 50, maxMs: 400 },
    });
    const ready = nextProviderEvent("events", ProviderEvents.Ready);
    OpenFeature.setProvider("events", provider);
    await ready;
    const flags = OpenFeature.getClient("events");
    expect(await flags.getBooleanValue("beta", true)).toBe(false);

    const changed = nextProviderEvent("events", ProviderEvents.ConfigurationChanged);
    unwrap(
      await apiFor(server.url, key).PATCH("/v1/apps/{appId}/flags/{key}", {
        params: { path: { appId: "shop", key: "beta" } },
        body: { defaultValue: true },
      }),
    );
    expect((await changed).flagsChanged).toEqual(["beta"]);
    expect(await flags.getBooleanValue("beta", false)).toBe(true);

    const stale = nextProviderEvent("events", ProviderEvents.Stale);
    const port = Number(new URL(server.url).port);
    await fixture.stop(server);
    await stale;
    expect(flags.providerStatus).toBe("STALE");
    // Still evaluating from the last snapshot.
    expect(await flags.getBooleanDetails("beta", false)).toMatchObject({ value: true, reason: "STATIC" });

    const back = nextProviderEvent("events", ProviderEvents.Ready);
    server = await fixture.start(port);
    await back;
    expect(flags.providerStatus).toBe("READY");
    // Following the server again, not only READY in name: the next change arrives and is evaluated.
    const changedAgain = nextProviderEvent("events", ProviderEvents.ConfigurationChanged);
    unwrap(
      await apiFor(server.url, key).PATCH("/v1/apps/{appId}/flags/{key}", {
        params: { path: { appId: "shop", key: "beta" } },
        body: { enabled: false },
      }),
    );
    expect((await changedAgain).flagsChanged).toEqual(["beta"]);
    expect(await flags.getBooleanDetails("beta", false)).toMatchObject({ value: true, reason: "DISABLED" });
  });

  it("ERROR when the server refuses the key", async () => {
    const provider = new VaultProvider({
      url: server.url,
      apiKey: "vault_not-a-key",
      appId: "shop",
      readyTimeoutMs: 60_000,
      backoff: { initialMs: 50, maxMs: 400 },
    });
    const error = nextProviderEvent("refused", ProviderEvents.Error);
    OpenFeature.setProvider("refused", provider);
    expect((await error).message).toMatch(/401/);
    await provider.onClose();
  });
});
