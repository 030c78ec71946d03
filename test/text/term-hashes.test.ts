import { describe, expect, it } from 'vitest';
import { hashWord, scanTerms } from '../../src/text/term-hashes.js';

function terms(text: string, skip: string[] = []): { hashes: number[]; words: number } {
  const hashes: number[] = [];
  const words = scanTerms(text, 0, text.length, new Set(skip.map(hashWord)), hashes);
  return { hashes, words };
}

describe('scanTerms', () => {
  it('hashes words case-insensitively and counts every word', () => {
    const { hashes, words } = terms('Ship SHIP ship-yard');
    expect(words).toBe(4);
    expect(hashes).toEqual([hashWord('ship'), hashWord('ship'), hashWord('ship'), hashWord('yard')]);
  });

  it('folds regular plurals onto the singular', () => {
    expect(terms('ships parties Ties').hashes).toEqual([
      hashWord('ship'),
      hashWord('party'),
      hashWord('tie'),
    ]);
    expect(terms('glass bus crisis gas').hashes).toEqual(['glass', 'bus', 'crisis', 'gas'].map(hashWord));
  });

  it('skips one-letter words and the words it is told to skip', () => {
    const { hashes, words } = terms('A dog and the cat', ['the', 'and']);
    expect(words).toBe(5);
    expect(hashes).toEqual([hashWord('dog'), hashWord('cat')]);
  });

  it('reads only the requested range', () => {
    const hashes: number[] = [];
    expect(scanTerms('alpha beta gamma', 6, 10, new Set(), hashes)).toBe(1);
    expect(hashes).toEqual([hashWord('beta')]);
  });

  it('gives distinct hashes to distinct words', () => {
    const words = ['police', 'polices', 'policy', 'minister', 'ministry', 'ban', 'bank', 'nab'];
    expect(new Set(words.map(hashWord)).size).toBe(words.length);
  });
});
