/**
 * Direct-quotation extraction: finds quoted speech in an article's plain text and credits each
 * quotation to the fullest name of its speaker.
 *
 * The pipeline is hand-written and linear in the text's length: quote marks are paired per
 * paragraph (forgiving damaged marks), each paragraph is tokenised with quotations folded into
 * single tokens and cut into sentences, each quotation is judged direct speech or not from its
 * place in the sentence, and speakers come from the attribution in the sentence, else from the
 * neighbouring quotation or the most recent subject.
 */
import { isDirectSpeech } from './direct-speech.js';
import { isNameWord } from './noun-phrases.js';
import { splitParagraphs } from './paragraphs.js';
import type { Quote } from './quote.js';
import { countWords, findQuoteSpans, type QuoteSpan } from './quote-spans.js';
import { splitSentences, tokenizeParagraph, type Token } from './sentence-tokens.js';
import {
  attributionAfter,
  attributionBefore,
  sentenceSubject,
  type Attribution,
} from './speaker-attribution.js';
import { SpeakerContext } from './speaker-context.js';

/**
 * Extracts the direct quotations of an article, in text order.
 *
 * @param text Plain article text, paragraphs separated by blank lines.
 * @returns One {@link Quote} per quoted stretch; a quotation split by its attribution
 *   (“A,” she said. “B.”) gives two quotes with the same speaker, and a quotation running over
 *   several paragraphs gives one quote per paragraph.
 *
 * @example
 * extractQuotes('“We will win,” said Foreign Minister Dominic Raab.');
 * // [{ text: 'We will win,', speaker: 'Dominic Raab', verb: 'said', start: 1, end: 13 }]
 */
export function extractQuotes(text: string): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const paragraphs = splitParagraphs(text);
  const spans = findQuoteSpans(text, paragraphs);
  const bySpanParagraph = paragraphs.map(() => [] as { span: QuoteSpan; index: number }[]);
  spans.forEach((span, index) => bySpanParagraph[span.paragraph]!.push({ span, index }));
  const tokens = paragraphs.map((para, p) => tokenizeParagraph(text, para, bySpanParagraph[p]!));
  return new ArticleReader(text, spans, tokens).read();
}

/** Walks an article's sentences in order, keeping the speaker context current. */
class ArticleReader {
  private readonly context: SpeakerContext;
  private readonly quotes: Quote[] = [];
  /** Speaker of the last quotation in the previous sentence, or null when it held none. */
  private previousSpeaker: string | null = null;

  constructor(
    private readonly text: string,
    private readonly spans: readonly QuoteSpan[],
    private readonly paragraphTokens: readonly Token[][],
  ) {
    this.context = new SpeakerContext(paragraphTokens);
  }

  read(): Quote[] {
    for (const tokens of this.paragraphTokens) {
      const sentences = splitSentences(tokens, (token) => this.inner(token));
      sentences.forEach((sentence, s) => this.readSentence(sentence, sentences[s + 1]));
    }
    return this.quotes;
  }

  private inner(token: Token): string {
    const span = this.spans[token.span]!;
    return this.text.slice(span.start, span.end);
  }

  private words(token: Token): number {
    const span = this.spans[token.span]!;
    return countWords(this.text, span.start, span.end);
  }

  private after(tokens: readonly Token[], q: number): Attribution | null {
    return attributionAfter(tokens, q + 1, (token) => this.words(token) <= 2);
  }

  private readSentence(tokens: readonly Token[], next: readonly Token[] | undefined): void {
    const first = tokens[0];
    if (first !== undefined && isNameWord(first) && this.context.names.isCommonWord(first.lower))
      first.common = true;
    this.context.noteRoles(tokens);
    let speakerHere: string | null = null;
    for (let q = 0; q < tokens.length; q++) {
      const token = tokens[q]!;
      if (token.kind !== 'quote') continue;
      const inner = this.inner(token);
      const after = this.after(tokens, q);
      const candidate = { tokens, q, inner, words: this.words(token), after };
      if (!isDirectSpeech(candidate)) {
        // A partial quotation worked into paraphrase still tells who is speaking now.
        const speaker = this.context.resolve(after?.mention ?? null);
        if (speaker !== null) {
          this.context.notice(after!.mention, speaker);
          speakerHere = speaker;
        }
        continue;
      }
      const attribution = after ?? this.before(tokens, q);
      let speaker = this.context.resolve(attribution?.mention ?? null);
      if (attribution?.mention != null && speaker !== null) {
        this.context.notice(attribution.mention, speaker);
      } else {
        speaker =
          this.following(tokens, q, next) ??
          speakerHere ??
          this.previousSpeaker ??
          this.context.salientPerson;
      }
      const span = this.spans[token.span]!;
      this.quotes.push({
        text: inner,
        speaker,
        start: span.start,
        end: span.end,
        verb: attribution?.verb ?? null,
      });
      speakerHere = speaker;
    }
    const subject = sentenceSubject(tokens);
    const resolved = this.context.resolve(subject);
    this.context.notice(subject, resolved);
    if (subject?.kind === 'person' && resolved !== null) this.context.noteGender(resolved, tokens);
    this.previousSpeaker = speakerHere;
  }

  /** Attribution before a quotation: a nearby reporting verb's subject, or after a colon the sentence's subject. */
  private before(tokens: readonly Token[], q: number): Attribution | null {
    const found = attributionBefore(tokens, q, 60);
    if (found !== null) return found;
    // "… is more blunt: “…”", "… its rousing motto, “…”": the sentence's subject speaks.
    const prev = tokens[q - 1]?.text;
    if (prev === ':' || prev === ',')
      return { mention: sentenceSubject(tokens, q), verb: null, inverted: false };
    return null;
  }

  /**
   * The speaker of the quotation right after this one, when that one is credited
   * (“A.” “B,” she said.): both belong to the same speaker.
   */
  private following(tokens: readonly Token[], q: number, next: readonly Token[] | undefined): string | null {
    let sentence = tokens;
    let at = q + 1;
    if (at >= tokens.length && next !== undefined) {
      sentence = next;
      at = 0;
    }
    const token = sentence[at];
    if (token?.kind !== 'quote') return null;
    const attribution = this.after(sentence, at);
    return attribution === null ? null : this.context.resolve(attribution.mention);
  }
}
