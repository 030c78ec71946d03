import { describe, expect, it } from 'vitest';
import { renderDigestTelegram } from '../../../src/adapters/telegram/telegram-digest.js';
import { escapeHtml, renderTelegram } from '../../../src/adapters/telegram/render-telegram.js';
import { visibleLength } from '../../../src/adapters/telegram/split-html.js';
import { heading, list, paragraph, quoteBlock, reply } from '../../../src/chat/reply.js';
import { labelsFor } from '../../../src/delivery/digest-labels.js';
import { testTranslations } from '../../helpers/translations.js';

const englishLabels = labelsFor('en', {}, testTranslations());
import type { Digest } from '../../../src/digest/digest.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';

describe('Telegram HTML rendering', () => {
  it('escapes text and attributes, and links only http(s)', () => {
    const [message] = renderTelegram(
      reply.of(
        heading('Tom & Jerry <script>'),
        paragraph(
          { text: 'safe', link: 'https://example.com/?a=1&b="2"' },
          ' ',
          { text: 'evil', link: 'javascript:alert(1)' },
          ' ',
          { text: 'x<y', bold: true, code: true },
        ),
        quoteBlock('A "quote" <b>', 'Someone'),
      ),
    );
    expect(message!.html).toBe(
      '<b>Tom &amp; Jerry &lt;script&gt;</b>\n\n' +
        '<a href="https://example.com/?a=1&amp;b=&quot;2&quot;">safe</a> evil <b><code>x&lt;y</code></b>\n\n' +
        '<blockquote>“A "quote" &lt;b&gt;”\n— Someone</blockquote>',
    );
    expect(message!.plain).toContain('Tom & Jerry <script>');
    expect(escapeHtml('a\u001b[31mb')).toBe('a[31mb');
  });

  it('says an empty digest is the chat filters’ doing when they left out every story', () => {
    const empty = digestFixture([]);
    expect(renderDigestTelegram(empty, englishLabels)[0]!.plain).toContain('No new stories today.');
    const filtered = { ...empty, stats: { articles: 5, stories: 0, filtered: 3 } };
    expect(renderDigestTelegram(filtered, englishLabels)[0]!.plain).toContain(
      'All 3 stories of the last 24 hours were left out by this chat’s filters. /filter lists them; /filter clear removes them.',
    );
    // A language with its own words in the config keeps them for a digest that is simply empty.
    const configured = labelsFor('en', { en: { noStories: 'Quiet day.' } }, testTranslations());
    expect(renderDigestTelegram(empty, configured)[0]!.plain).toContain('Quiet day.');
    expect(renderDigestTelegram(filtered, configured)[0]!.plain).toContain('left out by this chat’s filters');
  });

  it('splits a long reply between blocks, every message within 4,096 characters', () => {
    const blocks = Array.from({ length: 30 }, (_, i) => paragraph(`${i} ${'word '.repeat(60)}`));
    const messages = renderTelegram(reply.of(...blocks));
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) expect(message.html.length).toBeLessThanOrEqual(4096);
    const rejoined = messages.map((message) => message.plain).join('\n\n');
    expect(rejoined.split('\n\n')).toHaveLength(30);
    // A single block longer than a message is cut, still within the limit.
    const huge = renderTelegram(reply.of(list([[`${'&'.repeat(5000)}`]])));
    for (const message of huge) expect(message.html.length).toBeLessThanOrEqual(4096);
  });

  it('renders a digest split only between stories', () => {
    const digest: Digest = digestFixture(
      Array.from({ length: 6 }, (_, i) =>
        storyFixture(
          `Headline ${i + 1}`,
          's'.repeat(1200),
          [{ text: `Quote ${i + 1} & more`, speaker: 'Ann Lee', source: 'Wire', url: 'https://w.example/' }],
          `https://w.example/${i}`,
        ),
      ),
      'climate',
      { text: 'Best quote', speaker: 'Ann Lee', source: 'Wire', url: 'https://w.example/' },
    );
    const messages = renderDigestTelegram(digest, englishLabels);
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]!.html.startsWith('<b>Quotewire digest for 2025-10-26 (topics: climate)</b>')).toBe(
      true,
    );
    for (const message of messages) {
      expect(message.html.length).toBeLessThanOrEqual(4096);
      // Each story's headline and its link are in the same message.
      for (const match of message.html.matchAll(/Headline (\d)/g)) {
        expect(message.html).toContain(`https://w.example/${Number(match[1]) - 1}`);
      }
    }
    expect(messages.at(-1)!.html).toContain('<b>Quote of the day</b>');
    expect(messages.map((m) => m.html).join('')).toContain('Quote 1 &amp; more');
  });
});

describe('a reply with an image (/digest)', () => {
  const long = 'A sentence of the top story that goes on. '.repeat(30);
  const withImage = (url: string) => ({
    ...reply.of(heading('Digest'), paragraph(long), paragraph('2. The next story')),
    image: { url, blocks: 2 },
  });

  it('starts with the photo, captioned with what it illustrates within 1,024 characters', () => {
    const [photo, ...rest] = renderTelegram(withImage('https://img.example.com/a.jpg'));
    expect(photo!.photo).toBe('https://img.example.com/a.jpg');
    expect(visibleLength(photo!.html)).toBeLessThanOrEqual(1024);
    expect(photo!.html).toMatch(/^<b>Digest<\/b>/);
    // The rest of the top story goes on after the photo, then the next story.
    const after = rest.map((m) => m.html).join('\n\n');
    expect(after).toContain('2. The next story');
    expect(`${photo!.html} ${after}`.match(/A sentence/g)).toHaveLength(30);
  });

  it('drops an image address Telegram must not fetch', () => {
    const messages = renderTelegram(withImage('http://127.0.0.1/admin.png'));
    expect(messages.some((m) => m.photo)).toBe(false);
    expect(messages[0]!.html).toMatch(/^<b>Digest<\/b>/);
  });
});
