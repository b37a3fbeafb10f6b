import { describe, expect, it } from "vitest";
import { changedConfigKeys, changedFlagKeys } from "../src/diff";
import { createFlagClient } from "../src/index";
import { backoffDelay } from "../src/sync/backoff";

const snapshot = (revision: number, enabled: boolean) => ({
  revision,
  appId: "shop",
  flags: [
    { key: "a", type: "bool" as const, defaultValue: true, enabled, rules: [] },
    { key: "b", type: "string" as const, defaultValue: "x", enabled: true, rules: [] },
  ],
});

describe("backoff", () => {
  it("doubles from initialMs up to maxMs, with half of each delay random", () => {
    const low = (attempt: number) => backoffDelay(attempt, { initialMs: 100, maxMs: 1000 }, () => 0);
    const high = (attempt: number) => backoffDelay(attempt, { initialMs: 100, maxMs: 1000 }, () => 1);
    expect([0, 1, 2, 3, 4, 10].map(low)).toEqual([50, 100, 200, 400, 500, 500]);
    expect([0, 1, 2, 3, 4, 10].map(high)).toEqual([100, 200, 400, 800, 1000, 1000]);
  });
});

describe("changed keys", () => {
  it("names the flags and config keys a new snapshot adds, removes or changes", () => {
    expect(changedFlagKeys(snapshot(1, true), snapshot(2, false))).toEqual(["a"]);
    expect(changedFlagKeys(snapshot(1, true), { ...snapshot(2, true), flags: [snapshot(2, true).flags[1]!] })).toEqual([
      "a",
    ]);
    const config = (overrides: Array<{ key: string; tenantId: string; value: number }>) => ({
      revision: 1,
      appId: "shop",
      entries: [{ key: "k", value: 1, valueType: "int" as const, version: 1 }],
      overrides: overrides.map((o) => ({ ...o, valueType: "int" as const, version: 1 })),
    });
    expect(changedConfigKeys(config([]), config([{ key: "k", tenantId: "t", value: 2 }]))).toEqual(["k"]);
    expect(changedConfigKeys(config([]), config([]))).toEqual([]);
  });

  it("does not report a flag whose definition only lists its fields in another order (a bootstrap vs the server)", () => {
    const server = snapshot(2, true);
    const bootstrap = {
      ...snapshot(1, true),
      flags: snapshot(1, true).flags.map(({ key, type, defaultValue, enabled, rules }) => ({
        rules,
        enabled,
        defaultValue,
        type,
        key,
      })),
    };
    expect(changedFlagKeys(bootstrap, server)).toEqual([]);
    expect(changedFlagKeys(bootstrap, snapshot(2, false))).toEqual(["a"]);
  });
});

describe("createFlagClient without a server", () => {
  it("resolves ready() with 'timeout' and evaluates with the caller's defaults when no snapshot comes", async () => {
    const errors: unknown[] = [];
    const refused: typeof fetch = async () => {
      throw new TypeError("connection refused");
    };
    const client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      readyTimeoutMs: 20,
      fetch: refused,
      backoff: { initialMs: 5, maxMs: 10 },
    });
    client.on("error", (e) => errors.push(e.error));
    expect(await client.ready()).toBe("timeout");
    expect(client.status).toBe("connecting");
    expect(client.bool("a", {}, false)).toBe(false);
    expect(client.evaluate("a")).toMatchObject({ reason: "ERROR", errorCode: "FLAG_NOT_FOUND" });
    expect(client.config.int("k", 3)).toBe(3);
    expect(errors).toHaveLength(1);
    await client.close();
    expect(client.status).toBe("closed");
  });

  it("from a bootstrap: ready at once, typed accessors that never throw, listeners that may throw", async () => {
    const client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      stream: false,
      fetch: async () => new Response(null, { status: 503 }),
      bootstrap: { flags: snapshot(3, true) },
    });
    expect(client.status).toBe("ready");
    expect(await client.ready()).toBe("bootstrap");
    expect(client.revision).toBe(3);
    expect(client.bool("a", {}, false)).toBe(true);
    expect(client.int("b", {}, 9)).toBe(9);
    expect(client.json("missing", undefined, { z: 1 })).toEqual({ z: 1 });
    expect(client.keys).toEqual(["a", "b"]);
    await client.close();
  });
});
