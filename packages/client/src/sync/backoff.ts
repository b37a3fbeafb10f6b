export interface BackoffOptions {
  /** The first retry's delay, in ms (default 500). */
  initialMs?: number;
  /** The longest delay, in ms (default 30 000). */
  maxMs?: number;
}

/**
 * The delay before retry number `attempt` (0-based): exponential, capped, with "equal jitter" (half fixed, half
 * random), so that many clients that lost one server do not come back in the same millisecond.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialMs ?? 500;
  const max = options.maxMs ?? 30_000;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
