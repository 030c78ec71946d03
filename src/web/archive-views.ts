/**
 * The public pages' data, as plain JSON: each page renders one of these, and the JSON API under
 * /api/ returns the same object, so a script sees exactly what a reader sees. Only http(s) links
 * are kept (`url` is null otherwise): a local file's path says nothing to a reader and tells a
 * stranger how the server's disk is laid out.
 */
import type { Digest, DigestLink, DigestQuote, DigestStory } from '../digest/digest.js';
import type { QuoteHit, Speaker } from '../quotes/quote-index.js';
import { isSafeLink } from '../chat/reply.js';
import { articlePath, speakerPath, storyPath } from './paths.js';

export interface WebQuote {
  text: string;
  speaker: string;
  /** The speaker's page. */
  speakerPath: string | null;
  source: string;
  url: string | null;
}

export interface WebLink {
  title: string;
  url: string | null;
  source: string;
  published: string | null;
}

/** A story of a digest, with the address of its own page. */
export interface WebStory {
  id: string;
  path: string;
  headline: string;
  summary: string[];
  quotes: WebQuote[];
  links: WebLink[];
  sources: number;
  articles: number;
  updated: string;
  engine: 'offline' | 'llm';
}

/** A day's digest (today's: the digest as /digest gives it now). */
export interface DayView {
  date: string;
  isToday: boolean;
  /** The end of the digest's window; its stories' pages are found again from it. */
  until: string;
  windowHours: number;
  previous: string;
  next: string | null;
  stats: { articles: number; stories: number };
  topic: string | null;
  stories: WebStory[];
  quoteOfTheDay: WebQuote | null;
}

/** One article that tells a story. */
export interface WebReport {
  id: string;
  title: string;
  source: string;
  url: string | null;
  byline: string | null;
  published: string | null;
  seenAt: string;
}

/** A story page: the digest's view of it, and every article that told it. */
export interface StoryView extends WebStory {
  /** The day whose digest this story's window belongs to, for the way back. */
  date: string;
  window: { since: string; until: string };
  reports: WebReport[];
  /** Everyone quoted in it, most prominent first. */
  speakers: { name: string; path: string | null }[];
}

export interface WebSpeaker {
  key: string;
  name: string;
  kind: string;
  count: number;
  lastAt: string;
  aliases: string[];
  path: string | null;
}

export interface WebQuoteHit {
  text: string;
  speaker: string;
  speakerPath: string | null;
  /** The name as the article wrote it. */
  spokenAs: string;
  verb: string | null;
  date: string;
  article: { id: string; title: string; source: string; url: string | null; published: string | null };
  /** The page of the story this quote's article belongs to. */
  storyPath: string;
}

/** A speaker's page: every quote, newest first, a page at a time. */
export interface SpeakerView {
  speaker: WebSpeaker;
  /** Others the same name also finds (their quotes are in the list too), as with /quotes. */
  others: WebSpeaker[];
  quotes: WebQuoteHit[];
  page: number;
  pageSize: number;
  total: number | null;
  pages: number | null;
  hasMore: boolean;
}

export interface SpeakersView {
  letters: string;
  speakers: WebSpeaker[];
  total: number;
  page: number;
  pages: number;
  /** Without letters: the most quoted people of the latest day with quotes. */
  mostQuoted: { day: string | null; speakers: { speaker: WebSpeaker; count: number }[] };
}

export type SearchView =
  | { kind: 'empty'; name: string; words: string }
  /** Words alone: quotes by anyone that contain them (see QuoteIndex.searchWords). */
  | {
      kind: 'words';
      name: string;
      words: string;
      /** The words looked up, folded; every quote listed has each of them. */
      appliedWords: string[];
      /** Phrases typed in double quotes, folded, which every quote listed has as written. */
      phrases: string[];
      /** Words not searched: too common ("the", "of") or a single letter. */
      ignored: string[];
      quotes: WebQuoteHit[];
      page: number;
      pageSize: number;
      total: number | null;
      hasMore: boolean;
      /** When older quotes were not searched: the oldest day searched (YYYY-MM-DD). */
      searchedSince: string | null;
    }
  | { kind: 'unknown'; name: string; words: string; suggestions: WebSpeaker[] }
  | {
      kind: 'found';
      name: string;
      words: string;
      speakers: WebSpeaker[];
      corrected: string | null;
      appliedWords: string[];
      quotes: WebQuoteHit[];
      page: number;
      pageSize: number;
      total: number | null;
      hasMore: boolean;
      searchedOnly: number | null;
    };

/** A link only when it is http(s). */
export function publicUrl(url: string | null | undefined): string | null {
  return isSafeLink(url ?? undefined) ? url! : null;
}

export function webQuote(quote: DigestQuote): WebQuote {
  return {
    text: quote.text,
    speaker: quote.speaker,
    speakerPath: speakerPath(quote.speaker),
    source: quote.source,
    url: publicUrl(quote.url),
  };
}

function webLink(link: DigestLink): WebLink {
  return { title: link.title, url: publicUrl(link.url), source: link.source, published: link.published };
}

export function webStory(story: DigestStory, until: string): WebStory {
  return {
    id: story.id,
    path: storyPath(story.id, until),
    headline: story.headline,
    summary: story.summary,
    quotes: story.quotes.map(webQuote),
    links: story.links.map(webLink),
    sources: story.sources,
    articles: story.articles,
    updated: story.updated,
    engine: story.engine,
  };
}

/** A digest's stories and quote of the day, for a page. */
export function webDigest(
  digest: Digest,
  until: string,
): Pick<DayView, 'stats' | 'topic' | 'stories' | 'quoteOfTheDay'> {
  return {
    stats: digest.stats,
    topic: digest.topic,
    stories: digest.stories.map((story) => webStory(story, until)),
    quoteOfTheDay: digest.quoteOfTheDay ? webQuote(digest.quoteOfTheDay) : null,
  };
}

export function webSpeaker(speaker: Speaker): WebSpeaker {
  return {
    key: speaker.key,
    name: speaker.name,
    kind: speaker.kind,
    count: speaker.count,
    lastAt: speaker.lastAt,
    aliases: speaker.aliases,
    path: speakerPath(speaker.name),
  };
}

export function webQuoteHit(hit: QuoteHit): WebQuoteHit {
  return {
    text: hit.text,
    speaker: hit.speaker,
    speakerPath: speakerPath(hit.speaker),
    spokenAs: hit.spokenAs,
    verb: hit.verb,
    date: hit.date,
    article: { ...hit.article, url: publicUrl(hit.article.url) },
    storyPath: articlePath(hit.article.id),
  };
}
