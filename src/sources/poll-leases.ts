import type { Store } from '../store/store.js';

/** Who polls a source for one scheduled slot, and whether they finished. */
interface PollLease {
  owner: string;
  /** The scheduled minute (ISO, to the minute) the poll is for. */
  slot: string;
  /** The lease lapses after this (ISO) unless the poll is done. */
  until: string;
  done: boolean;
}

/** Lease records are forgotten after a day; by then every slot they guard is long past. */
const RECORD_TTL_MS = 86_400_000;

/**
 * Polls shared by several instances: each source is polled once per scheduled slot, by whichever
 * instance claims it first (in a transaction), and a poll whose instance died (its lease lapsed
 * before it was done) is taken over by another. With one instance the claims always succeed.
 */
export class PollLeases {
  constructor(
    private readonly store: Store,
    private readonly owner: string,
    private readonly leaseMs: number,
  ) {}

  /** True when this instance should poll `sourceId` for `slot`: nobody did, or their lease lapsed. */
  claim(sourceId: string, slot: string, now: Date): Promise<boolean> {
    return this.store.transact(async (tx) => {
      const lease = await tx.get<PollLease>('leases', leaseKey(sourceId));
      if (lease && lease.slot > slot) return false;
      if (lease && lease.slot === slot && (lease.done || Date.parse(lease.until) > now.getTime()))
        return false;
      tx.set(
        'leases',
        leaseKey(sourceId),
        {
          owner: this.owner,
          slot,
          until: new Date(now.getTime() + this.leaseMs).toISOString(),
          done: false,
        } satisfies PollLease,
        RECORD_TTL_MS,
      );
      return true;
    });
  }

  /** Marks this instance's poll of the slot as done (nothing, if another instance took it over). */
  async done(sourceId: string, slot: string, now: Date): Promise<void> {
    await this.store.transact(async (tx) => {
      const lease = await tx.get<PollLease>('leases', leaseKey(sourceId));
      if (!lease || lease.owner !== this.owner || lease.slot !== slot) return;
      tx.set('leases', leaseKey(sourceId), { ...lease, done: true, until: now.toISOString() }, RECORD_TTL_MS);
    });
  }

  /** Slots whose poll was claimed but never finished, and whose lease has lapsed. */
  async abandoned(now: Date): Promise<{ sourceId: string; slot: string }[]> {
    const found: { sourceId: string; slot: string }[] = [];
    for await (const [key, lease] of this.store.collection<PollLease>('leases').entries()) {
      if (!key.startsWith(PREFIX) || !isPollLease(lease)) continue;
      if (!lease.done && Date.parse(lease.until) <= now.getTime()) {
        found.push({ sourceId: key.slice(PREFIX.length), slot: lease.slot });
      }
    }
    return found;
  }
}

const PREFIX = 'poll:';

function leaseKey(sourceId: string): string {
  return `${PREFIX}${sourceId}`;
}

function isPollLease(value: unknown): value is PollLease {
  return typeof value === 'object' && value !== null && 'slot' in value && 'done' in value;
}

/** The slot a scheduled poll at `at` belongs to: its minute. */
export function pollSlot(at: Date): string {
  return at.toISOString().slice(0, 16);
}
