import { list, paragraph, reply, type Reply } from '../chat/reply.js';
import { DATE_LOCALES, isLanguage } from '../i18n/languages.js';
import type { Translate } from '../i18n/translations.js';
import { nextDelivery } from './delivery-schedule.js';
import type { DeliveryLedger } from './delivery-ledger.js';
import { pauseReasonText } from './pause-reasons.js';
import { instantBatching, TOPIC_LIMITS, type InstantBounds, type Subscription } from './subscription.js';
import { echo } from '../chat/display-limits.js';

/** The Intl locale for a chat's language (English for a digest-only language of the config). */
function localeOf(language: string): string {
  return DATE_LOCALES[isLanguage(language) ? language : 'en'];
}

/** When the digest comes, in words: "every day at 08:00", "every Monday at 08:00". */
export function describeSchedule(subscription: Subscription, t: Translate, language: string): string {
  const at = subscription.deliveryTime;
  const frequency = subscription.frequency;
  switch (frequency?.kind) {
    case 'weekdays':
      return t('schedule-weekdays', { at });
    case 'weekly': {
      // 2023-01-01 was a Sunday: weekday 0, as in WEEKDAYS.
      const day = new Intl.DateTimeFormat(localeOf(language), { weekday: 'long', timeZone: 'UTC' }).format(
        Date.UTC(2023, 0, 1 + frequency.weekday),
      );
      return t('schedule-weekly', { day, at });
    }
    case 'twice': {
      const [first, second] = [at, frequency.secondTime].sort();
      return t('schedule-twice', { first: first!, second: second! });
    }
    default:
      return t('schedule-daily', { at });
  }
}

/** What instant posts do in this chat, in words. */
export function describeInstant(
  subscription: Subscription,
  batching: { everyMinutes: number; perHour: number },
  t: Translate,
): string {
  const follows = subscription.follows?.length ?? 0;
  const instant = subscription.mode === 'instant' || subscription.mode === 'both';
  if (!instant && follows === 0) return t('instant-off');
  const what =
    instant && follows
      ? t('instant-stories-and-quotes', { follows })
      : instant
        ? t('instant-stories')
        : t('instant-quotes', { follows });
  return t('instant-batching', { what, minutes: batching.everyMinutes, perHour: batching.perHour });
}

/** What {@link subscriptionReply} reads: the instant bounds, and the delivery ledger. */
export interface SettingsSources {
  config: { instant: InstantBounds };
  deliveries: Pick<DeliveryLedger, 'settled'>;
}

/**
 * A subscription's settings as a neutral reply, after `lead`, with when the next digest really goes
 * out: the ledger says which of the days around `now` were delivered already (a chat that moved its
 * time later after today's digest hears that the next one is tomorrow's).
 */
export async function subscriptionReply(
  services: SettingsSources,
  subscription: Subscription,
  now: Date,
  lead: string,
  t: Translate,
  language: string,
): Promise<Reply> {
  const bounds = services.config.instant;
  const settled = await services.deliveries.settled(subscription, now);
  const batching = instantBatching(subscription, bounds);
  const mode = subscription.mode ?? 'daily';
  const next = nextDelivery(subscription, now, settled);
  const nextLocal = new Intl.DateTimeFormat(localeOf(language), {
    timeZone: subscription.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(next);
  const quiet = subscription.quietHours;
  return reply.of(
    paragraph(lead),
    list(
      [
        [
          `${t('subscription-topics')} `,
          subscription.topics.length ? subscription.topics.join(', ') : t('subscription-all-news'),
        ],
        [`${t('subscription-mode')} `, { text: mode, bold: true }],
        [
          `${t('subscription-digest')} `,
          mode === 'instant'
            ? t('subscription-digest-none')
            : `${describeSchedule(subscription, t, language)} ${subscription.timeZone}`,
        ],
        [`${t('subscription-instant')} `, describeInstant(subscription, batching, t)],
        [
          `${t('subscription-quiet')} `,
          quiet ? t('range', { from: quiet.from, to: quiet.to }) : t('subscription-none'),
        ],
        [
          `${t('subscription-notifications')} `,
          subscription.silent ? t('subscription-silent') : t('subscription-on'),
        ],
        [
          `${t('subscription-filters')} `,
          t('subscription-filter-count', { count: subscription.filters?.length ?? 0 }),
        ],
        [`${t('subscription-language')} `, subscription.language],
        [
          `${t('subscription-images')} `,
          subscription.images === false ? t('subscription-off') : t('subscription-on'),
        ],
        [
          `${t('subscription-status')} `,
          subscription.paused
            ? t('subscription-paused', { reason: pauseReasonText(subscription.paused.reason, t) })
            : mode === 'instant'
              ? t('subscription-active')
              : t('subscription-next', { when: nextLocal }),
        ],
      ],
      t,
    ),
    paragraph(t('subscription-change')),
  );
}

/** What commands answer where there are no subscriptions (the terminal). */
export function noSubscriptionsHere(t: Translate): Reply {
  return reply.text(t('subscription-none-here'));
}

/** What /topics, /time and /settings answer in a chat that has not subscribed. */
export function notSubscribed(t: Translate): Reply {
  return reply.text(t('subscription-not-subscribed'));
}

/** `answer`, then the words a chat typed that did not become topics (see readTopics), and why. */
export function withTopicsLeftOut(answer: Reply, words: readonly string[], t: Translate): Reply {
  if (words.length === 0) return answer;
  const why = t('topics-left-out', {
    words: echo(words.join(', ')),
    max: TOPIC_LIMITS.count,
    chars: TOPIC_LIMITS.chars,
  });
  return reply.of(...answer.blocks, paragraph(why));
}
