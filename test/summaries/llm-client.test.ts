import { describe, expect, it } from 'vitest';
import { callDeadlineMs, MAX_RETRY_WAIT_MS, retryAfterMs } from '../../src/summaries/llm-client.js';

const now = new Date('2026-03-02T10:00:00Z');
const clock = () => now;

describe('retryAfterMs', () => {
  it('reads retry-after-ms, retry-after in seconds and retry-after as an HTTP date', () => {
    expect(retryAfterMs(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }), clock)).toBe(250);
    expect(retryAfterMs(new Headers({ 'retry-after': '2' }), clock)).toBe(2000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 02 Mar 2026 10:01:30 GMT' }), clock)).toBe(90_000);
    expect(retryAfterMs(new Headers({ 'retry-after': 'Mon, 02 Mar 2026 09:00:00 GMT' }), clock)).toBe(0);
  });

  it('is null without a usable header', () => {
    expect(retryAfterMs(undefined, clock)).toBeNull();
    expect(retryAfterMs(new Headers(), clock)).toBeNull();
    expect(retryAfterMs(new Headers({ 'retry-after': 'soon' }), clock)).toBeNull();
  });
});

describe('callDeadlineMs', () => {
  it('covers every attempt and the waits between them, with a second of grace', () => {
    expect(callDeadlineMs(30_000, 0)).toBe(31_000);
    expect(callDeadlineMs(30_000, 1)).toBe(60_000 + MAX_RETRY_WAIT_MS + 1_000);
  });
});
