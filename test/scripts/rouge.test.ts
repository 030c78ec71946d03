import { describe, expect, it } from 'vitest';
import {
  rougeF1,
  rougeL,
  rougeLsum,
  rougeN,
  rougeSentenceTokens,
  rougeTokens,
} from '../../scripts/lib/rouge.js';

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

describe('rougeLsum', () => {
  const words = (line: string): string[] => line.split(' ');

  it('takes, for each reference sentence, the union of its LCS with every candidate sentence', () => {
    // The ROUGE paper's example (Lin 2004, section 3.2): reference w1 w2 w3 w4 w5, candidates
    // "w1 w3 w8 w9 w5" and "w1 w2 w6 w7 w8". LCS positions {w1 w3 w5} and {w1 w2}: union of 4.
    const reference = [words('w1 w2 w3 w4 w5')];
    const candidate = [words('w1 w3 w8 w9 w5'), words('w1 w2 w6 w7 w8')];
    const result = rougeLsum(candidate, reference);
    expect(result.recall).toBeCloseTo(4 / 5, 10);
    expect(result.precision).toBeCloseTo(4 / 10, 10);
    expect(result.f1).toBeCloseTo((2 * 0.4 * 0.8) / 1.2, 10);
    // The plain LCS over the joined candidate only finds w1 w3 w5: 3, not 4.
    expect(rougeL(candidate.flat(), reference.flat()).recall).toBeCloseTo(3 / 5, 10);
  });

  it('hits a token at most as often as it occurs in the candidate', () => {
    // Both reference sentences find "x y" in the single candidate sentence, but the candidate has
    // one "x" and one "y": the second reference sentence scores no hit.
    const result = rougeLsum([words('x y')], [words('x y'), words('x y')]);
    expect(result.precision).toBeCloseTo(2 / 2, 10);
    expect(result.recall).toBeCloseTo(2 / 4, 10);
  });

  it('counts a reference word once however many candidate sentences match it', () => {
    // Every candidate sentence's LCS with "a a e" is its first "a": a union of one position, so
    // one hit, although the candidate has three "a" to spend and the reference two.
    const result = rougeLsum([words('a b'), words('a c'), words('a d')], [words('a a e')]);
    expect(result.precision).toBeCloseTo(1 / 6, 10);
    expect(result.recall).toBeCloseTo(1 / 3, 10);
  });

  it('picks the LCS that rouge-score picks when several are equally long', () => {
    // Reference "a b", candidate "b a": both "a" and "b" are an LCS. rouge-score backtracks along
    // the reference on a tie and keeps "a", so the "b" of the next reference sentence still
    // has its candidate occurrence left: 2 hits. Keeping "b" instead would leave only 1.
    const result = rougeLsum([words('b a')], [words('a b'), words('b')]);
    expect(result.precision).toBeCloseTo(2 / 2, 10);
    expect(result.recall).toBeCloseTo(2 / 3, 10);
  });

  it('scores empty input as zero instead of dividing by zero', () => {
    expect(rougeLsum([], [words('a')]).f1).toBe(0);
    expect(rougeLsum([[]], [words('a')]).f1).toBe(0);
    expect(rougeLsum([words('a')], [[], []]).f1).toBe(0);
  });
});

describe('rougeSentenceTokens', () => {
  it('splits on newlines, drops empty lines and tokenizes each sentence', () => {
    expect(rougeSentenceTokens('Police arrested two men.\n\nThey were running.\n')).toEqual([
      ['polic', 'arrest', 'two', 'men'],
      ['they', 'were', 'run'],
    ]);
  });
});

describe('rougeF1', () => {
  it('matches a hand-computed case with stemming', () => {
    // candidate: polic arrest two men; reference: two men were arrest by polic
    const scores = rougeF1(['Police arrested two men.'], 'Two men were arrested by police.');
    expect(scores.rouge1).toBeCloseTo(0.8, 10); // P 4/4, R 4/6
    expect(scores.rouge2).toBeCloseTo(0.25, 10); // only "two men": P 1/3, R 1/5
    expect(scores.rougeL).toBeCloseTo(0.4, 10); // LCS 2: P 2/4, R 2/6
    expect(scores.rougeLsum).toBeCloseTo(0.4, 10); // one sentence each: the same LCS
  });

  it('scores ROUGE-Lsum over the summary items and the reference lines', () => {
    // Reference lines: "two men arrest" / "polic chase". Summary items: "polic arrest two men" /
    // "chase end". Line 1 vs item 1: LCS "two men" (2); vs item 2: none. Line 2 vs item 1:
    // "polic"; vs item 2: "chase"; union 2. Hits 4 of 6 summary tokens and 5 reference tokens.
    const scores = rougeF1(['Police arrested two men.', 'Chase ended.'], 'Two men arrested.\nPolice chase.');
    expect(scores.rougeLsum).toBeCloseTo((2 * (4 / 6) * (4 / 5)) / (4 / 6 + 4 / 5), 10);
    // Over the joined texts the LCS is "two men chase": 3 of 6 and 5.
    expect(scores.rougeL).toBeCloseTo((2 * (3 / 6) * (3 / 5)) / (3 / 6 + 3 / 5), 10);
  });

  it('treats a list of sentences as one summary', () => {
    const scores = rougeF1(['Police arrested', 'two men.'], 'Police arrested two men');
    expect([scores.rouge1, scores.rouge2, scores.rougeL]).toEqual([1, 1, 1]);
    // ROUGE-Lsum keeps the items apart but still finds every reference word once.
    expect(scores.rougeLsum).toBe(1);
  });
});
