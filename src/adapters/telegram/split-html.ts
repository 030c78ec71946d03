/**
 * Cuts Telegram HTML that is longer than one message (or one photo caption) into parts that each
 * fit, never inside a tag, an entity or a surrogate pair. Cuts fall between paragraphs when one is
 * near enough, else between lines, sentences, words, and only as a last resort between two
 * characters. Tags open at a cut are closed at the end of the part and opened again at the start of
 * the next, so every part is well-formed HTML on its own and keeps its formatting.
 */

/** How a part's size is counted against the limit. */
export type HtmlMeasure =
  /** The HTML's own length: what the existing message packing uses (safe, a little cautious). */
  | 'html'
  /**
   * What Telegram counts after parsing the entities: tags count nothing, `&amp;` one character.
   * Captions (1,024) are counted so, and a long link address would otherwise eat all of one.
   */
  | 'visible';

type Token =
  | { kind: 'open'; text: string; name: string }
  | { kind: 'close'; text: string; name: string }
  | { kind: 'text'; text: string };

/** Where a part may end: before token `at`, with the tags open there; `skip` tokens dropped after. */
interface Break {
  at: number;
  skip: number;
  stack: Token[];
  /** How much of the part comes before it. */
  fill: number;
}

/** Break classes, best first: blank line, line, line inside a tag, sentence end, word, anything. */
const PARAGRAPH = 5;
const LINE = 4;
const INNER_LINE = 3;
const SENTENCE = 2;
const WORD = 1;
const ANYWHERE = 0;

const TOKEN =
  /<\/?([a-z][a-z0-9-]*)(?:\s[^>]*)?>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);|[\ud800-\udbff][\udc00-\udfff]|[\s\S]/giy;

/**
 * Splits `html` (Telegram's HTML subset, text escaped) into parts of at most `limit`, cut where a
 * reader would: see the module comment. Returns `[html]` when it fits already.
 *
 * @example
 * splitTelegramHtml('<b>One.</b>\n\n<i>Two, a longer one.</i>', 25);
 * // ['<b>One.</b>', '<i>Two, a longer one.</i>']
 */
export function splitTelegramHtml(html: string, limit: number, measure: HtmlMeasure = 'html'): string[] {
  const size = (token: Token): number => sizeOf(token, measure);
  const tokens = tokenize(html);
  if (tokens.reduce((sum, token) => sum + size(token), 0) <= limit) return [html];
  const parts: string[] = [];
  /** Open tags left out (with their content kept) because they alone would not fit in a part. */
  const dropped = new Set<number>();
  let start = skipSpace(tokens, 0);
  let stack: Token[] = [];
  while (start < tokens.length) {
    const cut = nextCut(tokens, start, stack, limit, size, dropped);
    if (cut.stack === null) {
      // The open tags leave no room (a very long link address in a caption): this part goes without
      // them; then, if a tag itself is too long, without that tag. Unmatched closing tags are dropped.
      if (stack.length > 0) stack = [];
      else {
        const tag = tokens.findIndex((token, k) => k >= start && token.kind === 'open' && !dropped.has(k));
        if (tag === -1 || tag > cut.at) throw new Error(`a limit of ${limit} leaves no room for text`);
        dropped.add(tag);
      }
      continue;
    }
    const text = render(tokens, start, cut.at, stack, cut.stack, dropped);
    if (visibleText(text).trim() !== '') parts.push(text);
    stack = cut.stack;
    start = skipSpace(tokens, cut.at + cut.skip);
  }
  return parts.length ? parts : [html];
}

/**
 * The end of the part that starts at `start` with `open` tags: the best break that keeps the part
 * within `limit`. `stack: null` when not even one token fits after the open tags.
 */
function nextCut(
  tokens: readonly Token[],
  start: number,
  open: readonly Token[],
  limit: number,
  size: (token: Token) => number,
  dropped: ReadonlySet<number>,
): { at: number; skip: number; stack: Token[] | null } {
  const stack = [...open];
  let used = open.reduce((sum, token) => sum + size(token), 0);
  const closing = () => stack.reduce((sum, token) => sum + size(closeOf(token)), 0);
  const best: (Break | undefined)[] = [];
  const note = (kind: number, at: number, skip: number) => {
    if (used + closing() <= limit) best[kind] = { at, skip, stack: [...stack], fill: used };
  };
  let sawText = false;
  for (let k = start; k < tokens.length; k++) {
    if (dropped.has(k)) continue;
    const token = tokens[k]!;
    const previous = tokens[k - 1]!;
    if (sawText && previous.kind !== 'open') {
      if (token.text === '\n') {
        const blank = tokens[k + 1]?.text === '\n' || previous.text === '\n';
        note(stack.length > 0 ? INNER_LINE : blank ? PARAGRAPH : LINE, k, 1);
      } else if (token.kind === 'text' && /^\s$/.test(token.text)) {
        note(/^[.!?…:;]$/.test(lastText(tokens, k)) ? SENTENCE : WORD, k, 1);
      } else {
        note(ANYWHERE, k, 0);
      }
    }
    if (token.kind === 'close') {
      // A closing tag whose element was left out of this part (see splitTelegramHtml) is dropped.
      const top = stack.at(-1);
      if (top?.kind !== 'open' || top.name !== token.name) continue;
      stack.pop();
    } else if (token.kind === 'open') {
      stack.push(token);
    } else {
      sawText = true;
    }
    used += size(token);
    if (used + closing() > limit) {
      return choose(best) ?? { at: k, skip: 0, stack: null };
    }
  }
  return { at: tokens.length, skip: 0, stack: [] };
}

