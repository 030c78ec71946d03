/**
 * A per-user rate limit on commands, the same on every chat platform. It lives in the neutral layer
 * because the rule (how many, how fast, what the user is told) is product behaviour that should not
 * differ between Telegram and Discord, and it is tested here without any platform; each adapter only
 * decides where in its update flow to ask it (Telegram: before an update joins its chat's queue, so
 * a dropped command never waits in line or delays anyone).
 *
 * A token bucket per user: `burst` commands at once, refilled at `perMinute`. The first command
 * over the limit is answered once with {@link slowDownText}; from then on the user's commands are
 * dropped silently until the burst has ended, that is until the bucket is full again (which, as
 * dropped commands cost nothing, takes `burst / perMinute` minutes of the user's time, however
 * fast they keep sending).
 */
import type { Clock } from '../kernel/clock.js';

export interface FloodLimits {
  /** Commands a user may send at once. */
  burst: number;
  /** Commands per minute a user may keep sending. */
  perMinute: number;
}

/** Six at once, then one every three seconds: far above what a person types, far below a script. */
export const DEFAULT_FLOOD_LIMITS: FloodLimits = { burst: 6, perMinute: 20 };

/** What to do with one command: run it, answer "slow down" instead, or ignore it. */
export type FloodVerdict = 'run' | 'warn' | 'drop';

interface Bucket {
  tokens: number;
  at: number;
  /** Told to slow down in this burst; reset when the bucket is full again. */
  warned: boolean;
}

/** Users checked between sweeps of idle buckets. */
const SWEEP_EVERY = 1_000;

export class FloodGuard {
  private readonly buckets = new Map<string, Bucket>();
  private checks = 0;
  private readonly perMs: number;

  constructor(
    readonly limits: FloodLimits = DEFAULT_FLOOD_LIMITS,
    private readonly clock: Clock = () => new Date(),
  ) {
    this.perMs = limits.perMinute / 60_000;
  }

  /** The verdict for one command of `user` (any key unique per platform and user). */
  check(user: string): FloodVerdict {
    const now = this.clock().getTime();
    if (++this.checks % SWEEP_EVERY === 0) this.sweep(now);
    const bucket = this.refilled(user, now);
    if (bucket.warned) {
      if (bucket.tokens < this.limits.burst) return 'drop';
      bucket.warned = false;
    }
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return 'run';
    }
    bucket.warned = true;
    return 'warn';
  }

  /** Seconds until a user told to slow down may send again, for the message. */
  get coolDownSeconds(): number {
    return Math.ceil(this.limits.burst / this.perMs / 1000);
  }

  private refilled(user: string, now: number): Bucket {
    let bucket = this.buckets.get(user);
    if (!bucket) {
      bucket = { tokens: this.limits.burst, at: now, warned: false };
      this.buckets.set(user, bucket);
      return bucket;
    }
    bucket.tokens = Math.min(this.limits.burst, bucket.tokens + Math.max(0, now - bucket.at) * this.perMs);
    bucket.at = now;
    return bucket;
  }

  /** Forgets users whose bucket is full again: they are back where a new user starts. */
  private sweep(now: number): void {
    for (const [user, bucket] of this.buckets) {
      const tokens = bucket.tokens + (now - bucket.at) * this.perMs;
      if (tokens >= this.limits.burst) this.buckets.delete(user);
    }
  }
}

/** The one answer a flooding user gets per burst. */
export function slowDownText(guard: FloodGuard): string {
  return `Slow down: that is more commands than I answer at once. I will ignore yours for about ${guard.coolDownSeconds} seconds, then answer again.`;
}
