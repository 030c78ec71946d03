import { describe, expect, it } from 'vitest';
import { rougeF1, rougeL, rougeN, rougeTokens } from '../../src/summaries/rouge.js';

describe('rougeTokens', () => {
  it('lowercases, splits on anything but [a-z0-9] and stems words longer than three letters', () => {
    expect(rougeTokens("The runners' U.S.-based club was running")).toEqual([
      'the', 'runner', 'u', 's', 'base', 'club', 'was', 'run',
    ]); // prettier-ignore
  });
});

describe('rougeN and rougeL', () => {
  const candidate = 'the cat sat on the mat'.split(' ');
  const reference = 'the cat lay on the mat'.split(' ');

  it('counts clipped n-gram overlap', () => {
    expect(rougeN(candidate, reference, 1)).toEqual({ precision: 5 / 6, recall: 5 / 6, f1: 5 / 6 });
    expect(rougeN(candidate, reference, 2).f1).toBeCloseTo(3 / 5, 10);
    // "the" appears three times in the candidate but once in the reference: it counts once.
    expect(rougeN(['the', 'the', 'the'], ['the', 'cat'], 1)).toEqual({
      precision: 1 / 3,
      recall: 1 / 2,
      f1: 0.4,
    });
  });

  it('uses the longest common subsequence for ROUGE-L', () => {
    expect(rougeL(candidate, reference).f1).toBeCloseTo(5 / 6, 10);
    expect(rougeL(['a', 'b', 'c', 'd'], ['d', 'c', 'b', 'a']).f1).toBeCloseTo(1 / 4, 10);
  });

  it('scores empty input as zero instead of dividing by zero', () => {
    expect(rougeN([], reference, 1).f1).toBe(0);
    expect(rougeN(['a'], ['a'], 2).f1).toBe(0);
    expect(rougeL([], []).f1).toBe(0);
  });
});

describe('rougeF1', () => {
  it('matches a hand-computed case with stemming', () => {
    // candidate: polic arrest two men; reference: two men were arrest by polic
    const scores = rougeF1(['Police arrested two men.'], 'Two men were arrested by police.');
    expect(scores.rouge1).toBeCloseTo(0.8, 10); // P 4/4, R 4/6
    expect(scores.rouge2).toBeCloseTo(0.25, 10); // only "two men": P 1/3, R 1/5
    expect(scores.rougeL).toBeCloseTo(0.4, 10); // LCS 2: P 2/4, R 2/6
  });

  it('treats a list of sentences as one summary', () => {
    expect(rougeF1(['Police arrested', 'two men.'], 'Police arrested two men')).toEqual({
      rouge1: 1,
      rouge2: 1,
      rougeL: 1,
    });
  });
});
