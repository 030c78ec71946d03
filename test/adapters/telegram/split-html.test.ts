import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../../src/adapters/telegram/render-telegram.js';
import {
  splitTelegramHtml,
  visibleLength,
  visibleText,
  type HtmlMeasure,
} from '../../../src/adapters/telegram/split-html.js';

/** A small seeded generator (mulberry32), so a failing case can be run again from its seed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = [
  'news',
  'Mayor',
  'said',
  'élan',
  'Tom & Jerry',
  'a<b',
  'x>y',
  '😀',
  'rates',
  '"quoted"',
  'naïve',
  '2025',
];
const TAGS = ['b', 'i', 'u', 's', 'code', 'a'];

/** A story as the renderers write it: paragraphs of sentences, runs of words in nested tags. */
function story(next: () => number): { html: string; paragraphs: string[] } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const words = (count: number) => Array.from({ length: count }, () => escapeHtml(pick(WORDS))).join(' ');
  const wrap = (text: string, depth: number): string => {
    if (depth >= 3 || next() < 0.5) return text;
    const tag = pick(TAGS);
    const inner = wrap(text, depth + 1);
    return tag === 'a'
      ? `<a href="https://example.com/${depth}?a=1&amp;b=2">${inner}</a>`
      : `<${tag}>${inner}</${tag}>`;
  };
  const sentence = () => {
    const runs = Array.from({ length: 1 + Math.floor(next() * 4) }, () =>
      wrap(words(1 + Math.floor(next() * 8)), 0),
    );
    return `${runs.join(' ')}${pick(['.', '!', '?', '…'])}`;
  };
  const paragraph = () => {
    const roll = next();
    // Now and then a paragraph longer than any message, or one word longer than a caption.
    if (roll < 0.08) return wrap(Array.from({ length: 80 }, sentence).join(' '), 0);
    if (roll < 0.12) return `<b>${'long'.repeat(300)}</b> end.`;
    const body = Array.from({ length: 1 + Math.floor(next() * 8) }, sentence).join(' ');
    return next() < 0.2 ? `<blockquote>${body}\n— ${words(2)}</blockquote>` : body;
  };
  const paragraphs = Array.from({ length: 1 + Math.floor(next() * 12) }, paragraph);
  return { html: paragraphs.join(next() < 0.5 ? '\n\n' : '\n'), paragraphs };
}

/** Each visible character with the tags around it: equal lists mean the same words, same formatting. */
function styledChars(html: string): string[] {
  const out: string[] = [];
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>|&[a-z#0-9]+;|[\s\S]/giu)) {
    if (match[2]) {
      if (match[1]) stack.pop();
      else stack.push(match[0]);
    } else if (!/^\s$/u.test(match[0])) {
      out.push(`${match[0]}|${stack.join('')}`);
    }
  }
  return out;
}

/** Tags balance and nest, every `&` starts an entity, no `<` or `>` outside a tag, no lone surrogate. */
function wellFormed(html: string): boolean {
  const stack: string[] = [];
  for (const match of html.matchAll(/<(\/?)([a-z]+)[^>]*>|&(?:amp|lt|gt|quot);|([&<>])|[\s\S]/giu)) {
    if (match[3]) return false;
    if (!match[2]) continue;
    if (!match[1]) stack.push(match[2]);
    else if (stack.pop() !== match[2]) return false;
  }
  return (
    stack.length === 0 &&
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u.test(html)
  );
}

const size = (html: string, measure: HtmlMeasure) => (measure === 'html' ? html.length : visibleLength(html));
const squeeze = (text: string) => text.replace(/\s+/gu, '');

describe('splitting Telegram HTML', () => {
  it('cuts between paragraphs, then sentences, then words, closing and reopening tags', () => {
    expect(splitTelegramHtml('<b>One.</b>\n\n<i>Two, a longer one.</i>', 25)).toEqual([
      '<b>One.</b>',
      '<i>Two, a longer one.</i>',
    ]);
    expect(splitTelegramHtml('<b>First one. Second <i>one here</i> now</b>', 30)).toEqual([
      '<b>First one.</b>',
      '<b>Second <i>one here</i></b>',
      '<b>now</b>',
    ]);
    // A caption counts what Telegram shows: a long link address costs nothing.
    const link = `<a href="https://example.com/${'p'.repeat(2000)}">the words of the link</a> and more`;
    expect(splitTelegramHtml(link, 1024, 'visible')).toEqual([link]);
    expect(splitTelegramHtml(link, 12, 'visible').map(visibleText)).toEqual([
      'the words of',
      'the link and',
      'more',
    ]);
  });

  it('keeps every generated story whole, well-formed and within the limit (property test)', () => {
    const cases: [number, HtmlMeasure][] = [
      [4096, 'html'],
      [1024, 'visible'],
      [600, 'html'],
      [300, 'visible'],
    ];
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const { html, paragraphs } = story(next);
      for (const [limit, measure] of cases) {
        const parts = splitTelegramHtml(html, limit, measure);
        const where = `seed ${seed}, ${measure} ${limit}`;
        for (const part of parts) {
          expect(size(part, measure), where).toBeLessThanOrEqual(limit);
          expect(wellFormed(part), `${where}: ${part}`).toBe(true);
        }
        // The same characters with the same formatting, in order: nothing lost, nothing restyled.
        expect(parts.flatMap(styledChars), where).toEqual(styledChars(html));
        // A paragraph that fits in a part is never cut.
        const shown = parts.map((part) => squeeze(visibleText(part)));
        for (const paragraph of paragraphs) {
          if (size(paragraph, measure) > limit) continue;
          const words = squeeze(visibleText(paragraph));
          expect(
            shown.some((part) => part.includes(words)),
            `${where}: ${paragraph.slice(0, 80)}`,
          ).toBe(true);
        }
      }
    }
  });

  it('leaves text that fits alone, and reads entities as Telegram does', () => {
    expect(splitTelegramHtml('<b>a &amp; b</b>', 100)).toEqual(['<b>a &amp; b</b>']);
    expect(visibleLength('<b>a &amp; b</b> 😀')).toBe(8);
    expect(visibleText('<i>x &lt;y&gt; &quot;z&quot; &#8212;</i>')).toBe('x <y> "z" —');
  });
});
