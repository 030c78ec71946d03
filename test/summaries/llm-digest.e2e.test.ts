/**
 * The real `quotewire` process with `summarizer.engine: openai`, pointed at the fake server through
 * OPENAI_BASE_URL as a self-hoster would point it at Ollama: the digest carries the model's headline
 * and summary, never an invented quote, costs one call per story across processes, and is still
 * printed (offline) when the server fails.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeOpenAiServer, type FakeOpenAiServer } from '../helpers/fake-openai-server.js';
import { runCli } from '../helpers/run-cli.js';
import { GOOD_RAIL_ANSWER, MENSAH_QUOTE, RAIL_TEXT_A, RAIL_TEXT_B } from './llm-fixtures.js';

const INVENTED = 'We will build high-speed lines to every city by 2030';
let fake: FakeOpenAiServer | undefined;

afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

/** A config folder with two local articles about the rail plan, polled into a fresh store. */
async function pollRailArticles(env: Record<string, string>): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-llm-e2e-'));
  mkdirSync(join(folder, 'articles'));
  writeFileSync(
    join(folder, 'articles', 'wire-a.txt'),
    `Osei pledges 4.2 billion euros for the railways\n\n${RAIL_TEXT_A}\n`,
  );
  writeFileSync(
    join(folder, 'articles', 'daily-b.txt'),
    `Government to spend billions on rail\n\n${RAIL_TEXT_B}\n`,
  );
  const config = join(folder, 'quotewire.yaml');
  writeFileSync(
    config,
    [
      'sources:',
      '  - id: local-news',
      '    url: ./articles',
      'store:',
      '  url: sqlite://./store.sqlite',
      'summarizer:',
      '  engine: openai',
      '  sentences: 2',
      '  openai:',
      '    model: fake-model',
      '    timeoutSeconds: 5',
      '    maxRetries: 0',
      'digest:',
      '  quotesPerStory: 2',
      '',
    ].join('\n'),
  );
  // The app checks the engine's settings at start, whatever the command: poll needs the env too.
  const poll = await runCli(['poll', '--config', config], { env });
  expect(poll.code, poll.stderr).toBe(0);
  return config;
}

interface DigestJson {
  stories: {
    headline: string;
    summary: string[];
    engine: string;
    quotes: { text: string; speaker: string }[];
  }[];
}

describe('quotewire digest with the openai engine', () => {
  it('prints the model’s summary with verified quotes only, and asks once per story across runs', async () => {
    fake = await startFakeOpenAiServer();
    fake.respond({
      answer: {
        ...GOOD_RAIL_ANSWER,
        quotes: [
          { text: MENSAH_QUOTE, speaker: 'Mensah' },
          { text: INVENTED, speaker: 'Clara Osei' },
        ],
      },
    });
    const env = { OPENAI_BASE_URL: fake.baseURL };
    const config = await pollRailArticles(env);

    const result = await runCli(['digest', '--json', '--config', config], { env });

    expect(result.code, result.stderr).toBe(0);
    const digest = JSON.parse(result.stdout) as DigestJson;
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests.every((request) => request.body.model === 'fake-model')).toBe(true);
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer not-needed');
    const llmStory = digest.stories.find((story) => story.engine === 'llm');
    expect(llmStory).toMatchObject({
      headline: GOOD_RAIL_ANSWER.headline,
      summary: GOOD_RAIL_ANSWER.summary,
    });
    expect(llmStory!.quotes).toContainEqual(
      expect.objectContaining({ text: MENSAH_QUOTE, speaker: 'Daniel Mensah' }),
    );
    const allQuotes = digest.stories.flatMap((story) => story.quotes.map((quote) => quote.text));
    expect(allQuotes.some((text) => text.includes('high-speed'))).toBe(false);
    expect(result.stderr).toMatch(
      /dropped 1 quote\(s\) the model returned: .*high-speed.*not in the articles/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);

    // A second run (another subscriber, a restart) is answered from the store's cache.
    const calls = fake.requests.length;
    const again = await runCli(['digest', '--json', '--config', config], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(fake.requests).toHaveLength(calls);
    expect((JSON.parse(again.stdout) as DigestJson).stories).toEqual(digest.stories);
  });

  it('still prints the digest, offline, when the server fails', async () => {
    fake = await startFakeOpenAiServer();
    fake.respond({ status: 500, message: 'model crashed' });
    const env = { OPENAI_BASE_URL: fake.baseURL };
    const config = await pollRailArticles(env);

    const result = await runCli(['digest', '--json', '--config', config], { env });

    expect(result.code, result.stderr).toBe(0);
    const digest = JSON.parse(result.stdout) as DigestJson;
    expect(digest.stories.length).toBeGreaterThan(0);
    expect(digest.stories.every((story) => story.engine === 'offline' && story.summary.length > 0)).toBe(
      true,
    );
    expect(result.stderr).toMatch(
      /server error 500 from http:\/\/127\.0\.0\.1:\d+\/v1; offline summary used/,
    );
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
