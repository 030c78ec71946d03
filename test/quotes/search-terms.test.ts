import { describe, expect, it } from 'vitest';
import { buildTermFilter, filterTerms, searchTerms, TermFilter } from '../../src/quotes/search-terms.js';
import { TypoIndex } from '../../src/quotes/typo-index.js';

describe('search terms', () => {
  it('folds case, accents, apostrophes and regular plurals', () => {
    expect(searchTerms("Huawei's SANCTIONS on the parties' ships")).toEqual([
      'huawei',
      'sanction',
      'on',
      'the',
      'party',
      'ship',
    ]);
    expect(searchTerms('Crisis in the glass café, bus déjà')).toEqual([
      'crisis',
      'in',
      'the',
      'glass',
      'cafe',
      'bus',
      'deja',
    ]);
  });

  it('bounds a filter typed by a user', () => {
    expect(filterTerms(undefined)).toEqual([]);
    expect(filterTerms('Huawei huawei 5G')).toEqual(['huawei', '5g']);
    expect(filterTerms('a b c d e f g h i j k')).toHaveLength(8);
    expect(filterTerms('.*+?^${}()|[]\\')).toEqual([]);
    expect(filterTerms('x'.repeat(10_000))).toEqual([]);
  });
});

describe('term filters', () => {
  it('never rules out a word the text has, and rules out most others', () => {
    const text = Array.from({ length: 600 }, (_, i) => `word${i}`).join(' ');
    const filter = new TermFilter(buildTermFilter(text));
    for (let i = 0; i < 600; i++) expect(filter.mayContain(`word${i}`)).toBe(true);
    const falseHits = Array.from({ length: 2_000 }, (_, i) => filter.mayContain(`other${i}`)).filter(Boolean);
    expect(falseHits.length).toBeLessThan(40);
  });

  it('hashes ASCII text in one pass to the very filter the word-by-word reading gives', () => {
    // The reading the one-pass scan replaced: fold the words, keep the distinct ones, hash each.
    const wordByWord = (text: string): string => {
      const terms = new Set(searchTerms(text));
      let bits = 512;
      while (bits < terms.size * 12 && bits < 1 << 16) bits *= 2;
      const bytes = new Uint8Array(bits / 8);
      for (const term of terms) {
        let h1 = 0x811c9dc5;
        let h2 = 0x01000193 ^ 0x5bd1e995;
        for (let i = 0; i < term.length; i++) {
          h1 = Math.imul(h1 ^ term.charCodeAt(i), 0x01000193);
          h2 = Math.imul(h2 ^ term.charCodeAt(i), 0x5bd1e995);
          h2 ^= h2 >>> 15;
        }
        for (let k = 0; k < 5; k++) {
          const bit = (((h1 >>> 0) + Math.imul(k, h2 | 1)) >>> 0) & (bits - 1);
          bytes[bit >>> 3]! |= 1 << (bit & 7);
        }
      }
      return Buffer.from(bytes).toString('base64');
    };
    const cases = [
      "Huawei's SANCTIONS on the parties' ships, the bus and the glass crisis",
      "x's'y a'sb don't `quoted` ''s 's_ it's_ IT'S Bus's ies lies series 5G's ssss",
      '',
      "'",
      "'s",
      'A'.repeat(300) + 'IES word',
    ];
    let seed = 7;
    const random = () => ((seed = Math.imul(seed ^ (seed >>> 15), 0x2c1b3c6d) + 1) >>> 0) / 2 ** 32;
    const alphabet = "aeisuySIEU05'`'s _-.\n,";
    for (let n = 0; n < 300; n++) {
      const length = Math.floor(random() * 400);
      cases.push(Array.from({ length }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''));
    }
    // Large enough for the filter to grow past its smallest size.
    cases.push(Array.from({ length: 3_000 }, (_, i) => `Term${i}s's`).join(' '));
    for (const text of cases) expect(buildTermFilter(text), JSON.stringify(text)).toBe(wordByWord(text));
  });

  it('treats a damaged filter as "maybe"', () => {
    expect(new TermFilter('').mayContain('anything')).toBe(true);
    expect(new TermFilter('AAAA').mayContain('anything')).toBe(true);
  });
});

describe('TypoIndex', () => {
  it('finds words within the allowed edits, nearest first', () => {
    const index = new TypoIndex();
    for (const word of ['pompeo', 'pompey', 'raab', 'rabb', 'quist']) index.add(word);
    expect(index.near('pompei', 1).map((near) => near.word)).toEqual(['pompeo', 'pompey']);
    expect(index.near('opmpeo', 1)).toEqual([{ word: 'pompeo', distance: 1 }]);
    expect(index.near('pmopei', 2).map((near) => near.word)).toContain('pompeo');
    expect(index.near('raab', 0)).toEqual([{ word: 'raab', distance: 0 }]);
    expect(index.near('zzzzzz', 2)).toEqual([]);
    expect(index.near('x'.repeat(500), 2)).toEqual([]);
  });
});
