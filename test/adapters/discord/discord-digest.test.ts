import { describe, expect, it } from 'vitest';
import {
  DISCORD_LIMITS,
  embedLength,
  type DiscordMessage,
} from '../../../src/adapters/discord/render-discord.js';
import type { Digest, DigestStory } from '../../../src/digest/digest.js';
import { DISPLAY_LIMITS } from '../../../src/chat/display-limits.js';
import { renderDiscordDigest } from '../../../src/adapters/discord/discord-digest.js';

const HOSTILE =
  '<b>bold</b> & *star* _under_ ~tilde~ |pipe| `tick` @everyone @here <@123> [x](javascript:alert(1))';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function story(n: number, overrides: Partial<DigestStory> = {}): DigestStory {
  return {
    id: `s${n}`,
    headline: `Headline ${n}`,
    summary: [`Summary of story ${n}.`],
    quotes: [
      { text: `Quote ${n}`, speaker: 'Ada Quist', source: 'Reuters', url: `https://reuters.example/${n}` },
    ],
    links: [
      { title: `Headline ${n}`, url: `https://reuters.example/${n}`, source: 'Reuters', published: null },
    ],
    sources: 1,
    articles: 1,
    updated: '2026-11-27T10:00:00.000Z',
    topics: [],
    engine: 'offline',
    ...overrides,
  };
}

function digest(stories: DigestStory[], overrides: Partial<Digest> = {}): Digest {
  return {
    date: '2026-11-27',
    generatedAt: '2026-11-27T12:00:00.000Z',
    window: { since: '2026-11-26T12:00:00.000Z', until: '2026-11-27T12:00:00.000Z', hours: 24 },
    topic: null,
    topics: [],
    stories,
    quoteOfTheDay: stories[0]?.quotes[0] ?? null,
    stats: { articles: stories.length, stories: stories.length },
    ...overrides,
  };
}

/** Asserts every documented Discord limit on every message. */
function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const message of messages) {
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(message.content?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    const embeds = message.embeds ?? [];
    expect(embeds.length).toBeLessThanOrEqual(DISCORD_LIMITS.embedsPerMessage);
    expect(embeds.reduce((sum, embed) => sum + embedLength(embed), 0)).toBeLessThanOrEqual(
      DISCORD_LIMITS.embedsTotal,
    );
    for (const embed of embeds) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
        expect(field.value.length).toBeGreaterThan(0);
      }
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footer);
      if (embed.url) expect(embed.url).toMatch(/^https?:\/\//);
      expect(JSON.stringify(embed)).not.toMatch(LONE_SURROGATE);
    }
  }
}

