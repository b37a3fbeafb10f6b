import type { VaultMetrics } from "../metrics";

/**
 * HTTP request counts (by route, method and status) and latencies (by route and method). prom-client's `labels()`
 * hashes its arguments on every call, so the labelled children are kept here per route and status.
 */
export class HttpMetrics {
  readonly #metrics: VaultMetrics;
  readonly #series = new Map<string, RouteMetrics>();

  constructor(metrics: VaultMetrics) {
    this.#metrics = metrics;
  }

  /** Count one answered request; `elapsedMs` is Fastify's `reply.elapsedTime`. */
  observe(route: string, method: string, status: number, elapsedMs: number): void {
    this.route(route, method).observe(status, elapsedMs);
  }

  /** The series of one route and method, to look up once (at registration) instead of per request. */
  route(route: string, method: string): RouteMetrics {
    const id = `${method} ${route}`;
    let series = this.#series.get(id);
    if (series === undefined) {
      const byStatus = new Map<number, { inc(): void }>();
      const latency = this.#metrics.httpDuration.labels({ route, method });
      const requests = this.#metrics.httpRequests;
      series = {
        observe(status, elapsedMs) {
          let counter = byStatus.get(status);
          if (counter === undefined) {
            counter = requests.labels({ route, method, status: String(status) });
            byStatus.set(status, counter);
          }
          counter.inc();
          latency.observe(elapsedMs / 1000);
        },
      };
      this.#series.set(id, series);
    }
    return series;
  }
}

/** Metrics of one route and method. */
export interface RouteMetrics {
  observe(status: number, elapsedMs: number): void;
}
