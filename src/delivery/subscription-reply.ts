import { list, paragraph, reply, type Reply } from '../chat/reply.js';
import { DATE_LOCALES, isLanguage } from '../i18n/languages.js';
import type { Translate } from '../i18n/translations.js';
import { nextDelivery } from './delivery-schedule.js';
import { pauseReasonText } from './pause-reasons.js';
import type { Subscription } from './subscription.js';

/** A subscription's settings as a neutral reply, with when the next digest goes out. */
export function subscriptionReply(
  subscription: Subscription,
  now: Date,
  lead: string,
  t: Translate,
  language: string,
): Reply {
  const next = nextDelivery(subscription, now);
  const nextLocal = new Intl.DateTimeFormat(DATE_LOCALES[isLanguage(language) ? language : 'en'], {
    timeZone: subscription.timeZone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(next);
  return reply.of(
    paragraph(lead),
    list(
      [
        [
          `${t('subscription-topics')} `,
          subscription.topics.length ? subscription.topics.join(', ') : t('subscription-all-news'),
        ],
        [
          `${t('subscription-delivery')} `,
          { text: subscription.deliveryTime, bold: true },
          ` ${subscription.timeZone}`,
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