describe('renderDiscordDigest', () => {
  it('renders one embed per story: numbered headline linking to the lead, summary, quotes, sources', () => {
    const messages = renderDiscordDigest(
      digest([
        story(1, {
          sources: 2,
          articles: 3,
          links: [
            { title: 'A', url: 'https://reuters.example/1', source: 'Reuters', published: null },
            { title: 'B', url: 'https://bbc.example/1', source: 'BBC News', published: null },
          ],
        }),
      ]),
    );
    expect(messages).toHaveLength(1);
    const [message] = messages;
    expect(message!.content).toBe('**Quotewire digest for 2026-11-27**');
    const [embed, quoteOfTheDay] = message!.embeds!;
    expect(embed).toMatchObject({
      title: '1. Headline 1',
      url: 'https://reuters.example/1',
      description: 'Summary of story 1.\n\n> “Quote 1”\n> — **Ada Quist**, Reuters',
      fields: [
        {
          name: 'Sources',
          value: '[Reuters](https://reuters.example/1) · [BBC News](https://bbc.example/1)',
        },
      ],
      footer: { text: '2 sources, 3 articles' },
      timestamp: '2026-11-27T10:00:00.000Z',
    });
    expect(quoteOfTheDay).toMatchObject({
      title: 'Quote of the day',
      description: '> “Quote 1”\n> — **Ada Quist**, [Reuters](https://reuters.example/1)',
    });
  });

  it('keeps within every Discord limit, splitting across messages only between stories', () => {
    const long = (n: number) => `${'Long sentence with many words in it. '.repeat(n)}`.trim();
    const stories = Array.from({ length: 30 }, (_, i) =>
      story(i + 1, {
        headline: `${long(10)} ${i + 1}`,
        summary: [long(60), long(60), long(60)],
        quotes: Array.from({ length: 6 }, (_, q) => ({
          text: long(40),
          speaker: `Speaker ${q}`,
          source: 'Outlet',
          url: 'https://outlet.example/q',
        })),
        links: Array.from({ length: 60 }, (_, l) => ({
          title: `Link ${l}`,
          url: `https://outlet-${l}.example/${'path/'.repeat(20)}${i}`,
          source: `Outlet number ${l}`,
          published: null,
        })),
        sources: 60,
      }),
    );
    const messages = renderDiscordDigest(digest(stories));
    expectWithinLimits(messages);
    expect(messages.length).toBeGreaterThan(3);
    // At most DISPLAY_LIMITS.digestMessages messages per chat: the stories that fit, in order, each
    // whole in one embed; the others counted in one line; then the quote of the day.
    expect(messages.length).toBeLessThanOrEqual(DISPLAY_LIMITS.digestMessages);
    const embeds = messages.flatMap((message) => message.embeds!);
    const shown = embeds.filter((embed) => /^\d+\. /.test(embed.title ?? ''));
    expect(shown.map((embed) => Number(/^(\d+)\. /.exec(embed.title!)![1]))).toEqual(
      Array.from({ length: shown.length }, (_, i) => i + 1),
    );
    expect(embeds.at(-2)!.description).toBe(`*… and ${30 - shown.length} more stories.*`);
    expect(embeds.at(-1)!.title).toBe('Quote of the day');
    const sources = messages[0]!.embeds![0]!.fields![0]!.value;
    expect(sources).toMatch(/ and \d+ more$/);
    expect(messages[0]!.content).toBeDefined();
    expect(messages.slice(1).every((message) => message.content === undefined)).toBe(true);
  });

  it('escapes hostile headlines, summaries, quotes, speakers and sources, and links only http(s)', () => {
    const messages = renderDiscordDigest(
      digest(
        [
          story(1, {
            headline: HOSTILE,
            summary: [HOSTILE],
            quotes: [{ text: HOSTILE, speaker: '@everyone', source: HOSTILE, url: 'javascript:alert(1)' }],
            links: [{ title: HOSTILE, url: 'javascript:alert(1)', source: HOSTILE, published: null }],
          }),
        ],
        { topic: '@here <b>x</b>' },
      ),
    );
    expectWithinLimits(messages);
    const json = JSON.stringify(messages);
    expect(json).not.toMatch(/@(everyone|here)/);
    expect(json).not.toMatch(/<@/);
    expect(json).not.toContain('](javascript');
    expect(json).not.toMatch(/(?<!\\\\)\(javascript:/);
    const [embed, quoteOfTheDay] = messages[0]!.embeds!;
    expect(embed!.url).toBeUndefined();
    expect(embed!.title).toBe(
      '1. \\<b\\>bold\\</b\\> & \\*star\\* \\_under\\_ \\~tilde\\~ \\|pipe\\| \\`tick\\` @\u200beveryone @\u200bhere \\<\u200b@\u200b123\\> \\[x\\]\\(javascript:alert\\(1\\)\\)',
    );
    expect(quoteOfTheDay!.description).toContain('> — **@\u200beveryone**, \\<b\\>');
    expect(messages[0]!.content).toBe(
      '**Quotewire digest for 2026-11-27 \\(topic: @\u200bhere \\<b\\>x\\</b\\>\\)**',
    );
  });

  it('cuts long right-to-left and emoji headlines whole, without broken characters', () => {
    const headline = 'مرحبا بالعالم 👋🏽 שלום 👨‍👩‍👧‍👦 '.repeat(30);
    const messages = renderDiscordDigest(digest([story(1, { headline, summary: [headline.repeat(20)] })]));
    expectWithinLimits(messages);
    const title = messages[0]!.embeds![0]!.title!;
    expect(title.endsWith('…')).toBe(true);
    expect(headline.startsWith(title.slice('1. '.length, -1))).toBe(true);
    expect(title).toContain('👨‍👩‍👧‍👦');
    expect(title.replace(/👨‍👩‍👧‍👦|👋🏽/gu, '')).not.toMatch(/[\u{1F000}-\u{1FFFF}]/u);
  });

  it('says so when there is no story', () => {
    const messages = renderDiscordDigest(digest([], { topic: 'cricket' }));
    expect(messages).toEqual([
      {
        content:
          '**Quotewire digest for 2026-11-27 \\(topic: cricket\\)**\nNo stories about "cricket" yet. Try /digest without a topic.',
        allowedMentions: { parse: [] },
      },
    ]);
  });
});
