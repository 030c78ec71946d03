import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { canonicalTimeZone, normalizeDeliveryTime } from '../src/delivery/delivery-schedule.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import { noSubscriptionsHere, notSubscribed, subscriptionReply } from '../src/delivery/subscription-reply.js';

/** /time HH:MM [Area/City]: when this chat's digest comes, in which time zone. */
export const timeCommand = defineCommand({
  name: 'time',
  description: 'Set the daily delivery time, e.g. /time 07:30 Europe/London',
  access: 'chat-admin',
  options: {
    time: { type: 'string', description: 'HH:MM, 24-hour', required: true },
    zone: { type: 'string', description: 'IANA time zone, e.g. Europe/London or America/New_York' },
  },
  async run({ options, services, caller, t, language }) {
    const address = chatAddress(caller);
    if (!address) return noSubscriptionsHere(t);
    const deliveryTime = normalizeDeliveryTime(options.time);
    if (!deliveryTime) {
      return reply.text(t('time-bad-time', { time: options.time }));
    }
    const timeZone = options.zone ? canonicalTimeZone(options.zone) : undefined;
    if (timeZone === null) {
      return reply.text(t('time-bad-zone', { zone: options.zone ?? '' }));
    }
    if (!(await services.subscriptions.get(address))) return notSubscribed(t);
    const updated = await services.subscriptions.update(address, {
      deliveryTime,
      ...(timeZone ? { timeZone } : {}),
    });
    if (!updated) return notSubscribed(t);
    // Today's digest may have gone out already at the old time: the answer says the next real one.
    const now = services.clock();
    const settled = await services.deliveries.settled(updated, now);
    return subscriptionReply(updated, now, t('time-set'), services.config.instant, t, language, settled);
  },
});
