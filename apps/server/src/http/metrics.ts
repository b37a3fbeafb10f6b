import type { IncomingMessage } from "node:http";
import type { FastifyRequest } from "fastify";
import type { Metric, Registry } from "prom-client";

const RECEIVED_AT = Symbol("vault.receivedAt");

/**
 * Stamp a request with the time it arrived (called from `genReqId`, which Fastify runs first for every request).
 * Fastify measures `reply.elapsedTime` only when it has a logger; the server runs without one when it would not log
 * requests (see buildServer), so it keeps time itself.
 */
export function markReceived(raw: IncomingMessage): void {
  (raw as IncomingMessage & { [RECEIVED_AT]?: number })[RECEIVED_AT] = performance.now();
}

/** Milliseconds since {@link markReceived} stamped the request (0 if it was not). */
export function elapsedMs(request: FastifyRequest): number {
  const receivedAt = (request.raw as IncomingMessage & { [RECEIVED_AT]?: number })[RECEIVED_AT];
  return receivedAt === undefined ? 0 : performance.now() - receivedAt;
}

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5] as const;

const REQUESTS = {
  name: "vault_http_requests_total",
  help: "HTTP requests by route, method and status.",
};
const DURATION = {
  name: "vault_http_request_duration_seconds",
  help: "HTTP request latency by route and method.",
};

/**
 * The counts of one route and method: requests by status and a latency histogram, kept as plain numbers. Counting a
 * request is a few additions; prom-client's labelled children hash their label set on every call, which cost a
 * cached flag evaluation about as much as the evaluation itself.
 */
export class RouteMetrics {
  readonly route: string;
  readonly method: string;
  /** Requests per status code. */
  readonly byStatus = new Map<number, number>();
  /** Requests per latency bucket (not cumulative; the last slot is above every bound). */
  readonly buckets = new Float64Array(LATENCY_BUCKETS.length + 1);
  count = 0;
  sumSeconds = 0;

  constructor(route: string, method: string) {
    this.route = route;
    this.method = method;
  }

  /** Count one answered request that took `elapsedMs` (see {@link elapsedMs}). */
  observe(status: number, elapsedMs: number): void {
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    const seconds = elapsedMs / 1000;
    let bucket = 0;
    while (bucket < LATENCY_BUCKETS.length && seconds > LATENCY_BUCKETS[bucket]!) bucket++;
    this.buckets[bucket]! += 1;
    this.count += 1;
    this.sumSeconds += seconds;
  }
}

interface MetricValue {
  metricName: string;
  labels: Record<string, string | number>;
  value: number;
}

/**
 * HTTP request counts (`vault_http_requests_total{route,method,status}`) and latencies
 * (`vault_http_request_duration_seconds{route,method}`), registered in a prom-client registry as two metrics that
 * read the per-route counts only when scraped.
 */
export class HttpMetrics {
  readonly #series = new Map<string, RouteMetrics>();

  constructor(registry: Registry) {
    this.#register(registry, { ...REQUESTS, type: "counter" }, () => this.#requestValues());
    this.#register(registry, { ...DURATION, type: "histogram" }, () => this.#durationValues());
  }

  /**
   * Register one metric that reads its values when scraped. prom-client formats any registered object with name,
   * help, type and get(); its Metric type lists its own classes only, hence the cast.
   */
  #register(
    registry: Registry,
    meta: { name: string; help: string; type: "counter" | "histogram" },
    values: () => MetricValue[],
  ): void {
    const described = { ...meta, aggregator: "sum" as const };
    registry.registerMetric({
      ...described,
      get: async () => ({ ...described, values: values() }),
      reset: () => this.#reset(),
    } as unknown as Metric);
  }

  /** Count one answered request. */
  observe(route: string, method: string, status: number, elapsedMs: number): void {
    this.route(route, method).observe(status, elapsedMs);
  }

  /** The series of one route and method, to look up once (at registration) instead of per request. */
  route(route: string, method: string): RouteMetrics {
    const id = `${method} ${route}`;
    let series = this.#series.get(id);
    if (series === undefined) {
      series = new RouteMetrics(route, method);
      this.#series.set(id, series);
    }
    return series;
  }

  /** Zero every count (prom-client's `registry.resetMetrics()`); the series stay, routes hold them. */
  #reset(): void {
    for (const series of this.#series.values()) {
      series.byStatus.clear();
      series.buckets.fill(0);
      series.count = 0;
      series.sumSeconds = 0;
    }
  }

  #requestValues(): MetricValue[] {
    const values: MetricValue[] = [];
    for (const series of this.#series.values()) {
      for (const [status, count] of series.byStatus) {
        values.push({
          metricName: REQUESTS.name,
          labels: { route: series.route, method: series.method, status: String(status) },
          value: count,
        });
      }
    }
    return values;
  }

  #durationValues(): MetricValue[] {
    const values: MetricValue[] = [];
    for (const series of this.#series.values()) {
      if (series.count === 0) continue;
      const labels = { route: series.route, method: series.method };
      let cumulative = 0;
      LATENCY_BUCKETS.forEach((le, index) => {
        cumulative += series.buckets[index]!;
        values.push({ metricName: `${DURATION.name}_bucket`, labels: { ...labels, le }, value: cumulative });
      });
      values.push(
        { metricName: `${DURATION.name}_bucket`, labels: { ...labels, le: "+Inf" }, value: series.count },
        { metricName: `${DURATION.name}_sum`, labels, value: series.sumSeconds },
        { metricName: `${DURATION.name}_count`, labels, value: series.count },
      );
    }
    return values;
  }
}
