import { defineCommand } from '../src/chat/command-definition.js';
import { usage } from '../src/chat/command-parser.js';
import { heading, list, paragraph, reply } from '../src/chat/reply.js';
import { commandDescription } from '../src/i18n/command-text.js';

/** /help: what the bot does and every command with its usage. */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'What Quotewire does and the commands it knows',
  options: {},
  async run({ services, caller, t, language }) {
    const visible = services.commands.filter((command) => command.access !== 'operator' || caller.isOperator);
    return reply.of(
      heading('Quotewire'),
      paragraph(t('intro-digest')),
      list(
        visible.map((command) => [
          { text: usage(command), code: true },
          ` — ${commandDescription(command, services.i18n, language)}`,
        ]),
        t,
      ),
    );
  },
});
