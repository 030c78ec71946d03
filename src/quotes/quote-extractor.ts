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
import { OPINION_VERBS, REPORTING_VERBS, TITLE_WORDS } from './lexicon.js';
import { packagedNameKnowledge, type NameKnowledge } from './name-knowledge.js';
import { isNameWord, isOrgName, nameRuns, stripTitles } from './noun-phrases.js';
import { splitParagraphs } from './paragraphs.js';
import { SPEAKER_THRESHOLD, type Quote } from './quote.js';
import { countWords, findQuoteSpans, type QuoteSpan } from './quote-spans.js';
import { endsWithStop, splitSentences, tokenizeParagraph, type Token } from './sentence-tokens.js';
import {
  attributionAfter,
  attributionBefore,
  isReportingVerb,
  sentenceSubject,
  subjectOf,
  type Attribution,
} from './speaker-attribution.js';
import { NOBODY, SpeakerContext, type Credit } from './speaker-context.js';

/** How much each way of reaching a speaker without an attribution of its own keeps of the source's confidence. */
const CARRY = {
  /** The next paragraph of the same quotation. */
  continued: 1,
  /** "“A.” “B,” she said.": the quotation right after is credited. */
  following: 0.95,
  /** An earlier quotation in the same sentence. */
  sameSentence: 1,
  /** A quotation in the sentence before. */
  previousSentence: 0.9,
  /** "X was blunt: “…”": the sentence's subject, after a colon. */
  colon: 0.95,
  /** "…, its rousing motto, “…”": the sentence's subject, after a comma. */
  comma: 0.8,
  /** An attribution that names nobody who can speak ("EXPERT VERDICT: '…'"), so the context decides. */
  overLabel: 0.9,
} as const;
/**
 * How sure a sentence's subject must be a person to become whom later pronouns stand for: a
 * given name or a full name the article resolves, not merely two capitalised words ("Dens Park").
 */
const SUBJECT_CONFIDENCE = 0.7;
/** How sure a person named elsewhere in a sentence must be to count for later pronouns. */
const MENTION_CONFIDENCE = 0.85;
/** How sure a pronoun subject must be of its person to keep them in focus. */
const PRONOUN_SUBJECT_CONFIDENCE = 0.75;
/** A lone given name is a mention of someone only when it is sure to be a name ("Kim", not "Will"). */
const STRENGTH_GIVEN_NAME_ONLY = 0.65;
/** A quotation standing alone after a sentence whose subject said or thought something. */
const PREVIOUS_SUBJECT_SPEAKING = 0.72;
/** A quotation standing alone after a sentence about someone. */
const PREVIOUS_SUBJECT = 0.55;
/** Confidence in the person last in the news when nothing else points at a speaker. */
const SALIENT_PERSON = 0.4;
/** The same when that person is the only one the article has spoken of so far. */
const ONLY_PERSON = 0.7;

/**
 * Called for each quotation with how its speaker was reached and the speaker found before the
 * confidence threshold: what the evaluation prints with --verbose and uses to choose the threshold.
 */
export type QuoteTrace = (quote: Quote, via: string, candidate: string | null) => void;

/**
 * Extracts the direct quotations of an article, in text order.
 *
 * @param text Plain article text, paragraphs separated by blank lines (or run together).
 * @param knowledge What is known about names, words and places; the packaged knowledge by default.
 * @returns One {@link Quote} per quoted stretch; a quotation split by its attribution
 *   (“A,” she said. “B.”) gives two quotes with the same speaker, and a quotation running over
 *   several paragraphs gives one quote per paragraph. A quote whose speaker is uncertain has a
 *   null `speaker` (its `confidence` says how uncertain).
 *
 * @example
 * extractQuotes('“We will win,” said Foreign Minister Dominic Raab.');
 * // [{ text: 'We will win,', speaker: 'Dominic Raab', verb: 'said', start: 1, end: 13, confidence: 0.95, kind: 'full' }]
 */
export function extractQuotes(
  text: string,
  knowledge: NameKnowledge = packagedNameKnowledge(),
  trace?: QuoteTrace,
): Quote[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const paragraphs = splitParagraphs(text);
  const spans = findQuoteSpans(text, paragraphs);
  // Most articles in a feed quote nobody: then there is nothing to attribute.
  if (spans.length === 0) return [];
  const bySpanParagraph = paragraphs.map(() => [] as { span: QuoteSpan; index: number }[]);
  spans.forEach((span, index) => bySpanParagraph[span.paragraph]!.push({ span, index }));
  const tokens = paragraphs.map((para, p) => tokenizeParagraph(text, para, bySpanParagraph[p]!));
  return new ArticleReader(text, spans, tokens, knowledge, trace).read();
}

