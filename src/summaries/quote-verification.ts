/**
 * The LLM engine's guard against invented or misattributed quotations. A key quote the model returns
 * is kept only if it stands word for word inside a quotation our extractor found in one of the
 * story's articles, and the model names the speaker our extractor found for that quotation.
 * What is kept is the article's own text and our speaker's name, never the model's wording.
 */
import type { Story } from '../stories/story.js';
import { speakerKey } from '../quotes/speaker-name.js';
import { TITLE_WORDS } from '../quotes/lexicon.js';
import type { KeyQuote } from './story-summarizer.js';

/** A quote as the model claimed it. */
export interface ClaimedQuote {
  text: string;
  speaker: string;
}

/** Why a claimed quote was not kept. */
export type DropReason =
  /** Nowhere in the story's articles, even allowing for whitespace and quote-mark differences. */
  | 'not-in-articles'
  /** In an article, but narration rather than a quotation. */
  | 'not-a-quotation'
  /** A quotation our extractor could not attribute, so the speaker cannot be confirmed. */
  | 'unattributed'
  /** A real quotation, given to someone other than the speaker our extractor found. */
  | 'wrong-speaker'
  /** Fewer than {@link MIN_QUOTE_WORDS} words: a fragment, not a statement. */
  | 'too-short'
  /** The same words as a quote already kept. */
  | 'duplicate';

export interface DroppedQuote extends ClaimedQuote {
  reason: DropReason;
  /** For 'wrong-speaker': who our extractor says spoke. */
  ourSpeaker?: string;
}

export interface QuoteVerification {
  kept: KeyQuote[];
  dropped: DroppedQuote[];
}

/** Shorter claims are fragments that say nothing on their own. */
export const MIN_QUOTE_WORDS = 3;

/**
 * Checks every claimed quote against the story, in the model's order, and keeps at most `max`.
 *
 * @example
 * verifyKeyQuotes(story, [{ text: '“The Chinese Communist Party is the central threat of our time.”', speaker: 'Pompeo' }], 2);
 * // kept: [{ text: 'The Chinese Communist Party is the central threat of our time', speaker: 'Mike Pompeo', articleId }]
 */
export function verifyKeyQuotes(
  story: Story,
  claims: readonly ClaimedQuote[],
  max: number,
): QuoteVerification {
  const quotations = story.articles.flatMap((article) =>
    article.quotes.map((quote) => ({
      quote,
      articleId: article.id,
      normalized: normalizeForMatch(quote.text),
    })),
  );
  const kept: KeyQuote[] = [];
  const keptKeys: string[] = [];
  const dropped: DroppedQuote[] = [];
  for (const claim of claims) {
    const drop = (reason: DropReason, ourSpeaker?: string) =>
      dropped.push({
        text: claim.text,
        speaker: claim.speaker,
        reason,
        ...(ourSpeaker ? { ourSpeaker } : {}),
      });
    const needles = claimNeedles(claim.text);
    if (needles[0]!.split(' ').filter((word) => /[\p{L}\p{N}]/u.test(word)).length < MIN_QUOTE_WORDS) {
      drop('too-short');
      continue;
    }
    let match: { text: string; speaker: string; articleId: string } | undefined;
    let otherSpeaker: string | undefined;
    let unattributed = false;
    for (const needle of needles) {
      for (const { quote, articleId, normalized } of quotations) {
        const at = normalized.text.indexOf(needle);
        if (at < 0) continue;
        if (!quote.speaker) {
          unattributed = true;
        } else if (sameSpeaker(claim.speaker, quote.speaker)) {
          const start = normalized.origin[at]!;
          const end = normalized.origin[at + needle.length - 1]! + 1;
          match = {
            text: quote.text.slice(start, end).replace(/[\s,;:]+$/u, ''),
            speaker: quote.speaker,
            articleId,
          };
          break;
        } else {
          otherSpeaker ??= quote.speaker;
        }
      }
      if (match || otherSpeaker || unattributed) break;
    }
    if (match) {
      const key = normalizeForMatch(match.text).text;
      if (keptKeys.some((other) => other.includes(key) || key.includes(other))) drop('duplicate');
      else {
        keptKeys.push(key);
        kept.push(match);
      }
    } else if (otherSpeaker) drop('wrong-speaker', otherSpeaker);
    else if (unattributed) drop('unattributed');
    else if (
      story.articles.some((article) => needles.some((n) => normalizeForMatch(article.text).text.includes(n)))
    )
      drop('not-a-quotation');
    else drop('not-in-articles');
  }
  return { kept: kept.slice(0, max), dropped };
}

/**
 * The claim as searchable text: first with only quote marks, spaces and a trailing comma trimmed
 * (so a closing "?" still has to match), then with all punctuation at either end trimmed.
 */
function claimNeedles(text: string): string[] {
  const normalized = normalizeForMatch(text).text;
  const light = normalized.replace(/^["'\s]+|["'\s,;:]+$/g, '');
  const bare = normalized.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '');
  return light === bare ? [bare] : [light, bare];
}

/** Text with one kind of each quote mark and single spaces, and where each character came from. */
export interface MatchText {
  text: string;
  /** `origin[i]` is the index in the original text of `text[i]`. */
  origin: number[];
}

const DOUBLE_QUOTES = new Set([...'"“”„‟«»〝〞＂″']);
const SINGLE_QUOTES = new Set([..."'‘’‚‛‹›′＇`´"]);
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/u;

/**
 * Makes two texts comparable when they differ only in whitespace or quote marks: straight and
 * curly quotes, guillemets and primes become `"` or `'`, every run of whitespace (no-break and thin
 * spaces, line breaks) one space, and invisible characters (soft hyphens, zero-width spaces) go.
 * Letters, case and other punctuation are untouched: that is what "verbatim" means here.
 */
export function normalizeForMatch(original: string): MatchText {
  let text = '';
  const origin: number[] = [];
  let inSpace = false;
  for (let i = 0; i < original.length; i++) {
    const char = original[i]!;
    if (INVISIBLE.test(char)) continue;
    if (/\s/u.test(char)) {
      if (!inSpace && text.length > 0) {
        text += ' ';
        origin.push(i);
      }
      inSpace = true;
      continue;
    }
    inSpace = false;
    text += DOUBLE_QUOTES.has(char) ? '"' : SINGLE_QUOTES.has(char) ? "'" : char;
    origin.push(i);
  }
  if (text.endsWith(' ')) {
    text = text.slice(0, -1);
    origin.pop();
  }
  return { text, origin };
}

/**
 * Whether the model's speaker is the person (or organisation) our extractor named: the surnames
 * must agree, and a given name the model adds must not contradict ours ("Boris Johnson" is not
 * "Lyndon Johnson"; "Michael Pompeo", "Secretary Pompeo" and "Mike R. Pompeo" are "Mike Pompeo").
 */
export function sameSpeaker(claimed: string, ours: string): boolean {
  const theirs = nameWords(claimed);
  const mine = nameWords(ours);
  const surname = theirs[theirs.length - 1];
  if (!surname || surname !== mine[mine.length - 1]) return false;
  const before = theirs[theirs.length - 2];
  const given = mine.length > 1 ? mine[0]! : undefined;
  if (!before || !given || before.length === 1 || TITLE_WORDS.has(before) || mine.includes(before))
    return true;
  return before[0] === given[0];
}

function nameWords(name: string): string[] {
  return speakerKey(name.replace(/['’]s\b/giu, ''))
    .split(' ')
    .filter(Boolean);
}