/**
 * The break to cut at. The last blank line or line break outside any tag always wins, however
 * early: a paragraph that fits in a message is never cut. Inside a paragraph, a sentence end wins over a later space only while
 * it keeps at least half of what the space would, so a long paragraph does not become a message
 * per sentence.
 */
function choose(best: readonly (Break | undefined)[]): Break | undefined {
  const paragraph = best[PARAGRAPH];
  const line = best[LINE];
  if (paragraph || line) return (paragraph?.at ?? -1) > (line?.at ?? -1) ? paragraph : line;
  if (best[INNER_LINE]) return best[INNER_LINE];
  const sentence = best[SENTENCE];
  const word = best[WORD];
  if (sentence && (!word || sentence.fill * 2 >= word.fill)) return sentence;
  return word ?? best[ANYWHERE];
}

/** The part from `from` to `to`: the open tags reopened, its tokens, and the tags open at `to` closed. */
function render(
  tokens: readonly Token[],
  from: number,
  to: number,
  open: readonly Token[],
  openAtEnd: readonly Token[],
  dropped: ReadonlySet<number>,
): string {
  const stack = [...open];
  let out = open.map((token) => token.text).join('');
  for (let k = from; k < to; k++) {
    if (dropped.has(k)) continue;
    const token = tokens[k]!;
    if (token.kind === 'close') {
      const top = stack.at(-1);
      if (top?.kind !== 'open' || top.name !== token.name) continue;
      stack.pop();
    } else if (token.kind === 'open') {
      stack.push(token);
    }
    out += token.text;
  }
  // Spaces before a cut are dropped; they would only show as trailing blanks.
  out = out.replace(/\s+$/, '');
  return (
    out +
    [...openAtEnd]
      .reverse()
      .map((token) => closeOf(token).text)
      .join('')
  );
}

/** The last visible character before token `k`, tags skipped. */
function lastText(tokens: readonly Token[], k: number): string {
  for (let i = k - 1; i >= 0; i--) if (tokens[i]!.kind === 'text') return tokens[i]!.text;
  return '';
}

function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(html); match; match = TOKEN.exec(html)) {
    const text = match[0];
    if (match[1] && text.startsWith('</')) tokens.push({ kind: 'close', text, name: match[1].toLowerCase() });
    else if (match[1]) tokens.push({ kind: 'open', text, name: match[1].toLowerCase() });
    else tokens.push({ kind: 'text', text });
  }
  return tokens;
}

function closeOf(token: Token): Token {
  const name = token.kind === 'text' ? '' : token.name;
  return { kind: 'close', text: `</${name}>`, name };
}

function sizeOf(token: Token, measure: HtmlMeasure): number {
  if (measure === 'html') return token.text.length;
  if (token.kind !== 'text') return 0;
  return token.text.startsWith('&') && token.text.length > 1 ? 1 : token.text.length;
}

function skipSpace(tokens: readonly Token[], from: number): number {
  let k = from;
  while (k < tokens.length && tokens[k]!.kind === 'text' && /^\s$/.test(tokens[k]!.text)) k++;
  return k;
}

/**
 * The words a reader sees in Telegram HTML: tags removed, entities decoded. The plain-text twin of a
 * part that was cut (sent only if Telegram refuses the HTML).
 */
export function visibleText(html: string): string {
  return html.replace(/<[^>]*>/g, '').replace(/&(#\d+|#x[0-9a-f]+|amp|lt|gt|quot);/gi, (_, name: string) => {
    const lower = name.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    const code = lower.startsWith('#x') ? parseInt(lower.slice(2), 16) : parseInt(lower.slice(1), 10);
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** Telegram's count of an HTML text: what {@link HtmlMeasure} `visible` counts. */
export function visibleLength(html: string): number {
  return tokenize(html).reduce((sum, token) => sum + sizeOf(token, 'visible'), 0);
}
