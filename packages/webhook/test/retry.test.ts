import { describe, expect, it } from "vitest";
import { baseDelayMs, DEFAULT_RETRY_SCHEDULE, retryDelayMs } from "../src/index";

describe("the retry schedule", () => {
  it("retries 10 times over about a day by default: 10 s, 30 s, 1.5 min, …, 8 h, 8 h", () => {
    const delays = Array.from({ length: DEFAULT_RETRY_SCHEDULE.maxAttempts - 1 }, (_, i) =>
      baseDelayMs(DEFAULT_RETRY_SCHEDULE, i + 1),
    );
    expect(delays).toEqual([
      10_000, 30_000, 90_000, 270_000, 810_000, 2_430_000, 7_290_000, 21_870_000, 28_800_000, 28_800_000,
    ]);
    const total = delays.reduce((a, b) => a + b, 0);
    expect(total / 3_600_000).toBeCloseTo(25.1, 1);
  });

  it("jitter moves each delay by at most ±20%, and spreads retries that failed together", () => {
    for (let n = 1; n <= 10; n++) {
      const base = baseDelayMs(DEFAULT_RETRY_SCHEDULE, n);
      expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, n, () => 0)).toBe(Math.round(base * 0.8));
      expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, n, () => 0.999999)).toBeLessThanOrEqual(Math.round(base * 1.2));
      expect(retryDelayMs(DEFAULT_RETRY_SCHEDULE, n, () => 0.5)).toBe(base);
    }
    const spread = new Set(Array.from({ length: 50 }, () => retryDelayMs(DEFAULT_RETRY_SCHEDULE, 3)));
    expect(spread.size).toBeGreaterThan(40);
  });
});
