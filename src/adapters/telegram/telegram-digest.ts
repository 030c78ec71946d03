import {
  escapeHtml,
  packMessages,
  photoFirst,
  spansToHtml,
  spansToPlain,
  type TelegramMessage,
} from './render-telegram.js';
import { safeImageUrl } from '../../articles/image-url.js';
import type { Span } from '../../chat/reply.js';
import { capLine, DISPLAY_LIMITS } from '../../chat/display-limits.js';
import type { DigestLabels } from '../../delivery/digest-labels.js';
import type { Digest, DigestQuote, DigestStory } from '../../digest/digest.js';

/** How a digest is drawn for one chat. */
export interface TelegramDigestOptions {
  /** Largest message, in characters; Telegram's 4,096 when not given. */
  limit?: number;
  /** Show the top story's image as a photo above it (`/settings images`); off when not given. */
  images?: boolean;
}

/**
 * A digest as Telegram HTML messages: the title, then one piece per story (headline, summary, key
 * quotes, links), then the quote of the day. Messages are cut only between stories, so a story is
 * never split across two messages unless it alone exceeds Telegram's 4,096 characters (then it is
 * cut between its paragraphs). With images on and an image for the top story, the first message is
 * that photo, captioned with the title and as much of the top story as fits in 1,024 characters.
 * At most {@link DISPLAY_LIMITS.digestMessages} messages: stories that do not fit are counted in a
 * last line.
 */
export function renderDigestTelegram(
  digest: Digest,
  labels: DigestLabels,
  options: TelegramDigestOptions = {},
): TelegramMessage[] {
  const max = DISPLAY_LIMITS.digestMessages;
  for (let shown = digest.stories.length; shown > 0; shown--) {
    const messages = renderStories(digest, labels, shown, options);
    if (messages.length <= max) return messages;
  }
  return renderStories(digest, labels, 1, options).slice(0, max);
}

function renderStories(
  digest: Digest,
  labels: DigestLabels,
  shown: number,
  options: TelegramDigestOptions,
): TelegramMessage[] {
  const limit = options.limit;
  const title = labels.title(digest.date, digest.topic && capLine(digest.topic, DISPLAY_LIMITS.name));
  const header: TelegramMessage = { html: `<b>${escapeHtml(title)}</b>`, plain: title };
  if (digest.stories.length === 0) {
    const empty = labels.emptyText(digest);
    return [{ html: `${header.html}\n\n${escapeHtml(empty)}`, plain: `${title}\n\n${empty}` }];
  }
  const pieces = digest.stories.slice(0, shown).map((story, index) => storyPiece(story, index));
  const left = digest.stories.length - shown;
  if (left > 0) {
    const more = labels.moreStories(left);
    pieces.push({ html: `<i>${escapeHtml(more)}</i>`, plain: more });
  }
  // The title travels with the first story rather than alone in a message of its own.
  pieces[0] = {
    html: `${header.html}\n\n${pieces[0]!.html}`,
    plain: `${header.plain}\n\n${pieces[0]!.plain}`,
  };
  if (digest.quoteOfTheDay) {
    const quote = quoteLines(digest.quoteOfTheDay, true);
    pieces.push({
      html: `<b>${escapeHtml(labels.quoteOfTheDay)}</b>\n${quote.html}`,
      plain: `${labels.quoteOfTheDay}\n${quote.plain}`,
    });
  }
  const photo = options.images ? safeImageUrl(digest.stories[0]?.image) : null;
  if (!photo) return packMessages(pieces, limit);
  // The caption holds what fits of the title and the top story; the rest of that story leads the
  // next message.
  return photoFirst(pieces[0]!, pieces.slice(1), photo, limit);
}

function storyPiece(story: DigestStory, index: number): TelegramMessage {
  const html: string[] = [`<b>${index + 1}. ${escapeHtml(story.headline)}</b>`];
  const plain: string[] = [`${index + 1}. ${story.headline}`];
  if (story.summary.length) {
    html.push(escapeHtml(story.summary.join(' ')));
    plain.push(story.summary.join(' '));
  }
  for (const quote of story.quotes) {
    const lines = quoteLines(quote, false);
    html.push(lines.html);
    plain.push(lines.plain);
  }
  const links: Span[] = story.links.flatMap((link, i) => [
    ...(i > 0 ? [{ text: ' · ' }] : []),
    { text: link.source || link.title, link: link.url },
  ]);
  if (links.length) {
    html.push(spansToHtml(links));
    plain.push(spansToPlain(links));
  }
  return { html: html.join('\n'), plain: plain.join('\n') };
}

function quoteLines(quote: DigestQuote, withSource: boolean): TelegramMessage {
  const who = withSource && quote.source ? `${quote.speaker}, ${quote.source}` : quote.speaker;
  return {
    html: `<blockquote>“${escapeHtml(quote.text)}”\n— ${escapeHtml(who)}</blockquote>`,
    plain: `“${quote.text}”\n— ${who}`,
  };
}
