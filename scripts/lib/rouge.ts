/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1, computed the way Google's `rouge-score` package
 * does with `use_stemmer=True`: lowercase, split on anything outside [a-z0-9], Porter-stem tokens
 * longer than three characters. ROUGE-1/2/L compare the whole summary with the whole reference
 * (ROUGE-L is the plain LCS of the two token sequences); ROUGE-Lsum is the summary-level LCS of
 * the ROUGE paper (section 3.2) over newline-separated sentences, the figure CNN/DailyMail papers
 * report as "ROUGE-L".
 *
 * It exists so that the summarizer is measured offline against the corpus' reference highlights
 * with the same yardstick the literature uses.
 */
import { porterStem } from '../../src/text/porter-stemmer.js';
import { wordTokens } from '../../src/text/tokens.js';

/** Precision, recall and their harmonic mean, each in [0, 1]. */
export interface RougeScore {
  precision: number;
  recall: number;
  f1: number;
}

/** The four F1 scores the project reports, each in [0, 1]. */
export interface RougeF1 {
  rouge1: number;
  rouge2: number;
  rougeL: number;
  rougeLsum: number;
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
 * Positions in `reference` of one longest common subsequence with `candidate`. Which one matters
 * for the union in ROUGE-Lsum, so the table and the backtracking follow `rouge-score`'s
 * `lcs_ind` exactly: reference along the rows, and on a tie step back along the reference.
 */
function lcsReferencePositions(reference: readonly string[], candidate: readonly string[]): number[] {
  const columns = candidate.length + 1;
  const table = new Uint32Array((reference.length + 1) * columns);
  for (let i = 1; i <= reference.length; i++) {
    for (let j = 1; j < columns; j++) {
      table[i * columns + j] =
        reference[i - 1] === candidate[j - 1]
          ? (table[(i - 1) * columns + j - 1] as number) + 1
          : Math.max(table[(i - 1) * columns + j] as number, table[i * columns + j - 1] as number);
    }
  }
  const positions: number[] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      positions.push(i - 1);
      i--;
      j--;
    } else if ((table[i * columns + j - 1] as number) > (table[(i - 1) * columns + j] as number)) {
      j--;
    } else {
      i--;
    }
  }
  return positions;
}

function tokenCounts(sentences: readonly (readonly string[])[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const sentence of sentences)
    for (const token of sentence) counts.set(token, (counts.get(token) ?? 0) + 1);
  return counts;
}

/**
 * ROUGE-Lsum between already tokenized sentences, as `rouge-score`'s `_summary_level_lcs`: for
 * each reference sentence, the union of its LCS positions with every candidate sentence; each
 * token in that union is a hit only while it has occurrences left in both the whole candidate and
 * the whole reference (ROUGE-1.5.5's guard against counting one word twice). Precision divides
 * the hits by the candidate's tokens, recall by the reference's.
 */
export function rougeLsum(
  candidate: readonly (readonly string[])[],
  reference: readonly (readonly string[])[],
): RougeScore {
  const candidateTotal = candidate.reduce((sum, sentence) => sum + sentence.length, 0);
  const referenceTotal = reference.reduce((sum, sentence) => sum + sentence.length, 0);
  if (candidateTotal === 0 || referenceTotal === 0) return score(0, 0, 0);

  const candidateLeft = tokenCounts(candidate);
  const referenceLeft = tokenCounts(reference);
  let hits = 0;
  for (const sentence of reference) {
    const union = new Set<number>();
    for (const other of candidate)
      for (const position of lcsReferencePositions(sentence, other)) union.add(position);
    for (const position of [...union].sort((a, b) => a - b)) {
      const token = sentence[position] as string;
      const inCandidate = candidateLeft.get(token) ?? 0;
      const inReference = referenceLeft.get(token) ?? 0;
      if (inCandidate > 0 && inReference > 0) {
        hits++;
        candidateLeft.set(token, inCandidate - 1);
        referenceLeft.set(token, inReference - 1);
      }
    }
  }
  return score(hits, candidateTotal, referenceTotal);
}

/**
 * Sentences as ROUGE-Lsum sees them: one per line, empty lines dropped, each tokenized by
 * {@link rougeTokens}.
 */
export function rougeSentenceTokens(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.length > 0)
    .map(rougeTokens);
}

/**
 * ROUGE-1, ROUGE-2, ROUGE-L and ROUGE-Lsum F1 of a summary against a reference whose sentences
 * (highlights) stand one per line. A summary given as a list is one sentence per item, which is
 * what `rouge-score` sees when the items are joined by newlines.
 *
 * @example
 * rougeF1(['Police arrested two men.'], 'Two men were arrested by police.').rouge1; // 0.8
 */
export function rougeF1(summary: string | readonly string[], reference: string): RougeF1 {
  const summaryText = typeof summary === 'string' ? summary : summary.join('\n');
  const candidate = rougeTokens(summaryText);
  const target = rougeTokens(reference);
  return {
    rouge1: rougeN(candidate, target, 1).f1,
    rouge2: rougeN(candidate, target, 2).f1,
    rougeL: rougeL(candidate, target).f1,
    rougeLsum: rougeLsum(rougeSentenceTokens(summaryText), rougeSentenceTokens(reference)).f1,
  };
}
