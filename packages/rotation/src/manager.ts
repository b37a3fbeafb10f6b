import { type Clock, runAs, systemClock, VaultError } from "@vault/core";
import type { RotationService } from "./service";
import type { BackoffFn } from "./types";

export interface BackoffOptions {
  /** Wait after the first failure (default 60 s). */
  initialMs?: number;
  /** Growth per further consecutive failure (default 2). */
  factor?: number;
  /** Longest wait (default 1 h). */
  maxMs?: number;
}

export interface RotationManagerOptions {
  service: RotationService;
  /** Decides what is due; inject a ManualClock in tests. */
  clock?: Clock;
  /** How often `start()` runs a tick (default 30 s). */
  pollIntervalMs?: number;
  /** Most policies rotated per tick (default 100). */
  batchSize?: number;
  backoff?: BackoffOptions;
  /** Called when a tick fails as a whole (e.g. the database is down); the next tick tries again. */
  onError?: (error: unknown) => void;
}

/** Exponential backoff, capped: initial × factor^(failures − 1), at most max. */
export function exponentialBackoff(options: BackoffOptions = {}): BackoffFn {
  const initial = options.initialMs ?? 60_000;
  const factor = options.factor ?? 2;
  const max = options.maxMs ?? 3_600_000;
  if (!(initial > 0 && factor >= 1 && max >= initial)) {
    throw new VaultError("VALIDATION", "backoff needs initialMs > 0, factor ≥ 1 and maxMs ≥ initialMs", {
      details: { field: "backoff" },
    });
  }
  return (failures) => Math.min(max, initial * factor ** Math.max(0, failures - 1));
}

/**
 * Rotates due policies of every app on a timer. Safe with many server instances: each tick claims due policies with
 * `FOR UPDATE SKIP LOCKED` and leases each for its rotation (see `RotationService.rotateDue`), so a policy is rotated
 * by exactly one of them; a rotation whose process died is taken up again once its lease has passed. Failed policies
 * wait (exponential backoff, persisted on the policy) before the next attempt. `start`/`stop` are idempotent.
 */
export class RotationManager {
  readonly #service: RotationService;
  readonly #clock: Clock;
  readonly #pollIntervalMs: number;
  readonly #batchSize: number;
  readonly #backoff: BackoffFn;
  readonly #onError: (error: unknown) => void;
  #timer: ReturnType<typeof setInterval> | undefined;
  #inFlight: Promise<{ rotated: number; failed: number }> | undefined;

  constructor(options: RotationManagerOptions) {
    this.#service = options.service;
    this.#clock = options.clock ?? systemClock;
    this.#pollIntervalMs = options.pollIntervalMs ?? 30_000;
    this.#batchSize = options.batchSize ?? 100;
    this.#backoff = exponentialBackoff(options.backoff);
    this.#onError = options.onError ?? (() => {});
    if (!(this.#pollIntervalMs > 0) || !(Number.isInteger(this.#batchSize) && this.#batchSize > 0)) {
      throw new VaultError("VALIDATION", "pollIntervalMs and batchSize must be positive", {
        details: { field: "pollIntervalMs/batchSize" },
      });
    }
  }

  /** Whether the timer is running. */
  get running(): boolean {
    return this.#timer !== undefined;
  }

  /** Start ticking every `pollIntervalMs` (the first tick right away). Calling it again does nothing. */
  start(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setInterval(() => this.#background(), this.#pollIntervalMs);
    this.#timer.unref?.();
    this.#background();
  }

  /** Stop ticking and wait for a tick in progress. Calling it again (or before start) does nothing. */
  async stop(): Promise<void> {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
    await this.#inFlight?.catch(() => {});
  }

  /**
   * Rotate what is due now (up to `batchSize` policies), as the actor `{ system: "rotation-manager" }`. A tick
   * already in progress in this manager is joined, not doubled.
   */
  tick(): Promise<{ rotated: number; failed: number }> {
    if (this.#inFlight) return this.#inFlight;
    const run = runAs({ system: "rotation-manager" }, () =>
      this.#service.rotateDue({ now: this.#clock.now(), limit: this.#batchSize, backoff: this.#backoff }),
    ).finally(() => {
      this.#inFlight = undefined;
    });
    this.#inFlight = run;
    return run;
  }

  #background(): void {
    this.tick().catch((error) => this.#onError(error));
  }
}
