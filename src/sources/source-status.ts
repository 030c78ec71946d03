import type { Store } from '../store/store.js';
import type { Validators } from './source-reader.js';
import type { SourceProblem } from './source-problem.js';

/** How a source is doing, shown by /sources and used to schedule retries. */
export interface SourceStatus {
  kind: 'feed' | 'page' | 'file' | 'folder' | null;
  title: string | null;
  lastAttemptAt: string | null;
  lastSuccessAt: string | null;
  /** Why the last attempt failed, in words a user can act on; null when it worked. */
  lastError: string | null;
  /**
   * The same as data, for chats to word in their language; null when the error has none (or for a
   * status stored before problems were kept), and chats then see `lastError`.
   */
  lastProblem: SourceProblem | null;
  /** Files of a folder source that could not be read on the last poll. */
  problems: string[];
  consecutiveFailures: number;
  /** A failing source is not polled again before this time (exponential backoff). */
  nextAttemptAt: string | null;
  validators: Validators;
  articlesStored: number;
  lastNewArticles: number;
}

export const EMPTY_STATUS: SourceStatus = {
  kind: null,
  title: null,
  lastAttemptAt: null,
  lastSuccessAt: null,
  lastError: null,
  lastProblem: null,
  problems: [],
  consecutiveFailures: 0,
  nextAttemptAt: null,
  validators: {},
  articlesStored: 0,
  lastNewArticles: 0,
};

/** Per-source status records in the store. */
export class SourceStatusStore {
  private readonly statuses;

  constructor(store: Store) {
    this.statuses = store.collection<SourceStatus>('source-status');
  }

  async get(id: string): Promise<SourceStatus> {
    return { ...EMPTY_STATUS, ...(await this.statuses.get(id)) };
  }

  async set(id: string, status: SourceStatus): Promise<void> {
    await this.statuses.set(id, status);
  }

  async delete(id: string): Promise<void> {
    await this.statuses.delete(id);
  }
}
