/**
 * Renders a neutral reply as Discord messages: markdown content within Discord's 2,000
 * characters per message, split between blocks (a block longer than a message is itself split
 * at spaces). The output is plain data shaped like discord.js's message options, so this core
 * module needs no discord.js; the Discord adapter passes the objects on as they are.
 */
import {
  escapeMarkdown,
  fitRendered,
  linkTarget,
  neutralizeMentions,
  splitRendered,
  stripControls,
} from './discord-markdown.js';
import type { Block, Reply, Span } from '../../chat/reply.js';
import { DISPLAY_LIMITS } from '../../chat/display-limits.js';
import { safeImageUrl } from '../../articles/image-url.js';

/** Discord's documented limits, in UTF-16 units as Discord counts them. */
export const DISCORD_LIMITS = {
  content: 2_000,
  embedsPerMessage: 10,
  /** Sum of every embed's title, description, field names and values, footer and author. */
  embedsTotal: 6_000,
  title: 256,
  description: 4_096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1_024,
  footer: 2_048,
} as const;

/** Quotewire's accent colour for embeds. */
export const EMBED_COLOR = 0x2f6fde;

/** An embed as Discord's API (and discord.js's APIEmbed) takes it. */
export interface DiscordEmbed {
  title?: string;
  description?: string;
  url?: string;
  color?: number;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
  timestamp?: string;
  /** A large picture under the embed's text. */
  image?: { url: string };
  /** A small picture beside the embed's text. */
  thumbnail?: { url: string };
}

/** One message to send: discord.js's `MessageCreateOptions` subset Quotewire uses. */
export interface DiscordMessage {
  content?: string;
  embeds?: DiscordEmbed[];
  /** Always "nobody": no text from a feed may ever ping a user, a role, @everyone or @here. */
  allowedMentions: { parse: never[] };
}

/** A fresh "mention nobody" setting for each message (callers may mutate what they get). */
export function noMentions(): { parse: never[] } {
  return { parse: [] };
}

export interface DiscordRenderOptions {
  /** Line added when the reply has a next page; null to leave paging to a button. */
  moreHint?: string | null;
}

/**
 * Renders a reply as one or more Discord messages of markdown content.
 *
 * @example
 * for (const message of renderDiscordMessages(reply)) await channel.send(message);
 */
export function renderDiscordMessages(reply: Reply, options: DiscordRenderOptions = {}): DiscordMessage[] {
  const image = reply.image && safeImageUrl(reply.image.url);
  if (image && reply.image!.blocks > 0) {
    // The image goes under what it illustrates (a digest's title and top story), as the scheduled
    // digest's top story embed shows it; the rest follows in messages of its own.
    const lead = renderDiscordMessages({ blocks: reply.blocks.slice(0, reply.image!.blocks) });
    const rest = { ...reply, image: undefined, blocks: reply.blocks.slice(reply.image!.blocks) };
    const after = rest.blocks.length || rest.more ? renderDiscordMessages(rest, options) : [];
    const under = lead.at(-1) ?? { allowedMentions: noMentions() };
    under.embeds = [{ image: { url: image }, color: EMBED_COLOR }];
    if (lead.length === 0) lead.push(under);
    return [...lead, ...after].slice(0, DISPLAY_LIMITS.replyMessages);
  }
  const max = DISCORD_LIMITS.content;
  const pieces = reply.blocks.map((block) => renderBlock(block, max)).filter((parts) => parts.length > 0);
  const hint = options.moreHint === undefined ? 'More: /more' : options.moreHint;
  if (reply.more && hint) pieces.push([`*${escapeMarkdown(hint)}*`]);

  const messages: string[] = [];
  let current = '';
  for (const parts of pieces) {
    parts.forEach((part, i) => {
      const joined = current ? `${current}${i === 0 ? '\n\n' : '\n'}${part}` : part;
      if (joined.length <= max) current = joined;
      else {
        messages.push(current);
        current = part;
      }
    });
  }
  if (current) messages.push(current);
  if (messages.length > DISPLAY_LIMITS.replyMessages) {
    messages.splice(DISPLAY_LIMITS.replyMessages - 1, Infinity, '*… (the rest is too long to show)*');
  }
  return messages.map((content) => ({ content, allowedMentions: noMentions() }));
}

