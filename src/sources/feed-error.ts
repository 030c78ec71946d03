import type { SourceProblem } from './source-problem.js';

/**
 * The one error feed parsing throws. Its message is shown to whoever added the feed, so it is a single
 * sentence that says what is wrong and what to do next, never parser internals.
 */
export class FeedParseError extends Error {
  /** Feed URLs an HTML page advertised with `<link rel="alternate">`, absolute; empty otherwise. */
  readonly feedLinks: string[];

  /** The same as data, for a chat to word in its language (see source-problem.ts). */
  readonly problem: SourceProblem | undefined;

  constructor(message: string, feedLinks: string[] = [], problem?: SourceProblem) {
    super(message);
    this.name = 'FeedParseError';
    this.feedLinks = feedLinks;
    this.problem = problem;
  }
}
