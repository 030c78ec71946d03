/**
 * Surface cues that a sentence is a poor summary sentence whatever its content: page furniture
 * that extraction left in the text, references to pictures, and quotations.
 *
 * Each cue is a cheap regular-expression test, because the summarizer runs them on every
 * sentence of every article it ingests.
 */

/**
 * Calls to action and navigation text that news sites put between paragraphs ("Scroll down for
 * video", "CLICK HERE for ..."); phrases that ordinary story text does not use.
 */
const BOILERPLATE_ANYWHERE =
  /\b(?:scroll down for|click here|follow us on|sign up (?:for|to) our|subscribe to our|download our app|share this (?:article|story)|copyright \d{4}|all rights reserved)/i;

/** Navigation text that is boilerplate when it makes up, or opens, the whole sentence. */
const BOILERPLATE_OPENING =
  /^(?:advertisement|read more|related(?: articles?| stories| coverage)?:|watch the video|watch:|video:|more on this)/i;

/**
 * A parenthetical pointer to a photo ("(left)", "(pictured)"): the sentence is, or has swallowed,
 * a caption that extraction glued to the text.
 */
const PICTURE_REFERENCE =
  /\((?:left|right|centre|center|above|below|top|bottom|inset|pictured|file photo|far left|far right|second (?:left|right)|top left|top right|bottom left|bottom right)\)/i;

/** Opening quotation marks: the sentence starts with someone's words rather than the reporter's. */
const OPENS_WITH_QUOTE = /^["'\u201c\u2018\u00ab]/;

/** Whether the sentence is site furniture rather than story text. */
export function isBoilerplate(sentence: string): boolean {
  return BOILERPLATE_ANYWHERE.test(sentence) || BOILERPLATE_OPENING.test(sentence);
}

/** Whether the sentence points at a picture, which marks a caption glued into the text. */
export function mentionsPicture(sentence: string): boolean {
  return PICTURE_REFERENCE.test(sentence);
}

/** Whether the sentence opens with a quotation mark. */
export function opensWithQuote(sentence: string): boolean {
  return OPENS_WITH_QUOTE.test(sentence);
}
