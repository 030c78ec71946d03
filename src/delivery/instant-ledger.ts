import type { Reply } from '../chat/reply.js';
import type { Store } from '../store/store.js';

/** One instant post: what it shows, and the keys that mark what it covers as posted. */
export interface InstantPost {
  /** `a:<article id>` for each article of a story, `q:<fingerprint>` for a quote. */
  keys: string[];
  reply: Reply;
}

/** A batch being sent: claimed by one instance under a fence, like a digest (delivery-ledger.ts). */
export interface InstantBatch {
  owner: string;
  fence: number;
  /** ISO; past it, another instance may resume the batch from `sent`. */
  leaseUntil: string;
  posts: InstantPost[];
  /** Posts the platform confirmed. */
  sent: number;
  attempts: number;
}

/** A chat's instant-delivery state: what it was posted, when, and any batch in flight. */
export interface InstantState {
  subscriptionId: string;
  /** When the last batch finished (ISO): the next may start `everyMinutes` later. */
  lastBatchAt: string | null;
  /** Key → when it was claimed for posting (ISO); forgotten after {@link POSTED_TTL_MS}. */
  posted: Record<string, string>;
  /** When each post of the last hour was confirmed (ISO), for the hourly cap. */
  sentAt: string[];
  fence: number;
  batch: InstantBatch | null;
}

/** What an instance holds while it posts one chat's batch. */
export interface InstantClaim {
  subscriptionId: string;
  owner: string;
  fence: number;
  posts: InstantPost[];
  sent: number;
  attempts: number;
}

/** Posted keys are kept two days: longer than any story is held or clustered. */
const POSTED_TTL_MS = 2 * 86_400_000;
/** A chat's posted keys are bounded, whatever the news volume. */
const MAX_POSTED_KEYS = 5_000;
const HOUR_MS = 3_600_000;

/**
 * The instant ledger: one record per chat (collection `instant-state`), every change a transaction
 * that checks what it read, so several instances sharing the store post each story once:
 *
 * - {@link claim} starts a batch when the chat's interval has passed and nothing is in flight, and
 *   marks everything in it as posted in the same write, so no instance picks it again; a batch whose
 *   lease lapsed (its instance died) is resumed, under a higher fence, from its first unconfirmed post;
 * - {@link progress} records each confirmed post (for the hourly cap) while the claim is still ours;
 * - {@link finish} ends the batch; {@link release} hands it back at once (a clean shutdown).
 *
 * As with the digest, the one post that can go out twice is the one in flight when an instance dies.
 */
export class InstantLedger {
  constructor(
    private readonly store: Store,
    private readonly options: { leaseMs: number; maxAttempts: number },
  ) {}

  async getMany(subscriptionIds: readonly string[]): Promise<(InstantState | undefined)[]> {
    return this.store.collection<InstantState>('instant-state').getMany(subscriptionIds);
  }

  /** Posts confirmed in the hour before `now`. */
  static sentLastHour(state: InstantState | undefined, now: Date): number {
    if (!state) return 0;
    return state.sentAt.filter((at) => Date.parse(at) > now.getTime() - HOUR_MS).length;
  }

  /** Whether a batch is in flight under a lease that still holds. */
  static busy(state: InstantState | undefined, now: Date): boolean {
    return !!state?.batch && Date.parse(state.batch.leaseUntil) > now.getTime();
  }

  /**
   * Claims the chat's next batch for `owner`: a lapsed batch to resume, or a new one of the posts
   * `pick` chooses from the current state (it must be pure: the transaction may run it again).
   * Null when the chat is busy, not due (`everyMs` since the last batch), or `pick` found nothing.
   */
  async claim(
    subscriptionId: string,
    owner: string,
    now: Date,
    everyMs: number,
    pick: (state: InstantState) => InstantPost[],
  ): Promise<InstantClaim | null> {
    return this.store.transact(async (tx) => {
      const read = await tx.get<InstantState>('instant-state', subscriptionId);
      const state = read ? { ...read, posted: { ...read.posted } } : emptyState(subscriptionId);
      if (InstantLedger.busy(state, now)) return null;
      const fence = state.fence + 1;
      let batch: InstantBatch;
      if (state.batch) {
        batch = { ...state.batch, owner, fence, attempts: state.batch.attempts + 1 };
      } else {
        if (state.lastBatchAt && now.getTime() - Date.parse(state.lastBatchAt) < everyMs) return null;
        const posts = pick(state);
        if (posts.length === 0) return null;
        batch = { owner, fence, leaseUntil: '', posts, sent: 0, attempts: 1 };
        for (const post of posts) for (const key of post.keys) state.posted[key] = now.toISOString();
      }
      batch.leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      tx.set('instant-state', subscriptionId, pruned({ ...state, fence, batch }, now));
      return { subscriptionId, owner, fence, posts: batch.posts, sent: batch.sent, attempts: batch.attempts };
    });
  }

  /** Records one more confirmed post and renews the lease; false when the claim is no longer ours. */
  progress(claim: InstantClaim, now: Date): Promise<boolean> {
    claim.sent++;
    return this.write(claim, (state) => {
      state.batch!.sent = claim.sent;
      state.batch!.leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      state.sentAt.push(now.toISOString());
    });
  }

  /**
   * Ends the batch. `retry` keeps it (lease lapsed) to be resumed by the next tick, unless it has
   * been tried `maxAttempts` times; the rest of a batch that is dropped is not posted.
   */
  finish(claim: InstantClaim, now: Date, retry = false): Promise<boolean> {
    return this.write(claim, (state) => {
      if (retry && claim.attempts < this.options.maxAttempts) {
        state.batch!.leaseUntil = now.toISOString();
        return;
      }
      state.batch = null;
      state.lastBatchAt = now.toISOString();
    });
  }

  /** Hands the batch back at once, keeping its progress, without counting the attempt. */
  release(claim: InstantClaim, now: Date): Promise<boolean> {
    return this.write(claim, (state) => {
      state.batch!.leaseUntil = now.toISOString();
      state.batch!.attempts = Math.max(0, claim.attempts - 1);
    });
  }

  private write(claim: InstantClaim, change: (state: InstantState) => void): Promise<boolean> {
    return this.store.transact(async (tx) => {
      const state = await tx.get<InstantState>('instant-state', claim.subscriptionId);
      if (!state?.batch || state.batch.owner !== claim.owner || state.batch.fence !== claim.fence) {
        return false;
      }
      const next: InstantState = {
        ...state,
        batch: { ...state.batch },
        sentAt: [...state.sentAt],
        posted: { ...state.posted },
      };
      change(next);
      tx.set('instant-state', claim.subscriptionId, next);
      return true;
    });
  }
}

function emptyState(subscriptionId: string): InstantState {
  return { subscriptionId, lastBatchAt: null, posted: {}, sentAt: [], fence: 0, batch: null };
}

/** Forgets posted keys older than two days (and the oldest beyond the bound) and old send times. */
function pruned(state: InstantState, now: Date): InstantState {
  const oldest = now.getTime() - POSTED_TTL_MS;
  const kept = Object.entries(state.posted)
    .filter(([, at]) => Date.parse(at) >= oldest)
    .sort((a, b) => b[1].localeCompare(a[1]))
    .slice(0, MAX_POSTED_KEYS);
  return {
    ...state,
    posted: Object.fromEntries(kept),
    sentAt: state.sentAt.filter((at) => Date.parse(at) > now.getTime() - HOUR_MS),
  };
}
