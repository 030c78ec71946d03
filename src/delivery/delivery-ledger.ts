import type { Collection, Store } from '../store/store.js';
import { slotsAround, type DeliverySchedule } from './delivery-schedule.js';

/**
 * The state of one subscription's digest for one local day.
 * - `sending`: claimed by an instance (its `owner`, under `fence`) until `leaseUntil`; `partsSent`
 *   counts the messages the platform confirmed so far.
 * - `sent`: every message confirmed.
 * - `failed`: the last attempt failed for a reason worth retrying (network, 5xx, rate limit given up);
 *   the next tick tries again, up to the attempt limit.
 * - `gave-up`: too many failed attempts today; logged, tomorrow is a new day.
 * - `skipped`: the chat is gone (blocked, kicked, deleted) or moved; nothing more to do today.
 */
export interface DeliveryRecord {
  subscriptionId: string;
  day: string;
  state: 'sending' | 'sent' | 'failed' | 'gave-up' | 'skipped';
  /** Messages the platform confirmed, in order: a resumed delivery starts after them. */
  partsSent: number;
  attempts: number;
  /** The digest snapshot being sent, so a resumed delivery sends the rest of the same digest. */
  digestId: string | null;
  /** The instance that holds (or last held) the claim. */
  owner: string;
  /**
   * Raised by every claim: an instance whose claim was taken over (it stalled past its lease)
   * finds a higher fence at its next write, and stops instead of sending on.
   */
  fence: number;
  /** While `sending`: the claim lapses after this (ISO), and another instance may resume it. */
  leaseUntil: string | null;
  updatedAt: string;
  lastError?: string;
}

/** What an instance holds while it sends one chat's digest. */
export interface Claim {
  subscriptionId: string;
  day: string;
  owner: string;
  fence: number;
  /** Messages already confirmed (by this or an earlier attempt): send from here. */
  partsSent: number;
  digestId: string;
  attempts: number;
}

/** Records are kept a little over a week: enough to look into a complaint, small enough to forget. */
export const DELIVERY_RECORD_TTL_MS = 8 * 86_400_000;

/**
 * The delivery ledger: one record per (subscription, local day). Every change is a transaction that
 * checks what it read, so any number of instances sharing the store deliver each digest once:
 *
 * - {@link claim} takes a (subscription, day) that needs work (never started, failed, or `sending`
 *   under a lapsed lease) for one instance, raising the fence;
 * - {@link progress} records each confirmed message and renews the lease, but only while the claim
 *   is still this instance's: otherwise the sender stops;
 * - {@link renew} extends the leases of the claims an instance holds (a heartbeat), so the lease can
 *   be short: a dead instance's claims are resumed within one lease, not after the longest send;
 * - {@link finish} records the outcome, under the same check; {@link release} hands a claim back
 *   at once (a clean shutdown), without counting an attempt.
 *
 * The one message that can go out twice is the one in flight when an instance dies: the platform
 * accepted it, but the instance never recorded it, so whoever resumes sends it again.
 */
/** Tries of one digest on one day before it is given up as failed (a chat that keeps refusing it). */
export const MAX_ATTEMPTS_PER_DAY = 5;

export class DeliveryLedger {
  private readonly records: Collection<DeliveryRecord>;

  constructor(
    private readonly store: Store,
    private readonly options: { leaseMs: number; maxAttemptsPerDay: number },
  ) {
    this.records = store.collection<DeliveryRecord>('deliveries');
  }

  async get(subscriptionId: string, day: string): Promise<DeliveryRecord | undefined> {
    return this.records.get(deliveryRecordKey(subscriptionId, day));
  }

  async getMany(
    keys: readonly { subscriptionId: string; day: string }[],
  ): Promise<(DeliveryRecord | undefined)[]> {
    return this.records.getMany(keys.map((key) => deliveryRecordKey(key.subscriptionId, key.day)));
  }

  /**
   * The ledger keys of the days around `now` (see slotsAround) that need no more work: the slots
   * the delivery will not send (again), for telling a chat when its next digest really comes.
   */
  async settled(subscription: DeliverySchedule & { id: string }, now: Date): Promise<Set<string>> {
    const slots = slotsAround(subscription, now);
    const records = await this.getMany(slots.map((day) => ({ subscriptionId: subscription.id, day })));
    return new Set(slots.filter((_, index) => !this.needsWork(records[index], now)));
  }

  /** Whether a record (as read, outside a transaction) may need work: a cheap filter before claiming. */
  needsWork(record: DeliveryRecord | undefined, now: Date): boolean {
    if (!record) return true;
    if (record.state === 'failed') return record.attempts < this.options.maxAttemptsPerDay;
    if (record.state !== 'sending') return false;
    return !record.leaseUntil || Date.parse(record.leaseUntil) <= now.getTime();
  }

