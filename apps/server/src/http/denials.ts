import { type Clock, runAs } from "@vault/core";
import { type AuditSink, type VaultDb, withTransaction } from "@vault/store";
import type { FastifyBaseLogger } from "fastify";

/** One refused request, as the denial log is told about it. */
export interface Denial {
  /** Where it came from (the client's IP; behind a proxy, see VAULT_TRUST_PROXY). */
  source: string;
  /** The app whose audit log records it: the caller's, or the system app when the caller is unknown. */
  appId: string;
  reason: string;
  /** `METHOD /route/template`. */
  route: string;
  apiKeyId?: string;
  requestId: string;
  metadata?: Record<string, unknown>;
}

/** Open windows held in memory at most; beyond this they are written out early. */
const MAX_OPEN_WINDOWS = 10_000;

interface Window {
  start: number;
  /** Denials after the first, not yet written (the first of each window is written at once). */
  suppressed: number;
  last: Denial;
}

/**
 * Audits refused requests without letting a flood of them grow the audit log by a row each: per source, app, reason
 * and route, the first denial of a window is written at once (`auth.denied`), the rest of that window are counted and
 * written as one summary entry (`auth.denied_summary`, with the count) when the window ends. Exact counts also go to
 * metrics. Windows are measured on the injected clock; a timer writes the summaries.
 */
export class DenialAudit {
  readonly #db: VaultDb;
  readonly #audit: AuditSink;
  readonly #clock: Clock;
  readonly #windowMs: number;
  readonly #log: FastifyBaseLogger;
  readonly #windows = new Map<string, Window>();
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(options: { db: VaultDb; audit: AuditSink; clock: Clock; windowMs: number; log: FastifyBaseLogger }) {
    this.#db = options.db;
    this.#audit = options.audit;
    this.#clock = options.clock;
    this.#windowMs = options.windowMs;
    this.#log = options.log;
    this.#timer = setInterval(() => void this.flush(), this.#windowMs);
    this.#timer.unref();
  }

  /** Record one denial: written now if it is the first of its window, else counted into the window's summary. */
  async record(denial: Denial): Promise<void> {
    // Many sources at once (addresses are cheap to vary): write what is counted rather than hold it all.
    if (this.#windows.size >= MAX_OPEN_WINDOWS) await this.flush({ all: true });
    const id = [denial.source, denial.appId, denial.reason, denial.route].join("\u0000");
    const now = this.#clock.now().getTime();
    const open = this.#windows.get(id);
    if (open !== undefined && now - open.start < this.#windowMs) {
      open.suppressed += 1;
      open.last = denial;
      return;
    }
    if (open !== undefined) await this.#writeSummary(id, open);
    this.#windows.set(id, { start: now, suppressed: 0, last: denial });
    await this.#write(denial, "auth.denied", { reason: denial.reason, ...denial.metadata });
  }

  /** Write the summaries of windows that have ended (all of them with `all`, as on shutdown). */
  async flush(options: { all?: boolean } = {}): Promise<void> {
    const now = this.#clock.now().getTime();
    for (const [id, window] of [...this.#windows]) {
      if (options.all || now - window.start >= this.#windowMs) await this.#writeSummary(id, window);
    }
  }

  /** Stop the timer and write what is counted. */
  async close(): Promise<void> {
    clearInterval(this.#timer);
    await this.flush({ all: true });
  }

  async #writeSummary(id: string, window: Window): Promise<void> {
    this.#windows.delete(id);
    if (window.suppressed === 0) return;
    await this.#write(window.last, "auth.denied_summary", {
      reason: window.last.reason,
      count: window.suppressed,
      from: new Date(window.start).toISOString(),
      until: this.#clock.now().toISOString(),
    });
  }

  async #write(denial: Denial, action: string, metadata: Record<string, unknown>): Promise<void> {
    try {
      await runAs(
        { appId: denial.appId, apiKeyId: denial.apiKeyId, ip: denial.source, requestId: denial.requestId },
        () =>
          withTransaction(this.#db, (tx) =>
            this.#audit.record(tx, {
              action,
              resource: "http",
              appId: denial.appId,
              key: denial.route,
              outcome: "denied",
              metadata,
            }),
          ),
      );
    } catch (error) {
      // The request is refused either way; a denial that could not be audited is logged.
      this.#log.error({ err: error, reason: denial.reason }, "could not audit a denied request");
    }
  }
}
