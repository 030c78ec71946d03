/**
 * Bounds on everything a digest or a reply shows: text from feeds is capped where it enters the
 * digest model, so a 2,000,000-character title renders as one short headline and a 10,000-word
 * quote as one capped key quote, and a digest for one chat is at most DISPLAY_LIMITS.digestMessages
 * messages on either platform.
 */
import { describe, expect, it } from 'vitest';
import { renderDiscordDigest } from '../../src/adapters/discord/discord-digest.js';
import { renderDigestTelegram } from '../../src/adapters/telegram/telegram-digest.js';
import { renderTelegram } from '../../src/adapters/telegram/render-telegram.js';
import { capLine, capText, DISPLAY_LIMITS, echo } from '../../src/chat/display-limits.js';
import { heading, list, paragraph, quoteBlock } from '../../src/chat/reply.js';
import { englishLabels } from '../../src/delivery/digest-labels.js';
import { DigestBuilder } from '../../src/digest/digest-builder.js';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { digestFixture, storyFixture } from '../helpers/digest-fixture.js';

const NOW = new Date('2026-03-02T10:00:00Z');

function article(id: string, fields: Partial<StoredArticle> = {}): StoredArticle {
  return {
    id,
    url: `https://news.example/${id}`,
    title: `Harbour ${id} reopens after the storm`,
    byline: null,
    published: '2026-03-02T08:00:00.000Z',
    source: 'Wire',
    text: 'The harbour reopened on Monday after repairs. Officials said ferries would run again.',
    summary: ['The harbour reopened on Monday after repairs.'],
    quotes: [],
    seenAt: '2026-03-02T09:00:00.000Z',
    sourceId: 'wire',
    categories: [],
    ...fields,
  };
}

const build = (articles: StoredArticle[]) =>
  new DigestBuilder(
    { seenSince: async () => articles },
    { maxStories: 50, quotesPerStory: 2, windowHours: 24 },
  ).build(NOW);

describe('capText and capLine', () => {
  it('cut with an ellipsis at a word boundary, never halving a surrogate pair', () => {
    expect(capText('short', 10)).toBe('short');
    expect(capText('alpha beta gamma delta', 20)).toBe('alpha beta gamma…');
    expect(capText('a'.repeat(2_000_000), 200)).toHaveLength(200);
    const emoji = '😀'.repeat(10);
    expect(capText(emoji, 6)).toBe('😀😀…');
    expect(capLine(`a\n\n b   ${'c'.repeat(5_000_000)}`, 20)).toBe(`a b ${'c'.repeat(15)}…`);
    expect(echo('x'.repeat(1_000_000)).length).toBeLessThanOrEqual(DISPLAY_LIMITS.echo);
  });
});

describe('a digest of hostile feed items', () => {
  it('shows a 2,000,000-character title as one short headline, and a 10,000-word quote as a capped key quote', async () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `word${i}`).join(' ');
    const text = `The mayor spoke at length. "${words}," said Mayor Ana Ruiz.`;
    const digest = await build([
      article('big', {
        title: `Storm ${'x'.repeat(2_000_000)}`,
        text,
        quotes: [{ text: words, speaker: 'Ana Ruiz', start: 28, end: 28 + words.length }],
      }),
    ]);
    const [story] = digest.stories;
    expect(story!.headline.length).toBeLessThanOrEqual(DISPLAY_LIMITS.headline);
    expect(story!.headline).toMatch(/^Storm x+…$/);
    expect(story!.quotes[0]!.text.length).toBeLessThanOrEqual(DISPLAY_LIMITS.quote);
    expect(story!.quotes[0]!.text.endsWith('…')).toBe(true);
    expect(digest.quoteOfTheDay!.text.length).toBeLessThanOrEqual(DISPLAY_LIMITS.quote);
    expect(story!.links[0]!.title.length).toBeLessThanOrEqual(DISPLAY_LIMITS.name);

    const telegram = renderDigestTelegram(digest, englishLabels);
    expect(telegram).toHaveLength(1);
    expect(telegram[0]!.plain.length).toBeLessThan(2_000);
    const discord = renderDiscordDigest(digest);
    expect(discord).toHaveLength(1);
  });

  it(`is at most ${DISPLAY_LIMITS.digestMessages} messages for one chat, naming how many stories were left out`, () => {
    const long = 'A long sentence of the summary that goes on. '.repeat(25);
    const quote = { text: 'Q '.repeat(200), speaker: 'Someone', source: 'Wire', url: 'https://w.example/q' };
    const stories = Array.from({ length: 50 }, (_, i) =>
      storyFixture(`Story ${i + 1}`, long, [quote, quote], `https://news.example/${i}`),
    );
    const digest = digestFixture(stories);
    const telegram = renderDigestTelegram(digest, englishLabels);
    expect(telegram.length).toBeLessThanOrEqual(DISPLAY_LIMITS.digestMessages);
    const text = telegram.map((message) => message.plain).join('\n');
    const shown = (text.match(/^\d+\. Story/gm) ?? []).length;
    expect(shown).toBeGreaterThan(3);
    expect(text).toContain(`… and ${50 - shown} more stories.`);
    expect(renderDiscordDigest(digest).length).toBeLessThanOrEqual(DISPLAY_LIMITS.digestMessages);
  });
});

describe('the reply model', () => {
  it('caps every text as it enters a reply, and a reply is at most a few messages', () => {
    const huge = 'w '.repeat(1_000_000);
    const blocks = [
      heading(huge),
      paragraph(huge, { text: huge, link: `https://e.example/${'p'.repeat(10_000)}` }),
      quoteBlock(huge, huge),
      list(Array.from({ length: 1_000 }, () => [huge])),
    ];
    const json = JSON.stringify(blocks);
    expect(json.length).toBeLessThan(400_000);
    expect(json).not.toContain('p'.repeat(10_000));
    expect(renderTelegram({ blocks }).length).toBeLessThanOrEqual(DISPLAY_LIMITS.replyMessages);
  });
});