/** A block as markdown, in parts that each fit `max` (one part unless the block is longer). */
function renderBlock(block: Block, max: number): string[] {
  switch (block.type) {
    case 'heading': {
      const heading = fitRendered(block.text.trim(), max - 4, escapeMarkdown);
      return heading ? [`**${heading}**`] : [];
    }
    case 'paragraph':
      return renderSpansSplit(block.spans, max);
    case 'list':
      return block.items.flatMap((item) => renderSpansSplit(item, max - 2).map((part) => `- ${part}`));
    case 'quote':
      return renderQuote(block.text, block.attribution, max);
  }
}

/** Spans as markdown; when longer than `max`, split between spans and inside long ones. */
function renderSpansSplit(spans: readonly Span[], max: number): string[] {
  const whole = spans.map(renderSpan).join('');
  if (whole.length <= max) return whole.trim() ? [whole] : [];
  const parts: string[] = [];
  let current = '';
  for (const span of spans) {
    const rendered = renderSpan(span);
    const pieces = rendered.length <= max ? [rendered] : splitSpan(span, max);
    for (const piece of pieces) {
      if ((current + piece).length <= max) current += piece;
      else {
        if (current.trim()) parts.push(current);
        current = piece;
      }
    }
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/** A span too long for one message, as several with the same formatting (a link keeps its target). */
function splitSpan(span: Span, max: number): string[] {
  const overhead = renderSpan({ ...span, text: '' }).length + 8;
  return splitRendered(span.text, max - overhead, escapeMarkdown).map((escaped) =>
    format(span, escaped, linkTarget(span.link)),
  );
}

function renderSpan(span: Span): string {
  if (span.code) return format(span, codeText(span.text), null);
  const target = linkTarget(span.link);
  return format(span, escapeMarkdown(span.text), target);
}

/**
 * Wraps already-escaped text in the span's emphasis and link. Spaces at the edges stay outside
 * the markers, or Discord would not see them as emphasis.
 */
function format(span: Span, escaped: string, target: string | null): string {
  const [, lead = '', body = '', trail = ''] = /^(\s*)([\s\S]*?)(\s*)$/.exec(escaped) ?? [];
  if (!body) return escaped;
  let text = body;
  if (span.code) text = `\`${text}\``;
  if (target) text = `[${text}](<${target}>)`;
  const marker = span.bold && span.italic ? '***' : span.bold ? '**' : span.italic ? '*' : '';
  return `${lead}${marker}${text}${marker}${trail}`;
}

/**
 * Text for an inline code span, where backslashes do not escape: backticks become a look-alike
 * (U+02CB) so they cannot close the span, and mentions are broken up as elsewhere.
 */
function codeText(text: string): string {
  return neutralizeMentions(stripControls(text).replace(/`/g, '\u02cb'));
}

/** `> “text”` with its attribution on the last line, each line of the quote marked as quoted. */
function renderQuote(text: string, attribution: readonly Span[], max: number): string[] {
  const by = attribution.map(renderSpan).join('').trim();
  const byLine = by ? `\n> — ${by}` : '';
  const quoteLines = (escaped: string) => `> ${escaped.replace(/\n/g, '\n> ')}`;
  const whole = quoteLines(`“${escapeMarkdown(text.trim())}”`) + byLine;
  if (whole.length <= max) return [whole];
  const parts = splitRendered(text, max - byLine.length - 16, (part) => quoteLines(escapeMarkdown(part)));
  if (parts.length === 0) return [];
  parts[0] = parts[0]!.replace(/^> /, '> “');
  parts[parts.length - 1] = `${parts[parts.length - 1]}”${byLine}`;
  return parts;
}

/** Total text of an embed as Discord counts it against the 6,000 per message. */
export function embedLength(embed: DiscordEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
