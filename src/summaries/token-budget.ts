/**
 * The LLM engine's daily token allowance, counted in the store per UTC day so that a restart (or
 * another instance on the same store) continues the day's count instead of starting over.
 *
 * A call reserves its estimated tokens before it is made and settles the real count after, in store
 * transactions: two calls in flight (in one process, or in two instances sharing Redis) can never
 * both pass an allowance that has room for one. A reservation left by a process that died mid-call
 * lapses after {@link RESERVATION_TTL_MS}.
 */
import { randomBytes } from 'node:crypto';
import type { Clock } from '../kernel/clock.js';
import type { Store } from '../store/store.js';

/** One UTC day's use; the key is the day, YYYY-MM-DD. */
export interface DailyUsage {
  promptTokens: number;
  completionTokens: number;
  calls: number;
  /** Calls in flight: id → tokens held and until when (epoch ms). Absent when none. */
  reserved?: Record<string, { tokens: number; until: number }>;
}

/** Tokens held for one call in flight; settle or release it. */
export interface Reservation {
  id: string;
  day: string;
  tokens: number;
}

/** Kept a little over a month, for whoever wants to look at recent spending. */
const USAGE_TTL_MS = 40 * 24 * 3_600_000;
/** Longer than any call may take (its deadline, retries included), so only a dead process's lapse. */
export const RESERVATION_TTL_MS = 15 * 60_000;

export class TokenBudget {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    /** Prompt plus completion tokens per UTC day. */
    readonly dailyLimit: number,
  ) {}

  /** The current UTC day, YYYY-MM-DD. */
  today(): string {
    return this.clock().toISOString().slice(0, 10);
  }

  /** Tokens used so far today (calls in flight not included). */
  async usedToday(): Promise<number> {
    const usage = await this.store.collection<DailyUsage>('llm-usage').get(this.today());
    return usage ? usage.promptTokens + usage.completionTokens : 0;
  }

  /**
   * Holds `tokens` of today's allowance for one call, or returns null when what is used and held
   * already leaves no room for them.
   */
  async reserve(tokens: number): Promise<Reservation | null> {
    const day = this.today();
    const id = randomBytes(6).toString('hex');
    const now = this.clock().getTime();
    return this.store.transact(async (tx) => {
      const usage = (await tx.get<DailyUsage>('llm-usage', day)) ?? empty();
      const live = liveReservations(usage, now);
      const held = Object.values(live).reduce((sum, entry) => sum + entry.tokens, 0);
      if (usage.promptTokens + usage.completionTokens + held + tokens > this.dailyLimit) return null;
      live[id] = { tokens, until: now + RESERVATION_TTL_MS };
      tx.set<DailyUsage>('llm-usage', day, { ...usage, reserved: live }, USAGE_TTL_MS);
      return { id, day, tokens };
    });
  }

  /** Replaces a reservation with the call's real tokens; returns the day's new total. */
  settle(reservation: Reservation, promptTokens: number, completionTokens: number): Promise<number> {
    return this.update(reservation, (usage) => ({
      ...usage,
      promptTokens: usage.promptTokens + promptTokens,
      completionTokens: usage.completionTokens + completionTokens,
      calls: usage.calls + 1,
    }));
  }

  /** Gives a reservation back: the call was not made, or failed before using tokens. */
  async release(reservation: Reservation): Promise<void> {
    await this.update(reservation, (usage) => usage);
  }

  private update(reservation: Reservation, change: (usage: DailyUsage) => DailyUsage): Promise<number> {
    const now = this.clock().getTime();
    return this.store.transact(async (tx) => {
      const usage = (await tx.get<DailyUsage>('llm-usage', reservation.day)) ?? empty();
      const live = liveReservations(usage, now);
      delete live[reservation.id];
      const { reserved: _old, ...counts } = change(usage);
      const next: DailyUsage = Object.keys(live).length > 0 ? { ...counts, reserved: live } : counts;
      tx.set<DailyUsage>('llm-usage', reservation.day, next, USAGE_TTL_MS);
      return next.promptTokens + next.completionTokens;
    });
  }
}

function empty(): DailyUsage {
  return { promptTokens: 0, completionTokens: 0, calls: 0 };
}

/** The reservations that have not lapsed, as a fresh object. */
function liveReservations(usage: DailyUsage, now: number): Record<string, { tokens: number; until: number }> {
  return Object.fromEntries(Object.entries(usage.reserved ?? {}).filter(([, entry]) => entry.until > now));
}
