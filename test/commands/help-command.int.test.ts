import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { startTestApp } from '../helpers/test-app.js';

let app: App | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const visitor: Caller = { platform: 'telegram', chatId: '5', userId: '77', isOperator: false };

async function say(line: string, caller = visitor): Promise<string> {
  const answer = await runCommandLine(line, caller, app!.services);
  return answer ? renderPlainText(answer) : '';
}

describe('/help with a command name', () => {
  it('gives that command alone, as `quotewire help extract` does on the command line', async () => {
    ({ app } = await startTestApp('sources: []'));
    expect(await say('/help quotes')).toBe(
      '  • /quotes [name] [words...] — What a person said, newest first; words narrow it down; alone, today’s most quoted',
    );
    expect(await say('/help /Speakers')).toMatch(/^ {2}• \/speakers \[name\.\.\.\] — Everyone quoted/);
    // Full help is unchanged.
    expect(await say('/help')).toContain('/digest [topic...]');
  });

  it('answers a typo or an operator command a visitor cannot see as an unknown command, with a suggestion', async () => {
    ({ app } = await startTestApp('sources: []'));
    expect(await say('/help qoutes')).toBe(
      'unknown command /qoutes: did you mean /quotes? Type /help for the list.',
    );
    expect(await say('/help weblogin')).toMatch(/^unknown command \/weblogin/);
  });
});
