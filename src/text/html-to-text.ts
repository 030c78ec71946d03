/**
 * HTML to plain text in the article convention: one paragraph per block, paragraphs separated by a
 * blank line, whitespace inside a paragraph collapsed. Used for extracted article bodies and for feed
 * item content, so it must hold up against anything a publisher (or an attacker) sends.
 *
 * It is a single forward scan over the markup, not a DOM: every character is looked at a bounded
 * number of times, nothing recurses, and deep nesting or unclosed tags cost nothing extra. A block
 * boundary is the same break wherever it sits in the tree, so the scanner never needs the tree.
 */

/** Elements whose start or end begins a new paragraph. */
const BLOCK_ELEMENTS = new Set(
  (
    'address article aside blockquote body br caption center dd details dialog dir div dl dt fieldset ' +
    'figcaption figure footer form frameset h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main ' +
    'menu nav ol p plaintext pre section summary table tbody tfoot thead tr ul'
  ).split(' '),
);

/** Table cells sit side by side: a space keeps their words apart without breaking the row. */
const CELL_ELEMENTS = new Set(['td', 'th']);

/** Elements whose content is raw text up to the matching end tag: never markup, never shown. */
const RAW_TEXT_ELEMENTS = new Set([
  'script',
  'style',
  'noscript',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** Elements whose content is markup but not reading text (metadata, fallbacks, graphics, controls). */
const HIDDEN_ELEMENTS = new Set([
  'head',
  'template',
  'svg',
  'math',
  'select',
  'object',
  'video',
  'audio',
  'canvas',
]);

const END_TAG_FINDERS = new Map<string, RegExp>();

/**
 * Converts an HTML fragment or document to plain text: blocks (p, div, h1-h6, li, blockquote, pre,
 * br, tr, figure...) become paragraphs separated by one blank line, inline elements join their text,
 * character references are decoded, and script, style, noscript, head and other non-reading content
 * is dropped. Runs in linear time on any input, including unclosed tags and absurd nesting.
 *
 * @example
 * htmlToText('<p>Hello <b>world</b></p><ul><li>one</li><li>two</li></ul>');
 * // 'Hello world\n\none\n\ntwo'
 */
export function htmlToText(html: string): string {
  const paragraphs: string[] = [];
  let pieces: string[] = [];
  const flush = (): void => {
    if (pieces.length === 0) return;
    const paragraph = collapseWhitespace(pieces.join(''));
    pieces = [];
    if (paragraph) paragraphs.push(paragraph);
  };

  // While inside a hidden element, text is skipped until its end tag balances this depth.
  let hiddenName: string | null = null;
  let hiddenDepth = 0;
  let pos = 0;
  const length = html.length;

  while (pos < length) {
    const lt = html.indexOf('<', pos);
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > pos && hiddenName === null) pieces.push(decodeHtmlEntities(html.slice(pos, textEnd)));
    if (lt === -1) break;

    const tag = readTag(html, lt);
    if (tag.kind === 'text') {
      if (hiddenName === null) pieces.push('<');
      pos = lt + 1;
      continue;
    }
    pos = tag.end;
    if (tag.kind === 'cdata') {
      if (hiddenName === null) pieces.push(html.slice(lt + 9, Math.max(lt + 9, tag.end - 3)));
      continue;
    }
    if (tag.kind === 'comment') continue;

    const name = tag.name;
    if (tag.kind === 'start' && RAW_TEXT_ELEMENTS.has(name) && !tag.selfClosing) {
      pos = skipRawText(html, pos, name);
      continue;
    }
    if (hiddenName !== null) {
      if (name === hiddenName && !tag.selfClosing) hiddenDepth += tag.kind === 'start' ? 1 : -1;
      if (hiddenDepth === 0) hiddenName = null;
      continue;
    }
    if (tag.kind === 'start' && HIDDEN_ELEMENTS.has(name) && !tag.selfClosing) {
      hiddenName = name;
      hiddenDepth = 1;
      continue;
    }
    if (BLOCK_ELEMENTS.has(name)) flush();
    else if (CELL_ELEMENTS.has(name)) pieces.push(' ');
  }
  flush();
  return paragraphs.join('\n\n');
}

/** Elements that never have content, so they never deepen the tree. */
const VOID_ELEMENTS = new Set(
  'area base br col embed hr img input keygen link meta param source track wbr'.split(' '),
);

/** Elements a parser closes implicitly (the next sibling ends them), so they do not accumulate depth. */
const IMPLIED_END_ELEMENTS = new Set(
  'p li dt dd option optgroup tr td th thead tbody tfoot rp rt'.split(' '),
);

/** Size of a document as a DOM parser would build it, measured without building it. */
export interface HtmlMeasure {
  /** Number of start tags. */
  elements: number;
  /** Deepest nesting of open elements, counting unclosed ones as a parser would. */
  depth: number;
}

/**
 * Counts elements and nesting depth in one linear scan. DOM parsers and Readability slow down
 * quadratically with nesting depth, so callers check this before building a DOM from untrusted HTML.
 */
export function measureHtml(html: string): HtmlMeasure {
  const open: string[] = [];
  const openCounts = new Map<string, number>();
  let elements = 0;
  let depth = 0;
  let pos = 0;
  while (pos < html.length) {
    const lt = html.indexOf('<', pos);
    if (lt === -1) break;
    const tag = readTag(html, lt);
    if (tag.kind === 'text') {
      pos = lt + 1;
      continue;
    }
    pos = tag.end;
    if (tag.kind !== 'start' && tag.kind !== 'end') continue;
    const name = tag.name;
    if (tag.kind === 'start') {
      elements++;
      if (RAW_TEXT_ELEMENTS.has(name) && !tag.selfClosing) pos = skipRawText(html, pos, name);
      if (tag.selfClosing || VOID_ELEMENTS.has(name) || IMPLIED_END_ELEMENTS.has(name)) continue;
      if (RAW_TEXT_ELEMENTS.has(name)) continue;
      open.push(name);
      openCounts.set(name, (openCounts.get(name) ?? 0) + 1);
      if (open.length > depth) depth = open.length;
    } else if ((openCounts.get(name) ?? 0) > 0) {
      // An end tag closes everything opened inside its element, as in the parser's stack of open elements.
      for (;;) {
        const top = open.pop();
        if (top === undefined) break;
        openCounts.set(top, (openCounts.get(top) ?? 1) - 1);
        if (top === name) break;
      }
    }
  }
  return { elements, depth };
}

type Tag =
  | { kind: 'start' | 'end'; name: string; selfClosing: boolean; end: number }
  | { kind: 'comment'; end: number }
  | { kind: 'cdata'; end: number }
  | { kind: 'text' };

/** Reads the markup starting at `lt` (a '<'), following the HTML tokenizer where it matters. */
function readTag(html: string, lt: number): Tag {
  const next = html.charCodeAt(lt + 1);
  if (next === 33 /* ! */) {
    if (html.startsWith('<!--', lt)) {
      const close = html.indexOf('-->', lt + 4);
      // '<!-->' and '<!--->' are complete (empty) comments in HTML.
      if (html.startsWith('>', lt + 4)) return { kind: 'comment', end: lt + 5 };
      if (html.startsWith('->', lt + 4)) return { kind: 'comment', end: lt + 6 };
      return { kind: 'comment', end: close === -1 ? html.length : close + 3 };
    }
    // Feeds sometimes leave CDATA sections inside HTML content; their text is meant to be shown.
    if (html.startsWith('<![CDATA[', lt)) {
      const close = html.indexOf(']]>', lt + 9);
      return { kind: 'cdata', end: close === -1 ? html.length : close + 3 };
    }
    return bogusComment(html, lt);
  }
  if (next === 63 /* ? */) return bogusComment(html, lt);
  const isEnd = next === 47; /* / */
  const nameStart = isEnd ? lt + 2 : lt + 1;
  if (!isAsciiLetter(html.charCodeAt(nameStart))) {
    if (!isEnd) return { kind: 'text' };
    // '</>' is dropped; '</ x>' and friends are bogus comments.
    return html.charCodeAt(nameStart) === 62
      ? { kind: 'comment', end: nameStart + 1 }
      : bogusComment(html, lt);
  }
  let i = nameStart;
  while (i < html.length && !isTagNameEnd(html.charCodeAt(i))) i++;
  const name = html.slice(nameStart, i).toLowerCase();
  const { end, selfClosing } = skipAttributes(html, i);
  return { kind: isEnd ? 'end' : 'start', name, selfClosing, end };
}

function bogusComment(html: string, lt: number): Tag {
  const close = html.indexOf('>', lt + 2);
  return { kind: 'comment', end: close === -1 ? html.length : close + 1 };
}

/** Skips a tag's attributes; quotes only count inside attribute values, as in the HTML tokenizer. */
function skipAttributes(html: string, from: number): { end: number; selfClosing: boolean } {
  const length = html.length;
  let i = from;
  while (i < length) {
    const c = html.charCodeAt(i);
    if (c === 62 /* > */) return { end: i + 1, selfClosing: html.charCodeAt(i - 1) === 47 };
    if (c !== 61 /* = */) {
      i++;
      continue;
    }
    i++;
    while (i < length && isSpace(html.charCodeAt(i))) i++;
    const quote = html.charCodeAt(i);
    if (quote === 34 || quote === 39) {
      const close = html.indexOf(quote === 34 ? '"' : "'", i + 1);
      if (close === -1) return { end: length, selfClosing: false };
      i = close + 1;
    }
  }
  // A tag cut off by the end of input is dropped, as browsers do.
  return { end: length, selfClosing: false };
}

/** Returns the position after the end tag that closes a raw text element, or the end of input. */
function skipRawText(html: string, from: number, name: string): number {
  let finder = END_TAG_FINDERS.get(name);
  if (!finder) {
    finder = new RegExp(`</${name}[\\s/>]`, 'gi');
    END_TAG_FINDERS.set(name, finder);
  }
  finder.lastIndex = from;
  const match = finder.exec(html);
  if (!match) return html.length;
  const close = html.indexOf('>', match.index);
  return close === -1 ? html.length : close + 1;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 12 || c === 13;
}

function isTagNameEnd(c: number): boolean {
  return isSpace(c) || c === 47 || c === 62;
}

/** Collapses runs of whitespace (including no-break and other Unicode spaces) and drops soft hyphens. */
export function collapseWhitespace(text: string): string {
  return text
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Names and code points (hex) of the HTML 4 entities plus the HTML 5 ones seen in news copy. The full
// HTML 5 table has over 2,000 names; unknown names are left as written, which is what a reader sees.
const ENTITY_TABLE =
  'quot:22 amp:26 apos:27 lt:3c gt:3e nbsp:a0 iexcl:a1 cent:a2 pound:a3 curren:a4 yen:a5 brvbar:a6 sect:a7 ' +
  'uml:a8 copy:a9 ordf:aa laquo:ab not:ac shy:ad reg:ae macr:af deg:b0 plusmn:b1 sup2:b2 sup3:b3 acute:b4 ' +
  'micro:b5 para:b6 middot:b7 cedil:b8 sup1:b9 ordm:ba raquo:bb frac14:bc frac12:bd frac34:be iquest:bf ' +
  'Agrave:c0 Aacute:c1 Acirc:c2 Atilde:c3 Auml:c4 Aring:c5 AElig:c6 Ccedil:c7 Egrave:c8 Eacute:c9 Ecirc:ca ' +
  'Euml:cb Igrave:cc Iacute:cd Icirc:ce Iuml:cf ETH:d0 Ntilde:d1 Ograve:d2 Oacute:d3 Ocirc:d4 Otilde:d5 Ouml:d6 ' +
  'times:d7 Oslash:d8 Ugrave:d9 Uacute:da Ucirc:db Uuml:dc Yacute:dd THORN:de szlig:df agrave:e0 aacute:e1 ' +
  'acirc:e2 atilde:e3 auml:e4 aring:e5 aelig:e6 ccedil:e7 egrave:e8 eacute:e9 ecirc:ea euml:eb igrave:ec ' +
  'iacute:ed icirc:ee iuml:ef eth:f0 ntilde:f1 ograve:f2 oacute:f3 ocirc:f4 otilde:f5 ouml:f6 divide:f7 ' +
  'oslash:f8 ugrave:f9 uacute:fa ucirc:fb uuml:fc yacute:fd thorn:fe yuml:ff OElig:152 oelig:153 Scaron:160 ' +
  'scaron:161 Yuml:178 fnof:192 circ:2c6 tilde:2dc Alpha:391 Beta:392 Gamma:393 Delta:394 Epsilon:395 Zeta:396 ' +
  'Eta:397 Theta:398 Iota:399 Kappa:39a Lambda:39b Mu:39c Nu:39d Xi:39e Omicron:39f Pi:3a0 Rho:3a1 Sigma:3a3 ' +
  'Tau:3a4 Upsilon:3a5 Phi:3a6 Chi:3a7 Psi:3a8 Omega:3a9 alpha:3b1 beta:3b2 gamma:3b3 delta:3b4 epsilon:3b5 ' +
  'zeta:3b6 eta:3b7 theta:3b8 iota:3b9 kappa:3ba lambda:3bb mu:3bc nu:3bd xi:3be omicron:3bf pi:3c0 rho:3c1 ' +
  'sigmaf:3c2 sigma:3c3 tau:3c4 upsilon:3c5 phi:3c6 chi:3c7 psi:3c8 omega:3c9 thetasym:3d1 upsih:3d2 piv:3d6 ' +
  'ensp:2002 emsp:2003 thinsp:2009 zwnj:200c zwj:200d lrm:200e rlm:200f ndash:2013 mdash:2014 lsquo:2018 ' +
  'rsquo:2019 sbquo:201a ldquo:201c rdquo:201d bdquo:201e dagger:2020 Dagger:2021 bull:2022 hellip:2026 ' +
  'permil:2030 prime:2032 Prime:2033 lsaquo:2039 rsaquo:203a oline:203e frasl:2044 euro:20ac image:2111 ' +
  'weierp:2118 real:211c trade:2122 alefsym:2135 larr:2190 uarr:2191 rarr:2192 darr:2193 harr:2194 crarr:21b5 ' +
  'lArr:21d0 uArr:21d1 rArr:21d2 dArr:21d3 hArr:21d4 forall:2200 part:2202 exist:2203 empty:2205 nabla:2207 ' +
  'isin:2208 notin:2209 ni:220b prod:220f sum:2211 minus:2212 lowast:2217 radic:221a prop:221d infin:221e ' +
  'ang:2220 and:2227 or:2228 cap:2229 cup:222a int:222b there4:2234 sim:223c cong:2245 asymp:2248 ne:2260 ' +
  'equiv:2261 le:2264 ge:2265 sub:2282 sup:2283 nsub:2284 sube:2286 supe:2287 oplus:2295 otimes:2297 perp:22a5 ' +
  'sdot:22c5 lceil:2308 rceil:2309 lfloor:230a rfloor:230b lang:27e8 rang:27e9 loz:25ca spades:2660 clubs:2663 ' +
  'hearts:2665 diams:2666 Abreve:102 abreve:103 Amacr:100 amacr:101 Aogon:104 aogon:105 Cacute:106 cacute:107 ' +
  'Ccaron:10c ccaron:10d Dcaron:10e dcaron:10f Dstrok:110 dstrok:111 Ecaron:11a ecaron:11b Emacr:112 emacr:113 ' +
  'Eogon:118 eogon:119 Gbreve:11e gbreve:11f Imacr:12a imacr:12b Idot:130 inodot:131 Lstrok:141 lstrok:142 ' +
  'Nacute:143 nacute:144 Ncaron:147 ncaron:148 Omacr:14c omacr:14d Odblac:150 odblac:151 Racute:154 racute:155 ' +
  'Rcaron:158 rcaron:159 Sacute:15a sacute:15b Scedil:15e scedil:15f Tcaron:164 tcaron:165 Tcedil:162 tcedil:163 ' +
  'Umacr:16a umacr:16b Uring:16e uring:16f Udblac:170 udblac:171 Zacute:179 zacute:17a Zcaron:17d zcaron:17e ' +
  'Zdot:17b zdot:17c hyphen:2010 dash:2010 horbar:2015 NewLine:a Tab:9 colon:3a comma:2c period:2e excl:21 ' +
  'quest:3f num:23 dollar:24 percnt:25 lpar:28 rpar:29 ast:2a plus:2b semi:3b equals:3d lsqb:5b rsqb:5d ' +
  'lowbar:5f grave:60 lcub:7b rcub:7d verbar:7c sol:2f bsol:5c commat:40 half:bd check:2713 cross:2717 star:2606 ' +
  'starf:2605 phone:260e female:2640 male:2642 flat:266d natural:266e sharp:266f bullet:2022 nldr:2025 mldr:2026 ' +
  'rsquor:2019 ldquor:201e lsquor:201a rdquor:201d angle:2220';

/** Names that browsers also decode without the trailing semicolon, as old pages rely on. */
const LEGACY_NAMES = new Set(['amp', 'lt', 'gt', 'quot', 'nbsp', 'copy', 'reg', 'AMP', 'LT', 'GT', 'QUOT']);

// Code points 0x80-0x9F in a numeric reference mean the Windows-1252 characters, per the HTML spec.
const WINDOWS_1252 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

let namedEntities: Map<string, string> | null = null;

/** Builds the name table on first use rather than at import time. */
function entityMap(): Map<string, string> {
  if (namedEntities) return namedEntities;
  namedEntities = new Map();
  for (const entry of ENTITY_TABLE.split(' ')) {
    const [name, hex] = entry.split(':');
    if (name && hex) namedEntities.set(name, String.fromCodePoint(parseInt(hex, 16)));
  }
  for (const upper of ['AMP', 'LT', 'GT', 'QUOT']) {
    namedEntities.set(upper, namedEntities.get(upper.toLowerCase()) ?? '');
  }
  return namedEntities;
}

/**
 * Decodes HTML character references (`&amp;`, `&eacute;`, `&#8217;`, `&#x1F600;`) in text. Unknown
 * names stay as written; invalid code points become U+FFFD, as in browsers.
 */
export function decodeHtmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(
    /&(?:#[xX]([0-9a-fA-F]+)|#([0-9]+)|([A-Za-z][A-Za-z0-9]*))(;?)/g,
    (
      match,
      hex: string | undefined,
      decimal: string | undefined,
      name: string | undefined,
      semicolon: string,
    ) => {
      if (name !== undefined) {
        if (!semicolon && !LEGACY_NAMES.has(name)) return match;
        return entityMap().get(name) ?? match;
      }
      return codePointText(hex !== undefined ? parseInt(hex, 16) : parseInt(decimal ?? '', 10));
    },
  );
}

function codePointText(code: number): string {
  if (code >= 0x80 && code <= 0x9f) return String.fromCodePoint(WINDOWS_1252[code - 0x80] ?? code);
  if (!Number.isFinite(code) || code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff))
    return '\ufffd';
  return String.fromCodePoint(code);
}
