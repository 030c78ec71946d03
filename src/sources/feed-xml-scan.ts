/**
 * One forward pass over a feed's XML that checks well-formedness and builds the namespace-aware tree
 * at once. It accepts what a conforming reader accepts plus the liberties feeds need (HTML entity names,
 * decoded rather than refused; `&` or `<` inside attribute values), and stops at the first real error
 * with its position and a sentence for the user, so the caller can try the repair pass
 * (feed-xml-repair.ts) and scan once more.
 *
 * Elements the caller marks as deferred (a feed's items) are checked but not built: the scan records
 * where they are, and {@link scanDeferred} builds one at a time later, so a feed of 10,000 items never
 * holds 10,000 item trees at once.
 *
 * Every character is looked at a bounded number of times and nothing recurses, so hostile input costs
 * time in proportion to its length; DTDs are skipped, never expanded.
 */
import { decodeEntities } from './feed-entities.js';

/** An element with its namespace resolved; attribute names are kept as written (`xml:base`). */
export interface XmlElement {
  name: string;
  localName: string;
  namespace: string;
  attributes: Record<string, string>;
  children: XmlNode[];
}

/** A child is an element or decoded character data (text and CDATA alike). */
export type XmlNode = XmlElement | string;

/** Where and why a document is not well-formed. */
export interface XmlSyntaxError {
  /** What is wrong, in words for someone who did not write the parser. */
  detail: string;
  /** Offset in the scanned text where the problem was found. */
  index: number;
  /** True when the document simply stops early: the useful place to point at is its last line. */
  cutOff: boolean;
}

/** Namespace prefixes in scope: prefix ('' for the default namespace) to URI. */
export type XmlScope = ReadonlyMap<string, string>;

/** An element that was checked but not built, and what is needed to build it later. */
export interface DeferredElement {
  /** The element it is a child of (built, but without its deferred children). */
  parent: XmlElement;
  /** Offsets of the element's start tag and just past its end tag. */
  start: number;
  end: number;
  /** The namespaces in scope around it. */
  scope: XmlScope;
  /** The document's string cache, shared so that building items one by one costs no new cache each. */
  strings: StringCache;
}

/**
 * Decides at a start tag whether the element is built later rather than now. `depth` is 1 for the
 * root's children.
 */
export type DeferTest = (localName: string, namespace: string, depth: number, parent: XmlElement) => boolean;

/** What a scan found: the root element and the deferred elements, or the first error. */
export type XmlScan =
  | { root: XmlElement; deferred: DeferredElement[]; tooDeep: boolean; error?: undefined }
  | { root?: undefined; error: XmlSyntaxError };

