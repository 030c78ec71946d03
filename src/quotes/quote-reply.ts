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
import type { Translate } from '../i18n/translations.js';

/** Longest quote shown on a page; the whole quote is in the article. */
const SHOWN_QUOTE_CHARS = 320;
const SHOWN_SOURCE_CHARS = 60;
/** Longest echo of what the user typed. */
const SHOWN_QUERY_CHARS = 60;
/** Longest link kept: longer addresses are shown without a link rather than eat the page. */
const MAX_LINK_CHARS = 600;

/** The reply to `/quotes <name> [words]`, for page `page` of `pageSize` quotes. */
export function quotesReply(
  result: QuoteSearch,
  typed: string,
  page: number,
  pageSize: number,
  t: Translate,
): Reply {
  const asked = shown(typed);
  if (result.kind === 'empty') return reply.text(t('quotes-type-a-name'));
  if (result.kind === 'unknown') {
    if (result.suggestions.length === 0) return reply.text(t('quotes-nobody', { name: asked }));
    const names = result.suggestions.map((speaker) => speaker.name);
    return reply.text(t('quotes-nobody-closest', { name: asked, names: names.join(', '), first: names[0]! }));
  }
  const who = nameList(result.speakers, t);
  const filter = result.words.length
    ? ` ${t('quotes-filter', { words: result.words.map((word) => `"${word}"`).join(' ') })}`
    : '';
  const among = result.searchedOnly === null ? '' : ` ${t('quotes-among', { count: result.searchedOnly })}`;
  if (result.hits.length === 0) {
    if (page > 0) return reply.text(t('quotes-no-more', { filter, among }));
    return reply.text(
      among ? t('quotes-none-narrow', { who, filter, among }) : t('quotes-none', { who, filter, among }),
    );
  }
  const offset = page * pageSize;
  const ends = { from: offset + 1, to: offset + result.hits.length };
  const range = result.total === null ? t('range', ends) : t('range-of', { ...ends, total: result.total });
  const blocks: Block[] = [heading(t('quotes-title', { who, filter, range }))];
  if (page === 0 && result.corrected !== null) {
    blocks.push(paragraph(t('quotes-corrected', { name: shown(result.name), who })));
  }
  if (page === 0 && result.speakers.length > 1) {
    const shownSpeakers = result.speakers.slice(0, 5).map((speaker) => `${speaker.name} (${speaker.count})`);
    const match = {
      count: result.speakers.length,
      names: shownSpeakers.join(', '),
      first: result.speakers[0]!.name,
    };
    blocks.push(
      paragraph(
        result.speakers.length > 5
          ? t('quotes-many-speakers-more', { ...match, more: result.speakers.length - 5 })
          : t('quotes-many-speakers', match),
      ),
    );
  }
  for (const hit of result.hits) blocks.push(hitBlock(hit, t));
  if (among && !result.hasMore) blocks.push(paragraph(t('quotes-searched', { count: result.searchedOnly! })));
  return { ...reply.of(...blocks), hasMore: result.hasMore };
}

/** The reply to `/quotes` alone. */
export function mostQuotedReply(
  top: MostQuoted,
  today: string,
  page: number,
  pageSize: number,
  t: Translate,
): Reply {
  if (top.day === null || top.speakers.length === 0) {
    return reply.text(page > 0 ? t('speakers-no-more') : t('most-quoted-none'));
  }
  const offset = page * pageSize;
  const title =
    top.day === today ? t('most-quoted-today', { day: top.day }) : t('most-quoted-on', { day: top.day });
  return {
    ...reply.of(
      heading(title),
      list(
        top.speakers.map(({ speaker, count }, i) => [
          `${offset + i + 1}. `,
          { text: speaker.name, bold: true },
          ` — ${t('quote-count', { count })}`,
        ]),
        t,
      ),
      paragraph(t('most-quoted-hint')),
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
  t: Translate,
): Reply {
  if (found.speakers.length === 0) {
    if (page > 0) return reply.text(t('speakers-no-more'));
    return reply.text(prefix ? t('speakers-none-prefix', { prefix: shown(prefix) }) : t('speakers-none'));
  }
  const offset = page * pageSize;
  const range = t('range-of', { from: offset + 1, to: offset + found.speakers.length, total: found.total });
  const items: Span[][] = found.speakers.map((speaker) => {
    const spans: Span[] = [
      { text: speaker.name, bold: true },
      { text: ` — ${t('speakers-item', { count: speaker.count, date: speaker.lastAt.slice(0, 10) })}` },
    ];
    if (speaker.kind === 'organisation') spans.push({ text: `, ${t('speakers-organisation')}` });
    if (speaker.aliases.length) {
      const aliases = speaker.aliases.slice(0, 3).map((alias) => `"${clip(alias, 40)}"`);
      const listed = `${aliases.join(', ')}${speaker.aliases.length > 3 ? ', …' : ''}`;
      spans.push({ text: `; ${t('speakers-also', { aliases: listed })}` });
    }
    return spans;
  });
  return {
    ...reply.of(
      heading(
        prefix
          ? t('speakers-title-prefix', { prefix: shown(prefix), range })
          : t('speakers-title', { range }),
      ),
      list(items, t),
      paragraph(t('speakers-hint')),
    ),
    hasMore: offset + found.speakers.length < found.total,
  };
}

/**
 * One quote, kept short: the quotation, then its speaker, the source (linked to the article) and
 * the date. The article's title is left out: it is often longer than the quote.
 */
function hitBlock(hit: QuoteHit, t: Translate): Block {
  const link = hit.article.url && hit.article.url.length <= MAX_LINK_CHARS ? hit.article.url : undefined;
  const source = clip(hit.article.source || hit.article.title || t('quotes-source'), SHOWN_SOURCE_CHARS);
  return quoteBlock(
    clip(hit.text, SHOWN_QUOTE_CHARS),
    clip(hit.speaker, 80),
    ' — ',
    link ? { text: source, link } : source,
    `, ${hit.date.slice(0, 10)}`,
  );
}

/** "A", "A and B", "A, B and C", "A, B, C and 4 others". */
function nameList(speakers: readonly Speaker[], t: Translate): string {
  const names = speakers.slice(0, 3).map((speaker) => clip(speaker.name, 80));
  if (speakers.length > 3)
    return t('names-and-others', { names: names.join(', '), count: speakers.length - 3 });
  return names.length > 1
    ? t('names-and', { names: names.slice(0, -1).join(', '), last: names.at(-1)! })
    : (names[0] ?? '');
}

/** What the user typed, safe to echo: no control characters, one line, bounded. */
function shown(text: string): string {
  return clip(stripControls(text).replace(/\s+/g, ' ').trim(), SHOWN_QUERY_CHARS);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}
