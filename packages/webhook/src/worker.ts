import type { WebhookService } from "./service";

export interface WebhookWorkerOptions {
  service: WebhookService;
  /** How often the outbox and the delivery queue are polled when idle (default 250 ms). */
  pollIntervalMs?: number;
  /** How often reminders are looked for (default 60 s; 0: never). */
  reminderIntervalMs?: number;
  /** How often old events are pruned (default 1 h; 0: never). */
  pruneIntervalMs?: number;
  /** Told about every failed round (the database away, …); the worker carries on at the next poll. */
  onError?: (error: unknown) => void;
}

/**
 * Runs a webhook service in the background: fan out waiting events, send due deliveries — again at once while there
 * is more, otherwise after `pollIntervalMs` — and now and then emit reminders and prune. One per process; any number
 * of processes on one database.
 */
export class WebhookWorker {
  readonly #service: WebhookService;
  readonly #pollMs: number;
  readonly #reminderMs: number;
  readonly #pruneMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #running: Promise<void> | undefined;
  #stopped = true;
  #wokenWhileRunning = false;
  #lastReminders = 0;
  #lastPrune = 0;

  constructor(options: WebhookWorkerOptions) {
    this.#service = options.service;
    this.#pollMs = options.pollIntervalMs ?? 250;
    this.#reminderMs = options.reminderIntervalMs ?? 60_000;
    this.#pruneMs = options.pruneIntervalMs ?? 3_600_000;
    this.#onError = options.onError ?? (() => {});
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#schedule(0);
  }

  /** Look for work now instead of at the next poll (after an in-process write that produced events). */
  wake(): void {
    if (this.#stopped) return;
    if (this.#running) this.#wokenWhileRunning = true;
    else this.#schedule(0);
  }

  /** Stop polling and wait for the round in flight. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
    await this.#running;
  }

  /**
   * One round: dispatch and deliver until a batch comes back short, then reminders and pruning when due. Returns
   * whether it found work. Exposed for tests and tools; the timer calls it.
   */
  async tick(): Promise<boolean> {
    let busy = false;
    for (let round = 0; round < 100; round++) {
      const dispatched = await this.#service.dispatch();
      const delivered = await this.#service.deliverDue();
      if (dispatched === 0 && delivered.claimed === 0) break;
      busy = true;
    }
    const now = Date.now();
    if (this.#reminderMs > 0 && now - this.#lastReminders >= this.#reminderMs) {
      this.#lastReminders = now;
      await this.#service.emitReminders();
    }
    if (this.#pruneMs > 0 && now - this.#lastPrune >= this.#pruneMs) {
      this.#lastPrune = now;
      await this.#service.prune();
    }
    return busy;
  }

  #schedule(delay: number): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.#running = this.tick()
        .catch((error: unknown) => this.#onError(error))
        .then(() => undefined)
        .finally(() => {
          this.#running = undefined;
          const again = this.#wokenWhileRunning;
          this.#wokenWhileRunning = false;
          if (!this.#stopped) this.#schedule(again ? 0 : this.#pollMs);
        });
    }, delay);
    this.#timer.unref?.();
  }
}