/** Prefixes feeds use without declaring them; a lenient reader resolves them the obvious way. */
const WELL_KNOWN_PREFIXES: Record<string, string> = {
  xml: 'http://www.w3.org/XML/1998/namespace',
  atom: 'http://www.w3.org/2005/Atom',
  atom10: 'http://www.w3.org/2005/Atom',
  content: 'http://purl.org/rss/1.0/modules/content/',
  dc: 'http://purl.org/dc/elements/1.1/',
  dcterms: 'http://purl.org/dc/terms/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  media: 'http://search.yahoo.com/mrss/',
  itunes: 'http://www.itunes.com/dtds/podcast-1.0.dtd',
  feedburner: 'http://rssnamespace.org/feedburner/ext/1.0',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

/**
 * Attribute records inherit nothing (an attribute named `constructor` or `__proto__` is just data), yet
 * unlike `Object.create(null)` objects they keep V8's fast property layout, which matters at a few
 * hundred thousand elements per feed.
 */
const Attributes = function Attributes(this: Record<string, string>) {} as unknown as new () => Record<
  string,
  string
>;
Attributes.prototype = Object.create(null) as object;

/** Shared by every element without attributes; frozen so no reader can write into it by mistake. */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze(new Attributes());

/** Children of elements without any; shared, and frozen so that no reader can add to it by mistake. */
const NO_CHILDREN: XmlNode[] = Object.freeze([]) as unknown as XmlNode[];

const EMPTY_SCOPE: XmlScope = new Map();

/** Texts up to this length are looked up in the {@link StringCache} rather than copied out again. */
const SHORT = 12;

const GT = 62;
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const EQUALS = 61;
const SEMICOLON = 59;
const HASH = 35;

interface Frame {
  name: string;
  /** The element being built; null inside a deferred element, which is only checked. */
  element: XmlElement | null;
  scope: XmlScope;
  /** Offset of the start tag, for "opened on line N" and for deferring. */
  start: number;
  /** Character data collected since the last child element; joined into one string child. */
  text: string;
  /** Where this element's children start in the shared `nodes` list. */
  firstChild: number;
  /** The parent a deferred element is recorded under, set only on the deferred element's own frame. */
  deferredParent: XmlElement | null;
}

/** Where a scan starts and stops, and what surrounds that stretch of text. */
interface Span {
  start: number;
  end: number;
  scope: XmlScope;
  defer: DeferTest | null;
  strings: StringCache;
}

/**
 * Scans a whole document (line breaks already normalised to `\n`). Elements deeper than `maxDepth`
 * make the result `tooDeep`, which the caller refuses, but only once the whole document proved
 * well-formed, so that a broken feed still gets its repair.
 */
export function scanXml(source: string, maxDepth: number, defer: DeferTest | null = null): XmlScan {
  const start = source.charCodeAt(0) === 0xfeff ? 1 : 0;
  const strings = new StringCache();
  return scan(source, maxDepth, { start, end: source.length, scope: EMPTY_SCOPE, defer, strings });
}

/** Builds an element the whole-document scan deferred (and so already checked). */
export function scanDeferred(source: string, deferred: DeferredElement): XmlElement {
  const { start, end, scope, strings } = deferred;
  // A slice shares the document's characters, and its end bounds every search: looking past the element
  // for a '&' it does not contain would make reading all items quadratic.
  const text = source.slice(start, end);
  const result = scan(text, Number.MAX_SAFE_INTEGER, {
    start: 0,
    end: text.length,
    scope,
    strings,
    defer: null,
  });
  // The stretch was checked as part of the document; failing now would be a bug in this file.
  if (!result.root) throw new Error(`deferred element failed its second scan: ${result.error.detail}`);
  return result.root;
}

function scan(source: string, maxDepth: number, span: Span): XmlScan {
  const { end: length, defer, strings } = span;
  const stack: Frame[] = [];
  // Children of every open element, in document order; each element takes an exact-size copy of its own
  // run when it closes, since arrays grown one push at a time carry a lot of slack.
  const nodes: XmlNode[] = [];
  const deferred: DeferredElement[] = [];
  // Attribute names of the element being read, inside deferred elements where no record is built.
  let seenAttributes: Set<string> | null = null;
  let root: XmlElement | null = null;
  let rootClosed = false;
  let tooDeep = false;
  // Elements open inside a deferred element: only where their names are, since a hostile item may hold
  // hundreds of thousands of them.
  const inner = new OffsetStack();
  let skipping = false;
  let at = span.start;
  // Position of the next '&' at or after `at` (or past the end); cached so no search covers text twice.
  let nextAmp = -1;

  while (at < length) {
    let lt = source.indexOf('<', at);
    if (lt >= length) lt = -1;
    const textEnd = lt === -1 ? length : lt;
    if (textEnd > at) {
      const frame = stack[stack.length - 1];
      if (frame === undefined) {
        const stray = firstNonSpace(source, at, textEnd);
        if (stray !== -1) {
          return rootClosed
            ? fail('there is text after the end of the document', stray)
            : fail(`unexpected character ${JSON.stringify(source.charAt(stray))}`, stray);
        }
      } else {
        if (nextAmp < at) nextAmp = indexOrEnd(source, '&', at);
        const hasReference = nextAmp < textEnd;
        if (hasReference) {
          let amp = nextAmp;
          for (; amp < textEnd; amp = indexOrEnd(source, '&', amp + 1)) {
            if (!isReference(source, amp)) return fail('unexpected character "&"', amp);
          }
          nextAmp = amp;
        }
        if (frame.element) {
          const raw = textEnd - at <= SHORT ? strings.get(source, at, textEnd) : source.slice(at, textEnd);
          frame.text += hasReference ? decodeEntities(raw) : raw;
        }
      }
    }
    if (lt === -1) break;

    const next = source.charCodeAt(lt + 1);
    if (next === BANG) {
      if (source.startsWith('<!--', lt)) {
        at = endAfter(source, '-->', lt + 4, length);
      } else if (source.startsWith('<![CDATA[', lt)) {
        at = endAfter(source, ']]>', lt + 9, length);
        const frame = stack[stack.length - 1];
        if (frame?.element) frame.text += source.slice(lt + 9, at === length ? length : at - 3);
      } else if (source.startsWith('<!DOCTYPE', lt)) {
        at = Math.min(endOfDoctype(source, lt), length);
      } else {
        return fail('"<!" starts neither a comment, a CDATA section nor a DOCTYPE', lt);
      }
      continue;
    }
    if (next === QUESTION) {
      const close = source.indexOf('?>', lt + 2);
      if (close === -1 || close >= length) return fail('a processing instruction is never closed', lt, true);
      if (lt !== span.start && /^xml(?:\s|\?)/.test(source.slice(lt + 2, lt + 6))) {
        return fail('the XML declaration is not at the very start of the document', lt);
      }
      at = close + 2;
      continue;
    }
    if (next === SLASH) {
      const nameEnd = scanName(source, lt + 2, length);
      const name = strings.get(source, lt + 2, nameEnd);
      let gt = nameEnd;
      while (gt < length && isSpace(source.charCodeAt(gt))) gt++;
      if (name === '' || gt >= length || source.charCodeAt(gt) !== GT) {
        return fail(`the end tag </${cap(name || source.slice(lt + 2, lt + 12))}> is malformed`, lt);
      }
      if (inner.size > 0) {
        const top = inner.pop();
        const openAt = inner.starts[top]!;
        const openLength = inner.lengths[top]!;
        if (openLength !== name.length || !source.startsWith(name, openAt)) {
          return mismatch(source, name, source.slice(openAt, openAt + openLength), openAt - 1, lt);
        }
        at = gt + 1;
        continue;
      }
      const frame = stack.pop();
      if (frame === undefined) return fail(`</${cap(name)}> closes an element that was never opened`, lt);
      if (frame.name !== name) return mismatch(source, name, frame.name, frame.start, lt);
      at = gt + 1;
      if (frame.element) {
        if (frame.text !== '') nodes.push(frame.text);
        if (nodes.length > frame.firstChild) {
          frame.element.children = nodes.slice(frame.firstChild);
          nodes.length = frame.firstChild;
        }
      } else if (frame.deferredParent) {
        deferred.push({
          parent: frame.deferredParent,
          start: frame.start,
          end: at,
          scope: frame.scope,
          strings,
        });
        skipping = false;
      }
      if (stack.length === 0) rootClosed = true;
      continue;
    }

    // A start tag.
    const nameEnd = scanName(source, lt + 1, length);
    const name = strings.get(source, lt + 1, nameEnd);
    if (name === '') {
      const after = source.charCodeAt(lt + 1);
      return isSpace(after) || lt + 1 >= length
        ? fail('a "<" is followed by a space', lt)
        : fail(`"<${cap(source.slice(lt + 1, lt + 2))}" is not a valid tag`, lt);
    }
    if (rootClosed) return fail('there is more than one root element', lt);
    const parent = stack[stack.length - 1];
    const building = !skipping;
    const parentScope = parent ? parent.scope : span.scope;
    let attributes = NO_ATTRIBUTES;
    let scope = parentScope;
    let pos = nameEnd;
    let selfClosing = false;
    if (!building && seenAttributes !== null) seenAttributes.clear();
    for (;;) {
      const spaceStart = pos;
      while (pos < length && isSpace(source.charCodeAt(pos))) pos++;
      const c = source.charCodeAt(pos);
      if (c === GT && pos < length) {
        pos++;
        break;
      }
      if (c === SLASH && source.charCodeAt(pos + 1) === GT && pos + 1 < length) {
        selfClosing = true;
        pos += 2;
        break;
      }
      const attrEnd = scanName(source, pos, length);
      const attrName = strings.get(source, pos, attrEnd);
      if (attrName === '' || spaceStart === pos) {
        const shown = attrName || source.slice(pos, pos + 1);
        return tagFail(source, length, stack, inner, `"${cap(shown)}" is not a valid attribute`, pos, lt);
      }
      let eq = attrEnd;
      while (eq < length && isSpace(source.charCodeAt(eq))) eq++;
      if (source.charCodeAt(eq) !== EQUALS || eq >= length) {
        return tagFail(source, length, stack, inner, `attribute "${cap(attrName)}" has no value`, pos, lt);
      }
      let quote = eq + 1;
      while (quote < length && isSpace(source.charCodeAt(quote))) quote++;
      const q = source.charCodeAt(quote);
      if ((q !== 34 && q !== 39) || quote >= length) {
        return tagFail(source, length, stack, inner, `attribute "${cap(attrName)}" has no value`, pos, lt);
      }
      const close = source.indexOf(q === 34 ? '"' : "'", quote + 1);
      if (close === -1 || close >= length) {
        return tagFail(
          source,
          length,
          stack,
          inner,
          `an attribute of <${cap(name)}> is missing its closing quote`,
          pos,
          lt,
        );
      }
      const repeated = building ? Object.hasOwn(attributes, attrName) : seenAttributes?.has(attrName);
      if (repeated) return fail(`attribute "${cap(attrName)}" appears twice on one element`, pos);
      pos = close + 1;
      if (!building) {
        (seenAttributes ??= new Set()).add(attrName);
        continue;
      }
      if (attributes === NO_ATTRIBUTES) attributes = new Attributes();
      const value = decodeEntities(source.slice(quote + 1, close));
      attributes[attrName] = value;
      if (attrName.startsWith('xmlns') && (attrName.length === 5 || attrName.charCodeAt(5) === 58)) {
        if (scope === parentScope) scope = new Map(parentScope);
        (scope as Map<string, string>).set(attrName.length === 5 ? '' : attrName.slice(6), value.trim());
      }
    }
    at = pos;
    const depth = stack.length + inner.size;
    if (depth + 1 > maxDepth) tooDeep = true;

    if (!building) {
      if (!selfClosing) inner.push(lt + 1, name.length);
      continue;
    }
    const colon = name.indexOf(':');
    const prefix = colon === -1 ? '' : name.slice(0, colon);
    const namespace =
      scope.get(prefix) ?? WELL_KNOWN_PREFIXES[prefix] ?? (prefix ? `urn:unbound-prefix:${prefix}` : '');
    const localName = colon === -1 ? name : name.slice(colon + 1);
    const parentElement = parent?.element;
    if (parentElement && defer !== null && defer(localName, namespace, depth, parentElement)) {
      // Recorded with the scope around it: its own declarations are read again when it is built.
      if (selfClosing)
        deferred.push({ parent: parentElement, start: lt, end: at, scope: parentScope, strings });
      else {
        stack.push({
          name,
          element: null,
          scope: parentScope,
          start: lt,
          text: '',
          firstChild: 0,
          deferredParent: parentElement,
        });
        skipping = true;
      }
      continue;
    }
    const element: XmlElement = { name, localName, namespace, attributes, children: NO_CHILDREN };
    if (parent) {
      if (parent.text !== '') {
        nodes.push(parent.text);
        parent.text = '';
      }
      nodes.push(element);
    } else {
      root = element;
    }
    if (selfClosing) {
      if (!parent) rootClosed = true;
    } else {
      stack.push({
        name,
        element,
        scope,
        start: lt,
        text: '',
        firstChild: nodes.length,
        deferredParent: null,
      });
    }
  }

  if (stack.length > 0) return { error: cutOff(stack, inner) };
  if (!root) return fail('there is no root element', span.start);
  return { root, deferred, tooDeep };
}

function fail(detail: string, index: number, cut = false): XmlScan {
  return { error: { detail, index, cutOff: cut } };
}

/** A start tag that runs into the end of the input is a cut-off document, whatever broke inside it. */
function tagFail(
  source: string,
  length: number,
  stack: Frame[],
  inner: OffsetStack,
  detail: string,
  index: number,
  tagStart: number,
): XmlScan {
  const gt = source.indexOf('>', tagStart);
  return gt === -1 || gt >= length ? { error: cutOff(stack, inner) } : fail(detail, index);
}

function mismatch(source: string, close: string, open: string, openedAt: number, at: number): XmlScan {
  return fail(
    `</${cap(close)}> closes <${cap(open)}>, which was opened on line ${lineOf(source, openedAt)}`,
    at,
  );
}

/** The error for a document that ends with elements still open. */
function cutOff(stack: Frame[], inner: OffsetStack): XmlSyntaxError {
  const open = stack.length + inner.size;
  const only = open === 1 ? stack[0] : undefined;
  const detail = only
    ? `<${cap(only.name)}> is never closed, so the document is probably cut off`
    : open === 0
      ? 'the document stops inside its first tag, so it is probably cut off'
      : 'some elements are never closed, so the document is probably cut off';
  return { detail, index: Number.MAX_SAFE_INTEGER, cutOff: true };
}

/**
 * A stack of (offset, length) pairs in typed arrays: pushing a few hundred thousand costs a few
 * nanoseconds each, where growing plain arrays that large costs hundreds.
 */
class OffsetStack {
  starts = new Int32Array(64);
  lengths = new Int32Array(64);
  size = 0;

  push(start: number, length: number): void {
    if (this.size === this.starts.length) {
      const starts = new Int32Array(this.size * 2);
      const lengths = new Int32Array(this.size * 2);
      starts.set(this.starts);
      lengths.set(this.lengths);
      this.starts = starts;
      this.lengths = lengths;
    }
    this.starts[this.size] = start;
    this.lengths[this.size] = length;
    this.size++;
  }

  /** Removes the top pair and returns its index, valid until the next push. */
  pop(): number {
    return --this.size;
  }
}

/**
 * Element and attribute names, and short texts such as the line breaks between elements, repeat
 * thousands of times in a feed. Handing out one copy of each keeps the tree small; a slot miss just
 * makes a fresh copy, so hostile input cannot make the cache cost more than a slice would.
 */
export class StringCache {
  private readonly slots: string[] = new Array<string>(1024).fill('');

  get(source: string, start: number, end: number): string {
    const length = end - start;
    if (length === 0) return '';
    if (length > 32) return source.slice(start, end);
    // A few characters pick the slot; the comparison below makes any collision a plain miss.
    const hash =
      length * 31 * 31 * 31 +
      source.charCodeAt(start) * 31 * 31 +
      source.charCodeAt(start + (length >> 1)) * 31 +
      source.charCodeAt(end - 1);
    const slot = hash & 1023;
    const cached = this.slots[slot]!;
    if (cached.length === length && source.startsWith(cached, start)) return cached;
    const fresh = source.slice(start, end);
    this.slots[slot] = fresh;
    return fresh;
  }
}

function indexOrEnd(text: string, search: string, from: number): number {
  const at = text.indexOf(search, from);
  return at === -1 ? text.length : at;
}

/** Offset just past `terminator`, or `limit` when it does not come before it (an unclosed section). */
function endAfter(text: string, terminator: string, from: number, limit: number): number {
  const at = text.indexOf(terminator, from);
  return at === -1 || at + terminator.length > limit ? limit : at + terminator.length;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13;
}

function firstNonSpace(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) if (!isSpace(text.charCodeAt(i))) return i;
  return -1;
}

