import { z } from "zod";

/**
 * When failed attempts are tried again: the n-th retry waits `initialDelayMs × factor^(n-1)` (at most `maxDelayMs`),
 * moved by a random ±`jitter` share so that deliveries that failed together do not all come back together. After
 * `maxAttempts` attempts in all the delivery is marked failed. The defaults retry 10 times over about 25 hours:
 * 10 s, 30 s, 1.5 min, 4.5 min, 13.5 min, 40.5 min, 2 h, 6 h, 8 h, 8 h.
 */
export interface RetrySchedule {
  initialDelayMs: number;
  factor: number;
  maxDelayMs: number;
  /** Attempts in all, the first included (default 11). */
  maxAttempts: number;
  /** Share of each delay drawn at random either way (default 0.2: 10 s becomes 8–12 s). */
  jitter: number;
}

export const retryScheduleSchema = z
  .object({
    initialDelayMs: z.number().int().min(1).max(86_400_000).default(10_000),
    factor: z.number().min(1).max(100).default(3),
    maxDelayMs: z
      .number()
      .int()
      .min(1)
      .max(7 * 86_400_000)
      .default(8 * 3_600_000),
    maxAttempts: z.number().int().min(1).max(100).default(11),
    jitter: z.number().min(0).max(0.9).default(0.2),
  })
  .strict();

export const DEFAULT_RETRY_SCHEDULE: RetrySchedule = retryScheduleSchema.parse({});

/** The delay before retry `n` (1 = the first retry) without jitter. */
export function baseDelayMs(schedule: RetrySchedule, n: number): number {
  return Math.min(schedule.maxDelayMs, schedule.initialDelayMs * schedule.factor ** (n - 1));
}

/** The delay before retry `n` with jitter: `random` is uniform in [0, 1) (Math.random; tests pass their own). */
export function retryDelayMs(schedule: RetrySchedule, n: number, random: () => number = Math.random): number {
  const base = baseDelayMs(schedule, n);
  return Math.round(base * (1 + schedule.jitter * (2 * random() - 1)));
}
