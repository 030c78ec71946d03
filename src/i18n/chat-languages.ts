/**
 * Which language each chat is answered in. A chat's language is set on first contact from the
 * platform's locale (Telegram: the sender's app language; Discord: the server's language, or the
 * user's in a direct message) and kept in the store with the chat's settings, so a group keeps one
 * language whoever writes next; `/settings language <code>` changes it.
 */
import type { Caller } from '../chat/command-definition.js';
import type { Collection, Store } from '../store/store.js';
import { matchLanguage } from './languages.js';

/** What is kept per chat (collection `chat-settings`, key `platform:chatId`). */
export interface ChatSettings {
  /** An interface language (see languages.ts) or a digest-only language of the config. */
  language: string;
  /** Where it came from: the platform's locale on first contact, or a `/settings` command. */
  source: 'platform' | 'command';
  updatedAt: string;
}

export class ChatLanguages {
  private readonly settings: Collection<ChatSettings>;

  constructor(
    store: Store,
    /** For chats whose platform gives no language Quotewire speaks (and the terminal). */
    readonly defaultLanguage: string,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.settings = store.collection<ChatSettings>('chat-settings');
  }

  /**
   * The chat's language; on first contact the caller's locale, remembered. A store that cannot be
   * read costs only the remembering: the reply still comes, in the locale's language.
   */
  async of(caller: Caller): Promise<string> {
    const fromPlatform = matchLanguage(caller.locale);
    try {
      const stored = await this.settings.get(key(caller));
      if (stored) return stored.language;
      if (caller.locale) {
        const language = fromPlatform ?? this.defaultLanguage;
        await this.settings.set(key(caller), {
          language,
          source: 'platform',
          updatedAt: this.clock().toISOString(),
        });
        return language;
      }
    } catch {
      // The store logs its own outage; the command that follows reports it if it needs the store.
    }
    return fromPlatform ?? this.defaultLanguage;
  }

  /**
   * The language for a locale without asking the store: for answers that must cost nothing, such as
   * the one "slow down" of a flood.
   */
  guess(locale: string | null | undefined): string {
    return matchLanguage(locale) ?? this.defaultLanguage;
  }

  /**
   * The stored language of a chat named `platform:chatId`, for messages nobody asked for (a source's
   * failure notice); the default when the chat never spoke to the bot or the store cannot answer.
   */
  async ofChat(chat: string): Promise<string> {
    try {
      return (await this.settings.get(chat))?.language ?? this.defaultLanguage;
    } catch {
      return this.defaultLanguage;
    }
  }

  /** Sets the chat's language (from `/settings language <code>`). */
  async set(caller: Caller, language: string): Promise<void> {
    await this.settings.set(key(caller), {
      language,
      source: 'command',
      updatedAt: this.clock().toISOString(),
    });
  }
}

function key(caller: Caller): string {
  return `${caller.platform}:${caller.chatId}`;
}
