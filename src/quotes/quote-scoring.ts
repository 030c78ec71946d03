/**
 * Scores predicted quotations against gold ones, as the project's corpus README defines it: a
 * prediction matches a gold quotation when their overlap covers at least 80% of the longer of the
 * two (quote marks and surrounding spaces trimmed), each gold quotation matches at most one
 * prediction, and a matched quotation's speaker is right when the surname agrees. A matched
 * quotation given a wrong speaker is misattributed; one given no speaker is not (for a reader, a
 * quote put in the wrong mouth is far worse than one marked unattributed).
 */
import type { Quote } from './quote.js';

/** A gold quotation as a character range with its speaker. */
export interface GoldSpan {
  start: number;
  end: number;
  speaker: string;
}

/** Counts that add up over articles. */
export interface ScoreCounts {
  gold: number;
  predicted: number;
  matched: number;
  speakerCorrect: number;
  /** Matched quotes given a speaker who is not the gold one (no speaker at all is not counted). */
  misattributed: number;
  /** Matched quotes given no speaker. */
  unattributed: number;
}

/** Precision, recall, F1, speaker accuracy and misattribution rate from counts. */
export interface ScoreSummary {
  precision: number;
  recall: number;
  f1: number;
  speakerAccuracy: number;
  /** Share of matched quotes put in the wrong mouth. */
  misattribution: number;
}

/** Counts with nothing counted yet. */
export function emptyCounts(): ScoreCounts {
  return { gold: 0, predicted: 0, matched: 0, speakerCorrect: 0, misattributed: 0, unattributed: 0 };
}

/** One matched pair, or an unmatched prediction / gold quotation (the other side null). */
export interface ScoredPair {
  gold: GoldSpan | null;
  predicted: Quote | null;
  speakerCorrect: boolean;
}

const MARKS_AND_SPACE = /[\s"“”„‟«»‘’‚'‹›]/u;
const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'dr', 'sir', 'dame', 'the', 'a', 'an', 'prof', 'sen', 'rev']);

/** Narrows [start, end) past quote marks and whitespace at either end. */
export function trimSpan(text: string, start: number, end: number): [number, number] {
  while (start < end && MARKS_AND_SPACE.test(text[start]!)) start++;
  while (end > start && MARKS_AND_SPACE.test(text[end - 1]!)) end--;
  return [start, end];
}

/** True when two spans overlap by at least 80% of the longer one. */
export function spansMatch(a: readonly [number, number], b: readonly [number, number]): boolean {
  const overlap = Math.min(a[1], b[1]) - Math.max(a[0], b[0]);
  const longer = Math.max(a[1] - a[0], b[1] - b[0]);
  return overlap > 0 && overlap >= 0.8 * longer;
}

function nameWords(name: string): string[] {
  return name
    .replace(/['’]s\b/gu, '')
    .split(/[^\p{L}\p{N}-]+/u)
    .filter((word) => word.length > 0 && !HONORIFICS.has(word.toLowerCase()));
}

/**
 * True when a predicted speaker names the same person or body as the gold one: the last words
 * (surnames) agree, ignoring case, honorifics and possessives, or one is the other's acronym.
 */
export function sameSpeaker(predicted: string | null, gold: string): boolean {
  if (predicted === null) return false;
  const p = nameWords(predicted);
  const g = nameWords(gold);
  if (p.length === 0 || g.length === 0) return false;
  if (p[p.length - 1]!.toLowerCase() === g[g.length - 1]!.toLowerCase()) return true;
  return isAcronymOf(p, g) || isAcronymOf(g, p);
}

function isAcronymOf(short: readonly string[], long: readonly string[]): boolean {
  if (short.length !== 1 || !/^\p{Lu}{2,}$/u.test(short[0]!)) return false;
  const initials = long
    .filter((word) => /^\p{Lu}/u.test(word))
    .map((word) => word[0])
    .join('');
  return initials === short[0];
}

/** Matches predictions to gold quotations in one article. */
export function scoreQuotes(
  text: string,
  gold: readonly GoldSpan[],
  predicted: readonly Quote[],
): ScoredPair[] {
  const goldSpans = gold.map((g) => trimSpan(text, g.start, g.end));
  const used = new Set<number>();
  const pairs: ScoredPair[] = [];
  for (const quote of predicted) {
    const span = trimSpan(text, quote.start, quote.end);
    let best = -1;
    let bestOverlap = 0;
    goldSpans.forEach((g, i) => {
      if (used.has(i) || !spansMatch(g, span)) return;
      const overlap = Math.min(g[1], span[1]) - Math.max(g[0], span[0]);
      if (overlap > bestOverlap) {
        best = i;
        bestOverlap = overlap;
      }
    });
    if (best === -1) {
      pairs.push({ gold: null, predicted: quote, speakerCorrect: false });
      continue;
    }
    used.add(best);
    const g = gold[best]!;
    pairs.push({ gold: g, predicted: quote, speakerCorrect: sameSpeaker(quote.speaker, g.speaker) });
  }
  gold.forEach((g, i) => {
    if (!used.has(i)) pairs.push({ gold: g, predicted: null, speakerCorrect: false });
  });
  return pairs;
}

/** Adds one article's pairs to running counts. */
export function addCounts(counts: ScoreCounts, pairs: readonly ScoredPair[]): ScoreCounts {
  for (const pair of pairs) {
    if (pair.gold !== null) counts.gold++;
    if (pair.predicted !== null) counts.predicted++;
    if (pair.gold !== null && pair.predicted !== null) {
      counts.matched++;
      if (pair.speakerCorrect) counts.speakerCorrect++;
      else if (pair.predicted.speaker === null) counts.unattributed++;
      else counts.misattributed++;
    }
  }
  return counts;
}

/** Turns counts into the reported figures (0 where a denominator is 0). */
export function summarize(counts: ScoreCounts): ScoreSummary {
  const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);
  const precision = ratio(counts.matched, counts.predicted);
  const recall = ratio(counts.matched, counts.gold);
  return {
    precision,
    recall,
    f1: ratio(2 * precision * recall, precision + recall),
    speakerAccuracy: ratio(counts.speakerCorrect, counts.matched),
    misattribution: ratio(counts.misattributed, counts.matched),
  };
}
