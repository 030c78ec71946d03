import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply } from '../src/chat/reply.js';

/** /start: what the bot does and how to subscribe (Telegram sends it when a chat opens the bot). */
export const startCommand = defineCommand({
  name: 'start',
  description: 'What Quotewire does and how to subscribe',
  options: {
    // Telegram deep links append a parameter (`/start <payload>`); it is accepted and ignored.
    payload: { type: 'string', description: 'ignored', rest: true },
  },
  async run({ services }) {
    const { deliveryTime, timeZone } = services.subscriptions.defaults;
    return reply.of(
      heading('Quotewire'),
      paragraph(
        'A daily digest of the news that matters, with the key quotes and who said them, from the sources this bot reads.',
      ),
      list([
        [{ text: '/subscribe', code: true }, ` — the digest here every day at ${deliveryTime} ${timeZone}`],
        [{ text: '/subscribe climate energy', code: true }, ' — only stories about these topics'],
        [{ text: '/time 07:30 Europe/London', code: true }, ' — your hour and time zone'],
        [{ text: '/digest', code: true }, ' — today’s digest now'],
        [{ text: '/quotes <name>', code: true }, ' — what a person said'],
      ]),
      paragraph('In groups, administrators manage the subscription. /help lists every command.'),
    );
  },
});
