import type { SourceConfig } from '../config/config-schema.js';
import type { Store, Transaction } from '../store/store.js';

/**
 * A source Quotewire reads: from the config file, added for every chat by an operator (`added`), or
 * added by chats for themselves (`chat`). A chat source is fetched once however many chats follow
 * it; its articles reach only the digests of the chats in `chats`.
 */
export interface SourceRecord {
  id: string;
  /** http(s) URL, absolute file path or file:// URL. */
  url: string;
  schedule: string | null;
  completeTeasers: boolean | null;
  origin: 'config' | 'added' | 'chat';
  addedBy: string | null;
  addedAt: string | null;
  /**
   * With origin `chat`: the chats that follow it (`telegram:-100123`, see {@link chatKey}). A chat
   * source no chat follows any more is kept, not read, so its stored articles stay private.
   */
  chats?: string[];
}

/** The key of a chat in chat sources and notices: `platform:chatId` (threads share their chat's sources). */
export function chatKey(platform: string, chatId: string): string {
  return `${platform}:${chatId}`;
}

/** Whether a source is read for every chat. */
export function isGlobal(source: SourceRecord): boolean {
  return source.origin !== 'chat';
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

  /**
   * Adds a source for every chat under a fresh id derived from its URL; returns the record. A chat
   * source at the same URL becomes a source for every chat, under its id.
   */
  async add(url: string, addedBy: string, now: Date): Promise<SourceRecord> {
    return this.store.transact(async (tx) => {
      const chatSourceId = await tx.get<string>('source-chats', urlKey(url));
      const existing = chatSourceId ? await tx.get<SourceRecord>('sources', chatSourceId) : undefined;
      if (existing && existing.origin === 'chat') {
        const promoted: SourceRecord = { ...existing, origin: 'added', addedBy, addedAt: now.toISOString() };
        delete promoted.chats;
        tx.set('sources', existing.id, promoted);
        for (const chat of existing.chats ?? []) {
          const ids = (await tx.get<string[]>('source-chats', chatIndexKey(chat))) ?? [];
          tx.set(
            'source-chats',
            chatIndexKey(chat),
            ids.filter((id) => id !== existing.id),
          );
        }
        return promoted;
      }
      const record: SourceRecord = {
        id: await this.freshId(tx, url),
        url,
        schedule: null,
        completeTeasers: null,
        origin: 'added',
        addedBy,
        addedAt: now.toISOString(),
      };
      tx.set('sources', record.id, record);
      return record;
    });
  }

  /**
   * An id for a new source at `url`, unused by any source. Within `tx`: another instance may have
   * added an id since the overrides were listed, so each candidate is read through the transaction,
   * and a concurrent add of the same id makes this one run again.
   */
  async freshId(tx: Transaction, url: string): Promise<string> {
    const overrides = await this.overrides();
    const taken = new Set([...this.configuredIds(), ...overrides.keys()]);
    const base = idFromLocation(url);
    let id = base;
    for (let n = 2; taken.has(id) || (await tx.get('sources', id)) !== undefined; n++) {
      id = `${base.slice(0, 36)}-${n}`;
    }
    return id;
  }

  /** Every chat source ever added (those no chat follows any more too), by id: whose articles are private. */
  async chatSources(): Promise<Map<string, SourceRecord>> {
    const found = new Map<string, SourceRecord>();
    for (const [id, value] of await this.overrides()) {
      if (!value.removed && value.origin === 'chat') found.set(id, value);
    }
    return found;
  }

  /**
   * Stops reading a source for everyone: an added one is forgotten, a config one is hidden by a
   * tombstone until restored, a chat source is dropped by every chat that followed it (it is kept,
   * unread, so its articles stay private). Null when no such source is being read; otherwise the
   * source and the chats that followed it (to be told).
   */
  async remove(
    id: string,
    now: Date,
    removedBy?: string,
  ): Promise<{ source: SourceRecord; chats: string[] } | null> {
    const source = await this.get(id);
    if (!source) return null;
    return this.store.transact(async (tx) => {
      if (this.configuredIds().has(id)) {
        tx.set('sources', id, { removed: true, removedAt: now.toISOString(), removedBy } satisfies Tombstone);
        return { source, chats: [] };
      }
      const current = await tx.get<SourceRecord>('sources', id);
      if (current?.origin !== 'chat') {
        tx.delete('sources', id);
        return { source, chats: [] };
      }
      const chats = current.chats ?? [];
      tx.set('sources', id, { ...current, chats: [] });
      for (const chat of chats) {
        const ids = (await tx.get<string[]>('source-chats', chatIndexKey(chat))) ?? [];
        tx.set(
          'source-chats',
          chatIndexKey(chat),
          ids.filter((other) => other !== id),
        );
      }
      return { source, chats };
    });
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
      if (configIds.has(id) || value.removed) continue;
      // A chat source that no chat follows any more is not read.
      if (value.origin === 'chat' && (value.chats ?? []).length === 0) continue;
      active.push(value);
    }
    return { active, hidden };
  }
}

/** The `source-chats` key of a chat's list of source ids. */
export function chatIndexKey(chat: string): string {
  return `chat:${chat}`;
}

/** The `source-chats` key of the chat source at a URL, so that chats adding it share one record. */
export function urlKey(url: string): string {
  return `url:${url}`;
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
