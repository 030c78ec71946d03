import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { chatSubscription } from '../src/delivery/chat-subscription.js';
import { normalizeDeliveryTime } from '../src/delivery/delivery-schedule.js';
import { parseWeekday } from '../src/delivery/settings-values.js';
import type { SubscriptionChanges } from '../src/delivery/subscription-store.js';
import { notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';

/**
 * /schedule daily | weekdays | weekly <day> | twice <HH:MM> [HH:MM]: which days the digest comes,
 * and whether twice a day. The time of day stays /time's; `twice` sets the second time (and the
 * first too when two are given).
 */
export const scheduleCommand = defineCommand({
  name: 'schedule',
  description: 'How often the digest comes: daily, weekdays, weekly <day>, twice <HH:MM> [HH:MM]',
  access: 'chat-admin',
  anyoneMayView: true,
  options: {
    frequency: {
      type: 'string',
      description: 'how often',
      choices: ['daily', 'weekdays', 'weekly', 'twice'],
    },
    when: { type: 'string', description: 'weekly: the day (monday…); twice: a time HH:MM' },
    also: { type: 'string', description: 'twice: the second time HH:MM (the first becomes <when>)' },
  },
  async run({ options, services, caller, t, language }) {
    const found = await chatSubscription(services.subscriptions, caller, t);
    if ('refusal' in found) return found.refusal;
    const { address, current } = found;
    const now = services.clock();
    if (!options.frequency) return subscriptionReply(services, current, now, t('schedule-lead'), t, language);
    let changes: SubscriptionChanges;
    switch (options.frequency) {
      case 'weekly': {
        const day = parseWeekday(options.when ?? '');
        if ('suggestions' in day) {
          return reply.text(
            day.suggestions.length
              ? t('schedule-name-day-suggest', { suggestions: day.suggestions.join(` ${t('parse-or')} `) })
              : t('schedule-name-day'),
          );
        }
        changes = { frequency: { kind: 'weekly', weekday: day.weekday } };
        break;
      }
      case 'twice': {
        const times = [options.when, options.also].filter((time) => time !== undefined);
        const parsed = times.map((time) => normalizeDeliveryTime(time));
        if (parsed.length === 0 || parsed.some((time) => time === null)) {
          return reply.text(t('schedule-bad-times'));
        }
        const [first, second] = parsed.length === 2 ? parsed : [current.deliveryTime, parsed[0]];
        if (first === second) return reply.text(t('schedule-same-times', { time: first! }));
        changes = { deliveryTime: first!, frequency: { kind: 'twice', secondTime: second! } };
        break;
      }
      default:
        changes = { frequency: { kind: options.frequency as 'daily' | 'weekdays' } };
    }
    if (options.frequency !== 'weekly' && options.frequency !== 'twice' && options.when !== undefined) {
      return reply.text(t('schedule-takes-nothing', { frequency: options.frequency }));
    }
    const updated = await services.subscriptions.update(address, changes);
    return updated
      ? await subscriptionReply(services, updated, now, t('schedule-set'), t, language)
      : notSubscribed(t);
  },
});
