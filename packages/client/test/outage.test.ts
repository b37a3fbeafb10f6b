import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createFlagClient, type FlagClient } from "../src/index";
import { backoffDelay } from "../src/sync/backoff";

// The defaults that docs/client.md quotes ("The stream", "When the server is down"), held against the client itself.
// The timers are Vitest's fake ones: the tests move time by hand and never wait for it.

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

describe("createFlagClient's defaults while the server is away or behind a proxy", () => {
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

  it("behind a proxy that blocks the stream: polls every 30 s with If-None-Match, and tries the stream again now and then", async () => {
    const requests: Array<{ path: string; at: number; ifNoneMatch: string | null }> = [];
    client = createFlagClient({
      url: "http://vault.test",
      apiKey: "k",
      appId: "shop",
      fetch: async (input, init) => {
        const request = new Request(input, init);
        const path = new URL(request.url).pathname;
        const ifNoneMatch = request.headers.get("if-none-match");
        requests.push({ path, at: Date.now(), ifNoneMatch });
        if (path.endsWith("/stream")) {
          return new Response("<html>buffering</html>", { headers: { "content-type": "text/html" } });
        }
        if (ifNoneMatch !== null) return new Response(null, { status: 304 });
        const body = path.endsWith("/config-snapshot")
          ? { revision: 1, appId: "shop", entries: [], overrides: [] }
          : snapshot;
        return Response.json(body, { headers: { etag: '"1"' } });
      },
    });
    expect(await client.ready()).toBe("server");
    await vi.advanceTimersByTimeAsync(10 * 30_000);
    const polls = requests.filter((r) => r.path.endsWith("/snapshot"));
    const gaps = polls.slice(1).map((poll, index) => poll.at - polls[index]!.at);
    // Every 30 s; the stream tried again (and found blocked) is followed by a poll at once.
    expect(gaps.filter((gap) => gap !== 30_000)).toEqual([0]);
    expect(polls.slice(1).every((poll) => poll.ifNoneMatch === '"1"')).toBe(true);
    // The first attempt, then once every 10 polls.
    expect(requests.filter((r) => r.path.endsWith("/stream"))).toHaveLength(2);
  });

  it("with stream: false, polls only", async () => {
    const paths: string[] = [];
    client = createFlagClient({
      url: "http://vault.test",
      apiKey: "k",
      appId: "shop",
      stream: false,
      fetch: async (input, init) => {
        paths.push(new URL(new Request(input, init).url).pathname);
        return new Response(null, { status: 503 });
      },
    });
    await vi.advanceTimersByTimeAsync(20 * 30_000);
    expect(paths.length).toBeGreaterThan(10);
    expect(paths.filter((path) => path.endsWith("/stream"))).toEqual([]);
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
