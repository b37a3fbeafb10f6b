import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFlagClient, type FlagClient } from "../src/index";
import { backoffDelay } from "../src/sync/backoff";

// The defaults that docs/client.md's "When the server is down" quotes, held against the client itself. The timers
// are Vitest's fake ones: the tests move time by hand and never wait for it.

const snapshot = {
  revision: 1,
  appId: "shop",
  flags: [{ key: "a", type: "bool", defaultValue: true, enabled: true, rules: [] }],
};

/** An event stream that sends the snapshot and `ready`, then nothing (a connection something keeps open). */
function silentStream(signal: AbortSignal | null | undefined): Response {
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`event: flags\nid: 1.-\ndata: ${JSON.stringify(snapshot)}\n\n`));
      controller.enqueue(encoder.encode(`event: ready\nid: 1.-\ndata: {"flags":1}\n\n`));
      signal?.addEventListener("abort", () => controller.error(signal.reason));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": "text/event-stream" } });
}

describe("createFlagClient's defaults while the server is away", () => {
  let client: FlagClient | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(async () => {
    const closing = client?.close();
    client = undefined;
    await vi.runOnlyPendingTimersAsync();
    await closing;
    vi.useRealTimers();
  });

  it("backoff: 0.5 s doubling to 30 s, half of each delay random", () => {
    const delays = (random: number) =>
      [0, 1, 2, 3, 4, 5, 6, 7, 20].map((n) => backoffDelay(n, undefined, () => random));
    expect(delays(0)).toEqual([250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000, 15_000]);
    expect(delays(1)).toEqual([500, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it("reconnects to a server that refuses connections on that backoff", async () => {
    const attempts: number[] = [];
    client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      random: () => 0,
      fetch: async () => {
        attempts.push(Date.now());
        throw new TypeError("fetch failed: ECONNREFUSED");
      },
    });
    await vi.advanceTimersByTimeAsync(60_000);
    const gaps = attempts.slice(1).map((at, index) => at - attempts[index]!);
    expect(gaps.slice(0, 8)).toEqual([250, 500, 1000, 2000, 4000, 8000, 15_000, 15_000]);
  });

  it("ready() gives up after readyTimeoutMs (5 s) with 'timeout', and reads give the caller's defaults", async () => {
    client = createFlagClient({
      url: "http://vault.invalid",
      apiKey: "k",
      appId: "shop",
      fetch: async () => {
        throw new TypeError("fetch failed: ECONNREFUSED");
      },
    });
    const errors: unknown[] = [];
    client.on("error", ({ error }) => errors.push(error));
    let source: string | undefined;
    void client.ready().then((resolved) => {
      source = resolved;
    });
    await vi.advanceTimersByTimeAsync(4_999);
    expect(source).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(source).toBe("timeout");
    expect(errors).toHaveLength(1);
    expect(client.bool("a", {}, false)).toBe(false);
    expect(client.config.int("limits/max-items", 7)).toBe(7);
  });

  it("a stream that goes silent is dropped after heartbeatTimeoutMs (45 s) without a byte, and reconnected", async () => {
    const connections: AbortSignal[] = [];
    client = createFlagClient({
      url: "http://vault.test",
      apiKey: "k",
      appId: "shop",
      random: () => 0,
      fetch: async (_input, init) => {
        connections.push(init!.signal!);
        return silentStream(init?.signal);
      },
    });
    const stale: unknown[] = [];
    client.on("stale", ({ error }) => stale.push(error));
    expect(await client.ready()).toBe("server");
    await vi.advanceTimersByTimeAsync(44_999);
    expect(connections).toHaveLength(1);
    expect(connections[0]!.aborted).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(connections[0]!.aborted).toBe(true);
    expect(stale).toEqual([expect.objectContaining({ kind: "silent" })]);
    expect(client.bool("a", {}, false)).toBe(true); // the last snapshot, meanwhile
    await vi.advanceTimersByTimeAsync(250); // the first backoff step
    expect(connections).toHaveLength(2);
    expect(client.status).toBe("ready");
  });
});
