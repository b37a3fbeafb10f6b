import { OpenFeature } from "@openfeature/server-sdk";
import { createFlagClient } from "@vault/client";
import { afterAll, describe, expect, it } from "vitest";
import { VaultProvider } from "../src/index";

const snapshot = {
  revision: 1,
  appId: "shop",
  flags: [
    {
      key: "checkout",
      type: "bool" as const,
      defaultValue: false,
      enabled: true,
      rules: [{ id: "r1", priority: 0, type: "when_tenant" as const, tenants: ["acme"], value: true }],
    },
    {
      key: "theme",
      type: "string" as const,
      defaultValue: "light",
      enabled: true,
      variants: { dark: "dark" },
      rules: [{ id: "r2", priority: 0, type: "when_user" as const, users: ["ada"], variant: "dark" }],
    },
    { key: "limit", type: "int" as const, defaultValue: 5, enabled: true, rules: [] },
    { key: "layout", type: "json" as const, defaultValue: { columns: 2 }, enabled: false, rules: [] },
  ],
};

/** A server that answers nothing useful: the client works from its bootstrap alone. */
const offline = async () => new Response(null, { status: 503 });

describe("VaultProvider (OpenFeature server SDK)", () => {
  afterAll(() => OpenFeature.close());

  it("resolves every type with value, variant, reason and the matched rule; errors give the default", async () => {
    const client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      stream: false,
      fetch: offline,
      bootstrap: { flags: snapshot },
    });
    await OpenFeature.setProviderAndWait(new VaultProvider(client));
    const flags = OpenFeature.getClient();
    // targetingKey is the user, tenantId the tenant.
    expect(await flags.getBooleanDetails("checkout", false, { tenantId: "acme" })).toMatchObject({
      value: true,
      reason: "TARGETING_MATCH",
      flagMetadata: { ruleId: "r1" },
    });
    expect(await flags.getStringDetails("theme", "x", { targetingKey: "ada" })).toMatchObject({
      value: "dark",
      variant: "dark",
    });
    expect(await flags.getNumberDetails("limit", 0)).toMatchObject({ value: 5, reason: "STATIC" }); // no rules at all
    expect(await flags.getObjectDetails("layout", {})).toMatchObject({ value: { columns: 2 }, reason: "DISABLED" });
    expect(await flags.getNumberDetails("theme", 3)).toMatchObject({ value: 3, errorCode: "TYPE_MISMATCH" });
    expect(await flags.getBooleanDetails("missing", true)).toMatchObject({ value: true, errorCode: "FLAG_NOT_FOUND" });
    await client.close();
  });

  it("says PROVIDER_NOT_READY (and the SDK reports ERROR) when no snapshot comes in time", async () => {
    const provider = new VaultProvider({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      stream: false,
      fetch: offline,
      readyTimeoutMs: 20,
      backoff: { initialMs: 5, maxMs: 10 },
    });
    await expect(OpenFeature.setProviderAndWait("not-ready", provider)).rejects.toThrow(/in time/);
    const flags = OpenFeature.getClient("not-ready");
    expect(flags.providerStatus).toBe("ERROR");
    expect(await flags.getBooleanDetails("checkout", true)).toMatchObject({ value: true, reason: "ERROR" });
    await provider.onClose();
  });

  it("says the client was closed, not that time ran out, when it closes before a first snapshot", async () => {
    const client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      stream: false,
      fetch: offline,
      readyTimeoutMs: 60_000,
    });
    const provider = new VaultProvider(client);
    const initializing = provider.initialize();
    await client.close();
    await expect(initializing).rejects.toThrow(/closed before a first snapshot/);
  });
});
