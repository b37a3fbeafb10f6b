import { type ChildProcess, fork } from "node:child_process";
import { connect, type Socket } from "node:net";
import { performance } from "node:perf_hooks";
import { createFlagClient } from "@vault/client";
import { compileSnapshot, type FlagSnapshot } from "@vault/engine";
import { buildServer, createVault } from "@vault/server";
import { migrate, openDatabase } from "@vault/store";
import { runLoad } from "../apps/server/test/load.ts";
import { compare } from "./lib.ts";

// @vault/client and the server's stream, OFREP and memory, in one run (DATABASE_URL → Postgres, else PGlite):
// 1. propagation: an acknowledged flag write (PATCH through the HTTP API) until each of 100 streaming clients has
//    the new snapshot: p50 and p99 (target p99 ≤ 100 ms on loopback; Unleash's Node SDK polls every 15 s). Measured
//    three ways: 100 clients spread over child processes (4 × 25; a service runs one client per process), one client
//    alone (the floor: the server and the loopback), and 100 clients in this one process (one event loop, so the last
//    client's time includes the other 99's parse and compile);
// 2. evaluation through the client vs the bare engine on the same snapshot (target ≤ 1.1× the engine's time);
// 3. server memory per idle stream with 1,000 streams held (target ≤ 50 KB per stream);
// 4. OFREP bulk evaluation vs the native evaluate-all route, interleaved rounds with autocannon (target ≥ 0.9×).
// The server runs in a child process, so neither the clients nor the load generator share its event loop or heap.
// BENCH_PARTS=propagation (or evaluation, memory, ofrep; comma-separated) runs only those parts.

const ROLE = process.env.BENCH_CLIENT_ROLE;

if (ROLE === "server") {
  const database = process.env.DATABASE_URL
    ? await openDatabase({ url: process.env.DATABASE_URL })
    : await openDatabase();
  await migrate(database.db);
  const vault = await createVault({ database, defaultMetrics: false, apiKeyCacheMs: 60_000 });
  await vault.apiKeys.bootstrap();
  const appId = `bench-${Date.now().toString(36)}`;
  await vault.apps.create({ id: appId });
  const { key } = await vault.apiKeys.create(appId, { name: "bench", scopes: ["admin"] });
  // 20 flags with the usual kinds of rules: a realistic snapshot of a few KB.
  for (let i = 0; i < 20; i++) {
    await vault.flags.define(appId, {
      key: `flag-${i}`,
      type: "bool",
      defaultValue: false,
      rules: [
        { type: "when_tenant", tenants: ["acme", "globex"], value: true },
        { type: "when_attribute", attribute: "plan", operator: "in", values: ["enterprise"], value: true },
        { type: "rollout", percentage: 30, value: true },
      ],
    });
  }
  const server = await buildServer(vault, { failedAuth: { max: 1_000_000, windowMs: 60_000 } });
  await server.listen({ port: 0, host: "127.0.0.1" });
  const url = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  process.on("message", (message: { type: string }) => {
    if (message.type === "memory") {
      for (let i = 0; i < 3; i++) globalThis.gc?.();
      const usage = process.memoryUsage();
      process.send!({ type: "memory", usage, streams: server.streamHub.size });
    } else if (message.type === "stop") {
      void server.close().then(() => vault.close().then(() => database.close().then(() => process.exit(0))));
    }
  });
  process.send!({ type: "ready", url, key, appId });
}

/**
 * Milliseconds since the epoch with sub-millisecond resolution, comparable between the processes of one machine:
 * a client process stamps when its `change` event fired, the bench process when the write was acknowledged.
 */
const clock = () => performance.timeOrigin + performance.now();

/** Arrival times of one write's change at each client, handed out in write order. */
class Arrivals {
  readonly #ready: number[][] = [];
  #waiting: ((at: number[]) => void) | undefined;

