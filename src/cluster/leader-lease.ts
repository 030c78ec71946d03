import type { Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import type { Store } from '../store/store.js';

interface Holder {
  owner: string;
  until: number;
}

export interface LeaseOptions {
  /** A holder that has not renewed for this long is taken as gone. */
  ttlMs: number;
  /** How often the holder renews, and how often the others try to take over. */
  everyMs: number;
}

/**
 * Work that only one instance may do at a time (Telegram's long polling: two pollers on one token
 * get 409 Conflict; one Discord gateway shard), held through a lease in the shared store: the holder
 * renews it every few seconds; the others try to take it every few seconds, and succeed once it has
 * lapsed (its holder died or lost the store). A holder that fails to renew stops the work at once.
 */
export class LeaderLease {
  private timer: NodeJS.Timeout | null = null;
  private holding = false;
  private stopped = false;
  private turn: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      store: Store;
      /** What the lease guards, e.g. `telegram-poller`. */
      name: string;
      owner: string;
      logger: Logger;
      options: LeaseOptions;
      /** Start the work: called when this instance takes the lease. */
      onAcquired(): Promise<void>;
      /** Stop the work: called when the lease is lost (or released by stop()). */
      onLost(): Promise<void>;
      now?: () => number;
    },
  ) {}

  /** Whether this instance holds the lease now. */
  get isHolder(): boolean {
    return this.holding;
  }

  /** Tries at once, then keeps trying (or renewing) until stop(). */
  async start(): Promise<void> {
    await this.step();
    this.timer = setInterval(() => void this.step(), this.deps.options.everyMs);
    this.timer.unref();
  }

  /** Stops the work if held, and hands the lease back so another instance takes over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.turn;
    if (!this.holding) return;
    this.holding = false;
    await this.deps.onLost();
    await this.deps.store
      .transact(async (tx) => {
        const holder = await tx.get<Holder>('leases', this.key);
        if (holder?.owner === this.deps.owner) tx.delete('leases', this.key);
      })
      .catch(() => undefined);
  }

  private get key(): string {
    return `leader:${this.deps.name}`;
  }

  /** One renewal or attempt, never two at once. */
  private step(): Promise<void> {
    this.turn = this.turn.then(() => this.tryHold());
    return this.turn;
  }

  private async tryHold(): Promise<void> {
    if (this.stopped) return;
    const { store, owner, options, logger, name } = this.deps;
    const now = (this.deps.now ?? Date.now)();
    let held: boolean;
    try {
      held = await store.transact(async (tx) => {
        const holder = await tx.get<Holder>('leases', this.key);
        if (holder && holder.owner !== owner && holder.until > now) return false;
        tx.set('leases', this.key, { owner, until: now + options.ttlMs } satisfies Holder, options.ttlMs * 4);
        return true;
      });
    } catch (error) {
      // The store is unreachable: the lease cannot be renewed, so another instance may take it.
      held = false;
      if (this.holding) logger.warn(`${name}: cannot renew the lease (${describeError(error)})`);
    }
    if (held && !this.holding && !this.stopped) {
      this.holding = true;
      logger.info(`${name}: this instance took the lease`);
      await this.deps.onAcquired().catch((error: unknown) => {
        logger.error(`${name}: starting failed: ${describeError(error)}`);
      });
    } else if (!held && this.holding) {
      this.holding = false;
      logger.warn(`${name}: lease lost to another instance; stopping here`);
      await this.deps.onLost().catch(() => undefined);
    }
  }
}
