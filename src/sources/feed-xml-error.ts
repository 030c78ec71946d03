/**
 * The one sentence a user sees for XML that stayed broken after the repair pass: where it breaks and
 * what that means, in words for someone who did not write the parser.
 */
import { FeedParseError } from './feed-error.js';
import { problem } from './source-problem.js';
import { lineOf, type XmlSyntaxError } from './feed-xml-scan.js';

/** The refusal for XML that stayed broken after the repair pass. */
export function notWellFormed(error: XmlSyntaxError, text: string): FeedParseError {
  // For a document that stops early, the useful line is the last one, not where the open tag began.
  const where = lineOf(text, error.cutOff ? text.length : error.index);
  return new FeedParseError(
    `the feed is not well-formed XML (line ${where}): ${error.detail}; ask the publisher or try again later`,
    [],
    problem('xml-broken', { line: where, detail: error.detail }),
  );
}
