import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Services } from '../../chat/services.js';
import type { Caller } from '../../chat/command-definition.js';
import { chatSpeech, runCommandLine } from '../../chat/command-runner.js';
import { renderPlainText } from '../../chat/render-text.js';
import { digestReply } from '../../digest/digest-reply.js';
import { ArticleWords, storyFilter } from '../../delivery/chat-filters.js';
import { callerSubscription } from '../../delivery/chat-subscription.js';
import type { PollOutcome } from '../../sources/poller.js';

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
 *
 * `firstPoll` is the start's first poll of every source. Piped input is a script that expects
 * answers from polled sources, so it waits for that poll; a person at a keyboard gets the welcome at
 * once, from what the store already holds, and a line when the poll has brought new articles.
 */
export async function runTerminalChat(options: {
  services: Services;
  input: Readable;
  output: Writable;
  interactive: boolean;
  firstPoll?: Promise<readonly PollOutcome[]>;
}): Promise<{ lines: number }> {
  const { services, input, output, interactive, firstPoll } = options;
  const write = (text: string) => output.write(`${text}\n`);
  if (firstPoll && !interactive) await firstPoll.catch(() => undefined);
  const sources = await services.catalog.list();
  // The terminal's language is the bot's default until `/settings language <code>` keeps another.
  const { t } = await chatSpeech(TERMINAL_CALLER, services);
  if (firstPoll && interactive) {
    void firstPoll.then(
      async (outcomes) => {
        const articles = outcomes.reduce((sum, outcome) => sum + outcome.newArticles, 0);
        if (articles === 0) return;
        const sources = outcomes.filter((outcome) => outcome.newArticles > 0).length;
        const now = (await chatSpeech(TERMINAL_CALLER, services)).t;
        // On a line of its own after the prompt the user may be typing at; the prompt comes back.
        output.write(`\n${now('terminal-first-poll', { articles, sources })}\n> `);
      },
      () => undefined,
    );
  }
  write(t(interactive ? 'terminal-welcome-interactive' : 'terminal-welcome', { count: sources.length }));
  write('');
  // The terminal's own filters (/filter) apply to the digest it opens with, as to /digest.
  const rules = (await callerSubscription(services.subscriptions, TERMINAL_CALLER).catch(() => undefined))
    ?.filters;
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
