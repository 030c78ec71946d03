import { defineCommand, type AnyCommand } from '../src/chat/command-definition.js';
import { parseProblemText, usage } from '../src/chat/command-parser.js';
import { heading, list, paragraph, reply } from '../src/chat/reply.js';
import { commandDescription } from '../src/i18n/command-text.js';
import { closestMatches } from '../src/text/similarity.js';
import { echo } from '../src/chat/display-limits.js';

/**
 * /help: what the bot does and every command with its usage; `/help quotes` (as `quotewire help
 * extract` on the command line) gives one command's line alone, since newcomers type it that way.
 */
export const helpCommand = defineCommand({
  name: 'help',
  description: 'What Quotewire does and the commands it knows',
  options: {
    command: { type: 'string', description: 'one command, such as quotes: its usage alone' },
  },
  async run({ options, services, caller, t, language }) {
    const visible = services.commands.filter((command) => command.access !== 'operator' || caller.isOperator);
    const line = (command: AnyCommand) => [
      { text: usage(command), code: true },
      ` — ${commandDescription(command, services.i18n, language)}`,
    ];
    if (options.command !== undefined) {
      const name = options.command.replace(/^\//, '').toLowerCase();
      const command = visible.find((candidate) => candidate.name === name);
      if (command) return reply.of(list([line(command)], t));
      const suggestions = closestMatches(
        name.slice(0, 64),
        visible.map((candidate) => candidate.name),
      );
      return reply.text(parseProblemText({ kind: 'unknown', name: echo(name), suggestions }, t));
    }
    return reply.of(heading('Quotewire'), paragraph(t('intro-digest')), list(visible.map(line), t));
  },
});
