/**
 * The neutral replies of `/quotes` and `/speakers`. Every piece of text that comes from an article
 * or a user is cut to a bounded length here, so a page of five quotes stays well within a Telegram
 * message (4,096 characters) whatever the articles hold.
 */
import {
  heading,
  list,
  paragraph,
  quoteBlock,
  reply,
  type Block,
  type Reply,
  type Span,
} from '../chat/reply.js';
import type { MostQuoted, QuoteHit, QuoteSearch, Speaker } from './quote-index.js';
import { stripControls } from './speaker-name.js';

/** Longest quote shown on a page; the whole quote is in the article. */
const SHOWN_QUOTE_CHARS = 320;
const SHOWN_SOURCE_CHARS = 60;
/** Longest echo of what the user typed. */
const SHOWN_QUERY_CHARS = 60;
/** Longest link kept: longer addresses are shown without a link rather than eat the page. */
const MAX_LINK_CHARS = 600;

/** The reply to `/quotes <name> [words]`, for page `page` of `pageSize` quotes. */
export function quotesReply(result: QuoteSearch, typed: string, page: number, pageSize: number): Reply {
  const asked = shown(typed);
  if (result.kind === 'empty') {
    return reply.text(
      'Type a name after /quotes, such as /quotes pompeo or /quotes "Mike Pompeo". /quotes alone lists today’s most quoted people.',
    );
  }
  if (result.kind === 'unknown') {
    if (result.suggestions.length === 0) {
      return reply.text(`Nobody called "${asked}" has been quoted yet. /speakers lists everyone who has.`);
    }
    const names = result.suggestions.map((speaker) => speaker.name);
    return reply.text(
      `Nobody called "${asked}" has been quoted yet. Closest: ${names.join(', ')}. Try /quotes "${names[0]}".`,
    );
  }
  const who = nameList(result.speakers);
  const filter = result.words.length ? ` with ${result.words.map((word) => `"${word}"`).join(' ')}` : '';
  const among =
    result.searchedOnly === null ? '' : ` among the newest ${result.searchedOnly.toLocaleString('en')}`;
  if (result.hits.length === 0) {
    if (page > 0) return reply.text(`No more quotes${filter}${among}.`);
    return reply.text(
      `${who}: no quotes${filter}${among}.${among ? ' A full name or other words narrow the search.' : ''}`,
    );
  }
  const offset = page * pageSize;
  const range = `${offset + 1}–${offset + result.hits.length}${result.total === null ? '' : ` of ${result.total}`}`;
  const blocks: Block[] = [heading(`Quotes by ${who}${filter} (${range})`)];
  if (page === 0 && result.corrected !== null) {
    blocks.push(paragraph(`Nobody is called "${shown(result.name)}"; showing ${who}.`));
  }
  if (page === 0 && result.speakers.length > 1) {
    const shownSpeakers = result.speakers.slice(0, 5).map((speaker) => `${speaker.name} (${speaker.count})`);
    const more = result.speakers.length > 5 ? ` and ${result.speakers.length - 5} more` : '';
    blocks.push(
      paragraph(
        `${result.speakers.length} speakers match: ${shownSpeakers.join(', ')}${more}. For one of them: /quotes "${result.speakers[0]!.name}".`,
      ),
    );
  }
  for (const hit of result.hits) blocks.push(hitBlock(hit));
  if (among && !result.hasMore)
    blocks.push(paragraph(`Searched the newest ${result.searchedOnly!.toLocaleString('en')} quotes.`));
  return { ...reply.of(...blocks), hasMore: result.hasMore };
}

/** The reply to `/quotes` alone. */
export function mostQuotedReply(top: MostQuoted, today: string, page: number, pageSize: number): Reply {
  if (top.day === null || top.speakers.length === 0) {
    return reply.text(
      page > 0
        ? 'No more speakers.'
        : 'Nobody has been quoted in the past week. /speakers lists everyone quoted; /quotes <name> shows what one person said.',
    );
  }
  const offset = page * pageSize;
  const when = top.day === today ? `today (${top.day})` : `on ${top.day}, the latest day with quotes`;
  return {
    ...reply.of(
      heading(`Most quoted ${when}`),
      list(
        top.speakers.map(({ speaker, count }, i) => [
          `${offset + i + 1}. `,
          { text: speaker.name, bold: true },
          ` — ${count} quote${count === 1 ? '' : 's'}`,
        ]),
      ),
      paragraph('See what one of them said: /quotes <name>.'),
    ),
    hasMore: offset + top.speakers.length < top.total,
  };
}

/** The reply to `/speakers [letters]`. */
export function speakersReply(
  found: { speakers: Speaker[]; total: number },
  prefix: string | undefined,
  page: number,
  pageSize: number,
): Reply {
  if (found.speakers.length === 0) {
    if (page > 0) return reply.text('No more speakers.');
    return reply.text(
      prefix
        ? `No speaker has a name starting with "${shown(prefix)}". /speakers alone lists everyone.`
        : 'Nobody has been quoted yet: quotes appear as sources are read.',
    );
  }
  const offset = page * pageSize;
  const range = `${offset + 1}–${offset + found.speakers.length} of ${found.total}`;
  const items: Span[][] = found.speakers.map((speaker) => {
    const spans: Span[] = [
      { text: speaker.name, bold: true },
      {
        text: ` — ${speaker.count} quote${speaker.count === 1 ? '' : 's'}, last ${speaker.lastAt.slice(0, 10)}`,
      },
    ];
    if (speaker.kind === 'organisation') spans.push({ text: ', organisation' });
    if (speaker.aliases.length) {
      const aliases = speaker.aliases.slice(0, 3).map((alias) => `"${clip(alias, 40)}"`);
      spans.push({ text: `; also ${aliases.join(', ')}${speaker.aliases.length > 3 ? ', …' : ''}` });
    }
    return spans;
  });
  return {
    ...reply.of(
      heading(`Speakers${prefix ? ` named "${shown(prefix)}…"` : ''} (${range})`),
      list(items),
      paragraph('What one of them said: /quotes <name>.'),
    ),
    hasMore: offset + found.speakers.length < found.total,
  };
}

/**
 * One quote, kept short: the quotation, then its speaker, the source (linked to the article) and
 * the date. The article's title is left out: it is often longer than the quote.
 */
function hitBlock(hit: QuoteHit): Block {
  const link = hit.article.url && hit.article.url.length <= MAX_LINK_CHARS ? hit.article.url : undefined;
  const source = clip(hit.article.source || hit.article.title || 'source', SHOWN_SOURCE_CHARS);
  return quoteBlock(
    clip(hit.text, SHOWN_QUOTE_CHARS),
    clip(hit.speaker, 80),
    ' — ',
    link ? { text: source, link } : source,
    `, ${hit.date.slice(0, 10)}`,
  );
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 others". */
function nameList(speakers: readonly Speaker[]): string {
  const names = speakers.slice(0, 3).map((speaker) => clip(speaker.name, 80));
  if (speakers.length > 3) return `${names.join(', ')} and ${speakers.length - 3} others`;
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** What the user typed, safe to echo: no control characters, one line, bounded. */
function shown(text: string): string {
  return clip(stripControls(text).replace(/\s+/g, ' ').trim(), SHOWN_QUERY_CHARS);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
