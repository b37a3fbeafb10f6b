import type { FastifyReply, FastifyRequest } from "fastify";
import { Counter, Histogram, type Registry } from "prom-client";

/** Upper bounds (seconds) of the request latency histogram. */
export const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

const LABELS = ["route", "method", "status"] as const;

/**
 * HTTP request counts (`vault_http_requests_total`) and latencies (`vault_http_request_duration_seconds`) by route
 * template, method and status, observed once per answered request in an onResponse hook. Registered once per
 * registry, so several servers over one Vault share them.
 */
export function httpMetricsHook(registry: Registry) {
  const requests =
    (registry.getSingleMetric("vault_http_requests_total") as Counter<(typeof LABELS)[number]> | undefined) ??
    new Counter({
      name: "vault_http_requests_total",
      help: "HTTP requests by route, method and status.",
      labelNames: LABELS,
      registers: [registry],
    });
  const duration =
    (registry.getSingleMetric("vault_http_request_duration_seconds") as
      | Histogram<(typeof LABELS)[number]>
      | undefined) ??
    new Histogram({
      name: "vault_http_request_duration_seconds",
      help: "HTTP request latency by route, method and status.",
      labelNames: LABELS,
      buckets: LATENCY_BUCKETS,
      registers: [registry],
    });
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const labels = {
      route: request.routeOptions.url ?? "unmatched",
      method: request.method,
      status: String(reply.statusCode),
    };
    requests.inc(labels);
    duration.observe(labels, reply.elapsedTime / 1000);
  };
}

/** Refused requests by reason (401, 403, 404 of another app, 429), every one counted exactly. */
export function deniedRequestsCounter(registry: Registry): Counter<"reason"> {
  return (
    (registry.getSingleMetric("vault_http_denied_total") as Counter<"reason"> | undefined) ??
    new Counter({
      name: "vault_http_denied_total",
      help: "Refused requests by reason: missing_credentials, invalid_key, rate_limited, other_app, missing_scope, not_instance_admin.",
      labelNames: ["reason"],
      registers: [registry],
    })
  );
}
