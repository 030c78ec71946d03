/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1, computed the way Google's `rouge-score` package does with
 * `use_stemmer=True`: lowercase, split on anything outside [a-z0-9], Porter-stem tokens longer
 * than three characters, then compare the whole summary against the whole reference (ROUGE-L is
 * the plain LCS over the two token sequences, not the per-sentence "Lsum").
 *
 * It exists so that the summarizer is measured offline against the corpus' reference highlights
 * with the same yardstick the literature uses.
 */
import { porterStem } from '../text/porter-stemmer.js';
import { wordTokens } from '../text/tokens.js';

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** The three F1 scores the project reports, each in [0, 1]. */
export interface RougeF1 {
  rouge1: number;
  rouge2: number;
  rougeL: number;
}

/**
 * Tokens as `rouge-score` sees them: lowercased, alphanumeric, Porter-stemmed when longer than three.
 *
 * @example
 * rougeTokens('The runners were running.'); // ['the', 'runner', 'were', 'run']
 */
export function rougeTokens(text: string): string[] {
  return wordTokens(text).map((token) => (token.length > 3 ? porterStem(token) : token));
}

function score(overlap: number, candidateTotal: number, referenceTotal: number): RougeScore {
  const precision = candidateTotal > 0 ? overlap / candidateTotal : 0;
  const recall = referenceTotal > 0 ? overlap / referenceTotal : 0;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { precision, recall, f1 };
}

function ngramCounts(tokens: readonly string[], n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let i = 0; i + n <= tokens.length; i++) {
    const gram = tokens.slice(i, i + n).join(' ');
    counts.set(gram, (counts.get(gram) ?? 0) + 1);
  }
  return counts;
}

/**
 * ROUGE-N between already tokenized texts: clipped n-gram overlap (each n-gram counts at most as
 * often as it occurs in the other text).
 */
export function rougeN(candidate: readonly string[], reference: readonly string[], n: number): RougeScore {
  const candidateCounts = ngramCounts(candidate, n);
  const referenceCounts = ngramCounts(reference, n);
  let overlap = 0;
  for (const [gram, count] of candidateCounts) overlap += Math.min(count, referenceCounts.get(gram) ?? 0);
  return score(overlap, Math.max(0, candidate.length - n + 1), Math.max(0, reference.length - n + 1));
}

/** Length of the longest common subsequence, in O(n·m) time and O(m) memory. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (const tokenA of a) {
    for (let j = 1; j <= b.length; j++) {
      current[j] =
        tokenA === b[j - 1]
          ? (previous[j - 1] as number) + 1
          : Math.max(previous[j] as number, current[j - 1] as number);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] as number;
}

/** ROUGE-L between already tokenized texts: the LCS of the two whole sequences. */
export function rougeL(candidate: readonly string[], reference: readonly string[]): RougeScore {
  return score(lcsLength(candidate, reference), candidate.length, reference.length);
}

/**
 * ROUGE-1, ROUGE-2 and ROUGE-L F1 of a summary against a reference.
 *
 * @example
 * rougeF1(['Police arrested two men.'], 'Two men were arrested by police.').rouge1; // 0.6
 */
export function rougeF1(summary: string | readonly string[], reference: string): RougeF1 {
  const candidate = rougeTokens(typeof summary === 'string' ? summary : summary.join(' '));
  const target = rougeTokens(reference);
  return {
    rouge1: rougeN(candidate, target, 1).f1,
    rouge2: rougeN(candidate, target, 2).f1,
    rougeL: rougeL(candidate, target).f1,
  };
}
