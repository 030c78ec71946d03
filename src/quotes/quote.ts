/** A direct quotation found in an article's text. */
export interface Quote {
  /** The quoted words, without their quote marks, exactly as they stand in the text. */
  text: string;
  /** The speaker's fullest name in the article, or an organisation; null when nobody can be named. */
  speaker: string | null;
  /** Offset of the first quoted character in the article text (after the opening mark). */
  start: number;
  /** Offset just past the last quoted character (before the closing mark). */
  end: number;
  /** The reporting verb ("said", "told", "according to"), when there is one. */
  verb?: string | null;
}
