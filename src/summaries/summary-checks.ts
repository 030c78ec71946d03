/**
 * Checks on the headline and summary an LLM wrote, before a digest shows them. A model can be
 * talked into anything by the article it reads (prompt injection), and small models invent names
 * and figures; these checks catch what can be caught without a second model:
 *
 * - plain text only: no links, HTML, Markdown, mass mentions or bidirectional-override characters
 *   (renderers escape text anyway; this keeps links and markup the sources never had out of it);
 * - bounded length: a headline of at most {@link MAX_HEADLINE_CHARS}, sentences of at most
 *   {@link MAX_SENTENCE_CHARS}, at most the number of sentences asked for (extra ones are cut);
 * - grounded in the sources: every number (in the headline too) and every capitalised name inside a
 *   summary sentence must occur in the story's articles, and at least {@link MIN_GROUNDED_SHARE} of the summary's content words
 *   (stemmed) too, which a summary of some other text fails;
 * - following from the story's own titles and leads (each article's title and first sentences): at
 *   least {@link MIN_LEAD_SHARE_HEADLINE} of the headline's content words and
 *   {@link MIN_LEAD_SHARE_SUMMARY} of the summary's. Words that merely occur somewhere in the
 *   articles do not suffice: an instruction planted deep in an article brings its own words along.
 *
 * The vocabulary is built from the story as the model saw it, instruction-like sentences removed
 * (prompt-injection.ts), so that words only such a sentence holds never count as grounded.
 *
 * A failed check rejects the whole answer: the digest then shows the offline summary.
 */
import type { Story } from '../stories/story.js';
import { porterStem } from '../text/porter-stemmer.js';
import { splitSentences } from '../text/sentences.js';
import { STOP_WORDS } from '../text/stop-words.js';
import { wordTokens } from '../text/tokens.js';

export const MAX_HEADLINE_CHARS = 160;
export const MAX_SENTENCE_CHARS = 400;
export const MIN_GROUNDED_SHARE = 0.5;
/**
 * Measured with `npm run eval:llm-guard` on 50 CNN/DailyMail articles, whose lack of titles makes
 * it stricter than live: these shares refuse 3 of the 50 human first highlights as headlines and
 * none of the 50 highlight sets as summaries, yet accept only 6 of 35 sentences taken from late in
 * an article as a headline.
 */
export const MIN_LEAD_SHARE_HEADLINE = 1 / 3;
export const MIN_LEAD_SHARE_SUMMARY = 0.25;
/** Sentences of each article counted as its lead. */
const LEAD_SENTENCES = 3;
/** Characters of each article searched for those sentences. */
const LEAD_CHARS = 1_500;

/** A cleaned value, or why it was refused. */
export type Checked<T> = { ok: true; value: T } | { ok: false; problem: string };

/**
 * Trims, collapses whitespace and strips wrapping quote marks; refuses markup, long lines and
 * figures the articles do not have. Names are not checked: models like Title Case headlines.
 */
