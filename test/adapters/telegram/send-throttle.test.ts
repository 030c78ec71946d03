import { describe, expect, it } from 'vitest';
import {
  SendThrottle,
  type SendLimits,
  type ThrottleTimers,
} from '../../../src/adapters/telegram/send-throttle.js';

/** Virtual time: timers fire in order as the test runs them; nothing waits for the wall clock. */
function virtualTimers() {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; callback: () => void }>();
  const api: ThrottleTimers = {
    now: () => now,
    setTimeout: (callback, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, callback });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
  };
  return {
    api,
    now: () => now,
    /** Runs timers in time order until none are left (letting granted senders run in between). */
    async runAll(): Promise<void> {
      for (;;) {
        await new Promise((resolve) => setImmediate(resolve));
        const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0];
        if (!next) return;
        timers.delete(next[0]);
        now = Math.max(now, next[1].at);
        next[1].callback();
      }
    },
  };
}

async function sendAll(limits: SendLimits, chats: string[], setup?: (throttle: SendThrottle) => void) {
  const time = virtualTimers();
  const throttle = new SendThrottle(limits, time.api);
  setup?.(throttle);
  const sends: { chat: string; at: number }[] = [];
  const done = Promise.all(
    chats.map((chat) =>
      throttle.acquire(chat, chat.startsWith('-')).then(() => sends.push({ chat, at: time.now() })),
    ),
  );
  await time.runAll();
  await done;
  return sends;
}

describe('SendThrottle', () => {
  it('spaces messages to stay within the overall rate', async () => {
    const chats = Array.from({ length: 90 }, (_, i) => String(i + 1));
    const sends = await sendAll({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, chats);
    expect(sends).toHaveLength(90);
    for (let i = 30; i < sends.length; i++)
      expect(sends[i]!.at - sends[i - 30]!.at).toBeGreaterThanOrEqual(1000 - 1e-6);
    expect(sends.at(-1)!.at).toBeCloseTo((89 * 1000) / 30, 3);
  });

  it('sends at most one message per second to a chat, and lets other chats pass meanwhile', async () => {
    const sends = await sendAll({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, [
      '7',
      '7',
      '7',
      '8',
      '9',
    ]);
    const to7 = sends.filter((send) => send.chat === '7').map((send) => send.at);
    expect(to7[1]! - to7[0]!).toBeGreaterThanOrEqual(1000);
    expect(to7[2]! - to7[1]!).toBeGreaterThanOrEqual(1000);
    // 8 and 9 went before 7's second message, not after it.
    expect(sends.map((send) => send.chat).slice(0, 3)).toEqual(['7', '8', '9']);
  });

  it("never makes one chat's reply wait behind another chat's queue of 100", async () => {
    const sends = await sendAll({ globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 }, [
      ...Array.from({ length: 100 }, () => 'A'),
      'B',
    ]);
    const b = sends.find((send) => send.chat === 'B')!;
    expect(b.at).toBeLessThan(100);
    expect(sends.findIndex((send) => send.chat === 'B')).toBe(1);
  });

  it('sends at most 20 messages a minute to a group', async () => {
    const sends = await sendAll(
      { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
      Array.from({ length: 45 }, () => '-100'),
    );
    for (let i = 20; i < sends.length; i++)
      expect(sends[i]!.at - sends[i - 20]!.at).toBeGreaterThanOrEqual(60_000);
  });

  it('holds a chat after "retry after" without holding the others', async () => {
    const sends = await sendAll(
      { globalPerSecond: 30, perChatPerSecond: 1, perGroupPerMinute: 20 },
      ['1', '2', '3'],
      (throttle) => throttle.pauseChat('1', 5000),
    );
    expect(sends.map((send) => send.chat)).toEqual(['2', '3', '1']);
    expect(sends.find((send) => send.chat === '1')!.at).toBe(5000);
    expect(sends.find((send) => send.chat === '3')!.at).toBeLessThan(100);
  });
});
