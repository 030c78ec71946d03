import { clean } from '../../chat/render-text.js';
import type { Block, Reply, Span } from '../../chat/reply.js';
import { isSafeLink } from '../../chat/reply.js';
import { DISPLAY_LIMITS } from '../../chat/display-limits.js';
import { splitTelegramHtml, visibleText } from './split-html.js';
import { safeImageUrl } from '../../articles/image-url.js';

/**
 * Renders neutral replies for Telegram's HTML parse mode. Every piece of text is escaped here, only
 * http(s) links become links, and a long reply becomes several messages of at most 4,096 characters,
 * cut between blocks (a block longer than a message between its paragraphs, sentences or words). Each message also carries a plain-text twin, sent if Telegram ever
 * refuses to parse the HTML.
 */

/** Telegram's limit for one message's text. */
export const TELEGRAM_MAX_CHARS = 4096;

/** Telegram's limit for a photo's caption, counted as Telegram does (tags count nothing). */
export const TELEGRAM_MAX_CAPTION = 1024;

/** One Telegram message: the HTML to send, and the same words without markup as a fallback. */
export interface TelegramMessage {
  html: string;
  plain: string;
  /**
   * An image address: the message goes out as a photo with `html` as its caption (at most
   * {@link TELEGRAM_MAX_CAPTION}), or as text when Telegram cannot fetch the image.
   */
  photo?: string;
}

/** Escapes text for Telegram HTML: `&`, `<` and `>` (and `"` for attribute values). */
export function escapeHtml(text: string): string {
  return clean(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * A reply as Telegram messages, split between blocks (a block longer than a message is cut), at most
 * {@link DISPLAY_LIMITS.replyMessages} of them: the last then says the rest was left out.
 */
export function renderTelegram(reply: Reply, limit = TELEGRAM_MAX_CHARS): TelegramMessage[] {
  const pieces = reply.blocks.flatMap(renderBlock);
  const photo = reply.image && safeImageUrl(reply.image.url);
  let messages: TelegramMessage[];
  if (photo && reply.image!.blocks > 0) {
    // What the image illustrates is its caption; renderBlock gives one piece per block.
    const lead = pieces.slice(0, reply.image!.blocks);
    messages = photoFirst(
      { html: lead.map((p) => p.html).join('\n\n'), plain: lead.map((p) => p.plain).join('\n\n') },
      pieces.slice(reply.image!.blocks),
      photo,
      limit,
    );
  } else {
    messages = packMessages(pieces, limit);
  }
  if (messages.length <= DISPLAY_LIMITS.replyMessages) return messages;
  const cut = '… (the rest is too long to show)';
  return [...messages.slice(0, DISPLAY_LIMITS.replyMessages - 1), { html: `<i>${cut}</i>`, plain: cut }];
}

/**
 * Packs pieces (blocks, or whole digest stories) into as few messages as fit, joined by a blank
 * line, never splitting a piece unless it alone is longer than a message.
 */
export function packMessages(
  pieces: readonly TelegramMessage[],
  limit = TELEGRAM_MAX_CHARS,
): TelegramMessage[] {
  const messages: TelegramMessage[] = [];
  let current: TelegramMessage | null = null;
  for (const piece of pieces.flatMap((piece) => cutPiece(piece, limit))) {
    if (
      current &&
      current.html.length + 2 + piece.html.length <= limit &&
      current.plain.length + 2 + piece.plain.length <= limit
    ) {
      current = { html: `${current.html}\n\n${piece.html}`, plain: `${current.plain}\n\n${piece.plain}` };
    } else {
      if (current) messages.push(current);
      current = piece;
    }
  }
  if (current) messages.push(current);
  return messages.length ? messages : [{ html: '…', plain: '…' }];
}

/**
 * Messages led by a photo: its caption is what fits of `lead` in {@link TELEGRAM_MAX_CAPTION}
 * characters, cut between paragraphs (never inside a tag); the rest of `lead` opens the next
 * message, followed by `rest`, packed as usual.
 */
export function photoFirst(
  lead: TelegramMessage,
  rest: readonly TelegramMessage[],
  photo: string,
  limit = TELEGRAM_MAX_CHARS,
): TelegramMessage[] {
  const [caption, ...more] = splitTelegramHtml(lead.html, TELEGRAM_MAX_CAPTION, 'visible');
  const after = [...more.map((html) => ({ html, plain: visibleText(html) })), ...rest];
  const first: TelegramMessage = { html: caption!, plain: visibleText(caption!), photo };
  return after.length ? [first, ...packMessages(after, limit)] : [first];
}

/** Spans as HTML: bold, italic, code and safe links; nested in a fixed order so tags always balance. */
export function spansToHtml(spans: readonly Span[]): string {
  return spans
    .map((span) => {
      let html = escapeHtml(span.text);
      if (span.code) html = `<code>${html}</code>`;
      if (span.italic) html = `<i>${html}</i>`;
      if (span.bold) html = `<b>${html}</b>`;
      if (isSafeLink(span.link)) html = `<a href="${escapeAttribute(span.link)}">${html}</a>`;
      return html;
    })
    .join('');
}

/** Spans as plain text; a link whose words differ from its address shows the address too. */
export function spansToPlain(spans: readonly Span[]): string {
  return spans
    .map((span) =>
      isSafeLink(span.link) && span.link !== span.text
        ? `${clean(span.text)} (${span.link})`
        : clean(span.text),
    )
    .join('');
}

function renderBlock(block: Block): TelegramMessage[] {
  switch (block.type) {
    case 'heading':
      return [{ html: `<b>${escapeHtml(block.text)}</b>`, plain: clean(block.text) }];
    case 'paragraph':
      return [{ html: spansToHtml(block.spans), plain: spansToPlain(block.spans) }];
    case 'list':
      // Items are separate pieces so that a long list splits between items, yet packs tightly.
      return [
        {
          html: block.items.map((item) => `• ${spansToHtml(item)}`).join('\n'),
          plain: block.items.map((item) => `• ${spansToPlain(item)}`).join('\n'),
        },
      ];
    case 'quote': {
      const attribution = block.attribution.length ? `\n— ${spansToHtml(block.attribution)}` : '';
      const plainAttribution = block.attribution.length ? `\n— ${spansToPlain(block.attribution)}` : '';
      return [
        {
          html: `<blockquote>“${escapeHtml(block.text)}”${attribution}</blockquote>`,
          plain: `“${clean(block.text)}”${plainAttribution}`,
        },
      ];
    }
  }
}

/**
 * A piece longer than a message: cut between paragraphs, lines, sentences or words, never inside a
 * tag or an entity, its formatting closed and reopened at each cut (split-html.ts).
 */
function cutPiece(piece: TelegramMessage, limit: number): TelegramMessage[] {
  if (piece.html.length <= limit && piece.plain.length <= limit) return [piece];
  return splitTelegramHtml(piece.html, limit).map((html) => ({ html, plain: visibleText(html) }));
}
