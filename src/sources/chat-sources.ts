/**
 * A chat's own sources: feeds and pages that a chat's administrators add for that chat alone. One
 * record per URL, shared by every chat that follows it, so the URL is fetched once however many chats
 * read it; its articles reach only the digests of those chats. Each follow and unfollow is one store
 * transaction over the source record, the chat's list of sources (which holds the per-chat quota) and
 * the URL's entry, so two instances, or two chats adding at once, never share a quota or split a URL.
 */
import type { Store } from '../store/store.js';
import { chatIndexKey, isGlobal, urlKey, type SourceCatalog, type SourceRecord } from './source-catalog.js';

/** What following a URL did. */
export type FollowResult =
  /** `shared`: other chats already followed it, so it is being read already. */
  | { kind: 'followed'; source: SourceRecord; shared: boolean }
  /** This chat follows it already. */
  | { kind: 'already'; source: SourceRecord }
  /** It is read for every chat already. */
  | { kind: 'global'; source: SourceRecord }
  /** The chat has as many sources as the operator allows. */
  | { kind: 'quota'; limit: number };

/** The chat sources of one chat, and which sources' articles each chat may see. */
export class ChatSources {
  constructor(
    private readonly store: Store,
    private readonly catalog: SourceCatalog,
  ) {}

  /** The sources this chat follows, in the order it added them. */
  async ofChat(chat: string): Promise<SourceRecord[]> {
    const ids = (await this.store.collection<string[]>('source-chats').get(chatIndexKey(chat))) ?? [];
    const records = await this.store.collection<SourceRecord>('sources').getMany(ids);
    return records.filter(
      (record): record is SourceRecord => record?.origin === 'chat' && (record.chats ?? []).includes(chat),
    );
  }

  /**
   * The chat source at `url`, if chats (or an operator) already have one, without changing
   * anything: an address that is read already need not be fetched again to be checked.
   */
  async known(url: string): Promise<SourceRecord | undefined> {
    const id = await this.store.collection<string>('source-chats').get(urlKey(url));
    const record = id ? await this.store.collection<SourceRecord>('sources').get(id) : undefined;
    if (record) return record;
    return (await this.catalog.list()).find((source) => source.url === url);
  }

  /** Adds `url` to the chat's sources (a new record, or the one other chats share), within `limit`. */
  async follow(url: string, chat: string, addedBy: string, now: Date, limit: number): Promise<FollowResult> {
    const global = (await this.catalog.list()).find((source) => isGlobal(source) && source.url === url);
    if (global) return { kind: 'global', source: global };
    return this.store.transact(async (tx): Promise<FollowResult> => {
      const mine = (await tx.get<string[]>('source-chats', chatIndexKey(chat))) ?? [];
      const id = await tx.get<string>('source-chats', urlKey(url));
      const existing = id ? await tx.get<SourceRecord>('sources', id) : undefined;
      if (existing && existing.origin !== 'chat') return { kind: 'global', source: existing };
      if (existing && (existing.chats ?? []).includes(chat)) return { kind: 'already', source: existing };
      if (mine.length >= limit) return { kind: 'quota', limit };
      const source: SourceRecord = existing
        ? { ...existing, chats: [...(existing.chats ?? []), chat] }
        : {
            id: await this.catalog.freshId(tx, url),
            url,
            schedule: null,
            completeTeasers: null,
            origin: 'chat',
            addedBy,
            addedAt: now.toISOString(),
            chats: [chat],
          };
      tx.set('sources', source.id, source);
      tx.set('source-chats', urlKey(url), source.id);
      tx.set('source-chats', chatIndexKey(chat), [...mine, source.id]);
      return { kind: 'followed', source, shared: (existing?.chats ?? []).length > 0 };
    });
  }

  /**
   * Drops a source from the chat's list; the last chat to drop it stops it being read. Null when
   * the chat does not follow a source with that id.
   */
  async unfollow(id: string, chat: string): Promise<SourceRecord | null> {
    return this.store.transact(async (tx) => {
      const source = await tx.get<SourceRecord>('sources', id);
      if (source?.origin !== 'chat' || !(source.chats ?? []).includes(chat)) return null;
      const mine = (await tx.get<string[]>('source-chats', chatIndexKey(chat))) ?? [];
      tx.set('sources', id, { ...source, chats: (source.chats ?? []).filter((other) => other !== chat) });
      tx.set(
        'source-chats',
        chatIndexKey(chat),
        mine.filter((other) => other !== id),
      );
      return source;
    });
  }

  /**
   * Which articles a chat may see, by the source that brought them: every source's but other chats'
   * own. `chat` null (the terminal, the command line) sees the sources read for every chat only.
   */
  async visibleTo(chat: string | null): Promise<(sourceId: string) => boolean> {
    const own = await this.catalog.chatSources();
    return (sourceId) => {
      const source = own.get(sourceId);
      return !source || (chat !== null && (source.chats ?? []).includes(chat));
    };
  }

  /**
   * Whose digest a chat gets: its own key when it follows sources of its own, else '' (the digest
   * every chat without sources of its own shares).
   */
  async audienceKey(chat: string): Promise<string> {
    return (await this.ofChat(chat)).length === 0 ? '' : chat;
  }
}
