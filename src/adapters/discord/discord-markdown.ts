/**
 * Text made safe for Discord: markdown escaped, mentions neutralised, links limited to http(s),
 * and cuts to Discord's length limits that never split a character, emoji or flag in two.
 *
 * Article titles, quotes and source names come from feeds anyone can publish, so every piece of
 * them is treated as hostile: `**`, `[x](javascript:...)`, `@everyone`, `<@123>`, bidi controls.
 */
import { isSafeLink } from '../../chat/reply.js';

const ZERO_WIDTH_SPACE = '\u200b';

/**
 * Removes control characters (terminal escapes, NUL) and the bidi embedding, override and
 * isolate controls, which can make a link's text read as something else. Right-to-left letters
 * themselves are kept: Arabic or Hebrew text renders as it should.
 */
export function stripControls(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}

/**
 * Neutralises mentions without changing what a reader sees: a zero-width space after every "@"
 * stops `@everyone`, `@here`, `<@123>`, `<@&role>` and `<#channel>`-style tokens from pinging
 * anyone, even if a message were ever sent without `allowedMentions`.
 */
export function neutralizeMentions(text: string): string {
  return text.replace(/@/g, `@${ZERO_WIDTH_SPACE}`).replace(/<([#@:!&]|t:|a:)/g, `<${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Escapes text for Discord markdown (message content, embed descriptions, titles and field
 * values): every character with a markdown meaning gets a backslash, markers that only count at
 * the start of a line (headings, lists, block quotes) too, and mentions are neutralised.
 *
 * @example
 * escapeMarkdown('**[x](javascript:alert(1))** @everyone');
 * // '\*\*\[x\]\(javascript:alert\(1\)\)\*\* @\u200beveryone'
 */
export function escapeMarkdown(text: string): string {
  const escaped = stripControls(text)
    .replace(/[\\*_~`|[\]()<>]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    // A backslash before a digit would show; "1." is escaped on its dot instead.
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
  return neutralizeMentions(escaped);
}

/** Plain text where Discord shows no markdown (embed footers, author names): controls and mentions only. */
export function plainText(text: string): string {
  return neutralizeMentions(stripControls(text));
}

/**
 * A URL Discord can show as a link target, or null: only absolute http(s) URLs qualify, and
 * characters that would end a markdown link early (parentheses, angle brackets, spaces) are
 * percent-encoded.
 */
export function linkTarget(url: string | undefined): string | null {
  if (!isSafeLink(url)) return null;
  const href = new URL(url).href.replace(
    /[()<>\s]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return href.length <= 1_000 ? href : null;
}

/**
 * A masked link `[label](<url>)`, or the escaped label alone when the URL is not http(s). The
 * angle brackets stop Discord from adding a preview for every link of a message (`embedded:
 * true` in embeds, where previews never appear and the plain form is used).
 */
export function maskedLink(
  label: string,
  url: string | undefined,
  options: { embedded?: boolean } = {},
): string {
  const target = linkTarget(url);
  const text = escapeMarkdown(label.trim() || (target ? new URL(target).hostname : ''));
  if (!target) return text;
  return options.embedded ? `[${text}](${target})` : `[${text}](<${target}>)`;
}

let segmenter: Intl.Segmenter | null = null;

/**
 * The last grapheme boundary at or before `at`: a cut there keeps every emoji, flag, family and
 * accented letter whole. Only a window around the cut is segmented, starting at a space (a
 * boundary on both sides), because segmenting whole texts is slow.
 */
export function graphemeBoundary(text: string, at: number): number {
  if (at >= text.length) return text.length;
  if (at <= 0) return 0;
  const before = text.charCodeAt(at - 1);
  const after = text.charCodeAt(at);
  // Between two characters below U+0300 (no marks, joiners or surrogates) there is always a boundary, CR LF aside.
  if (before < 0x300 && after < 0x300 && !(before === 0x0d && after === 0x0a)) return at;
  const space = text.lastIndexOf(' ', at - 64);
  const from = space < 0 ? 0 : space;
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  let end = from;
  for (const { index, segment } of segmenter.segment(text.slice(from, at + 64))) {
    if (from + index + segment.length > at) break;
    end = from + index + segment.length;
  }
  return end;
}

/**
 * Cuts `text` to at most `max` UTF-16 units (what Discord counts), ending with "…" when cut, at a
 * grapheme boundary: an emoji, a flag, a family or a letter with its accents is kept whole or
 * dropped whole, never split into a broken surrogate pair.
 */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 0) return '';
  return `${text.slice(0, graphemeBoundary(text, max - 1)).trimEnd()}…`;
}

/**
 * `render(cut)` for the longest cut of `raw` whose rendering fits in `max` units. Escaping makes
 * text longer by an amount that depends on the text, so the raw text is cut and rendered again
 * until the result fits; cutting the raw text (never the rendered markdown) means no escape
 * sequence or link is ever broken in half.
 */
export function fitRendered(raw: string, max: number, render: (text: string) => string): string {
  let rendered = render(raw);
  let room = raw.length;
  while (rendered.length > max && room > 0) {
    room = Math.max(0, Math.min(room - 1, room - Math.ceil((rendered.length - max) / 2)));
    rendered = render(truncate(raw, room));
  }
  return rendered.length <= max ? rendered : '';
}

/**
 * Splits `raw` into consecutive parts whose renderings each fit in `max` units, cutting at
 * whitespace where possible and never inside a grapheme. Returns the rendered parts.
 */
export function splitRendered(raw: string, max: number, render: (text: string) => string): string[] {
  const parts: string[] = [];
  let rest = raw.trim();
  while (rest.length > 0) {
    const whole = render(rest);
    if (whole.length <= max) {
      parts.push(whole);
      break;
    }
    let room = Math.min(rest.length, max);
    let cut = breakPoint(rest, room);
    while (cut > 1 && render(rest.slice(0, cut).trimEnd()).length > max) {
      room = Math.min(cut - 1, Math.floor(room * 0.8));
      cut = breakPoint(rest, room);
    }
    if (cut <= 0) cut = firstGraphemeLength(rest);
    const part = render(rest.slice(0, cut).trimEnd());
    if (part.length <= max) parts.push(part);
    rest = rest.slice(cut).trimStart();
  }
  return parts;
}

/** The last grapheme boundary at or before `room`, moved back to a space when one is near. */
function breakPoint(text: string, room: number): number {
  const end = graphemeBoundary(text, room);
  const space = text.lastIndexOf(' ', end - 1);
  return space > end / 2 ? space + 1 : end;
}

function firstGraphemeLength(text: string): number {
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(text.slice(0, 64))) return segment.length;
  return text.length;
}
