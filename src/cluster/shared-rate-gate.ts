import type { Store } from '../store/store.js';

/** One limit, as the platform states it: at most `count` messages in any `windowMs` on this key. */
interface Pace {
  key: string;
  count: number;
  windowMs: number;
}

/** What the store holds per key. */
interface Slot {
  /**
   * The earliest the next message may go (ms since the epoch): a `retry_after`, or the evenly spaced
   * turn that keeps messages from bunching (see {@link spacedTurn}).
   */
  next: number;
  /** When the key's last `count` messages went, oldest first. */
  recent?: number[];
}

/**
 * The window is held this much longer than the platform's: a message reaches the platform a few
 * milliseconds after its turn, and not always the same few, so without it the (count+1)th message
 * could arrive within the window of the first.
 */
const WINDOW_MARGIN_MS = 40;

/**
 * A rate limit shared by every instance on one store (Redis): each key (all messages, one chat, one
 * group) keeps the times of its last messages, and a message goes when every key it counts against
 * has had fewer than its limit in the last window (a sliding log: the very rule the platform
 * applies); those times change in a transaction, so three instances together keep to the limit one
 * would keep alone. A 429's retry_after pushes a key's time out, for every instance.
 *
 * Why a log rather than one "next turn" per key (GCRA): with a turn per key, every millisecond a
 * message leaves after its turn (timers, the store's round trip, a busy machine) delays every later
 * message, and on a loaded machine those milliseconds cost a tenth of the throughput. With the log, a
 * late message delays only the one a full window after it. The margin that absorbs network jitter
 * ({@link WINDOW_MARGIN_MS}) is a fixed few milliseconds per window, not a share of every gap.
 * Messages are still spread evenly over the window rather than sent in bursts ({@link spacedTurn}).
 *
 * Waiting happens in two steps, so one chat that must wait never holds up the others: first a
 * message waits (without taking anything) until its own chat and group are due; then it queues in
 * this process for the global key, one message at a time so that instances do not all retry the store
 * for every free slot, and takes all its keys at once. If another instance took its chat meanwhile,
 * it leaves the queue and waits again.
 */
export class SharedRateGate {
  private globalQueue: Promise<unknown> = Promise.resolve();
  private waiters = 0;

  constructor(
    private readonly store: Store,
    private readonly limits: {
      /** Key prefix: one gate per platform. */
      name: string;
      globalPerSecond: number;
      perChatPerSecond: number;
      /** Messages per minute to one group or channel; 0 for none. */
      perGroupPerMinute: number;
    },
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) =>
      new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Resolves when a message to `chatId` may be sent now, anywhere in the cluster. */
  async acquire(chatId: string, isGroup: boolean): Promise<void> {
    this.waiters++;
    try {
      await this.take(chatId, isGroup);
    } finally {
      this.waiters--;
    }
  }

  /** Messages in this process waiting for their turn (the queue-depth metric). */
  get waiting(): number {
    return this.waiters;
  }

  private async take(chatId: string, isGroup: boolean): Promise<void> {
    const own: Pace[] = [{ key: `chat:${chatId}`, count: 1, windowMs: 1000 / this.limits.perChatPerSecond }];
    if (isGroup && this.limits.perGroupPerMinute > 0) {
      own.push({ key: `group:${chatId}`, count: this.limits.perGroupPerMinute, windowMs: 60_000 });
    }
    const all = [...own, { key: 'global', count: this.limits.globalPerSecond, windowMs: 1000 }];
    for (;;) {
      await this.untilDue(own);
      const turn = this.globalQueue.then(() => this.takeWhenGlobalIsDue(all, own.length));
      this.globalQueue = turn.catch(() => undefined);
      if (await turn) return;
    }
  }

  /** A "retry after" for one chat, passed on to every instance (see {@link pause}). */
  pauseChat(chatId: string, ms: number): void {
    void this.pause(chatId, ms).catch(() => undefined);
  }

  /** Holds back every message to `chatId` (or all, for `global`) for `ms`, on every instance. */
  async pause(chatId: string | 'global', ms: number): Promise<void> {
    const key = this.key(chatId === 'global' ? 'global' : `chat:${chatId}`);
    const until = this.now() + ms;
    await this.store.transact(async (tx) => {
      const slot = await tx.get<Slot>('rate-limits', key);
      if ((slot?.next ?? 0) < until) {
        tx.set('rate-limits', key, { ...slot, next: until } satisfies Slot, ms + 60_000);
      }
    });
  }

  /** Waits until the keys have come due, without taking them. */
  private async untilDue(paces: readonly Pace[]): Promise<void> {
    const keys = paces.map((pace) => this.key(pace.key));
    for (;;) {
      const slots = await this.store.collection<Slot>('rate-limits').getMany(keys);
      const wait = Math.max(...paces.map((pace, index) => dueAt(slots[index], pace))) - this.now();
      if (wait <= 0) return;
      await this.sleep(wait);
    }
  }

  /**
   * Takes every key at once as soon as the global one is due (waiting for it); false when one of the
   * message's own keys (the first `own`) was taken by another instance meanwhile.
   */
  private async takeWhenGlobalIsDue(paces: readonly Pace[], own: number): Promise<boolean> {
    const keys = paces.map((pace) => this.key(pace.key));
    for (;;) {
      const outcome = await this.store.transact(async (tx) => {
        const slots = await tx.getMany<Slot>('rate-limits', keys);
        const now = this.now();
        const waits = paces.map((pace, index) => dueAt(slots[index], pace) - now);
        if (waits.slice(0, own).some((wait) => wait > 0)) return { taken: false, wait: 0 };
        const wait = Math.max(...waits);
        if (wait > 0) return { taken: false, wait };
        paces.forEach((pace, index) => {
          const slot = slots[index];
          const taken: Slot = {
            next: spacedTurn(slot, pace, now),
            recent: [...(slot?.recent ?? []), now].slice(-pace.count),
          };
          tx.set('rate-limits', keys[index]!, taken, pace.windowMs + WINDOW_MARGIN_MS + 60_000);
        });
        return { taken: true, wait: 0 };
      });
      if (outcome.taken) return true;
      if (outcome.wait <= 0) return false;
      await this.sleep(outcome.wait);
    }
  }

  private key(name: string): string {
    return `${this.limits.name}:${name}`;
  }
}

/**
 * When the next message on a key may go: once its spaced turn has come (or a retry_after has
 * passed), and once the message `count` back went more than a window (plus the margin) ago.
 */
function dueAt(slot: Slot | undefined, pace: Pace): number {
  const recent = slot?.recent ?? [];
  const windowFull =
    recent.length >= pace.count ? recent[recent.length - pace.count]! + pace.windowMs + WINDOW_MARGIN_MS : 0;
  return Math.max(slot?.next ?? 0, windowFull);
}

/**
 * The turn after a message taken at `now`: an even share of the window after the previous turn. A
 * message that went late is credited up to half a share, so lateness does not push every later turn
 * back (the window, not the turn, is what holds the limit); no more is credited, so that a key idle
 * for a while starts again evenly rather than with a burst of a whole window.
 */
function spacedTurn(slot: Slot | undefined, pace: Pace, now: number): number {
  const share = pace.windowMs / pace.count;
  return Math.max(slot?.next ?? 0, now - share / 2) + share;
}
