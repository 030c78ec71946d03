/**
 * A chat's subscription to the daily digest. One per chat, or per forum topic / thread when the
 * command was sent in one, so that the digest goes where `/subscribe` was typed.
 */
export interface Subscription {
  /** `platform:chatId` or `platform:chatId:threadId`; see {@link subscriptionId}. */
  id: string;
  platform: SubscriptionPlatform;
  chatId: string;
  /** Forum topic (Telegram) or thread (Discord) to post in; null for the chat itself. */
  threadId: string | null;
  /** Lowercase topic words; empty means all the news. */
  topics: string[];
  /** HH:MM, local to `timeZone`. */
  deliveryTime: string;
  /** IANA name, e.g. "Europe/London". */
  timeZone: string;
  /** Language of the digest's fixed words (see digest-labels.ts). */
  language: string;
  /** Whether digests show story images; absent (subscriptions made before) means on. */
  images?: boolean;
  /** Set when the platform said the chat is gone (bot blocked, kicked, chat deleted). */
  paused: { reason: string; at: string } | null;
  createdAt: string;
  updatedAt: string;
}

/** What /subscribe, /topics, /time and /settings may change. */
export type SubscriptionSettings = Partial<
  Pick<Subscription, 'topics' | 'deliveryTime' | 'timeZone' | 'language' | 'images'>
>;

/** Chat platforms that can receive digests. */
export type SubscriptionPlatform = 'telegram' | 'discord';

/** The store key of a chat's (or a chat thread's) subscription. */
export function subscriptionId(platform: string, chatId: string, threadId: string | null): string {
  return threadId ? `${platform}:${chatId}:${threadId}` : `${platform}:${chatId}`;
}

/** Topic words from user input: lowercased, deduplicated, sorted, so equal sets compare equal. */
export function normalizeTopics(words: readonly string[]): string[] {
  const cleaned = words
    .flatMap((word) => word.split(/[\s,]+/))
    .map((word) => word.trim().toLowerCase())
    .filter((word) => word !== '' && word.length <= 40);
  return [...new Set(cleaned)].sort().slice(0, 10);
}