/** Walks an article's sentences in order, keeping the speaker context current. */
class ArticleReader {
  private readonly context: SpeakerContext;
  private readonly quotes: Quote[] = [];
  /** Credit of the last quotation in the previous sentence, or null when it held none. */
  private previousCredit: Credit | null = null;
  /** Credit of the last quotation read, for the next paragraph of the same quotation. */
  private lastCredit: Credit | null = null;
  /** The person the previous sentence was about, and whether it had them speak or think. */
  private previousSubject: { credit: Credit; speaks: boolean } | null = null;

  constructor(
    private readonly text: string,
    private readonly spans: readonly QuoteSpan[],
    private readonly paragraphTokens: readonly Token[][],
    private readonly knowledge: NameKnowledge,
    private readonly trace?: QuoteTrace,
  ) {
    this.context = new SpeakerContext(paragraphTokens, knowledge);
  }

  read(): Quote[] {
    // Sentences of the whole article in one list: a quotation ending a paragraph may be credited
    // by the one opening the next ("“A.” ¶ “B,” she said.").
    const sentences = this.paragraphTokens.flatMap((tokens) =>
      splitSentences(
        tokens,
        (token) => this.inner(token),
        (token) => this.spans[token.span]!.continued,
      ),
    );
    sentences.forEach((sentence, s) => this.readSentence(sentence, sentences[s + 1]));
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
    // "Rather, …", "Story continues below": an everyday word opening the sentence is no name;
    // a title is ("Professor Philip Rees, who led the project, said").
    if (
      first !== undefined &&
      isNameWord(first) &&
      !TITLE_WORDS.has(first.key) &&
      this.context.names.isCommonWord(first.lower)
    )
      first.common = true;
    const runs = nameRuns(tokens);
    this.context.noteRoles(tokens, runs);
    // The subject comes first: "His solicitor, Liam O'Donnell, told the court '…'. He added: …".
    const subject = sentenceSubject(tokens);
    const resolved = this.context.resolve(subject);
    // A pronoun subject keeps the person in focus ("He framed the text…"), if it is sure of them.
    const sure = subject?.kind === 'pronoun' ? PRONOUN_SUBJECT_CONFIDENCE : SUBJECT_CONFIDENCE;
    if (resolved.kind !== 'person' || resolved.confidence >= sure) this.context.notice(resolved);
    let here: Credit | null = null;
    for (let q = 0; q < tokens.length; q++) {
      const token = tokens[q]!;
      if (token.kind !== 'quote') continue;
      const span = this.spans[token.span]!;
      const inner = this.inner(token);
      const after = this.after(tokens, q);
      const candidate = { tokens, q, inner, words: this.words(token), after };
      const direct = isDirectSpeech(candidate) || (span.continued && q === 0);
      if (!direct) {
        // A partial quotation worked into paraphrase still tells who is speaking now.
        if (after?.mention) {
          const credit = this.context.resolve(after.mention);
          if (credit.speaker !== null) {
            this.context.notice(credit);
            here = credit;
          }
        }
        continue;
      }
      const attribution = after ?? this.before(tokens, q);
      let credit: Credit = NOBODY;
      let via = '';
      if (attribution?.mention != null) {
        credit = this.context.resolve(attribution.mention);
        via = `${after ? 'after' : 'before'} ${JSON.stringify(attribution.mention)}`;
        if (attribution.verb === null)
          credit = carry(credit, tokens[q - 1]?.text === ':' ? CARRY.colon : CARRY.comma);
        this.context.notice(credit);
      }
      if (credit.speaker === null) {
        // No attribution, or one naming nobody who can speak ("EXPERT VERDICT: '…'").
        const [found, how] = this.unattributed(span, tokens, q, next, here);
        // A pronoun that stands for nobody known leaves the quotation unattributed: the quotations
        // around it may well be someone else's ("'My love, where are you?' he wrote").
        const pronoun = attribution?.mention?.kind === 'pronoun';
        credit = pronoun ? NOBODY : attribution?.mention != null ? carry(found, CARRY.overLabel) : found;
        via = via ? `${via}, then ${how}` : how;
      }
      this.push(
        span,
        inner,
        credit,
        attribution?.verb ?? null,
        opensItsSentence(tokens, q) || endsWithStop(inner),
      );
      this.trace?.(this.quotes[this.quotes.length - 1]!, via, credit.speaker);
      here = credit;
      this.lastCredit = credit;
    }
    if (resolved.kind === 'person' && resolved.speaker !== null)
      this.context.noteGender(resolved.speaker, tokens);
    this.noteSpeakersOf(tokens);
    this.noteMentions(tokens, runs);
    this.previousCredit = here;
    this.previousSubject =
      resolved.kind === 'person' && resolved.confidence >= SUBJECT_CONFIDENCE && here === null
        ? { credit: resolved, speaks: tokens.some((token) => isSpeakingVerb(token)) }
        : null;
    this.context.endSentence();
  }

