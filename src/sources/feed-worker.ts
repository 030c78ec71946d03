/**
 * Entry point of the feed worker thread (see feed-thread.ts): receives the text of a large feed,
 * answers with its drafts, or with the refusal a user should read.
 */
import { parentPort } from 'node:worker_threads';
import { feedDrafts } from './feed-drafts.js';
import { FeedParseError } from './feed-error.js';
import { problemOf } from './source-problem.js';

/** What the main thread sends. */
export interface FeedRequest {
  id: number;
  text: string;
  feedUrl: string;
  maxItems: number;
}

parentPort?.on('message', (request: FeedRequest) => {
  try {
    parentPort?.postMessage({
      id: request.id,
      result: feedDrafts(request.text, request.feedUrl, request.maxItems),
    });
  } catch (error) {
    parentPort?.postMessage({
      id: request.id,
      error: {
        message: error instanceof Error ? error.message : String(error),
        feedLinks: error instanceof FeedParseError ? error.feedLinks : null,
        problem: problemOf(error),
      },
    });
  }
});
