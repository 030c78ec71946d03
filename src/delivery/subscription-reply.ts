import { list, paragraph, reply, type Reply } from '../chat/reply.js';
import { nextDelivery } from './delivery-schedule.js';
import type { Subscription } from './subscription.js';

/** A subscription's settings as a neutral reply, with when the next digest goes out. */
export function subscriptionReply(subscription: Subscription, now: Date, lead: string): Reply {
  const next = nextDelivery(subscription, now);
  const nextLocal = new Intl.DateTimeFormat('en-GB', {
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
    list([
      ['Topics: ', subscription.topics.length ? subscription.topics.join(', ') : 'all the news'],
      [
        'Delivery: every day at ',
        { text: subscription.deliveryTime, bold: true },
        ` ${subscription.timeZone}`,
      ],
      ['Language: ', subscription.language],
      ['Images: ', subscription.images === false ? 'off' : 'on'],
      [
        'Status: ',
        subscription.paused
          ? `paused (${subscription.paused.reason}); /subscribe resumes it`
          : `next digest ${nextLocal}`,
      ],
    ]),
    paragraph(
      'Change with /topics, /time HH:MM [Area/City], /settings language <code>, /settings images on|off; stop with /unsubscribe.',
    ),
  );
}

/** What commands answer where there are no subscriptions (the terminal). */
export const NO_SUBSCRIPTIONS_HERE = reply.text(
  'Subscriptions are for chats on Telegram or Discord. Here, /digest shows today’s digest at any time.',
);

/** What /topics, /time and /settings answer in a chat that has not subscribed. */
export const NOT_SUBSCRIBED = reply.text(
  'This chat is not subscribed yet. Send /subscribe [topics...] to get the digest every day.',
);
