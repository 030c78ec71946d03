/**
 * The LLM engine with the real `openai` client against a fake OpenAI-compatible server: good
 * answers, invented quotes, every failure a server or model can produce, the cache and the budget.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { loadConfig } from '../../src/config/load-config.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import type { Story } from '../../src/stories/story.js';
import { createStorySummarizer } from '../../src/summaries/create-story-summarizer.js';
import { LlmStorySummarizer } from '../../src/summaries/llm-story-summarizer.js';
import { keyQuotes, OfflineStorySummarizer } from '../../src/summaries/story-summarizer.js';
import type { DailyUsage } from '../../src/summaries/token-budget.js';
import {
  startFakeOpenAiServer,
  type FakeCompletion,
  type FakeOpenAiOptions,
  type FakeOpenAiServer,
} from '../helpers/fake-openai-server.js';
import { GOOD_RAIL_ANSWER, MENSAH_QUOTE, OSEI_QUOTE, railStory } from './llm-fixtures.js';

const OPTIONS = { sentences: 2, quotes: 2 };
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

interface Setup {
  fake: FakeOpenAiServer;
  summarizer: LlmStorySummarizer;
  logger: ReturnType<typeof createMemoryLogger>;
  store: Store;
  storeUrl: string;
  clock: { now: Date };
  /** Another engine on the same settings and a fresh connection to the same store: a restart. */
  restart(): Promise<LlmStorySummarizer>;
}

async function setup(
  options: {
    openai?: Record<string, number | string>;
    env?: Record<string, string>;
    fake?: FakeOpenAiOptions;
  } = {},
): Promise<Setup> {
  const fake = await startFakeOpenAiServer(options.fake);
  cleanups.push(() => fake.close());
  const folder = mkdtempSync(join(tmpdir(), 'qw-llm-'));
  const file = join(folder, 'quotewire.yaml');
  const openai = {
    model: 'fake-model',
    timeoutSeconds: 0.5,
    maxOutputTokens: 200,
    maxRetries: 0,
    ...options.openai,
  };
  const lines = Object.entries(openai).map(([key, value]) => `    ${key}: ${value}`);
  writeFileSync(file, ['summarizer:', '  engine: openai', '  openai:', ...lines, ''].join('\n'));
  const config = loadConfig({ file, env: { OPENAI_BASE_URL: fake.baseURL, ...options.env } });
  const storeUrl = `sqlite://${join(folder, 'store.sqlite')}`;
  const clock = { now: new Date('2026-03-02T10:00:00Z') };
  const logger = createMemoryLogger();
  const open = async () => {
    const store = await openStore(storeUrl);
    cleanups.push(() => store.close());
    const summarizer = await createStorySummarizer({ config, store, logger, clock: () => clock.now });
    expect(summarizer).toBeInstanceOf(LlmStorySummarizer);
    return { store, summarizer: summarizer as LlmStorySummarizer };
  };
  const { store, summarizer } = await open();
  return {
    fake,
    summarizer,
    logger,
    store,
    storeUrl,
    clock,
    restart: async () => (await open()).summarizer,
  };
}

const offline = (story: Story) => new OfflineStorySummarizer().summarize(story, OPTIONS);
const warnings = (logger: { lines: string[] }) => logger.lines.filter((line) => line.startsWith('warn'));

