/**
 * HTML built from tagged templates that escape by default: every interpolated value is text, with
 * control characters and direction overrides removed (as the chat renderers do) and `& < > " '`
 * escaped, unless it is itself {@link Html} made by this module. Links are made only to http(s)
 * addresses and to our own paths, so an article cannot smuggle `javascript:` into a page.
 */
import { clean } from '../chat/render-text.js';
import { isSafeLink } from '../chat/reply.js';

const BRAND = Symbol('html');

/** Markup that is safe to send: built by {@link html} or {@link trusted}, never from raw input. */
export interface Html {
  readonly [BRAND]: true;
  readonly text: string;
}

/** What a template may hold: text (escaped), numbers, markup, nothing, or lists of these. */
export type Interpolation = Html | string | number | null | undefined | false | readonly Interpolation[];

/** Escapes text for an element's content or a quoted attribute value. */
export function escapeText(text: string): string {
  return clean(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

function toHtml(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return escapeText(value);
  if (Array.isArray(value)) return (value as readonly Interpolation[]).map(toHtml).join('');
  return (value as Html).text;
}

/**
 * @example
 * html`<h1>${title}</h1>`; // title "<script>" becomes "&lt;script&gt;"
 */
export function html(strings: TemplateStringsArray, ...values: Interpolation[]): Html {
  let text = strings[0] ?? '';
  values.forEach((value, i) => {
    text += toHtml(value) + (strings[i + 1] ?? '');
  });
  return { [BRAND]: true, text };
}

/** Markup written in this code base (a stylesheet, a constant); never for anything read from outside. */
export function trusted(text: string): Html {
  return { [BRAND]: true, text };
}

/** Our own path (`/speakers/x`), never `//host` or a scheme: safe as an href. */
export function isLocalPath(path: string): boolean {
  return /^\/(?![/\\])/.test(path) && !/[\u0000-\u001f]/.test(path);
}

/**
 * A link to `url` when it is http(s) (or one of our paths), else the words alone. Links out of the
 * site carry rel="noopener noreferrer nofollow ugc": they come from articles, not from us.
 */
export function link(url: string | null | undefined, words: Interpolation): Html {
  if (url && isLocalPath(url)) return html`<a href="${url}">${words}</a>`;
  if (isSafeLink(url ?? undefined)) {
    return html`<a href="${url}" rel="noopener noreferrer nofollow ugc">${words}</a>`;
  }
  return html`${words}`;
}

/** Cuts a text read from outside to a length a page can show. */
export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}
