/**
 * Scores quotations against a sample gold file (`*.quotes.json`, the format of the bundled
 * sample article): every required quotation must be found with the right speaker, optional ones
 * are a bonus, and phrases listed as not quotations must not come out as quotations.
 */
import type { Quote } from '../../src/quotes/quote.js';
import { sameSpeaker, spansMatch, trimSpan } from '../../src/quotes/quote-scoring.js';

/** The sample gold file's shape. */
export interface SampleGold {
  article: string;
  speakers: Record<string, string[]>;
  not_quotes: string[];
  quotes: { text: string; speaker: string; required: boolean; note?: string }[];
}

/** How one gold quotation fared. */
export interface SampleResult {
  text: string;
  required: boolean;
  expectedSpeaker: string;
  /** The matching prediction, or null when none matched. */
  found: Quote | null;
  /** True when the prediction's speaker names the expected person (surname agrees). */
  speakerRight: boolean;
  /** True when the prediction's speaker is exactly the expected canonical name. */
  speakerExact: boolean;
}

/** The whole report for one sample. */
export interface SampleReport {
  results: SampleResult[];
  /** Predictions that are phrases the gold lists as not quotations. */
  falseQuotes: Quote[];
}

/** Scores predictions for a sample article against its gold file. */
export function scoreSample(text: string, gold: SampleGold, predicted: readonly Quote[]): SampleReport {
  const used = new Set<Quote>();
  const results = gold.quotes.map((entry): SampleResult => {
    const at = text.indexOf(entry.text);
    const goldSpan = at === -1 ? null : trimSpan(text, at, at + entry.text.length);
    const found =
      goldSpan === null
        ? undefined
        : predicted.find(
            (quote) => !used.has(quote) && spansMatch(goldSpan, trimSpan(text, quote.start, quote.end)),
          );
    if (found !== undefined) used.add(found);
    const aliases = gold.speakers[entry.speaker] ?? [];
    const speaker = found?.speaker ?? null;
    return {
      text: entry.text,
      required: entry.required,
      expectedSpeaker: entry.speaker,
      found: found ?? null,
      speakerRight: speaker !== null && (aliases.includes(speaker) || sameSpeaker(speaker, entry.speaker)),
      speakerExact: speaker === entry.speaker,
    };
  });
  const normal = (s: string): string => {
    let end = s.length;
    while (end > 0 && ' \t\n\r.,;:!?'.includes(s[end - 1]!)) end--;
    return s.slice(0, end).toLowerCase();
  };
  const banned = new Set(gold.not_quotes.map(normal));
  const falseQuotes = predicted.filter((quote) => banned.has(normal(quote.text)));
  return { results, falseQuotes };
}
