import { Counter, collectDefaultMetrics, Registry } from "prom-client";

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

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: "vault_process_" });
  }
}