describe('LlmStorySummarizer: good answers', () => {
  it('uses the model’s headline and summary and the verified quotes, with our speakers’ full names', async () => {
    const { fake, summarizer, logger } = await setup();
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    const story = railStory();

    const summary = await summarizer.summarize(story, OPTIONS);

    expect(summary).toEqual({
      headline: GOOD_RAIL_ANSWER.headline,
      summary: GOOD_RAIL_ANSWER.summary,
      keyQuotes: [
        { text: OSEI_QUOTE, speaker: 'Clara Osei', articleId: 'story-rail-a' },
        { text: MENSAH_QUOTE, speaker: 'Daniel Mensah', articleId: 'story-rail-a' },
      ],
      engine: 'llm',
    });
    expect(fake.requests).toHaveLength(1);
    const [request] = fake.requests;
    expect(request!.body).toMatchObject({ model: 'fake-model', max_tokens: 200 });
    expect(request!.body.response_format).toMatchObject({
      type: 'json_schema',
      json_schema: {
        name: 'story_summary',
        strict: true,
        schema: { required: ['headline', 'summary', 'quotes'] },
      },
    });
    // A local server needs no key; the client still sends a placeholder, as the package demands one.
    expect(request!.headers.authorization).toBe('Bearer not-needed');
    expect(request!.prompt).toContain('Wire A');
    expect(request!.prompt).toContain(`Daniel Mensah: "${MENSAH_QUOTE},"`);
    expect(logger.lines).toEqual([
      expect.stringMatching(
        /^info llm: story story-rail .*summarized \(fake-model: 500 \+ 100 tokens, 600 of 200000 today\)$/,
      ),
    ]);
  });

  it('sends the API key from OPENAI_API_KEY', async () => {
    const { fake, summarizer } = await setup({ env: { OPENAI_API_KEY: 'sk-test-123' } });
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    await summarizer.summarize(railStory(), OPTIONS);
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer sk-test-123');
  });

  it('drops invented quotes and quotes given to the wrong speaker, counts them and logs one line', async () => {
    const { fake, summarizer, logger } = await setup();
    fake.respond({
      answer: {
        ...GOOD_RAIL_ANSWER,
        quotes: [
          { text: 'We will build high-speed lines to every city by 2030', speaker: 'Clara Osei' },
          { text: OSEI_QUOTE, speaker: 'Daniel Mensah' },
          { text: MENSAH_QUOTE, speaker: 'Mensah' },
        ],
      },
    });

    const summary = await summarizer.summarize(railStory(), OPTIONS);

    expect(summary.engine).toBe('llm');
    expect(summary.keyQuotes).toEqual([
      { text: MENSAH_QUOTE, speaker: 'Daniel Mensah', articleId: 'story-rail-a' },
    ]);
    expect(summarizer.stats.droppedQuotes).toBe(2);
    expect(warnings(logger)).toHaveLength(1);
    expect(warnings(logger)[0]).toMatch(
      /dropped 2 quote\(s\) the model returned: .*high-speed.*not in the articles/,
    );
    expect(warnings(logger)[0]).toMatch(
      /"This is the largest.*\("Daniel Mensah"\): our extractor found Clara Osei said it/,
    );
  });

  it('fills in our own key quotes when every quote of the answer fails', async () => {
    const { fake, summarizer } = await setup();
    fake.respond({
      answer: {
        ...GOOD_RAIL_ANSWER,
        quotes: [{ text: 'Rail is the future of this nation', speaker: 'Osei' }],
      },
    });
    const story = railStory();
    const summary = await summarizer.summarize(story, OPTIONS);
    expect(summary.engine).toBe('llm');
    expect(summary.headline).toBe(GOOD_RAIL_ANSWER.headline);
    expect(summary.keyQuotes).toEqual(keyQuotes(story, OPTIONS.quotes));
    expect(summary.keyQuotes.length).toBeGreaterThan(0);
  });

  it('falls back to json_object when the server rejects json_schema, and stays there', async () => {
    const { fake, summarizer, logger } = await setup({ fake: { rejectJsonSchema: true } });
    fake.respond({ answer: `Sure! Here it is:\n\`\`\`json\n${JSON.stringify(GOOD_RAIL_ANSWER)}\n\`\`\`` });

    const first = await summarizer.summarize(railStory('one'), OPTIONS);
    const second = await summarizer.summarize(railStory('two', ' (update)'), OPTIONS);

    expect([first.engine, second.engine]).toEqual(['llm', 'llm']);
    expect(fake.requests.map((request) => request.responseFormat)).toEqual([
      'json_schema',
      'json_object',
      'json_object',
    ]);
    expect(logger.lines).toContainEqual(
      expect.stringMatching(/refused response_format json_schema; using json_object/),
    );
  });

  it('keeps json_schema after a 400 about something else, such as a prompt too long', async () => {
    const { fake, summarizer, logger } = await setup();
    fake.respond(
      {
        status: 400,
        message: "This model's maximum context length is 2048 tokens; your messages resulted in 3100.",
      },
      { answer: GOOD_RAIL_ANSWER },
    );
    expect((await summarizer.summarize(railStory('long'), OPTIONS)).engine).toBe('offline');
    expect(logger.lines).toEqual([
      expect.stringMatching(/request refused: 400 This model's maximum context length/),
    ]);
    expect((await summarizer.summarize(railStory('short', ' (short)'), OPTIONS)).engine).toBe('llm');
    expect(fake.requests.map((request) => request.responseFormat)).toEqual(['json_schema', 'json_schema']);
  });

  it('switches to max_completion_tokens when the model refuses max_tokens', async () => {
    const { fake, summarizer } = await setup();
    fake.respond((request) =>
      'max_tokens' in request.body
        ? {
            status: 400,
            message:
              "Unsupported parameter: 'max_tokens' is not supported with this model. Use 'max_completion_tokens' instead.",
          }
        : { answer: GOOD_RAIL_ANSWER },
    );
    const summary = await summarizer.summarize(railStory(), OPTIONS);
    expect(summary.engine).toBe('llm');
    expect(fake.requests.map((request) => request.body.max_completion_tokens ?? null)).toEqual([null, 200]);
    expect(fake.requests[1]!.responseFormat).toBe('json_schema');
  });

  it('retries a 429 that asks for a short wait and a 500, as maxRetries allows', async () => {
    const { fake, summarizer } = await setup({ openai: { maxRetries: 1 } });
    fake.respond({ status: 429, headers: { 'retry-after': '0' } }, { answer: GOOD_RAIL_ANSWER });
    expect((await summarizer.summarize(railStory('a'), OPTIONS)).engine).toBe('llm');
    fake.respond({ status: 500 }, { answer: GOOD_RAIL_ANSWER });
    expect((await summarizer.summarize(railStory('b', ' (b)'), OPTIONS)).engine).toBe('llm');
    expect(fake.requests).toHaveLength(4);
  });
});

describe('LlmStorySummarizer: failures end in the offline summary and one log line', () => {
  const unavailable: [string, FakeCompletion, RegExp][] = [
    [
      'a server that hangs past the timeout',
      { hang: true },
      /no answer from http:\/\/127\.0\.0\.1:\d+\/v1 within 0\.5 s/,
    ],
    ['a body that stalls after the headers', { stallBody: true }, /no complete answer from .* in time/],
    [
      '429 with a long retry-after',
      { status: 429, headers: { 'retry-after': '3600' } },
      /rate limited .*\(429, retry after 3600 s\)/,
    ],
    ['a 500', { status: 500 }, /server error 500 from/],
    [
      'a malformed response body',
      { rawBody: '{"id": "x", "choices": [ {' },
      /the response of http:\S+ is not JSON/,
    ],
    ['a 401', { status: 401 }, /refused the API key \(401\): check OPENAI_API_KEY/],
    ['a 404 for an unknown model', { status: 404 }, /has no model "fake-model" \(404\)/],
  ];
  it.each(unavailable)('%s; the server is then left alone for a while', async (_name, reply, message) => {
    const { fake, summarizer, logger, clock } = await setup();
    fake.respond(reply);
    const story = railStory();

    expect(await summarizer.summarize(story, OPTIONS)).toEqual(await offline(story));
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(message);
    expect(logger.lines[0]).toMatch(
      /^warn llm: story story-rail \(.*\): .*; offline summary used; offline summaries until \d\d:\d\d:\d\d UTC$/,
    );

    // Paused: the next story does not wait for the same server, and nothing is cached.
    const other = railStory('other', ' (other)');
    expect((await summarizer.summarize(other, OPTIONS)).engine).toBe('offline');
    expect(fake.requests).toHaveLength(1);
    clock.now = new Date(clock.now.getTime() + 3_601_000);
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    expect((await summarizer.summarize(story, OPTIONS)).engine).toBe('llm');
    expect(fake.requests).toHaveLength(2);
  });

  it('does not retry a 429 whose retry-after is longer than it will wait', async () => {
    const { fake, summarizer } = await setup({ openai: { maxRetries: 1 } });
    fake.respond({ status: 429, headers: { 'retry-after': '3600' } });
    expect((await summarizer.summarize(railStory(), OPTIONS)).engine).toBe('offline');
    expect(fake.requests).toHaveLength(1);
  });

  const unusable: [string, FakeCompletion, RegExp][] = [
    [
      'malformed JSON in the answer',
      { answer: '{"headline": "Rail", "summary": ["Osei' },
      /the answer is not JSON/,
    ],
    [
      'an answer in the wrong shape',
      { answer: { title: 'Rail' } },
      /the answer is not the asked shape: headline/,
    ],
    ['a refusal', { refusal: 'I cannot help with that.' }, /the model refused: "I cannot help with that\."/],
    ['no choices', { noChoices: true }, /the server answered with no choices/],
    [
      'an answer cut off at the token limit',
      { answer: GOOD_RAIL_ANSWER, finishReason: 'length' },
      /cut off at 200 tokens: raise summarizer\.openai\.maxOutputTokens/,
    ],
    ['an empty answer', { answer: '' }, /the answer is empty/],
    [
      'a summary with a link',
      { answer: { ...GOOD_RAIL_ANSWER, summary: ['Details at https://evil.test/rail.'] } },
      /the summary contains a link/,
    ],
    [
      'a headline with markup',
      { answer: { ...GOOD_RAIL_ANSWER, headline: '<b>Rail</b> @everyone' } },
      /the headline contains markup/,
    ],
    [
      'a summary with an invented figure',
      { answer: { ...GOOD_RAIL_ANSWER, summary: ['Osei pledged 7 billion euros.'] } },
      /number 7/,
    ],
  ];
  it.each(unusable)('%s; the answer is not asked for again soon', async (_name, reply, message) => {
    const { fake, summarizer, logger } = await setup();
    fake.respond(reply);
    const story = railStory();

    expect(await summarizer.summarize(story, OPTIONS)).toEqual(await offline(story));
    expect(logger.lines).toHaveLength(1);
    expect(logger.lines[0]).toMatch(message);
    expect(logger.lines[0]).toMatch(
      /^warn llm: story story-rail \(.*\): .*; offline summary used, the model is asked again after 60 min/,
    );

    // Another subscriber's digest a minute later costs no second call for the same story...
    expect(await summarizer.summarize(story, OPTIONS)).toEqual(await offline(story));
    expect(fake.requests).toHaveLength(1);
    // ...but other stories still go to the model.
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    expect((await summarizer.summarize(railStory('other', ' (other)'), OPTIONS)).engine).toBe('llm');
  });
});

describe('LlmStorySummarizer: each story once', () => {
  it('answers a repeated story from the cache, also after a restart, and shares a call in flight', async () => {
    const { fake, summarizer, restart } = await setup();
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    const story = railStory();

    const [first, concurrent] = await Promise.all([
      summarizer.summarize(story, OPTIONS),
      summarizer.summarize(story, OPTIONS),
    ]);
    const again = await summarizer.summarize(story, OPTIONS);
    const afterRestart = await (await restart()).summarize(story, OPTIONS);

    expect(first.engine).toBe('llm');
    expect([concurrent, again, afterRestart]).toEqual([first, first, first]);
    expect(fake.requests).toHaveLength(1);
    expect(summarizer.stats).toMatchObject({ requests: 1, cacheHits: 1, llmSummaries: 1 });
  });

  it('asks again when the story’s text changes or the summary options do', async () => {
    const { fake, summarizer } = await setup();
    fake.respond({ answer: GOOD_RAIL_ANSWER });
    await summarizer.summarize(railStory(), OPTIONS);
    await summarizer.summarize(railStory('story-rail', ' (updated)'), OPTIONS);
    await summarizer.summarize(railStory(), { sentences: 1, quotes: 1 });
    expect(fake.requests).toHaveLength(3);
  });
});

describe('LlmStorySummarizer: the daily token budget', () => {
  it('stops calling once the day’s budget is spent, says so once, and resumes the next UTC day', async () => {
    const { fake, summarizer, logger, clock } = await setup({ openai: { dailyTokenBudget: 1000 } });
    fake.respond({ answer: GOOD_RAIL_ANSWER, usage: { prompt: 600, completion: 100 } });

    expect((await summarizer.summarize(railStory('a'), OPTIONS)).engine).toBe('llm');
    expect((await summarizer.summarize(railStory('b', ' (b)'), OPTIONS)).engine).toBe('offline');
    expect((await summarizer.summarize(railStory('c', ' (c)'), OPTIONS)).engine).toBe('offline');

    expect(fake.requests).toHaveLength(1);
    const budgetLines = logger.lines.filter((line) => line.includes('daily token budget'));
    expect(budgetLines).toEqual([
      'warn llm: daily token budget reached (700 of 1000 used on 2026-03-02, UTC); offline summaries until midnight UTC (summarizer.openai.dailyTokenBudget)',
    ]);

    clock.now = new Date('2026-03-03T00:00:01Z');
    expect((await summarizer.summarize(railStory('b', ' (b)'), OPTIONS)).engine).toBe('llm');
    expect(fake.requests).toHaveLength(2);
  });

  it('keeps counting across a restart on the same store', async () => {
    const { fake, summarizer, store, storeUrl, restart } = await setup({
      openai: { dailyTokenBudget: 1000 },
    });
    fake.respond({ answer: GOOD_RAIL_ANSWER, usage: { prompt: 600, completion: 100 } });
    await summarizer.summarize(railStory('a'), OPTIONS);
    await store.close();

    const restarted = await restart();
    expect((await restarted.summarize(railStory('b', ' (b)'), OPTIONS)).engine).toBe('offline');
    expect(fake.requests).toHaveLength(1);
    const reopened = await openStore(storeUrl);
    cleanups.push(() => reopened.close());
    expect(await reopened.collection<DailyUsage>('llm-usage').get('2026-03-02')).toEqual({
      promptTokens: 600,
      completionTokens: 100,
      calls: 1,
    });
  });

  it('estimates the tokens of a server that reports no usage, and counts them', async () => {
    const { fake, summarizer, logger } = await setup();
    fake.respond({ answer: GOOD_RAIL_ANSWER, usage: null });
    expect((await summarizer.summarize(railStory(), OPTIONS)).engine).toBe('llm');
    expect(logger.lines[0]).toMatch(/fake-model: \d+ \+ \d+ tokens, estimated, \d+ of 200000 today/);
  });
});

describe('createStorySummarizer', () => {
  const configWith = (yaml: string, env: Record<string, string> = {}) => {
    const file = join(mkdtempSync(join(tmpdir(), 'qw-llm-config-')), 'quotewire.yaml');
    writeFileSync(file, yaml);
    return loadConfig({ file, env });
  };

  it('returns the offline engine by default', async () => {
    const store = await openStore('sqlite://:memory:');
    cleanups.push(() => store.close());
    const summarizer = await createStorySummarizer({
      config: configWith(''),
      store,
      logger: createMemoryLogger(),
      clock: () => new Date(),
    });
    expect(summarizer).toBeInstanceOf(OfflineStorySummarizer);
  });
});
