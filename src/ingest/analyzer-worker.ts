/**
 * Entry point of an analysis worker thread (see analyzer-pool.ts): receives texts, answers with their
 * quotes and summary. Quote extraction and summarizing are the CPU-heavy part of ingest; running them
 * here lets the main thread fetch, parse and store meanwhile, on the other core.
 */
import { parentPort } from 'node:worker_threads';
import { analyzeText } from './text-analysis.js';

export interface AnalysisRequest {
  id: number;
  text: string;
  sentences: number;
  /** The article's title, for the word filter (see TextAnalysis.termFilter). */
  title?: string;
}

parentPort?.on('message', (request: AnalysisRequest) => {
  try {
    parentPort?.postMessage({
      id: request.id,
      result: analyzeText(request.text, request.sentences, request.title),
    });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      error: error instanceof Error ? error.message : String(error),
    });
  }
});
