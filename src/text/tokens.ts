/**
 * Word tokenization shared by the summarizer and the ROUGE scorer.
 *
 * It follows the `rouge-score` package on purpose: lowercase, every run of characters outside
 * [a-z0-9] is a separator. Accented letters therefore split words ("café" gives "caf"), which is
 * what the published scores do too, and keeps the summarizer's notion of a word identical to the
 * scorer's.
 */

const WORD = /[a-z0-9]+/g;

/**
 * Lowercase alphanumeric tokens of `text`, in order.
 *
 * @example
 * wordTokens("U.S. troops' 2nd tour"); // ['u', 's', 'troops', '2nd', 'tour']
 */
export function wordTokens(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? [];
}
