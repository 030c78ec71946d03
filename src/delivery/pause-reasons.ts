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

/**
 * What to do when a platform refuses to post (Discord's 403s and 404s), stored after the platform's
 * own words as `<platform words>: <hint>`; the adapter picks the hint, /settings translates it.
 */
export const PAUSE_HINTS = {
  channelDeleted: PAUSE_REASONS.channelDeleted,
  cannotSee: {
    text: 'the bot cannot see the channel; give it View Channel there, then /subscribe again',
    key: 'pause-hint-cannot-see',
  },
  noPermission: {
    text: 'the bot lacks permissions; give it Send Messages and Embed Links in the channel, then /subscribe again',
    key: 'pause-hint-no-permission',
  },
  checkAccess: {
    text: 'check that the bot is still in the server and may post in the channel',
    key: 'pause-hint-check-access',
  },
} as const;

/**
 * A stored pause reason in the chat's language. The platform's own words (an error description in
 * English) are quoted as they came, inside a sentence in the chat's language with what to do.
 */
export function pauseReasonText(reason: string, t: Translate): string {
  const known = Object.values(PAUSE_REASONS).find((entry) => entry.text === reason);
  if (known) return t(known.key);
  const hint = Object.values(PAUSE_HINTS).find((entry) => reason.endsWith(`: ${entry.text}`));
  const said = hint ? reason.slice(0, -(hint.text.length + 2)) : reason;
  return t('pause-platform-said', { reason: said, hint: t(hint ? hint.key : 'pause-hint-subscribe-again') });
}
