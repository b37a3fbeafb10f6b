import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** The Prometheus metrics of one Vault instance, in a registry of its own (several instances can share a process). */
export class VaultMetrics {
  readonly registry = new Registry();
  readonly httpRequests = new Counter({
    name: "vault_http_requests_total",
    help: "HTTP requests by route, method and status.",
    labelNames: ["route", "method", "status"] as const,
    registers: [this.registry],
  });
  readonly httpDuration = new Histogram({
    name: "vault_http_request_duration_seconds",
    help: "HTTP request latency by route and method.",
    labelNames: ["route", "method"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly secretReads = new Counter({
    name: "vault_secret_reads_total",
    help: "Secret values read (audited reads).",
    registers: [this.registry],
  });
  readonly flagEvaluations = new Counter({
    name: "vault_flag_evaluations_total",
    help: "Flag evaluations served.",
    registers: [this.registry],
  });
  readonly rotations = new Counter({
    name: "vault_rotations_total",
    help: "Secret rotations by outcome.",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly auditAppends = new Counter({
    name: "vault_audit_appends_total",
    help: "Audit entries appended, by action.",
    labelNames: ["action"] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "vault_process_" });
  }
}
