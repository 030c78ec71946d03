import { extractQuotes } from '../quotes/quote-extractor.js';
import { SPEAKER_THRESHOLD, type Quote } from '../quotes/quote.js';
import { buildTermFilter } from '../quotes/search-terms.js';
import { quoteWordTerms } from '../quotes/word-terms.js';
import { FeatureReader } from '../stories/article-features.js';
import { summarize } from '../summaries/extractive-summarizer.js';

/** What the offline engines derive from an article's text. */
export interface TextAnalysis {
  quotes: Quote[];
  summary: string[];
  /**
   * The word filter the quote index keeps for `/quotes <name> <words>` (see buildTermFilter), of
   * the title and text; only when a title was given and a quote names its speaker, as only then is
   * it filed. Built here so that ingest's main thread does not fold every article's words.
   */
  termFilter?: string;
  /**
   * The words each quote is filed under in the word index (see quoteWordTerms), by position in
   * `quotes`, empty for a quote that is not filed; with `termFilter`, for the same reason.
   */
  quoteTerms?: string[][];
  /**
   * The article's story-clustering features (article-features.ts) of title and text, when a title
   * was given: read here so that placing the article in its story costs ingest's main thread less.
   */
  features?: Int32Array;
}

/** Analyses a text: in this thread, or in a worker thread (see analyzer-pool.ts). */
export type TextAnalyzer = (text: string, sentences: number, title?: string) => Promise<TextAnalysis>;

/** The offline analysis, synchronously: quotation extraction and the extractive summary. */
export function analyzeText(text: string, sentences: number, title?: string): TextAnalysis {
  const quotes = extractQuotes(text);
  const analysis: TextAnalysis = { quotes, summary: summarize(text, sentences) };
  if (title !== undefined) analysis.features = featureReader().read({ title, text, quotes });
  if (title !== undefined && quotes.some(isFiled)) {
    analysis.termFilter = buildTermFilter(`${title}\n${text}`);
    analysis.quoteTerms = quotes.map((quote) => (isFiled(quote) ? quoteWordTerms(quote.text) : []));
  }
  return analysis;
}

/** One reader per thread: it caches the name words of the speakers it has seen. */
let reader: FeatureReader | null = null;
const featureReader = () => (reader ??= new FeatureReader());

/** The same analysis behind the async TextAnalyzer signature, run in the calling thread. */
export const analyzeInThisThread: TextAnalyzer = async (text, sentences, title) =>
  analyzeText(text, sentences, title);

/** Whether the quote index may file the quote under someone (quote-filing.ts decides for good). */
function isFiled(quote: Quote): boolean {
  return (
    quote.speaker !== undefined && quote.speaker !== null && (quote.confidence ?? 1) >= SPEAKER_THRESHOLD
  );
}
