/**
 * Turns fast-xml-parser's validation errors into the one sentence a user sees: where the XML breaks and
 * what that means, in words for someone who did not write the parser.
 */
import type { ValidationError } from 'fast-xml-parser';
import { FeedParseError } from './feed-error.js';

/** The refusal for XML that stayed broken after the repair pass. */
export function notWellFormed(result: ValidationError, text: string): FeedParseError {
  const { msg, line } = result.err;
  const detail = describe(msg);
  // For a document that stops early, the useful line is the last one, not where the open tag began.
  const where = detail.endsWith('cut off') ? countLines(text) : line;
  return new FeedParseError(
    `the feed is not well-formed XML (line ${where}): ${detail}; ask the publisher or try again later`,
  );
}

type Rewording = [RegExp, (...names: string[]) => string];

/** fast-xml-parser's validator messages, reworded for someone who did not write the parser. */
const REWORDINGS: Rewording[] = [
  [
    /^Expected closing tag '([^']*)' \(opened in line (\d+)[^)]*\) instead of closing tag '([^']*)'/,
    (open, openedOn, close) => `</${close}> closes <${open}>, which was opened on line ${openedOn}`,
  ],
  [/^Unclosed tag '([^']*)'/, (open) => `<${open}> is never closed, so the document is probably cut off`],
  [/^Invalid '\[/, () => 'some elements are never closed, so the document is probably cut off'],
  [
    /^Closing tag '([^']*)' has not been opened/,
    (close) => `</${close}> closes an element that was never opened`,
  ],
  [/^Closing tag '([^']*)'/, (close) => `the end tag </${close}> is malformed`],
  [
    /^Attributes for '([^']*)' have open quote/,
    (tag) => `an attribute of <${tag}> is missing its closing quote`,
  ],
  [
    /^(?:boolean )?[Aa]ttribute '([^']*)' is without value|^boolean attribute '([^']*)'/,
    (name) => `attribute "${name}" has no value`,
  ],
  [/^Attribute '([^']*)' is repeated/, (name) => `attribute "${name}" appears twice on one element`],
  [/^Attribute '([^']*)'/, (name) => `"${name}" is not a valid attribute`],
  [/^Tag '([^']*)' is an invalid name/, (name) => `"<${name}" is not a valid tag`],
  [/^char '(.)' is not expected/s, (char) => `unexpected character ${JSON.stringify(char)}`],
  [/^Invalid space after '<'/, () => 'a "<" is followed by a space'],
  [/^Multiple possible root nodes/, () => 'there is more than one root element'],
  [/^Extra text at the end/, () => 'there is text after the end of the document'],
  [/^Start tag expected/, () => 'there is no root element'],
];

function describe(message: string): string {
  for (const [pattern, reword] of REWORDINGS) {
    const match = pattern.exec(message);
    if (match) return reword(...match.slice(1).map((name) => shorten(name ?? '')));
  }
  return 'the markup is broken';
}

/** Names quoted back from hostile input are capped and stripped of control characters. */
function shorten(name: string): string {
  const clean = name.replace(/[\u0000-\u001f\u007f]/g, '?');
  return clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
}

function countLines(text: string): number {
  let lines = 1;
  for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) lines++;
  return lines;
}
