import { spawn } from "node:child_process";
import { createRequire } from "node:module";

// Bench support (bench/server.bench.ts): autocannon and a bare Fastify, resolved from this package's dependencies.
export { default as Fastify } from "fastify";

const require = createRequire(import.meta.url);
const AUTOCANNON = require.resolve("autocannon/autocannon.js");

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  total: number;
  non2xx: number;
  errors: number;
}

/**
 * Drive `url` with autocannon in a child process (so the load generator does not share the server's event loop)
 * and return throughput and latency percentiles.
 */
export function runLoad(options: {
  url: string;
  method?: "GET" | "POST";
  body?: unknown;
  headers?: Record<string, string>;
  connections?: number;
  durationSec?: number;
}): Promise<LoadResult> {
  const args = [AUTOCANNON, "-j", "-c", String(options.connections ?? 10), "-d", String(options.durationSec ?? 5)];
  args.push("-m", options.method ?? "GET");
  for (const [name, value] of Object.entries(options.headers ?? {})) args.push("-H", `${name}=${value}`);
  if (options.body !== undefined) {
    args.push("-H", "content-type=application/json", "-b", JSON.stringify(options.body));
  }
  args.push(options.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
    let out = "";
    let err = "";
    child.stdout.on("data", (chunk) => {
      out += String(chunk);
    });
    child.stderr.on("data", (chunk) => {
      err += String(chunk);
    });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}: ${err}`));
      const result = JSON.parse(out) as {
        requests: { average: number; total: number };
        latency: { p50: number; p99: number };
        non2xx: number;
        errors: number;
      };
      resolve({
        requestsPerSec: result.requests.average,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        total: result.requests.total,
        non2xx: result.non2xx,
        errors: result.errors,
      });
    });
  });
}
