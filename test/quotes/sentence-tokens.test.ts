import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { isAbbreviation, tokenizeParagraph } from '../../src/quotes/sentence-tokens.js';

const SAMPLE = fileURLToPath(new URL('../../samples/pompeo-huawei-2020-02-01.txt', import.meta.url));

/**
 * The tokens' bounds as the regular expression the scanner replaced found them: words of letters and
 * digits joined by inner ’ ' - . &, or any other single code point; white space between them; a word
 * cut at the range's end; an abbreviation's period taken into the word.
 */
function regexBounds(text: string, from: number, to: number): [number, number][] {
  const token = /([\p{L}\p{N}]+(?:[’'\-.&][\p{L}\p{N}]+)*)|[^\s\p{L}\p{N}]/gu;
  const bounds: [number, number][] = [];
  token.lastIndex = from;
  for (;;) {
    const match = token.exec(text);
    if (match === null || match.index >= to) break;
    let end = Math.min(match.index + match[0].length, to);
    if (match[1] !== undefined && end < to && text[end] === '.' && isAbbreviation(match[0])) end++;
    bounds.push([match.index, end]);
    token.lastIndex = end;
  }
  return bounds;
}

const scannerBounds = (text: string, from: number, to: number) =>
  tokenizeParagraph(text, { start: from, end: to }, []).map((token): [number, number] => [
    token.start,
    token.end,
  ]);

describe('tokenizeParagraph', () => {
  it('finds the tokens the regular expression it replaced found, on any text', () => {
    const cases = [
      'Mr. Pompeo said: “It’s the U.S. and AT&T — not us.” Dr. J. Smith-Jones (65) left at 5 p.m.',
      "don't ’tis rock'n'roll x-ray -dash trailing- 3.14 a.b.c. e.g. Gen. St.",
      'emoji 👍🏽 math 𝐀𝐁 surrogate \ud800 alone \udc00 too, 𝟙𝟚 digits',
      'nbsp\u00a0and\u2003em\u3000space\ufeffbom\u200bzero-width',
      'combining é vs é, Ελληνικά, Русский, 中文字, عربي',
      '',
      '   ',
    ];
    let seed = 11;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 1) >>> 0) / 2 ** 32;
    const alphabet = [..."aZ9 .'’-&,\n\t\u00a0éΩ中👍\ud800\udc00()“”"];
    for (let n = 0; n < 400; n++) {
      const length = Math.floor(random() * 120);
      cases.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    cases.push(readFileSync(SAMPLE, 'utf8'));
    for (const text of cases) {
      // A range starts and ends where a paragraph or a quotation does, never inside a surrogate pair
      // (there the regular expression stepped back to the pair's start, and looped at its end).
      const boundary = (at: number) =>
        /[\udc00-\udfff]/.test(text[at] ?? '') && /[\ud800-\udbff]/.test(text[at - 1] ?? '') ? at + 1 : at;
      const ranges: [number, number][] = [
        [0, text.length],
        [boundary(Math.floor(text.length / 3)), boundary(Math.floor((2 * text.length) / 3))],
      ];
      for (const [from, to] of ranges) {
        expect(scannerBounds(text, from, to), JSON.stringify([text, from, to])).toEqual(
          regexBounds(text, from, to),
        );
      }
    }
  });
});