/**
 * The end of an XML name starting at `from` (equal to `from` when there is none). ASCII is checked by
 * code; other characters by the XML 1.0 name ranges.
 */
function scanName(text: string, from: number, limit: number): number {
  let i = from;
  while (i < limit) {
    const c = text.charCodeAt(i);
    const startChar = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 58;
    const laterChar = i > from && ((c >= 48 && c <= 57) || c === 45 || c === 46);
    if (startChar || laterChar) {
      i++;
    } else if (c >= 0x80 && (i > from ? isNameBeyondAscii(c) : isNameStartBeyondAscii(c))) {
      i++;
    } else {
      break;
    }
  }
  return i;
}

/** XML 1.0 name start characters beyond ASCII (astral ones are not accepted). */
function isNameStartBeyondAscii(c: number): boolean {
  return (
    (c >= 0xc0 && c <= 0xd6) ||
    (c >= 0xd8 && c <= 0xf6) ||
    (c >= 0xf8 && c <= 0x2ff) ||
    (c >= 0x370 && c <= 0x37d) ||
    (c >= 0x37f && c <= 0x1fff) ||
    (c >= 0x200c && c <= 0x200d) ||
    (c >= 0x2070 && c <= 0x218f) ||
    (c >= 0x2c00 && c <= 0x2fef) ||
    (c >= 0x3001 && c <= 0xd7ff) ||
    (c >= 0xf900 && c <= 0xfdcf) ||
    (c >= 0xfdf0 && c <= 0xfffd)
  );
}

