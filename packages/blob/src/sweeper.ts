import { VaultError } from "@vault/core";
import type { BlobService } from "./service";
import type { SweepRun } from "./types";

export interface BlobSweeperOptions {
  service: BlobService;
  /** How often `start()` sweeps every app (default 60 s). */
  intervalMs?: number;
  /** Called when a scheduled sweep fails (e.g. the database is down); the next one tries again. */
  onError?: (error: unknown) => void;
}

/**
 * Runs the sweep on a schedule, over every app. Many instances may run one each: sweeps claim entries with
 * `FOR UPDATE SKIP LOCKED`, so each entry is purged once. A tick that finds the previous one still running skips.
 * `start`/`stop` are idempotent; `stop` ends a sweep in flight after its current batch and waits for that.
 */
export class BlobSweeper {
  readonly #service: BlobService;
  readonly #intervalMs: number;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #inFlight: Promise<SweepRun | undefined> | undefined;
  /** Aborted by `stop`: a sweep in flight ends after its current batch rather than working through a backlog. */
  #stopping = new AbortController();

  constructor(options: BlobSweeperOptions) {
    this.#service = options.service;
    this.#intervalMs = options.intervalMs ?? 60_000;
    this.#onError = options.onError ?? (() => {});
    if (!(Number.isInteger(this.#intervalMs) && this.#intervalMs > 0)) {
      throw new VaultError("VALIDATION", "intervalMs must be a positive integer", { details: { field: "intervalMs" } });
    }
  }

  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Sweep every `intervalMs` (the first right away). */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => void this.tick(), this.#intervalMs);
    this.#timer.unref?.();
    void this.tick();
  }

  /** One scheduled sweep now (undefined when one is already running or it failed; failures go to `onError`). */
  tick(): Promise<SweepRun | undefined> {
    if (this.#inFlight !== undefined) return Promise.resolve(undefined);
    this.#inFlight = this.#service
      .sweep({ trigger: "schedule", signal: this.#stopping.signal })
      .catch((error: unknown) => {
        this.#onError(error);
        return undefined;
      })
      .finally(() => {
        this.#inFlight = undefined;
      });
    return this.#inFlight;
  }

  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    this.#stopping.abort();
    await this.#inFlight;
    this.#stopping = new AbortController();
  }
}
