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
