import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * The Prometheus metrics of one Vault instance, in a registry of its own (several instances can share a process). The
 * HTTP server adds its request metrics to the same registry.
 */
export class VaultMetrics {
  readonly registry = new Registry();
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
  /** Counted when a flush writes them (every VAULT_FLAG_USAGE_FLUSH_MS), so it trails evaluations by up to that. */
  readonly flagUsage = new Counter({
    name: "vault_flag_usage_evaluations_total",
    help: 'Flag evaluations by app, flag and variant ("" when the result had none): served here or reported by clients.',
    labelNames: ["app", "flag", "variant"] as const,
    registers: [this.registry],
  });
  readonly flagUsageFlushes = new Counter({
    name: "vault_flag_usage_flushes_total",
    help: "Flushes of counted flag evaluations to the database, by outcome (failed ones are retried with the next).",
    labelNames: ["outcome"] as const,
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

  readonly webhookDeliveries = new Counter({
    name: "vault_webhook_deliveries_total",
    help: "Webhook attempts by outcome: succeeded, retrying (failed, another attempt scheduled) or failed (given up).",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  readonly webhookAttemptSeconds = new Histogram({
    name: "vault_webhook_attempt_duration_seconds",
    help: "How long webhook requests took, by outcome.",
    labelNames: ["outcome"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15, 30],
    registers: [this.registry],
  });
  readonly webhookDeliverySeconds = new Histogram({
    name: "vault_webhook_delivery_latency_seconds",
    help: "From the change's commit to its successful delivery (retries included).",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 86_400],
    registers: [this.registry],
  });
  /** Where the webhook queue depth is read from when scraped (set by the Vault). */
  webhookQueueSource: (() => Promise<{ waitingEvents: number; pendingDeliveries: number }>) | undefined;
  /** Read from the database at each scrape; a database that does not answer leaves the last values. */
  readonly webhookQueueDepth: Gauge<"queue">;

  constructor(options: { defaultMetrics?: boolean } = {}) {
    const metrics = this;
    this.webhookQueueDepth = new Gauge({
      name: "vault_webhook_queue_depth",
      help: "Webhook work waiting: queue=events (not yet fanned out) and queue=deliveries (pending, due now or later).",
      labelNames: ["queue"] as const,
      registers: [this.registry],
      async collect() {
        const depth = await metrics.webhookQueueSource?.().catch(() => undefined);
        if (depth === undefined) return;
        this.set({ queue: "events" }, depth.waitingEvents);
        this.set({ queue: "deliveries" }, depth.pendingDeliveries);
      },
    });
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "vault_process_" });
  }
}
