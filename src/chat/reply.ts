/**
 * The platform-neutral reply every command returns. Adapters render it for their target (terminal
 * text, Telegram HTML, Discord markdown/embeds) and escape every piece of text on the way, so
 * commands never think about escaping and never build platform markup.
 */

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
  /** Set by the runner: the token of the stored next page, for /more or a platform's "More" button. */
  more?: { token: string };
}

/** Builders that keep command handlers short and readable. */
export const reply = {
  of(...blocks: Block[]): Reply {
    return { blocks };
  },
  text(text: string): Reply {
    return { blocks: [paragraph(text)] };
  },
};

export function heading(text: string): Block {
  return { type: 'heading', text };
}

export function paragraph(...spans: (Span | string)[]): Block {
  return {
    type: 'paragraph',
    spans: spans.map((span) => (typeof span === 'string' ? { text: span } : span)),
  };
}

export function list(items: (Span | string)[][]): Block {
  return {
    type: 'list',
    items: items.map((item) => item.map((span) => (typeof span === 'string' ? { text: span } : span))),
  };
}

export function quoteBlock(text: string, ...attribution: (Span | string)[]): Block {
  return {
    type: 'quote',
    text,
    attribution: attribution.map((span) => (typeof span === 'string' ? { text: span } : span)),
  };
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
