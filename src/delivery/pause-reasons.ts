/**
 * Why Quotewire itself pauses a subscription, when the platform says the bot left its chat. The
 * English words are stored (the log, the web console and older records read them); /settings shows
 * them in the chat's language through the message each one names. A pause for any other reason keeps
 * the platform's own words.
 */
import type { Translate } from '../i18n/translations.js';

/** The stored words of each pause Quotewire decides on, and the message that says it. */
export const PAUSE_REASONS = {
  /** Telegram: the bot was removed from the chat, or blocked in a private one. */
  removedFromChat: { text: 'the bot was removed from this chat', key: 'pause-removed-from-chat' },
  /** Discord: the bot was removed from the server. */
  removedFromServer: {
    text: 'the bot was removed from this server; add it back to resume',
    key: 'pause-removed-from-server',
  },
  /** Discord: the subscription's channel was deleted. */
  channelDeleted: {
    text: 'the channel was deleted; /subscribe in another channel',
    key: 'pause-channel-deleted',
  },
} as const;

/** A stored pause reason in the chat's language; platform errors are shown as they came. */
export function pauseReasonText(reason: string, t: Translate): string {
  const known = Object.values(PAUSE_REASONS).find((entry) => entry.text === reason);
  return known ? t(known.key) : reason;
}
