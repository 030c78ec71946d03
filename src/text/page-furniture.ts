/**
 * Page furniture: what a web page or a feed puts around and inside an article that is not the
 * article. Advert markers ("Advertisement", "Article Continued Below"), prompts to share, follow,
 * subscribe or read more, photo captions with their credits ("… (Evan Vucci/Associated Press)")
 * and credits standing alone. Left in, they end up in summaries and, worse, as speakers
 * ("Article Continued Below said"). Removed once, when text is extracted from a page, a feed item
 * or a file.
 *
 * Every test is a comparison against fixed phrases or a character loop over one paragraph: no
 * pattern is built from the text, and the cost is linear in its length.
 */

/** Paragraphs that are furniture whole, compared lowercase, without trailing punctuation. */
const FURNITURE_LINES = new Set([
  'advertisement',
  'advertisements',
  'ad',
  'sponsored',
  'sponsored content',
  'article continued below',
  'article continues below',
  'story continues below',
  'story continues below advertisement',
  'continue reading',
  'continue reading below',
  'continue reading the main story',
  'scroll down for video',
  'scroll down for videos',
  'scroll to continue',
  'read more',
  'related',
  'related stories',
  'related articles',
  'related content',
  'more on this story',
  'recommended',
  'recommended for you',
  'share',
  'share this',
  'share this article',
  'share this story',
  'share on facebook',
  'share on twitter',
  'share via email',
  'tweet',
  'email',
  'print',
  'copy link',
  'comments',
  'view comments',
  'listen to this article',
  'open this photo in gallery',
  'watch',
  'video',
  'photo',
  'image',
  'skip advertisement',
  'bookmark',
  'save',
]);

/** Openings of a paragraph that is a prompt or a link list, whatever follows: "READ MORE: …". */
const FURNITURE_OPENINGS = [
  'read more:',
  'read more about',
  'related:',
  'related coverage:',
  'more:',
  'watch:',
  'watch more:',
  'listen:',
  'click here',
  'tap here',
  'sign up for',
  'subscribe to',
  'follow us on',
  'share this article',
  'open this photo in gallery',
  'photo:',
  'photos:',
  'image:',
  'file photo:',
  'credit:',
  'image credit',
  'photograph:',
];

/** Phrases page furniture leaves inside a paragraph when a page's blocks were run together. */
const INLINE_FURNITURE = [
  'Scroll down for videos',
  'Scroll down for video',
  'Article Continued Below',
  'Article continued below',
  'Story continues below advertisement',
  'Story continues below',
  'ADVERTISEMENT',
];

/** Words that make a parenthesised note at a paragraph's end a photo credit. */
const CREDIT_WORDS = [
  'photo',
  'getty images',
  'reuters',
  'associated press',
  'the canadian press',
  'canadian press',
  'afp',
  'ap photo',
  'epa',
  'shutterstock',
  'handout',
  'file',
  'submitted',
  'courtesy',
  'pa wire',
  'pool',
];

/** Longest paragraph read as a caption with a credit: a real paragraph rarely ends with one. */
const MAX_CAPTION_CHARS = 400;

/**
 * Removes page furniture from article text (paragraphs separated by blank lines). Furniture
 * paragraphs go whole; furniture phrases inside a paragraph go alone; the rest is kept exactly.
 *
 * @example
 * removePageFurniture('Rates rose.\n\nAdvertisement\n\nMarkets fell. (Mark Lee/Reuters)\n\n"We act," she said.');
 * // 'Rates rose.\n\n"We act," she said.'
 */
export function removePageFurniture(text: string): string {
  if (text.length === 0) return text;
  const kept: string[] = [];
  for (const paragraph of text.split(/\n[ \t]*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed === '' || isFurniture(trimmed)) continue;
    const cleaned = withoutInlineFurniture(trimmed);
    if (cleaned !== '') kept.push(cleaned);
  }
  return kept.join('\n\n');
}

/** True for a paragraph that is furniture as a whole. */
export function isFurniture(paragraph: string): boolean {
  if (paragraph.length > MAX_CAPTION_CHARS) return false;
  const line = withoutTrailingPunctuation(paragraph.toLowerCase());
  if (FURNITURE_LINES.has(line)) return true;
  if (FURNITURE_OPENINGS.some((opening) => line.startsWith(opening))) return true;
  return isCredit(paragraph) || endsWithCredit(paragraph);
}

/**
 * A credit standing alone: "Mark Duffy/The Associated Press", "(Reuters)", "Getty Images": short,
 * every word capitalised, with a slash or a credit word.
 */
function isCredit(paragraph: string): boolean {
  const bare = paragraph.replace(/^\(|\)$/g, '').trim();
  if (bare.length === 0 || bare.length > 80 || /[.!?]$/.test(bare)) return false;
  const words = bare.split(/[\s/]+/).filter(Boolean);
  if (words.length > 8 || !words.every((word) => /^[\p{Lu}\d(&]/u.test(word))) return false;
  const lower = bare.toLowerCase();
  return (
    bare.includes('/') || CREDIT_WORDS.some((credit) => lower === credit || lower.endsWith(` ${credit}`))
  );
}

/** A caption: a short paragraph ending with a parenthesised credit, "… (Evan Vucci/Associated Press)". */
function endsWithCredit(paragraph: string): boolean {
  if (!paragraph.endsWith(')')) return false;
  const open = paragraph.lastIndexOf('(');
  if (open <= 0) return false;
  const written = paragraph.slice(open + 1, -1).trim();
  // Credits name people and agencies: "(year/year)" is no credit.
  if (written.length === 0 || written.length > 80 || !/^\p{Lu}/u.test(written)) return false;
  const note = written.toLowerCase();
  return note.includes('/') || CREDIT_WORDS.some((credit) => note === credit || note.includes(credit));
}

function withoutTrailingPunctuation(line: string): string {
  let end = line.length;
  while (end > 0 && ' \t.:;,!?…»›>—–-|'.includes(line[end - 1]!)) end--;
  return line.slice(0, end).trimStart();
}

/** Takes furniture phrases out of a paragraph, with the space around them, in one pass. */
function withoutInlineFurniture(paragraph: string): string {
  // Nearly every paragraph holds none: a few substring searches settle that without the character loop.
  if (!INLINE_FURNITURE.some((phrase) => paragraph.includes(phrase))) return paragraph;
  let out = '';
  let from = 0;
  let i = 0;
  while (i < paragraph.length) {
    const phrase = phraseAt(paragraph, i);
    if (phrase === null) {
      i++;
      continue;
    }
    out += paragraph.slice(from, i).trimEnd();
    i += phrase.length;
    while (i < paragraph.length && /\s/.test(paragraph[i]!)) i++;
    if (out !== '' && i < paragraph.length) out += ' ';
    from = i;
  }
  return (out + paragraph.slice(from)).trim();
}

/** The furniture phrase that starts at `i` as whole words, if any. */
function phraseAt(text: string, i: number): string | null {
  if (i > 0 && !/\s/.test(text[i - 1]!)) return null;
  for (const phrase of INLINE_FURNITURE) {
    if (text[i] !== phrase[0] || !text.startsWith(phrase, i)) continue;
    const next = text[i + phrase.length];
    // Only whole words: "Scroll down for videos" is not cut inside "…for videoscroll".
    if (next === undefined || /[\s.,:;]/.test(next)) return phrase;
  }
  return null;
}
