/**
 * What instant delivery may post, read once per tick for every chat: the stories of the recent
 * articles (clustered, so that one event told by several sources is one story) and the attributed
 * quotes in them; and, per chat, the posts chosen from them (its mode, topics, filters, follows,
 * what it was already posted and its hourly cap).
 */
import { createHash } from 'node:crypto';
import type { StoredArticle } from '../articles/stored-article.js';
import { heading, paragraph, quoteBlock, reply, type Reply, type Span } from '../chat/reply.js';
import { capLine, capSentences, DISPLAY_LIMITS } from '../chat/display-limits.js';
import { parseSpeakerName } from '../quotes/speaker-name.js';
import { rankStories } from '../stories/story-ranker.js';
import { storyMatches, topicMatcher } from '../stories/story-topics.js';
import { sourceKey, type Story, type StoryArticle } from '../stories/story.js';
import { foldTokens } from './chat-filters.js';
import type { InstantPost } from './instant-ledger.js';
import type { FollowedSpeaker, Subscription } from './subscription.js';

/**
 * A story that may be posted: its articles' keys, when it first appeared, its rank. Ranked from the
 * briefs the story tracker keeps (`A` = ArticleBrief) until a chat may post it; then read whole.
 */
export interface StoryCandidate<A extends StoryArticle = StoredArticle> {
  story: Story<A>;
  keys: string[];
  /** When its first article was first seen (ms). */
  firstSeen: number;
  score: number;
}

/** An attributed quote in a recent article, with the registry key of its speaker when known. */
export interface QuoteCandidate {
  key: string;
  /** The speaker's key in the registry, or null when the registry does not know the name yet. */
  speakerKey: string | null;
  /** The registry's key for the name as the article wrote it ("mike pompeo"). */
  spokenAs: string;
  speaker: string;
  text: string;
  article: StoredArticle;
  seen: number;
}

/** Everything instant delivery may post at one tick. */
export interface InstantNews {
  stories: StoryCandidate[];
  quotes: QuoteCandidate[];
}

/** The stories of `stories`, ranked, with the keys that mark them posted. */
export function storyCandidates<A extends StoryArticle>(
  stories: readonly Story<A>[],
  now: Date,
): StoryCandidate<A>[] {
  // Ranking without topics reads no words, so briefs rank as whole articles do.
  return rankStories(stories, { now, about: () => false }).map(({ story, score }) => ({
    story,
    keys: story.articles.map((article) => `a:${article.id}`),
    firstSeen: Math.min(...story.articles.map((article) => Date.parse(article.seenAt))),
    score,
  }));
}

/**
 * The attributed quotes of `articles`. A quote told by two sources in the same words is one quote
 * (the same key), so a chat following its speaker gets it once.
 */
export function quoteCandidates(
  articles: readonly StoredArticle[],
  speakerKeyOf: ReadonlyMap<string, string>,
): QuoteCandidate[] {
  const quotes: QuoteCandidate[] = [];
  for (const article of articles) {
    for (const quote of article.quotes) {
      if (!quote.speaker) continue;
      const spokenAs = parseSpeakerName(quote.speaker)?.key ?? foldTokens(quote.speaker).join(' ');
      const speakerKey = speakerKeyOf.get(quote.speaker) ?? null;
      // The words alone: the same on every instance, whatever its speaker registry knows yet.
      const fingerprint = createHash('sha256')
        .update(foldTokens(quote.text).join(' '))
        .digest('hex')
        .slice(0, 20);
      quotes.push({
        key: `q:${fingerprint}`,
        speakerKey,
        spokenAs,
        speaker: quote.speaker,
        text: quote.text,
        article,
        seen: Date.parse(article.seenAt),
      });
    }
  }
  return quotes;
}

/** What one chat's batch may hold. */
export interface ChatSelection {
  subscription: Subscription;
  /** Nothing first seen before this (ms) is posted: when instant mode was turned on, or the hold limit. */
  storiesSince: number | null;
  /** The oldest article a quote may come from (ms): the hold limit. */
  heldSince: number;
  /** Posts still allowed this hour. */
  room: number;
  accept: ((story: Story) => boolean) | null;
}

