import { readdirSync, readFileSync } from "node:fs";
import { Bench } from "tinybench";

/** One measured function. `opsPerCall` > 1 when `fn` loops internally (needed for sub-microsecond operations). */
export interface BenchCase {
  name: string;
  fn: () => unknown;
  opsPerCall?: number;
  /** What this case must reach: a ratio to the baseline (ops/s ÷ baseline ops/s), ns per op, or ops/s. */
  target?: { minRatio?: number; maxNsPerOp?: number; minOpsPerSec?: number };
}

export interface Comparison {
  title: string;
  baseline: BenchCase;
  cases: BenchCase[];
  /** Milliseconds to sample each case (default 1000). */
  time?: number;
  setup?: () => Promise<void> | void;
}

export interface CaseResult {
  name: string;
  opsPerSec: number;
  nsPerOp: number;
  p99Ms: number;
  ratio: number;
  meetsTarget: boolean | undefined;
}

/**
 * Measure the baseline and every case in the same process, one after another, and print a markdown table with each
 * case's ratio to the baseline. Ratios, not absolute numbers, are what we compare across machines.
 */
export async function compare(comparison: Comparison): Promise<CaseResult[]> {
  await comparison.setup?.();
  const bench = new Bench({ time: comparison.time ?? 1000, warmup: true });
  const all = [comparison.baseline, ...comparison.cases];
  for (const c of all) bench.add(c.name, c.fn as () => Promise<void>);
  await bench.run();
  const measured = bench.tasks.map((task, index) => {
    const c = all[index]!;
    const result = task.result;
    if (result.state !== "completed") {
      throw new Error(
        `bench "${c.name}" did not complete: ${result.state === "errored" ? result.error : result.state}`,
      );
    }
    const opsPerSec = result.throughput.mean * (c.opsPerCall ?? 1);
    return { c, opsPerSec, p99Ms: (result.latency.p99 ?? 0) / (c.opsPerCall ?? 1) };
  });
  const base = measured[0]!.opsPerSec;
  const results: CaseResult[] = measured.map(({ c, opsPerSec, p99Ms }) => {
    const ratio = opsPerSec / base;
    const nsPerOp = 1e9 / opsPerSec;
    const t = c.target;
    const meetsTarget =
      t === undefined
        ? undefined
        : (t.minRatio === undefined || ratio >= t.minRatio) &&
          (t.maxNsPerOp === undefined || nsPerOp <= t.maxNsPerOp) &&
          (t.minOpsPerSec === undefined || opsPerSec >= t.minOpsPerSec);
    return { name: c.name, opsPerSec, nsPerOp, p99Ms, ratio, meetsTarget };
  });
  printTable(comparison.title, results, all);
  return results;
}

function describeTarget(c: BenchCase): string {
  const t = c.target;
  if (!t) return "";
  return [
    t.minRatio !== undefined ? `≥ ${t.minRatio}× baseline` : "",
    t.maxNsPerOp !== undefined ? `≤ ${t.maxNsPerOp} ns/op` : "",
    t.minOpsPerSec !== undefined ? `≥ ${format(t.minOpsPerSec)} ops/s` : "",
  ]
    .filter(Boolean)
    .join(", ");
}

function format(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(1);
}

function printTable(title: string, results: CaseResult[], cases: BenchCase[]): void {
  const rows = results.map((r, i) => [
    i === 0 ? `${r.name} (baseline)` : r.name,
    format(r.opsPerSec),
    r.nsPerOp < 10_000 ? `${r.nsPerOp.toFixed(0)} ns` : `${(r.nsPerOp / 1e6).toFixed(3)} ms`,
    `${r.ratio.toFixed(2)}×`,
    describeTarget(cases[i]!),
    r.meetsTarget === undefined ? "" : r.meetsTarget ? "yes" : "NO",
  ]);
  const header = ["case", "ops/s", "per op", "vs baseline", "target", "met"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join(" | ")} |`;
  console.log(`\n### ${title}\n`);
  console.log(line(header));
  console.log(`|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`);
  for (const row of rows) console.log(line(row));
  console.log("");
}

/** CPU time used so far, in microseconds: this process (every thread), and Postgres when it runs on this machine. */
export interface CpuSample {
  node: number;
  /** Every `postgres` process's user + system time (Linux `/proc`); undefined where that cannot be read. */
  postgres: number | undefined;
}

const CLOCK_TICK_US = 10_000; // USER_HZ is 100 on Linux

export function cpuSample(): CpuSample {
  const usage = process.cpuUsage();
  return { node: usage.user + usage.system, postgres: postgresCpu() };
}

function postgresCpu(): number | undefined {
  if (process.platform !== "linux") return undefined;
  let total = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (!readFileSync(`/proc/${pid}/comm`, "utf8").startsWith("postgres")) continue;
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      total += (Number(fields[11]) + Number(fields[12])) * CLOCK_TICK_US; // utime, stime
    } catch {
      // the process ended between listing and reading
    }
  }
  return total;
}

/**
 * Run `fn` (which performs `opsPerCall` operations) back to back for `ms` milliseconds and return the CPU time per
 * operation, split between this process and Postgres. Wall time per operation too, for reference.
 */
export async function cpuPerOp(
  fn: () => Promise<unknown>,
  opsPerCall: number,
  ms: number,
): Promise<{ wall: number; node: number; postgres: number | undefined }> {
  const before = cpuSample();
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < ms) {
    await fn();
    ops += opsPerCall;
  }
  const wall = ((performance.now() - start) * 1000) / ops;
  const after = cpuSample();
  const postgres =
    before.postgres === undefined || after.postgres === undefined
      ? undefined
      : (after.postgres - before.postgres) / ops;
  return { wall, node: (after.node - before.node) / ops, postgres };
}
