import { describe, expect, it } from 'vitest';
import { concurrencyLimit } from '../../src/summaries/concurrency-limit.js';

describe('concurrencyLimit', () => {
  it('runs at most `max` tasks at once, in order, and passes results and errors through', async () => {
    const limit = concurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const releases: (() => void)[] = [];
    const task = (n: number) => () =>
      new Promise<number>((resolve, reject) => {
        started.push(n);
        peak = Math.max(peak, ++active);
        releases.push(() => {
          active--;
          if (n === 3) reject(new Error('three'));
          else resolve(n * 10);
        });
      });
    const results = [1, 2, 3, 4, 5].map((n) => limit(task(n)).catch((error: Error) => error.message));
    // Release tasks one at a time as they start, until all five have run.
    for (let released = 0; released < 5;) {
      await new Promise((resolve) => setImmediate(resolve));
      const release = releases.shift();
      if (release) {
        release();
        released++;
      }
    }
    expect(await Promise.all(results)).toEqual([10, 20, 'three', 40, 50]);
    expect(started).toEqual([1, 2, 3, 4, 5]);
    expect(peak).toBe(2);
  });
});