/**
 * The posts of a chat's next batch, oldest first: quotes by the speakers it follows first (it asked
 * for those by name), then its best-ranked new stories, up to the room left under its hourly cap.
 * Nothing already posted to it (any article of a story, the same quote from another source).
 */
export function choosePosts(
  news: InstantNews,
  selection: ChatSelection,
  posted: Readonly<Record<string, string>>,
): InstantPost[] {
  if (selection.room <= 0) return [];
  const { subscription } = selection;
  const chosen: { at: number; post: InstantPost }[] = [];
  const taken = new Set<string>();
  for (const quote of followedQuotes(news.quotes, subscription.follows ?? [], selection.heldSince)) {
    if (chosen.length >= selection.room) break;
    if (posted[quote.key] || taken.has(quote.key)) continue;
    taken.add(quote.key);
    chosen.push({ at: quote.seen, post: { keys: [quote.key], reply: quotePost(quote) } });
  }
  if (selection.storiesSince !== null) {
    const fits = chatFits(selection);
    for (const candidate of news.stories) {
      if (chosen.length >= selection.room) break;
      if (!isNewTo(candidate, selection, posted) || !fits(candidate.story)) continue;
      chosen.push({
        at: candidate.firstSeen,
        post: { keys: candidate.keys, reply: storyPost(candidate.story) },
      });
    }
  }
  return chosen.sort((a, b) => a.at - b.at).map((entry) => entry.post);
}

/** Whether a chat in instant mode has not had a story yet and may have it (its time, its keys). */
export function isNewTo(
  candidate: StoryCandidate<StoryArticle>,
  selection: ChatSelection,
  posted: Readonly<Record<string, string>>,
): boolean {
  return (
    selection.storiesSince !== null &&
    candidate.firstSeen >= selection.storiesSince &&
    !candidate.keys.some((key) => posted[key])
  );
}

/** Whether a whole story is within a chat's topics and passes its filters (these read its words). */
export function chatFits(selection: ChatSelection): (story: Story) => boolean {
  const matchers = selection.subscription.topics.map(topicMatcher).filter((matcher) => matcher !== null);
  return (story) =>
    (matchers.length === 0 || matchers.some((matcher) => storyMatches(story, matcher))) &&
    (!selection.accept || selection.accept(story));
}

/** Quotes by followed speakers, from articles seen after each was followed, oldest first. */
function followedQuotes(
  quotes: readonly QuoteCandidate[],
  follows: readonly FollowedSpeaker[],
  heldSince: number,
): QuoteCandidate[] {
  if (follows.length === 0) return [];
  return quotes
    .filter((quote) => {
      if (quote.seen < heldSince) return false;
      const followed = follows.find((speaker) =>
        quote.speakerKey ? speaker.key === quote.speakerKey : speaker.variants.includes(quote.spokenAs),
      );
      return followed !== undefined && quote.seen >= Date.parse(followed.since);
    })
    .sort((a, b) => a.seen - b.seen);
}

/** A new story as one post: its headline, a short summary and a link per source. */
export function storyPost(story: Story): Reply {
  const lead = story.articles[0]!;
  const sources = new Set<string>();
  const links: (Span | string)[] = [];
  for (const article of story.articles) {
    const key = sourceKey(article);
    if (sources.has(key) || sources.size === DISPLAY_LIMITS.storyLinks) continue;
    sources.add(key);
    if (links.length) links.push(' · ');
    links.push({ text: capLine(article.source || 'source', DISPLAY_LIMITS.name), link: article.url });
  }
  const summary = capSentences(lead.summary.slice(0, 2), DISPLAY_LIMITS.summarySentence, 600);
  return reply.of(
    heading(capLine(lead.title || lead.summary[0] || lead.source, DISPLAY_LIMITS.headline)),
    ...(summary.length ? [paragraph(summary.join(' '))] : []),
    paragraph(...links),
  );
}

/** A followed speaker's quote as one post, with its article. */
export function quotePost(quote: QuoteCandidate): Reply {
  return reply.of(
    quoteBlock(quote.text.replace(/\s*[,;:]$/, ''), { text: quote.speaker, bold: true }),
    paragraph(
      {
        text: capLine(quote.article.title || quote.article.source, DISPLAY_LIMITS.name),
        link: quote.article.url,
      },
      ` — ${capLine(quote.article.source, DISPLAY_LIMITS.name)}`,
    ),
  );
}