export function checkHeadline(raw: string, sources: SourceVocabulary): Checked<string> {
  const headline = raw
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^["“”'‘’«»]+|["“”'‘’«»]+$/gu, '')
    .replace(/(?<!\.\.)\.$/u, '')
    .trim();
  if (!headline) return { ok: false, problem: 'the headline is empty' };
  if (headline.length > MAX_HEADLINE_CHARS)
    return {
      ok: false,
      problem: `the headline has ${headline.length} characters (at most ${MAX_HEADLINE_CHARS})`,
    };
  const unsafe = unsafeContent(headline);
  if (unsafe) return { ok: false, problem: `the headline contains ${unsafe}` };
  const number = numbers(headline).find((value) => !sources.numbers.has(value));
  if (number) return { ok: false, problem: `the headline has the number ${number}, which no article has` };
  const lead = leadShare([headline], sources);
  if (lead.share < MIN_LEAD_SHARE_HEADLINE)
    return {
      ok: false,
      problem: `the headline does not follow from the story's titles and leads (${lead.found} of its ${lead.total} content words are in them)`,
    };
  return { ok: true, value: headline };
}

/**
 * The summary as at most `maxSentences` clean sentences (a paragraph given as one string is split),
 * or the first problem found.
 */
export function checkSummary(
  raw: readonly string[],
  sources: SourceVocabulary,
  maxSentences: number,
): Checked<string[]> {
  const sentences = raw
    .flatMap((part) => splitSentences(part.replace(/\s+/gu, ' ').trim()).map((span) => span.text))
    .filter((sentence) => sentence.length > 0)
    .slice(0, maxSentences);
  if (sentences.length === 0) return { ok: false, problem: 'the summary is empty' };
  for (const sentence of sentences) {
    if (sentence.length > MAX_SENTENCE_CHARS)
      return {
        ok: false,
        problem: `a summary sentence has ${sentence.length} characters (at most ${MAX_SENTENCE_CHARS})`,
      };
    const unsafe = unsafeContent(sentence);
    if (unsafe) return { ok: false, problem: `the summary contains ${unsafe}` };
  }
  for (const sentence of sentences) {
    const number = numbers(sentence).find((value) => !sources.numbers.has(value));
    if (number) return { ok: false, problem: `the summary has the number ${number}, which no article has` };
    const name = innerNames(sentence).find((word) => !sources.words.has(word.toLowerCase()));
    if (name) return { ok: false, problem: `the summary names "${name}", which no article does` };
  }
  const content = sentences.flatMap(contentStems);
  const grounded = content.filter((stem) => sources.stems.has(stem)).length;
  if (content.length > 0 && grounded / content.length < MIN_GROUNDED_SHARE) {
    return {
      ok: false,
      problem: `only ${grounded} of the summary's ${content.length} content words occur in the articles`,
    };
  }
  const lead = leadShare(sentences, sources);
  if (lead.share < MIN_LEAD_SHARE_SUMMARY)
    return {
      ok: false,
      problem: `the summary does not follow from the story's titles and leads (${lead.found} of its ${lead.total} content words are in them)`,
    };
  return { ok: true, value: sentences };
}

/** What makes text unfit for a plain-text digest, described for a log line; null when it is fine. */
export function unsafeContent(text: string): string | null {
  if (/\b(?:https?|ftp|javascript|data|vbscript|file):|\bwww\./iu.test(text)) return 'a link';
  if (/<\/?[a-z!][^>]*>|<[@#][!&]?\d+>/iu.test(text)) return 'markup';
  if (/\[[^\]]*\]\([^)]*\)|\*\*|__|~~|`/u.test(text)) return 'Markdown';
  if (/@(?:everyone|here)\b/iu.test(text)) return 'a mass mention';
  if (/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069]/u.test(text)) return 'control characters';
  return null;
}

/** The figures, words and word stems of a story's articles, gathered once for both checks. */
export interface SourceVocabulary {
  numbers: Set<string>;
  /** Lowercase words, letters only. */
  words: Set<string>;
  /** Porter stems of the summarizer's word tokens. */
  stems: Set<string>;
  /** Stems of every article's title and first sentences: what a headline must follow from. */
  leadStems: Set<string>;
}

/** The vocabulary of a story; pass the story as the model saw it (see neutralizeStory). */
export function sourceVocabulary(story: Story): SourceVocabulary {
  const vocabulary: SourceVocabulary = {
    numbers: new Set(),
    words: new Set(),
    stems: new Set(),
    leadStems: new Set(),
  };
  for (const article of story.articles) {
    const text = `${article.title}\n${article.text}`;
    for (const value of numbers(text)) vocabulary.numbers.add(value);
    for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) vocabulary.words.add(word);
    for (const word of wordTokens(text)) vocabulary.stems.add(porterStem(word));
    const lead = splitSentences(article.text.slice(0, LEAD_CHARS))
      .slice(0, LEAD_SENTENCES)
      .map((span) => span.text);
    for (const stem of [article.title, ...lead].flatMap(contentStems)) vocabulary.leadStems.add(stem);
  }
  return vocabulary;
}

/** How many of the content words of `sentences` are in the titles and leads; 1 when there are none. */
function leadShare(
  sentences: readonly string[],
  sources: SourceVocabulary,
): { found: number; total: number; share: number } {
  const content = sentences.flatMap(contentStems);
  const found = content.filter((stem) => sources.leadStems.has(stem)).length;
  return { found, total: content.length, share: content.length === 0 ? 1 : found / content.length };
}

/** Figures without thousands separators, so "2,000" and "2000" agree. */
function numbers(text: string): string[] {
  return (text.match(/\d(?:[\d,.]*\d)?/gu) ?? []).map((value) => value.replace(/,/g, ''));
}

/** Capitalised words other than the first of the sentence: names, mostly. */
function innerNames(sentence: string): string[] {
  const words = sentence.match(/\p{L}+/gu) ?? [];
  return words.slice(1).filter((word) => word.length > 1 && /^\p{Lu}/u.test(word));
}

function contentStems(sentence: string): string[] {
  return wordTokens(sentence)
    .filter((word) => word.length > 2 && !STOP_WORDS.has(word) && !/\d/.test(word))
    .map(porterStem);
}
