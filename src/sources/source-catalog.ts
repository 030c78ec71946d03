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
type StoredSource = (SourceRecord & { removed?: false }) | { removed: true; removedAt: string };

/**
 * The list of sources: those of the config file, plus those added at run time, minus those removed at
 * run time. Run-time changes live in the store so every instance (and the next start) sees them.
 */
export class SourceCatalog {
  private readonly stored;

  constructor(
    private readonly configured: readonly SourceConfig[],
    store: Store,
  ) {
    this.stored = store.collection<StoredSource>('sources');
  }

  async list(): Promise<SourceRecord[]> {
    const overrides = new Map<string, StoredSource>();
    for await (const [id, value] of this.stored.entries()) overrides.set(id, value);
    const sources: SourceRecord[] = [];
    const seen = new Set<string>();
    for (const source of configuredRecords(this.configured)) {
      seen.add(source.id);
      const override = overrides.get(source.id);
      if (override?.removed) continue;
      sources.push(override ?? source);
    }
    for (const [id, value] of overrides) {
      if (!seen.has(id) && !value.removed) sources.push(value);
    }
    return sources;
  }

  async get(id: string): Promise<SourceRecord | undefined> {
    return (await this.list()).find((source) => source.id === id);
  }

  /** Adds a source under a fresh id derived from its URL; returns the record. */
  async add(url: string, addedBy: string, now: Date): Promise<SourceRecord> {
    const existing = await this.list();
    const taken = new Set(existing.map((source) => source.id));
    const base = idFromLocation(url);
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 36)}-${n}`;
    const record: SourceRecord = {
      id,
      url,
      schedule: null,
      completeTeasers: null,
      origin: 'added',
      addedBy,
      addedAt: now.toISOString(),
    };
    await this.stored.set(id, record);
    return record;
  }

  /** Removes a source (a config source is hidden by a tombstone); false when no such source. */
  async remove(id: string, now: Date): Promise<boolean> {
    const source = await this.get(id);
    if (!source) return false;
    if (source.origin === 'added') await this.stored.delete(id);
    if (this.configured.some((configured) => idOf(configured) === id)) {
      await this.stored.set(id, { removed: true, removedAt: now.toISOString() });
    }
    return true;
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
