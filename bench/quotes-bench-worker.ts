/**
 * Worker thread of the quotes benchmark: generates a batch of articles and extracts their quotes
 * while the main thread writes the previous batch to the store (the machine has two cores). The
 * extraction time it reports is one core's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { packagedNameKnowledge } from '../src/quotes/name-knowledge.js';
import type { Quote } from '../src/quotes/quote.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import { generatePeople, generateQuotedArticle } from './generated-news.js';

/** Articles `first` to `first + count - 1` of a run starting on `start` with `perDay` a day. */
export interface BatchRequest {
  first: number;
  count: number;
  start: string;
  perDay: number;
}

/** A generated article with the quotes the extractor found in it. */
export interface ExtractedArticle {
  n: number;
  title: string;
  text: string;
  published: string;
  quotes: Quote[];
}

export interface BatchResult {
  articles: ExtractedArticle[];
  extractMs: number;
  /** How long this thread took to load the name knowledge, once, before any extraction. */
  knowledgeMs: number;
  /** Quotes whose speaker is the one the generator meant, and quotes the generator wrote. */
  credited: number;
  expected: number;
}

const { people: peopleCount } = workerData as { people: number };
const people = generatePeople(peopleCount);
// The name knowledge loads once per thread (reported apart), not inside the timed extraction.
const loadStarted = performance.now();
packagedNameKnowledge();
const knowledgeMs = performance.now() - loadStarted;

parentPort!.on('message', (request: BatchRequest) => {
  const result: BatchResult = { articles: [], extractMs: 0, knowledgeMs, credited: 0, expected: 0 };
  for (let n = request.first; n < request.first + request.count; n++) {
    const generated = generateQuotedArticle(n, people, {
      start: new Date(request.start),
      perDay: request.perDay,
    });
    const started = performance.now();
    const quotes = extractQuotes(generated.text);
    result.extractMs += performance.now() - started;
    result.expected += generated.speakers.length;
    quotes.forEach((quote, i) => {
      if (quote.speaker?.replace(/^the /, '') === generated.speakers[i]) result.credited++;
    });
    result.articles.push({
      n,
      title: generated.title,
      text: generated.text,
      published: generated.published,
      quotes,
    });
  }
  parentPort!.postMessage(result);
});