  private push(span: QuoteSpan, inner: string, credit: Credit, verb: string | null, full: boolean): void {
    const confidence = Math.round(credit.confidence * 100) / 100;
    this.quotes.push({
      text: inner,
      speaker: confidence >= SPEAKER_THRESHOLD ? credit.speaker : null,
      start: span.start,
      end: span.end,
      verb,
      confidence,
      kind: full ? 'full' : 'partial',
    });
  }

  /**
   * Reported speech without quotation marks still says who is talking ("Jean Morris from the farm
   * said Big Ben was…"): the subject of each reporting verb takes the focus.
   */
  private noteSpeakersOf(tokens: readonly Token[]): void {
    // A sentence with a quotation had its speaker credited already.
    if (tokens.some((token) => token.kind === 'quote')) return;
    for (let v = 1; v < tokens.length; v++) {
      if (!isReportingVerb(tokens, v) || tokens[v - 1]!.kind === 'quote' || tokens[v + 1]?.kind === 'quote')
        continue;
      const credit = this.context.resolve(subjectOf(tokens, v));
      if (credit.kind === 'person' && credit.speaker !== null && credit.confidence >= SUBJECT_CONFIDENCE)
        this.context.notice(credit);
    }
  }

  /**
   * People named anywhere in the sentence, for later pronouns; when the sentence names one person
   * only, its gendered pronouns tell that person's gender.
   */
  private noteMentions(tokens: readonly Token[], runs: readonly (readonly Token[])[]): void {
    const people = new Set<string>();
    for (const run of runs) {
      const name = stripTitles(run);
      if (name.length === 0) continue;
      // One word counts only as a known given name ("Kim"): skip the rest before any lookup.
      if (name.length === 1 && this.knowledge.givenName(name[0]!.key) === undefined) continue;
      if (isOrgName(name, this.knowledge)) continue;
      const words = name.map((token) => token.base).join(' ');
      const found = this.context.recognizer.person(words, undefined, name[0]!.initial === true);
      if (found?.kind !== 'person') continue;
      const sure = name.length > 1 ? MENTION_CONFIDENCE : STRENGTH_GIVEN_NAME_ONLY;
      if (found.strength < sure) continue;
      this.context.mention(found.name);
      people.add(found.name);
    }
    if (people.size === 1) this.context.noteGender([...people][0]!, tokens);
  }

  /** The speaker of a quotation without a usable attribution, from the quotations around it. */
  private unattributed(
    span: QuoteSpan,
    tokens: readonly Token[],
    q: number,
    next: readonly Token[] | undefined,
    here: Credit | null,
  ): [Credit, string] {
    if (span.continued && q === 0 && this.lastCredit)
      return [carry(this.lastCredit, CARRY.continued), 'continued'];
    const following = this.following(tokens, q, next);
    if (following) return [following, 'following'];
    if (here) return [carry(here, CARRY.sameSentence), 'same sentence'];
    if (this.previousCredit) return [carry(this.previousCredit, CARRY.previousSentence), 'previous sentence'];
    const subject = this.previousSubject;
    if (subject !== null) {
      // "Raab agrees the risk is real. “We should replace…”": the quotation backs the sentence.
      const confidence = subject.speaks ? PREVIOUS_SUBJECT_SPEAKING : PREVIOUS_SUBJECT;
      return [
        { ...subject.credit, confidence: Math.min(subject.credit.confidence, confidence) },
        'previous subject',
      ];
    }
    return [this.salient(), 'salient'];
  }

  private salient(): Credit {
    const person = this.context.salientPerson;
    if (person === null) return NOBODY;
    return {
      speaker: person,
      confidence: this.context.onlyOnePerson ? ONLY_PERSON : SALIENT_PERSON,
      kind: 'person',
    };
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
  private following(tokens: readonly Token[], q: number, next: readonly Token[] | undefined): Credit | null {
    let sentence = tokens;
    let at = q + 1;
    if (at >= tokens.length && next !== undefined) {
      sentence = next;
      at = 0;
    }
    const token = sentence[at];
    if (token?.kind !== 'quote') return null;
    const attribution = this.after(sentence, at);
    if (attribution?.mention == null) return null;
    const credit = this.context.resolve(attribution.mention);
    return credit.speaker === null ? null : carry(credit, CARRY.following);
  }
}

/** True for a verb of saying, thinking or feeling. */
function isSpeakingVerb(token: Token): boolean {
  return token.kind === 'word' && (REPORTING_VERBS.has(token.lower) || OPINION_VERBS.has(token.lower));
}

/** A credit passed on from elsewhere, with the confidence it keeps. */
function carry(credit: Credit, factor: number): Credit {
  return { ...credit, confidence: credit.confidence * factor };
}

/** True when only leading punctuation precedes the quotation in its sentence. */
function opensItsSentence(tokens: readonly Token[], q: number): boolean {
  for (let i = 0; i < q; i++) if (tokens[i]!.kind !== 'punct') return false;
  return true;
}
