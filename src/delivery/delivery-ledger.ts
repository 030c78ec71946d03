import type { Collection, Store } from '../store/store.js';

/**
 * The state of one subscription's digest for one local day.
 * - `sending`: claimed before the first message went out; `partsSent` counts the messages the
 *   platform confirmed so far.
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
  /** Which instance claimed it (host name by default); see DeliveryService about takeover. */
  owner: string;
  updatedAt: string;
  lastError?: string;
}

/** Records are kept a little over a week: enough to look into a complaint, small enough to forget. */
const RECORD_TTL_MS = 8 * 86_400_000;

/**
 * The delivery ledger: one record per (subscription, local day), written BEFORE the first message
 * (`sending`), after every confirmed message (`partsSent`) and AFTER the last (`sent`). What a
 * restart does with each state is decided in DeliveryService; the ledger only remembers.
 */
export class DeliveryLedger {
  private readonly records: Collection<DeliveryRecord>;

  constructor(store: Store) {
    this.records = store.collection<DeliveryRecord>('deliveries');
  }

  async get(subscriptionId: string, day: string): Promise<DeliveryRecord | undefined> {
    return this.records.get(recordKey(subscriptionId, day));
  }

  async getMany(
    keys: readonly { subscriptionId: string; day: string }[],
  ): Promise<(DeliveryRecord | undefined)[]> {
    return this.records.getMany(keys.map((key) => recordKey(key.subscriptionId, key.day)));
  }

  async put(record: DeliveryRecord): Promise<void> {
    await this.records.set(recordKey(record.subscriptionId, record.day), record, RECORD_TTL_MS);
  }
}

function recordKey(subscriptionId: string, day: string): string {
  return `${day}|${subscriptionId}`;
}
