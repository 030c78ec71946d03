import type { SourceConfig } from '../config/config-schema.js';
import type { Store } from '../store/store.js';

/** A source Quotewire reads, from the config file or added at run time with /source add. */
export interface SourceRecord {
  id: string;
  /** http(s) URL, absolute file path or file:// URL. */
  url: string;
  schedule: string | null;
  completeTeasers: boolean | null;
  origin: 'config' | 'added';
  addedBy: string | null;
  addedAt: string | null;
}

/** What the store keeps per source id: an added source, or a tombstone hiding a config source. */
type StoredSource = (SourceRecord & { removed?: false }) | Tombstone;

interface Tombstone {
  removed: true;
  removedAt: string;
  removedBy?: string;
}

/** A config source that an operator removed at run time; /source restore brings it back. */
export interface HiddenSource {
  id: string;
  url: string;
  removedAt: string;
  removedBy: string | null;
}

/**
 * The list of sources: those of the config file (the baseline), with the changes operators made at
 * run time layered over them: sources added, and config sources hidden (until restored). Run-time
 * changes live in the store, so every instance and the next start see them, and they are written
 * in transactions, so two operators adding at once never get the same id.
 */
export class SourceCatalog {
  private readonly stored;

  constructor(
    private readonly configured: readonly SourceConfig[],
    private readonly store: Store,
  ) {
    this.stored = store.collection<StoredSource>('sources');
  }

  /** The sources being read: config sources not hidden, then added ones. */
  async list(): Promise<SourceRecord[]> {
    return (await this.layers()).active;
  }

  /** Config sources hidden by /source remove. */
  async hidden(): Promise<HiddenSource[]> {
    return (await this.layers()).hidden;
  }

  async get(id: string): Promise<SourceRecord | undefined> {
    return (await this.list()).find((source) => source.id === id);
  }

  /** Adds a source under a fresh id derived from its URL; returns the record. */
  async add(url: string, addedBy: string, now: Date): Promise<SourceRecord> {
    return this.store.transact(async (tx) => {
      const overrides = await this.overrides();
      const taken = new Set([
        ...configuredRecords(this.configured).map((source) => source.id),
        ...overrides.keys(),
      ]);
      // Another instance may have added an id since the overrides were listed: read each candidate
      // through the transaction, so that a concurrent add of the same id makes this one run again.
      const base = idFromLocation(url);
      let id = base;
      for (let n = 2; taken.has(id) || (await tx.get('sources', id)) !== undefined; n++) {
        id = `${base.slice(0, 36)}-${n}`;
      }
      const record: SourceRecord = {
        id,
        url,
        schedule: null,
        completeTeasers: null,
        origin: 'added',
        addedBy,
        addedAt: now.toISOString(),
      };
      tx.set('sources', id, record);
      return record;
    });
  }

  /**
   * Stops reading a source: an added one is forgotten, a config one is hidden by a tombstone until
   * restored. False when no such source is being read.
   */
  async remove(id: string, now: Date, removedBy?: string): Promise<boolean> {
    const source = await this.get(id);
    if (!source) return false;
    await this.store.transact(async (tx) => {
      if (this.configuredIds().has(id)) {
        tx.set('sources', id, { removed: true, removedAt: now.toISOString(), removedBy } satisfies Tombstone);
      } else {
        tx.delete('sources', id);
      }
    });
    return true;
  }

  /** Brings back a config source hidden by /source remove; undefined when `id` is not one. */
  async restore(id: string): Promise<SourceRecord | undefined> {
    if (!(await this.hidden()).some((source) => source.id === id)) return undefined;
    await this.stored.delete(id);
    return this.get(id);
  }

  private configuredIds(): Set<string> {
    return new Set(configuredRecords(this.configured).map((source) => source.id));
  }

  private async overrides(): Promise<Map<string, StoredSource>> {
    const overrides = new Map<string, StoredSource>();
    for await (const [id, value] of this.stored.entries()) overrides.set(id, value);
    return overrides;
  }

  private async layers(): Promise<{ active: SourceRecord[]; hidden: HiddenSource[] }> {
    const overrides = await this.overrides();
    const active: SourceRecord[] = [];
    const hidden: HiddenSource[] = [];
    const configIds = new Set<string>();
    for (const source of configuredRecords(this.configured)) {
      configIds.add(source.id);
      const override = overrides.get(source.id);
      if (override?.removed) {
        hidden.push({
          id: source.id,
          url: source.url,
          removedAt: override.removedAt,
          removedBy: override.removedBy ?? null,
        });
      } else {
        active.push(source);
      }
    }
    for (const [id, value] of overrides) {
      if (!configIds.has(id) && !value.removed) active.push(value);
    }
    return { active, hidden };
  }
}

function configuredRecords(configured: readonly SourceConfig[]): SourceRecord[] {
  return configured.map((source) => ({
    id: idOf(source),
    url: source.url,
    schedule: source.schedule ?? null,
    completeTeasers: source.completeTeasers ?? null,
    origin: 'config',
    addedBy: null,
    addedAt: null,
  }));
}

function idOf(source: SourceConfig): string {
  return source.id ?? idFromLocation(source.url);
}

/** `https://www.example.com/world/rss.xml` → `example-com-world-rss`; a path → its file name. */
export function idFromLocation(location: string): string {
  let text = location;
  try {
    const url = new URL(location);
    text =
      url.protocol === 'file:'
        ? (url.pathname.split('/').pop() ?? '')
        : `${url.hostname.replace(/^www\./, '')}${url.pathname}`;
  } catch {
    text = location.split(/[\\/]/).filter(Boolean).pop() ?? location;
  }
  const slug = text
    .toLowerCase()
    .replace(/\.(xml|rss|atom|json|html?|txt|md|php|aspx?)$/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/g, '');
  return slug || 'source';
}
