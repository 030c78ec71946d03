/**
 * How much of any text a reply or a digest shows: the one place these caps are set. Text from
 * feeds, models and users is cut here as it enters the reply model (src/chat/reply.ts) and the
 * digest model (src/digest/digest-builder.ts), so no renderer has to be the last line of defence,
 * and a 2,000,000-character feed title still renders as one short headline.
 */

/** The caps, in characters (UTF-16 units, as Telegram and Discord count them). */
export const DISPLAY_LIMITS = {
  /** A digest story's headline, and a reply's heading. */
  headline: 200,
  /** One sentence of a story summary. */
  summarySentence: 400,
  /** A story's whole summary. */
  summary: 1_200,
  /** A key quote, the quote of the day, and a quote block of any reply. */
  quote: 480,
  /** A speaker's name, a source's name, an article title shown as a link's words. */
  name: 120,
  /** One run of text in a paragraph or list item of a reply. */
  span: 1_500,
  /** What a user typed, when a reply repeats it ("No stories about …"). */
  echo: 80,
  /** A link address: longer ones are shown as words without a link. */
  link: 2_000,
  /** Source links listed under one digest story (the story still counts every source). */
  storyLinks: 8,
  /** Items of one list in a reply. */
  listItems: 100,
  /**
   * Messages one digest becomes in one chat (Telegram messages, or Discord messages of embeds).
   * Stories that do not fit are named in a last line instead; with the default of 10 stories
   * a digest needs 2 to 4 Telegram messages and 1 or 2 Discord messages.
   */
  digestMessages: 6,
  /** Messages one command reply becomes; long lists are paged with "More" anyway. */
  replyMessages: 10,
} as const;

const ELLIPSIS = '…';

/**
 * `text` cut to at most `max` characters with an ellipsis, at a word boundary when one is near,
 * never halving a surrogate pair. Short text is returned as it is. Linear in `max`, whatever the
 * length of `text`.
 *
 * @example
 * capText('a'.repeat(2_000_000), 200).length; // 200
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  if (max <= 1) return ELLIPSIS.slice(0, max);
  let cut = max - 1;
  if (isHighSurrogate(text.charCodeAt(cut - 1))) cut--;
  const head = text.slice(0, cut);
  // A word boundary in the last fifth keeps words whole without losing much of the room.
  const space = head.search(/\s\S*$/u);
  const end = space > cut * 0.8 ? space : cut;
  return `${head.slice(0, end).trimEnd()}${ELLIPSIS}`;
}

/** Whitespace runs (newlines included) collapsed to one space, then {@link capText}. */
export function capLine(text: string, max: number): string {
  // Only the part that can be shown is flattened: a 2 MB title costs no 2 MB regex pass.
  return capText(
    text
      .slice(0, max * 4 + 16)
      .replace(/\s+/gu, ' ')
      .trim(),
    max,
  );
}

/** What a user typed, as a reply may repeat it: one line, at most {@link DISPLAY_LIMITS.echo}. */
export function echo(text: string): string {
  return capLine(text, DISPLAY_LIMITS.echo);
}

/** Sentences kept whole while they fit in `total` characters (each capped at `each`); at least one. */
export function capSentences(sentences: readonly string[], each: number, total: number): string[] {
  const kept: string[] = [];
  let used = 0;
  for (const sentence of sentences) {
    const capped = capLine(sentence, each);
    if (!capped) continue;
    if (kept.length > 0 && used + capped.length + 1 > total) break;
    kept.push(kept.length === 0 ? capText(capped, total) : capped);
    used += capped.length + 1;
  }
  return kept;
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
