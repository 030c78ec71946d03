/**
 * The speaker registry across the store: one record per way a speaker has been written, in the
 * `speakers` collection, and an in-memory {@link SpeakerIndex} built from it. Several instances may
 * share the store, so each write also leaves a new version token in `meta`; an instance that sees
 * another token than its own reloads the records before answering.
 */
import type { Collection, Store, Transaction } from '../store/store.js';
import { SpeakerIndex, type SpeakerRecord } from './speaker-index.js';
import type { SpeakerKind } from './speaker-name.js';

const VERSION_KEY = 'speaker-registry:version';

/** New quotes for one spelling, as a batch of articles brings them. */
export interface SpeakerTally {
  name: string;
  kind: SpeakerKind;
  firstAt: string;
  lastAt: string;
  /** New quotes per month (YYYY-MM). */
  months: ReadonlyMap<string, number>;
}

/** Speaker records written by a transaction, for the in-memory registry once it is committed. */
export interface RegistryUpdate {
  writes: { key: string; value: SpeakerRecord }[];
  version: string;
}

export interface SpeakerRegistryOptions {
  /**
   * How long the in-memory registry is trusted before the store's version token is checked again
   * (another instance may have added speakers). 0 checks before every read.
   */
  refreshMs?: number;
  /** Monotonic milliseconds, replaceable in tests. */
  now?: () => number;
}

export class SpeakerRegistry {
  private readonly records: Collection<SpeakerRecord>;
  private readonly meta: Collection<string>;
  private readonly refreshMs: number;
  private readonly now: () => number;
  private index: SpeakerIndex | null = null;
  private loading: Promise<SpeakerIndex> | null = null;
  private version: string | undefined;
  private checkedAt = Number.NEGATIVE_INFINITY;

  constructor(store: Store, options: SpeakerRegistryOptions = {}) {
    this.records = store.collection<SpeakerRecord>('speakers');
    this.meta = store.collection<string>('meta');
    this.refreshMs = options.refreshMs ?? 2_000;
    this.now = options.now ?? (() => performance.now());
  }

  /** The registry, loaded on first use and reloaded when another instance has changed it. */
  async current(): Promise<SpeakerIndex> {
    if (this.index && this.now() - this.checkedAt < this.refreshMs) return this.index;
    if (this.index) {
      const version = await this.meta.get(VERSION_KEY);
      this.checkedAt = this.now();
      if (version === this.version) return this.index;
    }
    this.loading ??= this.load().finally(() => {
      this.loading = null;
    });
    return this.loading;
  }

  /**
   * Within a transaction: adds the quotes of a batch to the stored records (read through the
   * transaction, so another instance's counts are kept, and a concurrent change makes it run again).
   * Returns what {@link applyCommitted} puts into the in-memory registry once the transaction is
   * committed.
   */
  async stageTally(
    tx: Transaction,
    tallies: ReadonlyMap<string, SpeakerTally>,
  ): Promise<RegistryUpdate | null> {
    if (tallies.size === 0) return null;
    const keys = [...tallies.keys()];
    const stored = await tx.getMany<SpeakerRecord>('speakers', keys);
    const writes = keys.map((key, i) => ({ key, value: merge(stored[i], tallies.get(key)!) }));
    for (const { key, value } of writes) tx.set('speakers', key, value);
    const version = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
    tx.set('meta', VERSION_KEY, version);
    return { writes, version };
  }

  /** Brings the in-memory registry up to a committed {@link stageTally}. */
  async applyCommitted(update: RegistryUpdate | null): Promise<void> {
    if (!update) return;
    const index = await this.current();
    for (const { key, value } of update.writes) index.put(key, value);
    this.version = update.version;
  }

  private async load(): Promise<SpeakerIndex> {
    const version = await this.meta.get(VERSION_KEY);
    const index = new SpeakerIndex();
    for await (const [key, record] of this.records.entries()) index.put(key, record);
    this.index = index;
    this.version = version;
    this.checkedAt = this.now();
    return index;
  }
}

function merge(previous: SpeakerRecord | undefined, added: SpeakerTally): SpeakerRecord {
  const months = new Map(previous?.months ?? []);
  for (const [month, count] of added.months) months.set(month, (months.get(month) ?? 0) + count);
  const sorted = [...months].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const count = sorted.reduce((sum, [, n]) => sum + n, 0);
  if (!previous)
    return {
      name: added.name,
      kind: added.kind,
      count,
      firstAt: added.firstAt,
      lastAt: added.lastAt,
      months: sorted,
    };
  return {
    name: betterSpelling(previous.name, added.name),
    // Once written as an organisation ("the Harbour Authority"), always one.
    kind: previous.kind === 'organisation' || added.kind === 'organisation' ? 'organisation' : 'person',
    count,
    firstAt: added.firstAt < previous.firstAt ? added.firstAt : previous.firstAt,
    lastAt: added.lastAt > previous.lastAt ? added.lastAt : previous.lastAt,
    months: sorted,
  };
}

/** Of two spellings of one key, the one with its accents ("José Pérez" over "Jose Perez"). */
function betterSpelling(kept: string, other: string): string {
  const marks = (name: string) => [...name].filter((char) => char.charCodeAt(0) > 0x7f).length;
  return marks(other) > marks(kept) ? other : kept;
}
