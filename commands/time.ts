import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { canonicalTimeZone, normalizeDeliveryTime } from '../src/delivery/delivery-schedule.js';
import { chatAddress } from '../src/delivery/chat-address.js';
import {
  NO_SUBSCRIPTIONS_HERE,
  NOT_SUBSCRIBED,
  subscriptionReply,
} from '../src/delivery/subscription-reply.js';

/** /time HH:MM [Area/City]: when this chat's digest comes, in which time zone. */
export const timeCommand = defineCommand({
  name: 'time',
  description: 'Set the daily delivery time, e.g. /time 07:30 Europe/London',
  access: 'chat-admin',
  options: {
    time: { type: 'string', description: 'HH:MM, 24-hour', required: true },
    zone: { type: 'string', description: 'IANA time zone, e.g. Europe/London or America/New_York' },
  },
  async run({ options, services, caller }) {
    const address = chatAddress(caller);
    if (!address) return NO_SUBSCRIPTIONS_HERE;
    const deliveryTime = normalizeDeliveryTime(options.time);
    if (!deliveryTime) {
      return reply.text(
        `"${options.time}" is not a time of day. Use HH:MM on a 24-hour clock, e.g. /time 07:30.`,
      );
    }
    const timeZone = options.zone ? canonicalTimeZone(options.zone) : undefined;
    if (timeZone === null) {
      return reply.text(
        `"${options.zone}" is not a time zone name. Use Area/City, e.g. Europe/London, America/New_York or Asia/Tokyo.`,
      );
    }
    if (!(await services.subscriptions.get(address))) return NOT_SUBSCRIBED;
    const updated = await services.subscriptions.update(address, {
      deliveryTime,
      ...(timeZone ? { timeZone } : {}),
    });
    return updated
      ? subscriptionReply(updated, services.clock(), 'Delivery time set.', services.config.instant)
      : NOT_SUBSCRIBED;
  },
});