/** XML 1.0 name characters beyond ASCII. */
function isNameBeyondAscii(c: number): boolean {
  return (
    isNameStartBeyondAscii(c) || c === 0xb7 || (c >= 0x300 && c <= 0x36f) || (c >= 0x203f && c <= 0x2040)
  );
}

/**
 * Whether the `&` at `amp` starts a reference: `&name;` (HTML names included, decoded later), `&#digits;`
 * or `&#xhex;`. Exactly the forms the repair pass leaves alone; it escapes every other `&`. Each scan
 * stops at the first character that cannot continue the reference, and `&` is not one, so a text's
 * references are read once in total.
 */
function isReference(text: string, amp: number): boolean {
  let i = amp + 1;
  const length = text.length;
  if (text.charCodeAt(i) === HASH) {
    i++;
    const hex = (text.charCodeAt(i) | 0x20) === 120; /* x or X */
    if (hex) i++;
    const start = i;
    for (; i < length; i++) {
      const c = text.charCodeAt(i);
      const digit = (c >= 48 && c <= 57) || (hex && (c | 0x20) >= 97 && (c | 0x20) <= 102);
      if (!digit) return c === SEMICOLON && i > start;
    }
    return false;
  }
  const start = i;
  for (; i < length; i++) {
    const c = text.charCodeAt(i);
    const letter = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
    const more = i > start && ((c >= 48 && c <= 57) || c === 45 || c === 46);
    if (!letter && !more) return c === SEMICOLON && i > start;
  }
  return false;
}

/** A DOCTYPE may carry an internal subset in brackets, whose declarations contain `>` themselves. */
function endOfDoctype(text: string, from: number): number {
  const gt = text.indexOf('>', from);
  if (gt === -1) return text.length;
  // Only a '[' before the first '>' opens a subset; looking no further keeps many DOCTYPEs linear.
  const bracket = text.slice(from, gt).indexOf('[');
  if (bracket === -1) return gt + 1;
  const closing = /\]\s*>/g;
  closing.lastIndex = from + bracket;
  const match = closing.exec(text);
  return match ? match.index + match[0].length : text.length;
}

/** The 1-based line of `index`. */
export function lineOf(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at !== -1 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** Names quoted back from hostile input are capped and stripped of control characters. */
function cap(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}
