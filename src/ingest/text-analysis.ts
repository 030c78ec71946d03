import { extractQuotes } from '../quotes/quote-extractor.js';
import type { Quote } from '../quotes/quote.js';
import { summarize } from '../summaries/extractive-summarizer.js';

/** What the offline engines derive from an article's text. */
export interface TextAnalysis {
  quotes: Quote[];
  summary: string[];
}

/** Analyses a text: in this thread, or in a worker thread (see analyzer-pool.ts). */
export type TextAnalyzer = (text: string, sentences: number) => Promise<TextAnalysis>;

/** The offline analysis, synchronously: quotation extraction and the extractive summary. */
export function analyzeText(text: string, sentences: number): TextAnalysis {
  return { quotes: extractQuotes(text), summary: summarize(text, sentences) };
}

/** The same analysis behind the async TextAnalyzer signature, run in the calling thread. */
export const analyzeInThisThread: TextAnalyzer = async (text, sentences) => analyzeText(text, sentences);
