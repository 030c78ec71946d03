import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { echo } from '../src/chat/display-limits.js';
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
    // The rest of the line: "7:30 pm", and cities of two words ("New York"), arrive as several words.
    zone: {
      type: 'string',
      description: 'IANA time zone, e.g. Europe/London or America/New_York',
      rest: true,
    },
  },
  async run({ options, services, caller, t, language }) {
    const address = chatAddress(caller);
    if (!address) return noSubscriptionsHere(t);
    const { time, zone } = splitMeridiem(options.time, options.zone);
    const deliveryTime = normalizeDeliveryTime(time);
    if (!deliveryTime) {
      return reply.text(t('time-bad-time', { time: echo(time) }));
    }
    const timeZone = zone ? canonicalTimeZone(zone) : undefined;
    if (timeZone === null) {
      return reply.text(t('time-bad-zone', { zone: echo(zone ?? '') }));
    }
    if (!(await services.subscriptions.get(address))) return notSubscribed(t);
    const updated = await services.subscriptions.update(address, {
      deliveryTime,
      ...(timeZone ? { timeZone } : {}),
    });
    if (!updated) return notSubscribed(t);
    // Today's digest may have gone out already at the old time: the answer says the next real one.
    return subscriptionReply(services, updated, services.clock(), t('time-set'), t, language);
  },
});

/** "/time 7:30 pm Europe/Paris": the "pm" typed apart belongs to the time, not to the zone. */
function splitMeridiem(time: string, zone: string | undefined): { time: string; zone: string | undefined } {
  const words = zone?.split(/\s+/u) ?? [];
  if (words.length > 0 && /^[ap]\.?m\.?$/iu.test(words[0]!)) {
    return { time: `${time} ${words[0]}`, zone: words.slice(1).join(' ') || undefined };
  }
  return { time, zone };
}
