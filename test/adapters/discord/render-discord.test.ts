import { describe, expect, it } from 'vitest';
import { escapeMarkdown, maskedLink, truncate } from '../../../src/adapters/discord/discord-markdown.js';
import { DISCORD_LIMITS, renderDiscordMessages } from '../../../src/adapters/discord/render-discord.js';
import { heading, list, paragraph, quoteBlock, type Reply } from '../../../src/chat/reply.js';

/** Every hostile input the issue names, in one line. */
export const HOSTILE =
  '<b>bold</b> & *star* _under_ ~tilde~ |pipe| `tick` @everyone @here <@123> <@&456> [x](javascript:alert(1)) # h';
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** What a reader sees: Discord drops the backslash of an escape and shows the zero-width space as nothing. */
function shown(markdown: string): string {
  return markdown.replace(/\\([^\p{L}\p{N}\s])/gu, '$1').replace(/\u200b/g, '');
}

/** Markdown characters that are not escaped by a backslash. */
function unescapedMarkup(markdown: string): string[] {
  return [...markdown.replace(/\\[^\p{L}\p{N}\s]/gu, '').matchAll(/[*_~|`[\]()<>]/g)].map((m) => m[0]);
}

describe('escapeMarkdown', () => {
  it('escapes every markdown character and neutralises mentions, and reads the same', () => {
    const escaped = escapeMarkdown(HOSTILE);
    expect(unescapedMarkup(escaped)).toEqual([]);
    expect(escaped).not.toMatch(/@(everyone|here)/);
    expect(escaped).not.toMatch(/<@/);
    expect(escaped).not.toContain('](');
    expect(shown(escaped)).toBe(HOSTILE);
  });

  it('escapes line-start markers (headings, lists, quotes, numbered lists) without showing a backslash', () => {
    expect(escapeMarkdown('# title\n- item\n> quote\n12. point')).toBe(
      '\\# title\n\\- item\n\\> quote\n12\\. point',
    );
  });

  it('removes terminal and bidi control characters, keeps right-to-left letters and emoji', () => {
    expect(escapeMarkdown('a\u001b[31mb\u202ec שלום مرحبا 👨‍👩‍👧')).toBe('a\\[31mbc שלום مرحبا 👨‍👩‍👧');
  });
});

describe('maskedLink', () => {
  it('links only http(s) URLs, with the label escaped and the target made safe', () => {
    expect(maskedLink('BBC *News*', 'https://bbc.example/a_(b) c')).toBe(
      '[BBC \\*News\\*](<https://bbc.example/a_%28b%29%20c>)',
    );
    expect(maskedLink('click', 'javascript:alert(1)')).toBe('click');
    expect(maskedLink('file', 'file:///etc/passwd')).toBe('file');
    expect(maskedLink('x', 'https://e.example/', { embedded: true })).toBe('[x](https://e.example/)');
  });
});

describe('truncate', () => {
  it('cuts at a grapheme boundary and never breaks a surrogate pair, a flag or a family', () => {
    const text = '👨‍👩‍👧‍👦🇫🇷'.repeat(40);
    for (let max = 1; max < 80; max++) {
      const cut = truncate(text, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      expect(cut).not.toMatch(LONE_SURROGATE);
      expect(cut.endsWith('…')).toBe(true);
      const body = cut.slice(0, -1);
      expect(text.startsWith(body)).toBe(true);
      expect(body.replace(/👨‍👩‍👧‍👦|🇫🇷/gu, '')).toBe('');
    }
  });
});

describe('renderDiscordMessages', () => {
  it('renders headings, emphasis, links, lists and quotes as Discord markdown', () => {
    const reply: Reply = {
      blocks: [
        heading('Quotes by Mike Pompeo'),
        paragraph(
          'Read ',
          { text: 'this', bold: true },
          ' and ',
          { text: 'that ', italic: true },
          { text: 'BBC', link: 'https://bbc.example/x' },
        ),
        list([['one'], [{ text: 'two', code: true }]]),
        quoteBlock('It is the central threat of our time.', 'Mike Pompeo, ', {
          text: 'Reuters',
          link: 'https://reuters.example/y',
        }),
      ],
    };
    const [message, ...rest] = renderDiscordMessages(reply);
    expect(rest).toEqual([]);
    expect(message!.content).toBe(
      [
        '**Quotes by Mike Pompeo**',
        'Read **this** and *that* [BBC](<https://bbc.example/x>)',
        '- one\n- `two`',
        '> “It is the central threat of our time.”\n> — Mike Pompeo, [Reuters](<https://reuters.example/y>)',
      ].join('\n\n'),
    );
    expect(message!.allowedMentions).toEqual({ parse: [] });
  });

  it('escapes hostile text in every kind of block, and never links anything but http(s)', () => {
    const reply: Reply = {
      blocks: [
        heading(HOSTILE),
        paragraph(HOSTILE, { text: HOSTILE, link: 'javascript:alert(1)' }, { text: HOSTILE, bold: true }),
        list([[HOSTILE]]),
        quoteBlock(HOSTILE, HOSTILE),
        paragraph({ text: HOSTILE, code: true }),
      ],
    };
    const [message] = renderDiscordMessages(reply);
    const content = message!.content!;
    expect(content).not.toMatch(/@(everyone|here)/);
    expect(content).not.toMatch(/<@/);
    // Markdown is not parsed inside the code span (the last block), so only the others can link.
    const markup = content.split('\n\n').slice(0, -1).join('\n\n');
    expect(markup).not.toMatch(/\]\(/);
    expect(markup).not.toMatch(/(?<!\\)\(javascript:/);
    // Outside our own markers, nothing is markup: strip the markers we emit and check the rest.
    const ours = content.replace(/^\*\*|\*\*$/gm, '').replace(/^- |^> |“|”|— /gm, '');
    expect(unescapedMarkup(ours.split('\n\n').slice(0, -1).join('\n').replace(/\*\*/g, ''))).toEqual([]);
    // The code span cannot be closed early: its backticks are look-alikes.
    expect(content.split('\n\n').at(-1)).toMatch(/^`[^`]+`$/);
    expect(shown(content)).toContain(HOSTILE);
  });

  it('keeps each message within 2,000 characters, splitting between blocks', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${'word '.repeat(60).trim()}.`);
    const messages = renderDiscordMessages({ blocks: paragraphs.map((text) => paragraph(text)) });
    expect(messages.length).toBeGreaterThan(5);
    for (const message of messages) {
      expect(message.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(message.allowedMentions).toEqual({ parse: [] });
    }
    // Every paragraph is whole in exactly one message, in order.
    const joined = messages.map((message) => message.content).join('\n\n');
    expect(joined).toBe(paragraphs.join('\n\n'));
  });

  it('splits a block longer than a message at spaces, keeping its formatting and every word', () => {
    const words = Array.from({ length: 900 }, (_, i) => `w${i}`);
    // Built by hand: the reply builders cap text long before this; the renderer must still cope.
    const messages = renderDiscordMessages({
      blocks: [
        { type: 'paragraph', spans: [{ text: words.join(' '), bold: true }] },
        { type: 'quote', text: words.join(' '), attribution: [{ text: 'Someone' }] },
      ],
    });
    expect(messages.length).toBeGreaterThanOrEqual(4);
    for (const message of messages)
      expect(message.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    const text = messages.map((message) => message.content).join('\n');
    expect(text.match(/\bw\d+\b/g)).toEqual([...words, ...words]);
    expect(messages[0]!.content!.startsWith('**w0 ')).toBe(true);
    expect(text).toContain('”\n> — Someone');
  });

  it('keeps right-to-left text and emoji intact across splits', () => {
    const unit = 'שלום עולם 👨‍👩‍👧‍👦 مرحبا بالعالم 🇫🇷 ';
    const text = unit.repeat(150);
    const messages = renderDiscordMessages({ blocks: [{ type: 'paragraph', spans: [{ text }] }] });
    expect(messages.length).toBeGreaterThan(1);
    for (const message of messages) {
      expect(message.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
      expect(message.content).not.toMatch(LONE_SURROGATE);
    }
    const all = messages.map((message) => message.content).join(' ');
    expect(all.match(/👨‍👩‍👧‍👦/gu)).toHaveLength(150);
    expect(all.match(/🇫🇷/gu)).toHaveLength(150);
    expect(all.match(/مرحبا/g)).toHaveLength(150);
  });

  it('points to /more when there is a next page, unless the adapter shows a button instead', () => {
    const reply: Reply = { blocks: [paragraph('page one')], hasMore: true, more: { token: 't' } };
    expect(renderDiscordMessages(reply)[0]!.content).toBe('page one\n\n*More: /more*');
    expect(renderDiscordMessages(reply, { moreHint: null })[0]!.content).toBe('page one');
  });

  it('shows a reply’s image as an embed image under what it illustrates, never a bad address', () => {
    const blocks = [heading('Digest'), paragraph('1. Top story'), paragraph('2. Next story')];
    const messages = renderDiscordMessages({
      blocks,
      image: { url: 'https://img.example.com/a.jpg', blocks: 2 },
    });
    expect(messages[0]!.content).toBe('**Digest**\n\n1\\. Top story');
    expect(messages[0]!.embeds).toEqual([
      { image: { url: 'https://img.example.com/a.jpg' }, color: 0x2f6fde },
    ]);
    expect(messages[1]).toEqual({ content: '2\\. Next story', allowedMentions: { parse: [] } });
    const refused = renderDiscordMessages({ blocks, image: { url: 'http://localhost/a.jpg', blocks: 2 } });
    expect(refused.some((message) => message.embeds)).toBe(false);
  });
});
