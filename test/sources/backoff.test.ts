import { describe, expect, it } from 'vitest';
import { nextAttemptDelay } from '../../src/sources/backoff.js';

const options = { baseMs: 1_000, maxMs: 60_000 };
const low = { ...options, random: () => 0 };
const high = { ...options, random: () => 0.999999 };

describe('nextAttemptDelay', () => {
  it('does not wait for a healthy source', () => {
    expect(nextAttemptDelay(0, high)).toBe(0);
    expect(nextAttemptDelay(-3, high)).toBe(0);
    expect(nextAttemptDelay(Number.NaN, high)).toBe(0);
  });

  it('doubles with each failure, between half and all of the exponential delay', () => {
    expect([1, 2, 3, 4].map((n) => nextAttemptDelay(n, low))).toEqual([500, 1_000, 2_000, 4_000]);
    expect([1, 2, 3, 4].map((n) => nextAttemptDelay(n, high))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(nextAttemptDelay(3, { ...options, random: () => 0.5 })).toBe(3_000);
  });

  it('stops growing at maxMs, even for absurd failure counts', () => {
    expect(nextAttemptDelay(7, high)).toBe(60_000);
    expect(nextAttemptDelay(7, low)).toBe(30_000);
    expect(nextAttemptDelay(10_000, high)).toBe(60_000);
    expect(nextAttemptDelay(Number.MAX_SAFE_INTEGER, low)).toBe(30_000);
  });

  it('is deterministic given random, and stays in range for any random value', () => {
    const fixed = { ...options, random: () => 0.25 };
    expect(nextAttemptDelay(5, fixed)).toBe(nextAttemptDelay(5, fixed));
    for (const r of [-1, 0, 0.3, 0.7, 1, 2]) {
      const delay = nextAttemptDelay(5, { ...options, random: () => r });
      expect(delay).toBeGreaterThanOrEqual(8_000);
      expect(delay).toBeLessThanOrEqual(16_000);
    }
  });

  it('honours a Retry-After that asks for longer, and ignores a shorter one', () => {
    expect(nextAttemptDelay(1, low, 120_000)).toBe(120_000);
    expect(nextAttemptDelay(6, high, 5_000)).toBe(32_000);
    expect(nextAttemptDelay(0, low, 30_000)).toBe(30_000);
  });

  it('ignores nonsense Retry-After values and caps huge ones', () => {
    expect(nextAttemptDelay(1, low, -5)).toBe(500);
    expect(nextAttemptDelay(1, low, Number.NaN)).toBe(500);
    expect(nextAttemptDelay(1, low, 365 * 24 * 3_600_000)).toBe(24 * 3_600_000);
    expect(nextAttemptDelay(1, { ...low, retryAfterCapMs: 10_000 }, 50_000)).toBe(10_000);
  });

  it('uses Math.random when no random is given', () => {
    const delay = nextAttemptDelay(2, options);
    expect(delay).toBeGreaterThanOrEqual(1_000);
    expect(delay).toBeLessThanOrEqual(2_000);
  });
});
