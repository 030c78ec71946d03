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
  /**
   * What arrives: the digest on its schedule (`daily`, the default), each new story as it comes
   * (`instant`), or both. Missing on subscriptions stored before instant mode: `daily`.
   */
  mode?: DeliveryMode;
  /** How often the digest comes; missing means every day. */
  frequency?: DigestFrequency;
  /** Local times between which nothing instant is posted (held until they end); null: none. */
  quietHours?: QuietHours | null;
  /** Posts arrive without a notification sound (Telegram disable_notification, Discord's @silent). */
  silent?: boolean;
  /** This chat's instant batching, within the config's bounds; missing: the config's defaults. */
  instant?: InstantSettings;
  /** Include and exclude rules for instant posts and the digest (see chat-filters.ts). */
  filters?: FilterRule[];
  /** Speakers whose new quotes come to this chat (/follow). */
  follows?: FollowedSpeaker[];
  createdAt: string;
  updatedAt: string;
}

/** See {@link Subscription.mode}. */
export type DeliveryMode = 'daily' | 'instant' | 'both';

/** See {@link Subscription.frequency}; times are HH:MM in the subscription's zone. */
export type DigestFrequency =
  | { kind: 'daily' }
  | { kind: 'weekdays' }
  /** `weekday`: 0 Sunday … 6 Saturday. */
  | { kind: 'weekly'; weekday: number }
  /** At `deliveryTime` and again at `secondTime`. */
  | { kind: 'twice'; secondTime: string };

/** From `from` to `to` (HH:MM, local); `to` before `from` spans midnight (22:00 to 07:00). */
export interface QuietHours {
  from: string;
  to: string;
}

export interface InstantSettings {
  /** Minutes at least between two batches of posts. */
  everyMinutes: number;
  /** Posts at most in any hour. */
  perHour: number;
  /** When instant posts were turned on (ISO): nothing first seen before then is posted. */
  since: string;
}

/** One include or exclude rule: a word or a phrase, for the whole chat or one source. */
export interface FilterRule {
  kind: 'include' | 'exclude';
  /** As the user wrote it (shown back in /filter list). */
  text: string;
  /** The folded words it matches, in order (see chat-filters.ts). */
  tokens: string[];
  /** A source id, or null for every source. */
  source: string | null;
}

/** A speaker followed with /follow: the registry's key for them, and the name shown. */
export interface FollowedSpeaker {
  key: string;
  name: string;
  /** Every spelling the registry knew them by (keys such as "pompeo"), for names it has not grouped yet. */
  variants: string[];
  /** When they were followed (ISO): only quotes in articles first seen since then are posted. */
  since: string;
}

/** The config's bounds on instant batching (config `instant`). */
export interface InstantBounds {
  everyMinutes: number;
  minEveryMinutes: number;
  perHour: number;
  maxPerHour: number;
}

/** A chat's instant batching: its own choice, or the config's default, within the config's bounds. */
export function instantBatching(
  subscription: Pick<Subscription, 'instant'>,
  bounds: InstantBounds,
): { everyMinutes: number; perHour: number } {
  const every = subscription.instant?.everyMinutes ?? bounds.everyMinutes;
  const perHour = subscription.instant?.perHour ?? bounds.perHour;
  return {
    everyMinutes: Math.max(bounds.minEveryMinutes, every),
    perHour: Math.max(1, Math.min(bounds.maxPerHour, perHour)),
  };
}

/**
 * Where a subscription lives. The terminal's record holds only its filters and follows: no sender
 * delivers to it (see TERMINAL_ADDRESS).
 */
export type SubscriptionPlatform = 'telegram' | 'discord' | 'terminal';

/** The store key of a chat's (or a chat thread's) subscription. */
export function subscriptionId(platform: string, chatId: string, threadId: string | null): string {
  return threadId ? `${platform}:${chatId}:${threadId}` : `${platform}:${chatId}`;
}

/** Most topics a subscription has, and the longest topic word. */
export const TOPIC_LIMITS = { count: 10, chars: 40 } as const;

/**
 * Topic words from what a chat typed: lowercased, deduplicated and sorted, so equal sets compare
 * equal; the first {@link TOPIC_LIMITS}.count in the order typed. `leftOut` has the words beyond
 * that and those too long, for the answer to name.
 */
export function readTopics(text: string): { topics: string[]; leftOut: string[] } {
  const words = [...new Set(text.split(/[\s,]+/).map((word) => word.trim().toLowerCase()))].filter(Boolean);
  const fitting = words.filter((word) => word.length <= TOPIC_LIMITS.chars);
  const topics = fitting.slice(0, TOPIC_LIMITS.count);
  return { topics: topics.sort(), leftOut: words.filter((word) => !topics.includes(word)) };
}
