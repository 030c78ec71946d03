import type { Store } from '../store/store.js';

/** One limit: at most one message per `intervalMs` on this key. */
interface Pace {
  key: string;
  intervalMs: number;
}

/** When the next message on a key may go (ms since the epoch): the "theoretical arrival time". */
interface Slot {
  next: number;
}

/**
 * Spacing is stretched by this much: messages leave a little after their turn (network, event loop),
 * and several instances' clocks differ by milliseconds; without it, jitter would push a second over
 * the platform's limit now and then. 3.5%: 30 turns span at least 1035 ms, less the one
 * {@link LATE_CREDIT_MS} a window can lose, so 30 ms are left for jitter, as with 3% and no credit.
 */
const SAFETY = 1.035;

/**
 * A message that leaves this little after its turn keeps the turn it was given: the next one is
 * spaced from that turn, not from when this one went. Without it every millisecond of timer overshoot
 * and store round trip delays every later message (a loss of 3-10% on a 2-core machine). Later than
 * this, the lateness is kept: on a starved machine the delay between a turn and the platform seeing
 * the message varies most, and the slower pace is what keeps a second from going over the limit
 * (measured: a gate that forgave all lateness, a sliding log of the last 30 messages with a 30-40 ms
 * margin, drew 7-15 429s per soak at load 12-19; 5 ms credit with 3% stretch drew 6 at load 14).
 */
const LATE_CREDIT_MS = 5;

/**
 * A rate limit shared by every instance on one store (Redis): each key (all messages, one chat, one
 * group) has the time its next message may go, and a message goes when every key it counts against
 * has come due; those times advance in a transaction, so three instances together keep to the limit
 * one would keep alone. A 429's retry_after pushes a key's time out, for every instance.
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
    const own: Pace[] = [{ key: `chat:${chatId}`, intervalMs: 1000 / this.limits.perChatPerSecond }];
    if (isGroup && this.limits.perGroupPerMinute > 0) {
      own.push({ key: `group:${chatId}`, intervalMs: 60_000 / this.limits.perGroupPerMinute });
    }
    const all = [...own, { key: 'global', intervalMs: 1000 / this.limits.globalPerSecond }];
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
      if ((slot?.next ?? 0) < until) tx.set('rate-limits', key, { next: until } satisfies Slot, ms + 60_000);
    });
  }

  /** Waits until the keys have come due, without taking them. */
  private async untilDue(paces: readonly Pace[]): Promise<void> {
    const keys = paces.map((pace) => this.key(pace.key));
    for (;;) {
      const slots = await this.store.collection<Slot>('rate-limits').getMany(keys);
      const wait = Math.max(...slots.map((slot) => slot?.next ?? 0)) - this.now();
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
        const waits = slots.map((slot) => (slot?.next ?? 0) - now);
        if (waits.slice(0, own).some((wait) => wait > 0)) return { taken: false, wait: 0 };
        const wait = Math.max(...waits);
        if (wait > 0) return { taken: false, wait };
        paces.forEach((pace, index) => {
          const interval = pace.intervalMs * SAFETY;
          const turn = Math.max(slots[index]?.next ?? 0, now - LATE_CREDIT_MS);
          tx.set('rate-limits', keys[index]!, { next: turn + interval } satisfies Slot, interval + 60_000);
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
