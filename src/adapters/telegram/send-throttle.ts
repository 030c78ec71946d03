/**
 * Telegram's sending limits, enforced by construction: at most `globalPerSecond` messages overall
 * (evenly spaced), `perChatPerSecond` to one chat, and `perGroupPerMinute` to one group, supergroup
 * or channel in any 60 seconds. Senders wait their turn in arrival order, except that a sender whose
 * chat must still wait lets the next ones pass, so one busy or rate-limited chat never holds up the
 * others. This is what grammY's throttler plugin does; it is not installed here, and ~150 lines of our
 * own are easy to test with virtual time.
 */

/** The limits; Telegram documents 30/s overall, about 1/s per chat and 20/min per group. */
export interface SendLimits {
  globalPerSecond: number;
  perChatPerSecond: number;
  perGroupPerMinute: number;
}

/** Time, passed in so that tests run on a virtual clock. */
export interface ThrottleTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: ThrottleTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

interface ChatState {
  nextAt: number;
  pausedUntil: number;
  /** Send times in the last minute, oldest first (groups only). */
  recent: number[];
}

interface Waiter {
  chatId: string;
  isGroup: boolean;
  grant: () => void;
}

const MINUTE_MS = 60_000;
/** How late a timer may fire and still count as on time. */
const TIMER_LATENESS_MS = 5;

/**
 * The in-process pacer of Telegram sends (the limits above), one per bot; the SendGate of a lone
 * instance (several instances on one store use the SharedRateGate instead). Every send awaits
 * {@link SendThrottle.acquire} before calling the Bot API, so replies and digest fan-outs share
 * one budget; {@link SendThrottle.pauseChat} holds a chat back for as long as a 429 asked.
 */
export class SendThrottle {
  private readonly queue: Waiter[] = [];
  private readonly chats = new Map<string, ChatState>();
  private globalNextAt = 0;
  private timer: unknown = null;
  private timerAt = Infinity;
  private grantsSinceSweep = 0;

  constructor(
    private readonly limits: SendLimits,
    private readonly timers: ThrottleTimers = realTimers,
  ) {}

  /** Resolves when a message to `chatId` may be sent now; the send is counted from that moment. */
  acquire(chatId: string, isGroup: boolean): Promise<void> {
    return new Promise((grant) => {
      this.queue.push({ chatId, isGroup, grant });
      this.pump();
    });
  }

  /** Telegram said "retry after": nothing more to this chat until then. */
  pauseChat(chatId: string, ms: number): void {
    const state = this.state(chatId);
    state.pausedUntil = Math.max(state.pausedUntil, this.timers.now() + ms);
  }

  /** Senders waiting for their turn (the queue-depth metric, tests and the benchmark). */
  get waiting(): number {
    return this.queue.length;
  }

  private pump(): void {
    const now = this.timers.now();
    let wakeAt = Infinity;
    while (this.queue.length > 0) {
      if (this.globalNextAt > now) {
        wakeAt = this.globalNextAt;
        break;
      }
      const index = this.firstReady(now);
      if (index.ready < 0) {
        wakeAt = index.earliest;
        break;
      }
      const [waiter] = this.queue.splice(index.ready, 1);
      this.record(waiter!, now);
      waiter!.grant();
    }
    this.schedule(wakeAt);
  }

  /** The first waiter whose chat may send now, or when the earliest of them may. */
  private firstReady(now: number): { ready: number; earliest: number } {
    let earliest = Infinity;
    for (let i = 0; i < this.queue.length; i++) {
      const waiter = this.queue[i]!;
      const at = this.readyAt(waiter);
      if (at <= now) return { ready: i, earliest: now };
      earliest = Math.min(earliest, at);
    }
    return { ready: -1, earliest };
  }

  private readyAt(waiter: Waiter): number {
    const state = this.chats.get(waiter.chatId);
    if (!state) return 0;
    let at = Math.max(state.nextAt, state.pausedUntil);
    if (waiter.isGroup && state.recent.length >= this.limits.perGroupPerMinute) {
      at = Math.max(at, state.recent[state.recent.length - this.limits.perGroupPerMinute]! + MINUTE_MS);
    }
    return at;
  }

  private record(waiter: Waiter, now: number): void {
    // Timers fire a millisecond or two late; counting from the planned slot rather than from `now`
    // keeps that lateness from adding up (at 30/s it would cost ~3%), without allowing a burst.
    const planned = Math.max(this.globalNextAt, now - TIMER_LATENESS_MS);
    this.globalNextAt = planned + 1000 / this.limits.globalPerSecond;
    const state = this.state(waiter.chatId);
    state.nextAt = now + 1000 / this.limits.perChatPerSecond;
    if (waiter.isGroup) {
      state.recent.push(now);
      while (state.recent.length > 0 && state.recent[0]! <= now - MINUTE_MS) state.recent.shift();
    }
    if (++this.grantsSinceSweep >= 1000) this.sweep(now);
  }

  /** Forgets chats with nothing left to remember, so 10,000 chats a day do not pile up. */
  private sweep(now: number): void {
    this.grantsSinceSweep = 0;
    for (const [chatId, state] of this.chats) {
      const lastRecent = state.recent[state.recent.length - 1] ?? -Infinity;
      if (state.nextAt <= now && state.pausedUntil <= now && lastRecent <= now - MINUTE_MS) {
        this.chats.delete(chatId);
      }
    }
  }

  private state(chatId: string): ChatState {
    let state = this.chats.get(chatId);
    if (!state) {
      state = { nextAt: 0, pausedUntil: 0, recent: [] };
      this.chats.set(chatId, state);
    }
    return state;
  }

  /** One timer at a time, for the earliest moment a waiter may go. */
  private schedule(at: number): void {
    if (at === this.timerAt) return;
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerAt = at;
    if (at === Infinity) return;
    this.timer = this.timers.setTimeout(
      () => {
        this.timer = null;
        this.timerAt = Infinity;
        this.pump();
      },
      Math.max(0, at - this.timers.now()),
    );
  }
}
