/**
 * The one repair pass feed reading allows before refusing: fixes for the mistakes real feed readers
 * forgive (raw HTML pasted into a description, a bare `&`, `<` in text, unclosed `<br>`, junk after the
 * document, a misplaced XML declaration). Each fix is a linear scan, and none adds or removes a line
 * break, so an error found afterwards still points at the right line of the original.
 */
import { sniffXmlRoot } from './detect-format.js';

/** Applies every repair; meant for text the validator has already rejected. */
export function repairXml(text: string): string {
  // First protect HTML that publishers pasted unescaped into text elements, then fix what is left.
  let repaired = mapOutsideLiterals(text, wrapPastedHtml);
  repaired = mapOutsideLiterals(repaired, (segment) =>
    closeVoidHtmlTags(
      segment
        .replace(/&(?![A-Za-z_][\w.-]*;|#\d+;|#[xX][0-9a-fA-F]+;)/g, '&amp;')
        .replace(/<(?=[\s\d=<&])/g, '&lt;'),
    ),
  );
  return dropTrailingJunk(blankLateDeclarations(repaired));
}

/**
 * An XML declaration after leading whitespace (or a second one) is an error, and it carries nothing we
 * need: it becomes spaces. A declaration runs to the first `>`, which must follow a `?`.
 */
function blankLateDeclarations(text: string): string {
  let out = '';
  let copied = 0;
  let gt = -1;
  for (let at = text.indexOf('<?xml', 1); at !== -1; at = text.indexOf('<?xml', at + 1)) {
    if (!/\s/.test(text.charAt(at + 5))) continue;
    // One search for the next '>' serves every declaration before it.
    if (gt < at) gt = text.indexOf('>', at);
    if (gt === -1) break;
    if (text.charCodeAt(gt - 1) !== 63 /* ? */ || gt - 1 < at + 6) continue;
    out += text.slice(copied, at) + ' '.repeat(gt + 1 - at);
    copied = gt + 1;
    at = gt;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Elements whose content is text or escaped HTML, where raw HTML is a publisher's mistake. */
const HTML_HOLDER = /<((?:[\w.-]+:)?(?:description|encoded|summary|content|title|subtitle))(\s[^<>]*)?>/g;

/**
 * Raw HTML inside `<description>` and friends (`<p>` never closed, a stray `</b>`) breaks the XML;
 * readers show it as the HTML it was meant to be. Wrapping it in CDATA says exactly that. Inline XHTML
 * (`type="xhtml"`) is left alone, and so is an element whose end tag cannot be found (a cut-off feed).
 */
function wrapPastedHtml(segment: string): string {
  let out = '';
  let copied = 0;
  // Where the next end tag of each holder name is: an end tag searched for once is never searched for
  // again, and a name whose end tag is missing is never searched for twice, so many unclosed
  // `<description>`s cost one pass, not one pass each.
  const nextEnd = new Map<string, number>();
  HTML_HOLDER.lastIndex = 0;
  for (let match = HTML_HOLDER.exec(segment); match; match = HTML_HOLDER.exec(segment)) {
    const [tag, name = '', attributes = ''] = match;
    if (attributes.endsWith('/') || /\btype\s*=\s*["']xhtml["']/i.test(attributes)) continue;
    const start = match.index + tag.length;
    let end = nextEnd.get(name);
    if (end === undefined || (end !== -1 && end < start)) {
      end = segment.indexOf(`</${name}>`, start);
      nextEnd.set(name, end);
    }
    if (end === -1) continue;
    const inner = segment.slice(start, end);
    if (inner.includes('<')) {
      out += `${segment.slice(copied, start)}<![CDATA[${inner.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;
      copied = end;
    }
    HTML_HOLDER.lastIndex = end;
  }
  return out + segment.slice(copied);
}

/** Applies `fix` to the text outside CDATA sections and comments, whose contents are literal. */
function mapOutsideLiterals(text: string, fix: (segment: string) => string): string {
  let out = '';
  let at = 0;
  // The next CDATA section and comment, each searched for again only once the scan has passed it: a
  // feed with thousands of CDATA sections and no comment must not look for a comment thousands of times.
  let cdata = -2;
  let comment = -2;
  while (at < text.length) {
    if (cdata !== -1 && cdata < at) cdata = text.indexOf('<![CDATA[', at);
    if (comment !== -1 && comment < at) comment = text.indexOf('<!--', at);
    const start = cdata === -1 ? comment : comment === -1 ? cdata : Math.min(cdata, comment);
    if (start === -1) break;
    const terminator = start === cdata ? ']]>' : '-->';
    const end = text.indexOf(terminator, start + 4);
    out += fix(text.slice(at, start));
    if (end === -1) return out + text.slice(start);
    out += text.slice(start, end + terminator.length);
    at = end + terminator.length;
  }
  return out + fix(text.slice(at));
}

/** `<br>` and friends written as HTML inside an element: self-close them unless a closing tag follows. */
function closeVoidHtmlTags(segment: string): string {
  const voidTag = /<(br|hr|img|wbr)\b([^<>]*)>/gi;
  const closer = /\s*<\/(br|hr|img|wbr)\s*>/iy;
  return segment.replace(voidTag, (tag, name: string, attributes: string, offset: number) => {
    if (attributes.endsWith('/')) return tag;
    closer.lastIndex = offset + tag.length;
    return closer.test(segment) ? tag : `<${name}${attributes}/>`;
  });
}

/** Text after the root element's end tag (tracking pixels, PHP notices) is dropped. */
function dropTrailingJunk(text: string): string {
  const root = sniffXmlRoot(text);
  if (!root) return text;
  const end = text.lastIndexOf(`</${root.name}`);
  const close = end === -1 ? -1 : text.indexOf('>', end);
  return close === -1 ? text : text.slice(0, close + 1);
}
