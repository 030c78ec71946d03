/**
 * Large feeds are parsed on a worker thread of their own, so that a 20 MB feed (or a hostile one
 * built to be slow) does not keep the bot from answering commands while it is read. Small feeds,
 * nearly all of them, are parsed in place: handing text to a thread costs more than parsing it.
 *
 * One worker, started on the first large feed and kept idle (it never holds the process open) until
 * the next. If it fails or dies, the feed is parsed in this thread instead: never lost.
 */
import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorkerNextTo } from '../kernel/start-worker.js';
import { feedDrafts, type FeedDrafts } from './feed-drafts.js';
import { FeedParseError } from './feed-error.js';
import type { FeedRequest } from './feed-worker.js';
import type { SourceProblem } from './source-problem.js';

/** Feeds at least this long (in characters) are parsed on the worker thread. */
export const OFF_THREAD_CHARS = 1_000_000;

interface Pending {
  resolve(result: FeedDrafts): void;
  reject(error: Error): void;
}

type Reply =
  | { id: number; result: FeedDrafts }
  | { id: number; error: { message: string; feedLinks: string[] | null; problem: SourceProblem | null } };

/** Parses feeds into drafts: in this thread when small, on the feed worker when large. */
export class FeedThread {
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private closed = false;

  /**
   * The feed's drafts (its first `maxItems` items).
   * @throws FeedParseError when the text is not a feed or is broken beyond repair.
   */
  async parse(text: string, feedUrl: string, maxItems: number): Promise<FeedDrafts> {
    if (text.length < OFF_THREAD_CHARS || this.closed) return feedDrafts(text, feedUrl, maxItems);
    try {
      return await this.onWorker({ id: this.nextId++, text, feedUrl, maxItems });
    } catch (error) {
      if (error instanceof FeedParseError) throw error;
      // The worker failed, not the feed: read it here.
      return feedDrafts(text, feedUrl, maxItems);
    }
  }

  /** Stops the worker; later feeds are parsed in this thread. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    await worker?.terminate();
  }

  private onWorker(request: FeedRequest): Promise<FeedDrafts> {
    const worker = (this.worker ??= this.startWorker());
    return new Promise<FeedDrafts>((resolve, reject) => {
      this.pending.set(request.id, { resolve, reject });
      // Busy, the worker keeps the process alive until it answers; idle, it must not.
      worker.ref();
      worker.postMessage(request);
    });
  }

  private startWorker(): Worker {
    const worker = startFeedWorker();
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const task = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if ('result' in reply) task?.resolve(reply.result);
      else if (reply.error.feedLinks)
        task?.reject(
          new FeedParseError(reply.error.message, reply.error.feedLinks, reply.error.problem ?? undefined),
        );
      else task?.reject(new Error(reply.error.message));
    });
    const failAll = (error: Error) => {
      if (this.worker === worker) this.worker = null;
      for (const task of this.pending.values()) task.reject(error);
      this.pending.clear();
    };
    worker.on('error', failAll);
    worker.on('exit', () => failAll(new Error('the feed worker stopped')));
    return worker;
  }
}

/**
 * The feed worker's young generation. Parsing a large feed makes garbage that dies with the feed;
 * with the 24 MB young generation the main thread has (8 MB semi-spaces, for ingest), three 17 MB
 * feeds in a row peaked about 15 MB higher than with 12 MB.
 */
export const FEED_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };

/** Starts the feed worker thread (feed-worker.ts). */
export function startFeedWorker(): Worker {
  return startWorkerNextTo(import.meta.url, 'feed-worker', { resourceLimits: FEED_WORKER_LIMITS });
}
