/** A direct quotation found in an article's text. */
export interface Quote {
  /** The quoted words, without their quote marks, exactly as they stand in the text. */
  text: string;
  /**
   * The speaker's fullest name in the article, an organisation, or a description the article never
   * ties to a name ("a spokesperson"); null when the extractor is not sure enough who spoke (see
   * `confidence`): an unattributed quote is shown as such, never put in someone's mouth.
   */
  speaker: string | null;
  /** Offset of the first quoted character in the article text (after the opening mark). */
  start: number;
  /** Offset just past the last quoted character (before the closing mark). */
  end: number;
  /** The reporting verb ("said", "told", "according to"), when there is one. */
  verb?: string | null;
  /**
   * How sure the extractor is of the speaker it found, from 0 to 1, before the threshold: a
   * `speaker` is given only at {@link SPEAKER_THRESHOLD} or above. Missing on quotes stored before
   * confidences existed.
   */
  confidence?: number;
  /**
   * "full" for one or more whole sentences of speech, "partial" for a fragment worked into the
   * writer's own sentence (he called the plan 'a disaster').
   */
  kind?: 'full' | 'partial';
}

/**
 * The confidence a speaker needs to be named. Chosen on the Canadian development set and checked
 * on the CNN / Daily Mail one (README, "Quotes"): below it, wrong speakers outnumber right ones.
 */
export const SPEAKER_THRESHOLD = 0.6;
