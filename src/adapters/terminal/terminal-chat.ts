import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Services } from '../../chat/services.js';
import type { Caller } from '../../chat/command-definition.js';
import { chatSpeech, runCommandLine } from '../../chat/command-runner.js';
import { renderPlainText } from '../../chat/render-text.js';
import { digestReply } from '../../digest/digest-reply.js';
import { ArticleWords, storyFilter } from '../../delivery/chat-filters.js';
import { chatFilterRules } from '../../delivery/chat-subscription.js';

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
  // The terminal's language is the bot's default until `/settings language <code>` keeps another.
  const { t } = await chatSpeech(TERMINAL_CALLER, services);
  write(t(interactive ? 'terminal-welcome-interactive' : 'terminal-welcome', { count: sources.length }));
  write('');
  // The terminal's own filters (/filter) apply to the digest it opens with, as to /digest.
  const rules = await chatFilterRules(services.subscriptions, TERMINAL_CALLER).catch(() => undefined);
  const accept = storyFilter(rules, new ArticleWords());
  write(renderPlainText(digestReply(await services.digests.build(services.clock(), { accept }), t), t));
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
    // Asked again for each line: a /settings language line changes it for what follows.
    const now = (await chatSpeech(TERMINAL_CALLER, services)).t;
    write(answer ? renderPlainText(answer, now) : now('chat-not-a-command'));
    write('');
    prompt();
  }
  return { lines: count };
}
