/**
 * The platform-neutral reply every command returns. Adapters render it for their target (terminal
 * text, Telegram HTML, Discord markdown/embeds) and escape every piece of text on the way, so
 * commands never think about escaping and never build platform markup. The builders below cap
 * every piece of text (display-limits.ts), so no reply can grow without bound.
 */
import { capLine, capText, DISPLAY_LIMITS } from './display-limits.js';
import type { Translate } from '../i18n/translations.js';

/** A run of text with optional emphasis or a link. */
export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  code?: boolean;
  /** Absolute http(s) URL; renderers drop any other scheme. */
  link?: string;
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'paragraph'; spans: Span[] }
  | { type: 'list'; items: Span[][] }
  | { type: 'quote'; text: string; attribution: Span[] };

export interface Reply {
  blocks: Block[];
  /** Set by a command when there is a next page; the runner turns it into `more`. */
  hasMore?: boolean;
  /**
   * Set by the runner: the token of the stored next page, for /more or a platform's "More" button,
   * and the button's words in the chat's language.
   */
  more?: { token: string; label?: string };
  /**
   * Meant for the caller alone (a refusal, a "slow down"): Discord sends it ephemerally; Telegram
   * and the terminal, where a reply cannot be hidden from the rest of a group, ignore it.
   */
  private?: boolean;
  /**
   * A file sent with the reply (/export's OPML): a document on Telegram, an attachment on Discord,
   * its text after the reply at the terminal.
   */
  file?: ReplyFile;
  /**
   * A picture shown with the reply's first `blocks` blocks (what it illustrates, such as a digest's
   * title and top story): on Telegram a photo captioned with them (as much as fits in 1,024
   * characters, the rest after it), on Discord an embed image under them. The terminal leaves it out.
   */
  image?: ReplyImage;
}

/** See {@link Reply.image}. */
export interface ReplyImage {
  /** An absolute http(s) address the platform fetches itself (see safeImageUrl). */
  url: string;
  /** How many of the reply's first blocks go with it. */
  blocks: number;
}

/** A small text file attached to a reply. */
export interface ReplyFile {
  /** The file name the user sees, such as `quotewire-sources.opml`. */
  name: string;
  /** Its media type, such as `text/x-opml`. */
  mimeType: string;
  content: string;
}

/** Builders that keep command handlers short and readable. */
export const reply = {
  of(...blocks: Block[]): Reply {
    return { blocks };
  },
  text(text: string): Reply {
    return { blocks: [paragraph(text)] };
  },
  /** A line of text with a file attached; see {@link Reply.file}. */
  withFile(text: string, file: ReplyFile): Reply {
    return { blocks: [paragraph(text)], file };
  },
  /** A reply for the caller alone; see {@link Reply.private}. */
  privateText(text: string): Reply {
    return { blocks: [paragraph(text)], private: true };
  },
};

export function heading(text: string): Block {
  return { type: 'heading', text: capLine(text, DISPLAY_LIMITS.headline) };
}

export function paragraph(...spans: (Span | string)[]): Block {
  return { type: 'paragraph', spans: spans.map((span) => boundedSpan(span, DISPLAY_LIMITS.span)) };
}

/**
 * A list of at most {@link DISPLAY_LIMITS.listItems} items; the rest are counted in a last item, in
 * the chat's language when a translator is given.
 */
export function list(items: (Span | string)[][], t?: Translate): Block {
  const shown = items.slice(0, DISPLAY_LIMITS.listItems);
  const more = items.length - shown.length;
  return {
    type: 'list',
    items: [
      ...shown.map((item) => item.map((span) => boundedSpan(span, DISPLAY_LIMITS.span))),
      ...(more > 0 ? [[{ text: t ? t('list-more', { count: more }) : `… and ${more} more` }]] : []),
    ],
  };
}

export function quoteBlock(text: string, ...attribution: (Span | string)[]): Block {
  return {
    type: 'quote',
    text: capLine(text, DISPLAY_LIMITS.quote),
    attribution: attribution.map((span) => boundedSpan(span, DISPLAY_LIMITS.name * 2)),
  };
}

/** A span with its text capped and a link longer than any real address dropped (its words stay). */
function boundedSpan(span: Span | string, max: number): Span {
  const full = typeof span === 'string' ? { text: span } : span;
  const text = capText(full.text, max);
  const { link, ...rest } = full;
  if (link !== undefined && link.length > DISPLAY_LIMITS.link) return { ...rest, text };
  return text === full.text ? full : { ...full, text };
}

/** Only http(s) links are ever rendered as links: `javascript:` and friends become plain text. */
export function isSafeLink(url: string | undefined): url is string {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:';
  } catch {
    return false;
  }
}