  push(at: number[]): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    if (waiting) waiting(at);
    else this.#ready.push(at);
  }

  next(): Promise<number[]> {
    const ready = this.#ready.shift();
    return ready ? Promise.resolve(ready) : new Promise((resolve) => (this.#waiting = resolve));
  }
}

/**
 * Start `count` streaming clients; each time every one of them has had one more `change`, `onWrite` gets the times
 * (on {@link clock}) at which each had it. Resolves, once all are ready, to the function that closes them.
 */
async function startClients(
  info: ServerInfo,
  count: number,
  onWrite: (at: number[]) => void,
): Promise<() => Promise<void>> {
  const clients = Array.from({ length: count }, () =>
    createFlagClient({ url: info.url, apiKey: info.key, appId: info.appId, readyTimeoutMs: 60_000 }),
  );
  const arrivals: number[][] = clients.map(() => []);
  let reported = 0;
  for (const [i, client] of clients.entries()) {
    client.on("change", () => {
      arrivals[i]!.push(clock());
      while (arrivals.every((times) => times.length > reported)) {
        onWrite(arrivals.map((times) => times[reported]!));
        reported += 1;
      }
    });
  }
  await Promise.all(clients.map((c) => c.ready()));
  return async () => {
    await Promise.all(clients.map((c) => c.close()));
  };
}

if (ROLE === "clients") {
  // A process of streaming clients (a stand-in for services): reports each write's arrival times to the bench.
  process.once("message", async (message: { type: "start"; info: ServerInfo; count: number }) => {
    const close = await startClients(message.info, message.count, (at) => process.send!({ type: "arrived", at }));
    process.on("message", (next: { type: string }) => {
      if (next.type === "stop") void close().then(() => process.exit(0));
    });
    process.send!({ type: "ready" });
  });
}

interface ServerInfo {
  url: string;
  key: string;
  appId: string;
}

function startServerProcess(): Promise<{ child: ChildProcess; info: ServerInfo }> {
  const child = fork(import.meta.filename, [], {
    execArgv: ["--conditions=@vault/source", "--import", "tsx", "--expose-gc"],
    env: { ...process.env, BENCH_CLIENT_ROLE: "server" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  return new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench server exited with ${code}`)));
    child.on("message", (message: { type: string } & ServerInfo) => {
      if (message.type === "ready") resolve({ child, info: message });
    });
  });
}

/** A child process holding `count` streaming clients; its arrivals come in write order. */
async function startClientProcess(
  info: ServerInfo,
  count: number,
): Promise<{ arrivals: Arrivals; stop: () => Promise<void> }> {
  const child = fork(import.meta.filename, [], {
    execArgv: ["--conditions=@vault/source", "--import", "tsx"],
    env: { ...process.env, BENCH_CLIENT_ROLE: "clients" },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const arrivals = new Arrivals();
  const exited = new Promise((resolve) => child.once("exit", resolve));
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`bench client process exited with ${code}`)));
    child.on("message", (message: { type: string; at?: number[] }) => {
      if (message.type === "ready") resolve();
      else if (message.type === "arrived") arrivals.push(message.at!);
    });
    child.send({ type: "start", info, count });
  });
  return {
    arrivals,
    stop: async () => {
      child.send({ type: "stop" });
      await exited;
    },
  };
}

function memoryOf(child: ChildProcess): Promise<{ usage: NodeJS.MemoryUsage; streams: number }> {
  return new Promise((resolve) => {
    const onMessage = (message: { type: string; usage: NodeJS.MemoryUsage; streams: number }) => {
      if (message.type !== "memory") return;
      child.off("message", onMessage);
      resolve(message);
    };
    child.on("message", onMessage);
    child.send({ type: "memory" });
  });
}

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const db = process.env.DATABASE_URL ? "Postgres" : "PGlite";

/** 1. Propagation to streaming clients: every write is awaited at every client before the next one. */
async function propagation(info: ServerInfo, headers: Record<string, string>): Promise<void> {
  const clientCount = Number(process.env.BENCH_CLIENTS ?? 100);
  const processCount = Number(process.env.BENCH_CLIENT_PROCESSES ?? 4);
  const writes = Number(process.env.BENCH_WRITES ?? 30);
  let written = 0;
  const propagate = async (groups: Arrivals[]) => {
    const fromAck: number[] = [];
    const fromRequest: number[] = [];
    for (let w = 0; w < writes; w++) {
      const requested = clock();
      const response = await fetch(`${info.url}/v1/apps/${info.appId}/flags/flag-0`, {
        method: "PATCH",
        headers,
        body: JSON.stringify({ enabled: written++ % 2 === 1 }),
      });
      const acked = clock();
      if (!response.ok) throw new Error(`write failed: ${response.status}`);
      await response.arrayBuffer();
      for (const at of (await Promise.all(groups.map((g) => g.next()))).flat()) {
        // The server sends the change while it answers the write: a client may have it before the writer has
        // the answer, which counts as 0.
        fromAck.push(Math.max(0, at - acked));
        fromRequest.push(at - requested);
      }
    }
    return { fromAck, fromRequest };
  };
  const inProcesses = async (count: number, processes: number) => {
    const children = await Promise.all(
      Array.from({ length: processes }, (_, i) =>
        startClientProcess(info, Math.floor(count / processes) + (i < count % processes ? 1 : 0)),
      ),
    );
    try {
      return await propagate(children.map((c) => c.arrivals));
    } finally {
      await Promise.all(children.map((c) => c.stop()));
    }
  };
  const inThisProcess = async (count: number) => {
    const arrivals = new Arrivals();
    const close = await startClients(info, count, (at) => arrivals.push(at));
    try {
      return await propagate([arrivals]);
    } finally {
      await close();
    }
  };
  const spread = await inProcesses(clientCount, processCount);
  const alone = await inProcesses(1, 1);
  const together = await inThisProcess(clientCount);
  console.log(`\n### Propagation: a flag write to streaming clients (${db}, ${writes} writes each)\n`);
  console.log("| clients | from the acknowledgement: p50 | p99 | max | from the request: p50 | p99 | target |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | --- |");
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const row = (name: string, m: { fromAck: number[]; fromRequest: number[] }, target: string) =>
    console.log(
      `| ${name} | ${ms(percentile(m.fromAck, 50))} | ${ms(percentile(m.fromAck, 99))} | ${ms(Math.max(...m.fromAck))} | ${ms(percentile(m.fromRequest, 50))} | ${ms(percentile(m.fromRequest, 99))} | ${target} |`,
    );
  const met = (m: { fromAck: number[] }) => (percentile(m.fromAck, 99) <= 100 ? "✓" : "✗");
  row(`${clientCount} in ${processCount} processes (as services run)`, spread, `p99 ≤ 100 ms: ${met(spread)}`);
  row("1 in its own process (the floor: server and loopback)", alone, "(info)");
  row(
    `${clientCount} in one process (one event loop: each waits for the others' parse and compile)`,
    together,
    "(info)",
  );
}

/** 2. Evaluation through the client vs the bare engine, same snapshot, same contexts. */
async function evaluation(info: ServerInfo, headers: Record<string, string>): Promise<void> {
  const snapshot = (await (
    await fetch(`${info.url}/v1/apps/${info.appId}/snapshot`, { headers })
  ).json()) as FlagSnapshot;
  const engine = compileSnapshot(snapshot);
  const client = createFlagClient({
    url: info.url,
    apiKey: info.key,
    appId: info.appId,
    stream: false,
    pollIntervalMs: 3_600_000,
    bootstrap: { flags: snapshot },
  });
  const contexts = Array.from({ length: 64 }, (_, i) => ({
    tenantId: `tenant-${i}`,
    userId: `user-${i}`,
    attributes: { plan: i % 4 === 0 ? "enterprise" : "free" },
  }));
  const LOOP = 1000;
  await compare({
    title: "Evaluation: @vault/client vs the bare engine (one flag, 64 contexts)",
    time: 1500,
    baseline: {
      name: "engine: compileSnapshot(snapshot).evaluate (baseline)",
      opsPerCall: LOOP,
      fn: () => {
        for (let i = 0; i < LOOP; i++) engine.evaluate("flag-7", contexts[i & 63]);
      },
    },
    cases: [
      {
        name: "client: flags.evaluate",
        opsPerCall: LOOP,
        target: { minRatio: 1 / 1.1 },
        fn: () => {
          for (let i = 0; i < LOOP; i++) client.evaluate("flag-7", contexts[i & 63]);
        },
      },
      {
        name: "client: flags.bool (typed accessor)",
        opsPerCall: LOOP,
        target: { minRatio: 1 / 1.1 },
        fn: () => {
          for (let i = 0; i < LOOP; i++) client.bool("flag-7", contexts[i & 63], false);
        },
      },
    ],
  });
  await client.close();
}

/** 3. Server memory with 1,000 idle streams (raw sockets on our side: the server's cost alone). */
async function memory(child: ChildProcess, info: ServerInfo): Promise<void> {
  const streamCount = Number(process.env.BENCH_STREAMS ?? 1000);
  const before = await memoryOf(child);
  const port = Number(new URL(info.url).port);
  const sockets: Socket[] = [];
  for (let i = 0; i < streamCount; i++) {
    const socket = connect({ host: "127.0.0.1", port });
    socket.on("error", () => {});
    socket.write(
      `GET /v1/apps/${info.appId}/stream HTTP/1.1\r\nhost: bench\r\nauthorization: Bearer ${info.key}\r\n\r\n`,
    );
    socket.resume(); // read (and drop) what comes: idle clients that keep up
    sockets.push(socket);
  }
  let held = before;
  for (let tries = 0; tries < 600; tries++) {
    held = await memoryOf(child);
    if (held.streams >= streamCount) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  for (let settle = 0; settle < 3; settle++) held = await memoryOf(child);
  const perStream = (field: keyof NodeJS.MemoryUsage) => (held.usage[field] - before.usage[field]) / streamCount / 1024;
  console.log(`\n### Server memory per idle stream (${db}, ${held.streams} streams held)\n`);
  console.log("| measure | per stream | target |");
  console.log("| --- | ---: | --- |");
  console.log(`| RSS | ${perStream("rss").toFixed(1)} KB | ≤ 50 KB: ${perStream("rss") <= 50 ? "✓" : "✗"} |`);
  console.log(`| V8 heap used | ${perStream("heapUsed").toFixed(1)} KB | (info) |`);
  console.log(
    `| external + array buffers | ${(perStream("external") + perStream("arrayBuffers")).toFixed(1)} KB | (info) |`,
  );
  for (const socket of sockets) socket.destroy();
}

/** 4. OFREP bulk evaluation vs the native evaluate-all route. */
async function ofrepBulk(info: ServerInfo): Promise<void> {
  const rounds = Number(process.env.BENCH_ROUNDS ?? 4);
  const durationSec = Number(process.env.BENCH_SECONDS ?? 2);
  const context = { tenantId: "initech", userId: "u-42", plan: "enterprise" };
  const native = {
    url: `${info.url}/v1/apps/${info.appId}/evaluate`,
    body: { tenantId: "initech", userId: "u-42", attributes: { plan: "enterprise" } },
  };
  const ofrep = { url: `${info.url}/ofrep/v1/evaluate/flags`, body: { context } };
  const auth = { authorization: `Bearer ${info.key}` };
  for (const t of [native, ofrep])
    await runLoad({ ...t, method: "POST", headers: auth, connections: 10, durationSec: 1 });
  const runs: Record<string, number[]> = { native: [], ofrep: [] };
  for (let r = 0; r < rounds; r++) {
    for (const [name, t] of [
      ["native", native],
      ["ofrep", ofrep],
    ] as const) {
      const result = await runLoad({ ...t, method: "POST", headers: auth, connections: 10, durationSec });
      if (result.non2xx > 0 || result.errors > 0)
        throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      runs[name]!.push(result.requestsPerSec);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratio = median(runs.ofrep!) / median(runs.native!);
  console.log(`\n### OFREP bulk evaluation vs the native evaluate-all (${db}, 20 flags, median of ${rounds} rounds)\n`);
  console.log("| route | requests/s | ratio | target |");
  console.log("| --- | ---: | ---: | --- |");
  console.log(`| POST /v1/apps/:app/evaluate (baseline) | ${median(runs.native!).toFixed(0)} | 1.00× | |`);
  console.log(
    `| POST /ofrep/v1/evaluate/flags | ${median(runs.ofrep!).toFixed(0)} | ${ratio.toFixed(2)}× | ≥ 0.90×: ${ratio >= 0.9 ? "✓" : "✗"} |`,
  );
}

/** The parts to run: BENCH_PARTS=propagation,memory runs those two (default: all four). */
const PARTS = ["propagation", "evaluation", "memory", "ofrep"] as const;

async function main(): Promise<void> {
  const wanted = process.env.BENCH_PARTS?.split(",").map((part) => part.trim()) ?? [...PARTS];
  const unknown = wanted.filter((part) => !(PARTS as readonly string[]).includes(part));
  if (unknown.length > 0) throw new Error(`BENCH_PARTS: unknown ${unknown.join(", ")} (parts: ${PARTS.join(", ")})`);
  const { child, info } = await startServerProcess();
  const headers = { authorization: `Bearer ${info.key}`, "content-type": "application/json" };
  try {
    if (wanted.includes("propagation")) await propagation(info, headers);
    if (wanted.includes("evaluation")) await evaluation(info, headers);
    if (wanted.includes("memory")) await memory(child, info);
    if (wanted.includes("ofrep")) await ofrepBulk(info);
  } finally {
    child.send({ type: "stop" });
    await new Promise((resolve) => child.once("exit", resolve));
  }
}

if (ROLE === undefined) await main();
