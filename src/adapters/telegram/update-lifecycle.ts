import type { Context, MiddlewareFn, Transformer } from 'grammy';

/**
 * Thrown for an update that arrives (or reaches its turn) while the adapter stops: it was not
 * handled, and must be delivered again. In webhook mode it makes the request fail, so Telegram
 * retries it later; in polling mode its offset is not confirmed.
 */
export class UpdateHandedBack extends Error {
  override readonly name = 'UpdateHandedBack';
  constructor(readonly updateId: number) {
    super(`update ${updateId} handed back: Quotewire is stopping`);
  }
}

/**
 * Where every Telegram update is in its life, so that stop() can be clean: which are being
 * handled, which were handed back, which were handled to the end. Two middlewares put it in the
 * flow: {@link track} first of all, {@link gate} after the per-chat queue, just before the handlers.
 *
 * Once {@link beginStop} is called, an update that reaches the gate is handed back (not handled;
 * see {@link UpdateHandedBack}) unless `mustFinish` says Telegram already counts it as delivered.
 * Updates past the gate run to the end; stop() waits for them with {@link drain}. An update still
 * running after that is abandoned: whatever it would still send is refused, since the store it
 * needs is about to close and a reply saying so would be worse than none.
 */
export class UpdateLifecycle {
  private readonly running = new Map<number, Promise<unknown>>();
  /** Fetched (by polling) and not yet past the gate: these can still be handed back. */
  private readonly waiting = new Set<number>();
  private progressed: (() => void) | null = null;
  /** Counts updates that left the waiting set, so a poller can tell whether any did meanwhile. */
  private moves = 0;
  private readonly abandoned = new Set<number>();
  /** Handed back since beginStop(). */
  readonly handedBack = new Set<number>();
  /** Handled to the end (or deliberately dropped); the polling loop prunes what Telegram confirmed. */
  readonly handled = new Set<number>();
  private stopping = false;
  private mustFinish: (updateId: number) => boolean = () => false;

  /** Whether stop has begun. */
  get isStopping(): boolean {
    return this.stopping;
  }

  /** Updates being handled now (waiting in their chat's queue included). */
  get inFlight(): number[] {
    return [...this.running.keys()];
  }

  /**
   * The offset that keeps the newest `max` waiting updates unconfirmed (so that they can still be
   * handed back), or null when none waits. Older waiting ones are confirmed by it and must be
   * finished: a poll can only return 100 updates, and the waiting ones must leave room for new ones.
   */
  holdFrom(max: number): number | null {
    if (this.waiting.size === 0) return null;
    const newest = [...this.waiting].sort((a, b) => b - a);
    return newest[Math.min(max, newest.length) - 1]!;
  }

  /** Polling fetched this update: it waits until it passes the gate or ends. */
  expect(updateId: number): void {
    this.waiting.add(updateId);
  }

  /** How many fetched updates have passed the gate or ended so far. */
  get moved(): number {
    return this.moves;
  }

  /** Resolves when a waiting update next passes the gate or ends. */
  progress(): Promise<void> {
    return new Promise((resolve) => {
      const previous = this.progressed;
      this.progressed = () => {
        previous?.();
        resolve();
      };
    });
  }

  private passed(updateId: number): void {
    if (!this.waiting.delete(updateId)) return;
    this.moves++;
    const notify = this.progressed;
    this.progressed = null;
    notify?.();
  }

  /** First middleware: counts the update in while it is handled. */
  readonly track: MiddlewareFn<Context> = async (ctx, next) => {
    const id = ctx.update.update_id;
    if (this.stopping && !this.mustFinish(id)) {
      this.handedBack.add(id);
      this.passed(id);
      throw new UpdateHandedBack(id);
    }
    const work = next();
    this.running.set(id, work);
    try {
      await work;
      this.handled.add(id);
    } catch (error) {
      // A handed-back update stays unhandled; any other failure was a handling, and is logged.
      if (!(error instanceof UpdateHandedBack)) this.handled.add(id);
      throw error;
    } finally {
      this.running.delete(id);
      this.passed(id);
    }
  };

  /** Last middleware before the handlers: hands back updates whose turn comes after stop began. */
  readonly gate: MiddlewareFn<Context> = async (ctx, next) => {
    const id = ctx.update.update_id;
    if (this.stopping && !this.mustFinish(id)) {
      this.handedBack.add(id);
      throw new UpdateHandedBack(id);
    }
    this.passed(id);
    ctx.api.config.use(this.refuseOnceAbandoned(id));
    await next();
  };

  /**
   * Stops letting updates through the gate. `mustFinish` names the updates Telegram already counts
   * as delivered (polling confirmed their offset), which would be lost if handed back.
   */
  beginStop(mustFinish: (updateId: number) => boolean = () => false): void {
    this.stopping = true;
    this.mustFinish = mustFinish;
  }

  /**
   * Lets updates through again after a stop of polling alone (another instance held the polling
   * lease for a while and this one took it back): without it, every update of the new run would
   * be handed back and then confirmed by the next request, so the bot would stay silent for good.
   */
  resume(): void {
    this.stopping = false;
    this.mustFinish = () => false;
    this.handedBack.clear();
  }

  /**
   * Waits up to `ms` for the updates in flight to end, then abandons the rest; returns their ids.
   */
  async drain(ms: number): Promise<number[]> {
    const deadline = Date.now() + ms;
    while (this.running.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now())));
      await Promise.race([Promise.allSettled([...this.running.values()]), timeout]);
      clearTimeout(timer);
    }
    const left = this.inFlight;
    for (const id of left) this.abandoned.add(id);
    return left;
  }

  private refuseOnceAbandoned(id: number): Transformer {
    return (prev, method, payload, signal) => {
      if (this.abandoned.has(id)) {
        return Promise.reject(new Error(`${method} not sent: update ${id} was abandoned at shutdown`));
      }
      return prev(method, payload, signal);
    };
  }
}
