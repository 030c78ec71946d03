import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply } from '../src/chat/reply.js';

/** /start: what the bot does and how to subscribe (Telegram sends it when a chat opens the bot). */
export const startCommand = defineCommand({
  name: 'start',
  description: 'What Quotewire does and how to subscribe',
  options: {
    // Telegram deep links append a parameter (`/start <payload>`); it is accepted and ignored.
    payload: { type: 'string', description: 'ignored', rest: true, verbatim: true },
  },
  async run({ services, t }) {
    const { deliveryTime, timeZone } = services.subscriptions.defaults;
    return reply.of(
      heading('Quotewire'),
      paragraph(t('start-intro')),
      list([
        [
          { text: '/subscribe', code: true },
          ` — ${t('start-subscribe', { time: deliveryTime, zone: timeZone })}`,
        ],
        [{ text: '/subscribe climate energy', code: true }, ` — ${t('start-subscribe-topics')}`],
        [{ text: '/time 07:30 Europe/London', code: true }, ` — ${t('start-time')}`],
        [{ text: '/digest', code: true }, ` — ${t('start-digest')}`],
        [{ text: '/quotes <name>', code: true }, ` — ${t('start-quotes')}`],
      ]),
      paragraph(t('start-groups')),
    );
  },
});
