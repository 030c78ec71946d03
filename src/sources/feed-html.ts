/**
 * The small amount of HTML handling feed parsing needs: making relative URLs in item bodies absolute,
 * serialising inline XHTML, and flattening HTML to text for titles. All of it is linear scanning, so a
 * hostile body cannot make it backtrack.
 */
import { decodeEntities } from './feed-entities.js';
import { resolveUrl, withXmlBase } from './feed-url.js';
import { textContent, type XmlElement, type XmlNode } from './feed-xml.js';

const XHTML_NS = 'http://www.w3.org/1999/xhtml';
const VOID_ELEMENTS = new Set('area base br col embed hr img input link meta source track wbr'.split(' '));
const URL_ATTRIBUTES = new Set(['href', 'src', 'poster', 'cite', 'background', 'longdesc']);
const BLOCK_TAG = /^\/?(?:p|div|br|li|h[1-6]|tr|td|th|blockquote|section|article|pre|ul|ol|table|hr)\b/i;
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;
const SCRIPT_END = /<\/script/gi;
const STYLE_END = /<\/style/gi;

/** Anything `cleanText` would change: control characters, whitespace other than single spaces, or space at the ends. */
const UNCLEAN_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]|[^\S ]| {2}|^ | $/;
const HAS_CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/;
const HTML_SPECIAL = /[&<>"]/g;
const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Escapes text for use as HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  HTML_SPECIAL.lastIndex = 0;
  if (!HTML_SPECIAL.test(text)) return text;
  return text.replace(HTML_SPECIAL, (char) => HTML_ESCAPES[char]!);
}

/** Removes control characters (which no text should carry), collapses whitespace and trims. */
export function cleanText(text: string): string {
  // Most titles and names are clean already; checking is cheaper than copying them.
  if (!UNCLEAN_TEXT.test(text)) return text;
  return text.replace(CONTROL_CHARS, '').replace(/\s+/g, ' ').trim();
}

/** Removes control characters from an HTML body; null when nothing but whitespace is left. */
export function cleanHtml(html: string | null): string | null {
  if (html === null) return null;
  const cleaned = (HAS_CONTROL_CHAR.test(html) ? html.replace(CONTROL_CHARS, '') : html).trim();
  return cleaned ? cleaned : null;
}

/**
 * Flattens HTML to one line of plain text: tags dropped (block boundaries become spaces), script and
 * style contents skipped, entities decoded.
 */
export function htmlToText(html: string): string {
  let out = '';
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) {
      out += html.slice(at);
      break;
    }
    out += html.slice(at, lt);
    const next = html.charAt(lt + 1);
    if (!/[A-Za-z/!?]/.test(next)) {
      out += '<';
      at = lt + 1;
      continue;
    }
    const gt = html.indexOf('>', lt);
    if (gt === -1) break;
    const head = html.slice(lt + 1, Math.min(gt, lt + 12));
    const skipped = /^(script|style)\b/i.exec(head);
    if (skipped?.[1]) {
      const closer = skipped[1].toLowerCase() === 'script' ? SCRIPT_END : STYLE_END;
      closer.lastIndex = gt;
      const end = closer.exec(html)?.index ?? -1;
      if (end === -1) break;
      at = html.indexOf('>', end) + 1 || html.length;
      continue;
    }
    if (BLOCK_TAG.test(head)) out += ' ';
    at = gt + 1;
  }
  return cleanText(decodeEntities(out));
}

/**
 * Makes the URLs in an HTML fragment's `href`, `src`, `srcset` and similar attributes absolute.
 * Absolute URLs and same-document `#fragment` links are left as written.
 */
export function resolveHtmlUrls(html: string, base: string | null): string {
  if (!base) return html;
  URL_ATTRIBUTE.lastIndex = 0;
  let out = '';
  let copied = 0;
  for (let match = URL_ATTRIBUTE.exec(html); match; match = URL_ATTRIBUTE.exec(html)) {
    const [whole, prefix = '', name = '', , double, single, bare] = match;
    const value = double ?? single ?? bare ?? '';
    const resolved =
      name.length === 6 && name.toLowerCase() === 'srcset'
        ? resolveSrcset(value, base)
        : resolveReference(value, base);
    if (resolved === value) continue;
    const quote = single !== undefined ? "'" : '"';
    out += `${html.slice(copied, match.index)}${prefix}${quote}${resolved}${quote}`;
    copied = match.index + whole.length;
  }
  // Untouched bodies are handed back as they came, not copied.
  return copied === 0 ? html : out + html.slice(copied);
}

const URL_ATTRIBUTE =
  /(\s(href|src|srcset|poster|cite|background|longdesc)\s*=\s*)("([^"]*)"|'([^']*)'|([^\s>"']+))/gi;

function resolveReference(value: string, base: string): string {
  const trimmed = value.trim();
  if (!trimmed || trimmed.startsWith('#') || /^[A-Za-z][\w+.-]*:/.test(trimmed)) return value;
  // Attribute text is still entity-encoded; resolve the decoded URL and encode it back.
  const resolved = resolveUrl(decodeEntities(trimmed), base);
  return resolved ? escapeHtml(resolved) : value;
}

function resolveSrcset(value: string, base: string): string {
  return value
    .split(',')
    .map((candidate) => {
      const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
      return [resolveReference(url, base), ...descriptor].join(' ');
    })
    .join(', ');
}

/**
 * Serialises element content as HTML. With `xhtmlOnly`, only XHTML-namespace elements become tags (an
 * Atom `type="xhtml"` body); elements of other vocabularies contribute just their text, as the Atom
 * spec intends. Relative URLs resolve against `base` and any `xml:base` inside.
 */
export function serializeHtml(nodes: XmlNode[], base: string | null, xhtmlOnly: boolean): string {
  let out = '';
  for (const node of nodes) {
    if (typeof node === 'string') {
      out += escapeHtml(node);
      continue;
    }
    const innerBase = withXmlBase(node, base);
    if (xhtmlOnly && node.namespace !== XHTML_NS) {
      out += escapeHtml(textContent(node));
      continue;
    }
    const tag = node.localName.toLowerCase();
    out += `<${tag}${serializeAttributes(node, innerBase)}>`;
    if (VOID_ELEMENTS.has(tag)) continue;
    out += `${serializeHtml(node.children, innerBase, xhtmlOnly)}</${tag}>`;
  }
  return out;
}

function serializeAttributes(element: XmlElement, base: string | null): string {
  let out = '';
  for (const [name, value] of Object.entries(element.attributes)) {
    if (name.includes(':') || name === 'xmlns' || /^on/i.test(name)) continue;
    const lower = name.toLowerCase();
    const absolute = base && URL_ATTRIBUTES.has(lower) ? (resolveReferenceRaw(value, base) ?? value) : value;
    out += ` ${name}="${escapeHtml(absolute)}"`;
  }
  return out;
}

function resolveReferenceRaw(value: string, base: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.startsWith('#') || /^[A-Za-z][\w+.-]*:/.test(trimmed)) return null;
  return resolveUrl(trimmed, base);
}
