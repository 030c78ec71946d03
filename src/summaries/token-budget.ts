/**
 * The LLM engine's daily token allowance, counted in the store per UTC day so that a restart (or
 * another instance on the same store) continues the day's count instead of starting over.
 */
import type { Clock } from '../kernel/clock.js';
import type { Collection, Store } from '../store/store.js';

/** One UTC day's use; the key is the day, YYYY-MM-DD. */
export interface DailyUsage {
  promptTokens: number;
  completionTokens: number;
  calls: number;
}

/** Kept a little over a month, for whoever wants to look at recent spending. */
const USAGE_TTL_MS = 40 * 24 * 3_600_000;

export class TokenBudget {
  private readonly usage: Collection<DailyUsage>;
  /** Updates of one process in order; instances sharing a store may still lose a count in a race. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    store: Store,
    private readonly clock: Clock,
    /** Prompt plus completion tokens per UTC day. */
    readonly dailyLimit: number,
  ) {
    this.usage = store.collection<DailyUsage>('llm-usage');
  }

  /** The current UTC day, YYYY-MM-DD. */
  today(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  /** Tokens used so far today. */
  async usedToday(): Promise<number> {
    await this.queue;
    const usage = await this.usage.get(this.today());
    return usage ? usage.promptTokens + usage.completionTokens : 0;
  }

  /** Whether a call estimated at `tokens` still fits in today's allowance. */
  async allows(tokens: number): Promise<boolean> {
    return (await this.usedToday()) + tokens <= this.dailyLimit;
  }

  /** Adds one call's tokens to today's count and returns the day's new total. */
  record(promptTokens: number, completionTokens: number): Promise<number> {
    const update = this.queue.then(async () => {
      const day = this.today();
      const usage = (await this.usage.get(day)) ?? { promptTokens: 0, completionTokens: 0, calls: 0 };
      const next = {
        promptTokens: usage.promptTokens + promptTokens,
        completionTokens: usage.completionTokens + completionTokens,
        calls: usage.calls + 1,
      };
      await this.usage.set(day, next, USAGE_TTL_MS);
      return next.promptTokens + next.completionTokens;
    });
    this.queue = update.catch(() => undefined);
    return update;
  }
}
