import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Services } from '../../chat/services.js';
import type { Caller } from '../../chat/command-definition.js';
import { runCommandLine } from '../../chat/command-runner.js';
import { renderPlainText } from '../../chat/render-text.js';
import { digestReply } from '../../digest/digest-reply.js';

/** The local user at the terminal runs the bot, so they are its operator. */
const TERMINAL_CALLER: Caller = {
  platform: 'terminal',
  chatId: 'terminal',
  userId: 'local',
  isOperator: true,
};

/**
 * The terminal chat: a welcome line and today's digest, then one command per input line, answered in
 * order. Resolves when the input ends (Ctrl-D, or the end of piped input) and every answer is
 * written, with the number of lines read.
 */
export async function runTerminalChat(options: {
  services: Services;
  input: Readable;
  output: Writable;
  interactive: boolean;
}): Promise<{ lines: number }> {
  const { services, input, output, interactive } = options;
  const write = (text: string) => output.write(`${text}\n`);
  const sources = await services.catalog.list();
  write(
    `Quotewire: ${sources.length} source(s). Type /help for commands${interactive ? ', Ctrl-D to quit' : ''}.`,
  );
  write('');
  write(renderPlainText(digestReply(await services.digests.build(services.clock()))));
  write('');
  const lines = createInterface({ input, terminal: false });
  const prompt = () => {
    if (interactive) output.write('> ');
  };
  prompt();
  let count = 0;
  for await (const line of lines) {
    count++;
    if (line.trim() === '') {
      prompt();
      continue;
    }
    const answer = await runCommandLine(line, TERMINAL_CALLER, services);
    write(
      answer ? renderPlainText(answer) : 'Commands start with "/": try /help, /digest or /quotes <name>.',
    );
    write('');
    prompt();
  }
  return { lines: count };
}
