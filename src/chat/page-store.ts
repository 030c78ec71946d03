import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { Caller } from './command-definition.js';

/** A stored "next page": which command to run again, with which options, for which page. */
export interface PageContinuation {
  command: string;
  options: Record<string, string | number | undefined>;
  page: number;
  chatId: string;
}

/** Next pages expire after a day: old buttons answer "this list has expired" instead of stale data. */
const PAGE_TTL_MS = 24 * 3_600_000;

/**
 * Long answers are paged. Each next page is stored under a short token (it fits Telegram's 64-byte
 * callback data and Discord's custom ids), and the chat's latest one is remembered for a bare /more.
 * It lives in the store, so a button still works after a restart or on another instance.
 */
export class PageStore {
  private readonly pages;

  constructor(store: Store) {
    this.pages = store.collection<PageContinuation>('pages');
  }

  async save(continuation: PageContinuation, caller: Caller): Promise<string> {
    const token = randomBytes(6).toString('base64url');
    await this.pages.set(token, continuation, PAGE_TTL_MS);
    await this.pages.set(lastKey(caller), continuation, PAGE_TTL_MS);
    return token;
  }

  /** Forgets the chat's latest continuation, once its list has been shown to the end. */
  async forget(caller: Caller): Promise<void> {
    await this.pages.delete(lastKey(caller));
  }

  /** The continuation for a token, or the chat's latest one when no token is given. */
  async find(token: string | undefined, caller: Caller): Promise<PageContinuation | undefined> {
    const found = await this.pages.get(token ?? lastKey(caller));
    return found && found.chatId === caller.chatId ? found : undefined;
  }
}

function lastKey(caller: Caller): string {
  return `last:${caller.platform}:${caller.chatId}`;
}
