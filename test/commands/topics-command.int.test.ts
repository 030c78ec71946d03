import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { readTopics } from '../../src/delivery/subscription.js';
import { startTestApp } from '../helpers/test-app.js';

const CHAT: Caller = {
  platform: 'telegram',
  chatId: '702',
  userId: '41',
  isOperator: false,
  chatType: 'private',
};

describe('/topics and /subscribe name the words that did not become topics', () => {
  let app: App;
  const say = async (line: string) => {
    const answer = await runCommandLine(line, CHAT, app.services);
    return answer ? renderPlainText(answer) : '';
  };

  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []\n'));
  });
  afterAll(async () => {
    await app.close();
  });

  it('keeps the first ten in the order typed and says which were left out', async () => {
    const long = 'x'.repeat(41);
    const words = [
      'zebra',
      'yak',
      'wolf',
      'vole',
      'urchin',
      'tiger',
      'seal',
      'rat',
      'quail',
      'puma',
      'otter',
      'newt',
    ];
    expect(readTopics(`${words.join(' ')}, ${long}, Zebra`)).toEqual({
      topics: words.slice(0, 10).sort(),
      leftOut: ['otter', 'newt', long],
    });
    expect(await say(`/subscribe ${words.join(' ')}`)).toContain(
      'Left out: otter, newt (a chat has at most 10 topics, each of at most 40 characters).',
    );
    const answer = await say(`/topics climate ${long}`);
    expect(answer).toContain('Topics set: climate.');
    expect(answer).toContain('Left out: xxxx');
    expect(await say('/topics energy climate')).not.toContain('Left out');
    expect(
      (await app.services.subscriptions.get({ platform: 'telegram', chatId: '702', threadId: null }))?.topics,
    ).toEqual(['climate', 'energy']);
  });
});