  /**
   * Claims the (subscription, day) for `owner` when it needs work; null when it does not, or another
   * instance got there first. A new claim resumes the digest snapshot and position of the last one.
   */
  async claim(
    subscriptionId: string,
    day: string,
    owner: string,
    now: Date,
    freshDigestId: string,
  ): Promise<Claim | null> {
    const key = deliveryRecordKey(subscriptionId, day);
    return this.store.transact(async (tx) => {
      const record = await tx.get<DeliveryRecord>('deliveries', key);
      if (!this.needsWork(record, now)) return null;
      const resumes = record && record.partsSent > 0 && record.digestId;
      const claim: Claim = {
        subscriptionId,
        day,
        owner,
        fence: (record?.fence ?? 0) + 1,
        partsSent: record?.partsSent ?? 0,
        digestId: resumes ? record.digestId! : freshDigestId,
        attempts: (record?.attempts ?? 0) + 1,
      };
      tx.set('deliveries', key, this.recordOf(claim, 'sending', now), DELIVERY_RECORD_TTL_MS);
      return claim;
    });
  }

  /** Records a confirmed message and renews the lease; false when the claim is no longer ours. */
  async progress(claim: Claim, partsSent: number, now: Date): Promise<boolean> {
    claim.partsSent = partsSent;
    return this.write(claim, 'sending', now);
  }

  /** Records how the attempt ended; false when the claim was no longer ours (nothing written). */
  finish(claim: Claim, state: Exclude<DeliveryRecord['state'], 'sending'>, now: Date, lastError?: string) {
    return this.write(claim, state, now, lastError);
  }

  /**
   * Extends the lease of claims this instance still holds (its heartbeat), so a claim waiting its
   * turn at the rate gate never lapses while a dead instance's claims lapse within one short lease.
   * One transaction for all of them; returns the claims that are no longer this instance's (taken
   * over after a stall), whose senders must stop.
   */
  async renew(claims: readonly Claim[], now: Date): Promise<Claim[]> {
    if (claims.length === 0) return [];
    const keys = claims.map((claim) => deliveryRecordKey(claim.subscriptionId, claim.day));
    return this.store.transact(async (tx) => {
      const records = await tx.getMany<DeliveryRecord>('deliveries', keys);
      const lost: Claim[] = [];
      const leaseUntil = new Date(now.getTime() + this.options.leaseMs).toISOString();
      claims.forEach((claim, index) => {
        const current = records[index];
        if (!current || current.owner !== claim.owner || current.fence !== claim.fence) lost.push(claim);
        else if (current.state === 'sending')
          tx.set('deliveries', keys[index]!, { ...current, leaseUntil }, DELIVERY_RECORD_TTL_MS);
      });
      return lost;
    });
  }

  /** Hands the claim back at once, keeping its progress, as if this attempt had not been made. */
  release(claim: Claim, now: Date): Promise<boolean> {
    return this.write({ ...claim, attempts: claim.attempts - 1 }, 'sending', now, undefined, true);
  }

  /** Copies a finished record to another subscription id (a chat that moved keeps today's state). */
  async copy(record: DeliveryRecord, subscriptionId: string): Promise<void> {
    await this.records.set(
      deliveryRecordKey(subscriptionId, record.day),
      { ...record, subscriptionId },
      DELIVERY_RECORD_TTL_MS,
    );
  }

  private write(
    claim: Claim,
    state: DeliveryRecord['state'],
    now: Date,
    lastError?: string,
    lapsed = false,
  ): Promise<boolean> {
    const key = deliveryRecordKey(claim.subscriptionId, claim.day);
    return this.store.transact(async (tx) => {
      const current = await tx.get<DeliveryRecord>('deliveries', key);
      if (!current || current.owner !== claim.owner || current.fence !== claim.fence) return false;
      const record = this.recordOf(claim, state, now, lastError);
      if (lapsed) record.leaseUntil = now.toISOString();
      tx.set('deliveries', key, record, DELIVERY_RECORD_TTL_MS);
      return true;
    });
  }

  private recordOf(
    claim: Claim,
    state: DeliveryRecord['state'],
    now: Date,
    lastError?: string,
  ): DeliveryRecord {
    return {
      subscriptionId: claim.subscriptionId,
      day: claim.day,
      state,
      partsSent: claim.partsSent,
      attempts: claim.attempts,
      digestId: claim.digestId,
      owner: claim.owner,
      fence: claim.fence,
      leaseUntil: state === 'sending' ? new Date(now.getTime() + this.options.leaseMs).toISOString() : null,
      updatedAt: now.toISOString(),
      ...(lastError ? { lastError } : {}),
    };
  }
}

/** The ledger's key of one subscription's record for one day (or delivery slot). */
export function deliveryRecordKey(subscriptionId: string, day: string): string {
  return `${day}|${subscriptionId}`;
}
