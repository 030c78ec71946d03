import { list, paragraph, reply, type Reply } from '../chat/reply.js';
import { nextDelivery, WEEKDAYS } from './delivery-schedule.js';
import { instantBatching, type InstantBounds, type Subscription } from './subscription.js';

/** When the digest comes, in words: "every day at 08:00", "every Monday at 08:00". */
export function describeSchedule(subscription: Subscription): string {
  const at = subscription.deliveryTime;
  const frequency = subscription.frequency;
  switch (frequency?.kind) {
    case 'weekdays':
      return `Monday to Friday at ${at}`;
    case 'weekly': {
      const day = WEEKDAYS[frequency.weekday]!;
      return `every ${day[0]!.toUpperCase()}${day.slice(1)} at ${at}`;
    }
    case 'twice':
      return `twice a day, at ${[at, frequency.secondTime].sort().join(' and ')}`;
    default:
      return `every day at ${at}`;
  }
}

/** What instant posts do in this chat, in words. */
export function describeInstant(
  subscription: Subscription,
  batching: { everyMinutes: number; perHour: number },
): string {
  const follows = subscription.follows?.length ?? 0;
  const instant = subscription.mode === 'instant' || subscription.mode === 'both';
  if (!instant && follows === 0) return 'off (/mode instant turns them on)';
  const what = [instant ? 'new stories' : '', follows ? `quotes by ${follows} followed` : '']
    .filter(Boolean)
    .join(' and ');
  return `${what}, at most every ${batching.everyMinutes} min and ${batching.perHour} an hour`;
}

/** A subscription's settings as a neutral reply, with when the next digest goes out. */
export function subscriptionReply(
  subscription: Subscription,
  now: Date,
  lead: string,
  bounds: InstantBounds,
): Reply {
  const batching = instantBatching(subscription, bounds);
  const mode = subscription.mode ?? 'daily';
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
      ['Mode: ', { text: mode, bold: true }],
      [
        'Digest: ',
        mode === 'instant'
          ? 'none (instant mode; /mode both adds it)'
          : `${describeSchedule(subscription)} ${subscription.timeZone}`,
      ],
      ['Instant posts: ', describeInstant(subscription, batching)],
      [
        'Quiet hours: ',
        subscription.quietHours ? `${subscription.quietHours.from}–${subscription.quietHours.to}` : 'none',
      ],
      ['Notifications: ', subscription.silent ? 'silent' : 'on'],
      ['Filters: ', `${subscription.filters?.length ?? 0} (/filter lists them)`],
      ['Language: ', subscription.language],
      ['Images: ', subscription.images === false ? 'off' : 'on'],
      [
        'Status: ',
        subscription.paused
          ? `paused (${subscription.paused.reason}); /subscribe resumes it`
          : mode === 'instant'
            ? 'active'
            : `next digest ${nextLocal}`,
      ],
    ]),
    paragraph(
      'Change with /topics, /time HH:MM [Area/City], /schedule, /mode, /filter, /follow, /settings language|images|quiet|silent; stop with /unsubscribe.',
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
