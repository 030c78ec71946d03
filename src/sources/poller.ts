import type { ArticleDraft } from '../articles/article.js';
import type { ArticleRepository } from '../articles/article-repository.js';
import type { StoredArticle } from '../articles/stored-article.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { PollMetrics } from '../metrics/metrics.js';
import { nextAttemptDelay } from './backoff.js';
import type { SourceCatalog, SourceRecord } from './source-catalog.js';
import type { SourceReader } from './source-reader.js';
import type { SourceStatus, SourceStatusStore } from './source-status.js';
import { describeError } from '../kernel/describe-error.js';
import { mapConcurrently } from '../kernel/map-concurrently.js';
import { problemOf } from './source-problem.js';
import { completeTeasers } from './teaser-completer.js';
import { pollSlot, type PollLeases } from './poll-leases.js';
import type { SourceNotices } from './source-notices.js';

/** Turns new drafts into stored articles (quotes, summary, indexes); see ArticlePipeline. */
export interface DraftProcessor {
  process(drafts: ArticleDraft[], sourceId: string, now: Date): Promise<StoredArticle[]>;
}

export interface PollerOptions {
  teaserMaxWords: number;
  completeTeasers: boolean;
  maxTeaserFetchesPerPoll: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** The cron schedule of sources that name none. */
  defaultSchedule: string;
  /** How many sources are fetched at once. */
  concurrency: number;
}

export interface PollOutcome {
  sourceId: string;
  /**
   * `elsewhere`: another instance sharing the store polls it for this slot; `waiting`: not polled
   * now (backing off, or Quotewire is stopping).
   */
  result: 'new' | 'unchanged' | 'failed' | 'waiting' | 'elsewhere';
  newArticles: number;
  error?: string;
}

/**
 * Polls sources: read, drop what is known, complete teasers, store the rest, record the status.
 * A failing source backs off exponentially and never stops the others; a source is never polled
 * twice at the same time.
 */
export class Poller {
  private readonly inFlight = new Map<string, Promise<PollOutcome>>();
  private stopping = false;

  constructor(
    private readonly deps: {
      catalog: SourceCatalog;
      reader: SourceReader;
      statuses: SourceStatusStore;
      repository: ArticleRepository;
      processor: DraftProcessor;
      clock: Clock;
      logger: Logger;
      options: PollerOptions;
      /** Hears the outcome of every round of polls (for health). */
      onPolled?: (outcomes: readonly PollOutcome[]) => void;
      /** Who polls what when several instances share the store; see PollLeases. */
      leases?: PollLeases;
      metrics?: PollMetrics;
      /** Hears each source's status after every poll, to tell people when it breaks. */
      notices?: Pick<SourceNotices, 'afterPoll'>;
    },
  ) {}

  /**
   * Polls every source that is due (all of them when `force`), a few at a time; with `schedule`, only
   * the sources on that cron schedule. Unless forced, each source is polled once per slot (the
   * minute of the scheduled time) across every instance sharing the store.
   */
  async pollAll(options: { force?: boolean; schedule?: string; slot?: string } = {}): Promise<PollOutcome[]> {
    const slot = options.slot ?? pollSlot(this.deps.clock());
    const sources = (await this.deps.catalog.list()).filter(
      (source) =>
        options.schedule === undefined ||
        (source.schedule ?? this.deps.options.defaultSchedule) === options.schedule,
    );
    // Outcomes in the sources' order, whichever poll ends first: `quotewire poll` lists them so.
    const outcomes = await mapConcurrently(sources, this.deps.options.concurrency, (source) =>
      options.force ? this.pollSource(source, true) : this.pollClaimed(source, slot),
    );
    this.deps.onPolled?.(outcomes);
    return outcomes;
  }

  /** Polls one source now unless it is backing off (or `force`); joins a poll already running. */
  pollSource(source: SourceRecord, force = false): Promise<PollOutcome> {
    const running = this.inFlight.get(source.id);
    if (running) return running;
    if (this.stopping) return Promise.resolve({ sourceId: source.id, result: 'waiting', newArticles: 0 });
    const poll = this.poll(source, force)
      .then((outcome) => (this.deps.metrics?.polled(outcome.result), outcome))
      .finally(() => this.inFlight.delete(source.id));
    this.inFlight.set(source.id, poll);
    return poll;
  }

  /**
   * Starts no more polls: a round under way leaves its remaining sources for the next start (their
   * slot unclaimed), so a stop waits for the polls in flight, not for the whole round.
   */
  stop(): void {
    this.stopping = true;
  }

  /** Polls a source for a slot if this instance claims it (always, without leases). */
  private async pollClaimed(source: SourceRecord, slot: string): Promise<PollOutcome> {
    const { leases, clock } = this.deps;
    if (this.stopping) return { sourceId: source.id, result: 'waiting', newArticles: 0 };
    if (leases && !(await leases.claim(source.id, slot, clock()))) {
      return { sourceId: source.id, result: 'elsewhere', newArticles: 0 };
    }
    try {
      return await this.pollSource(source, false);
    } finally {
      await leases?.done(source.id, slot, clock()).catch(() => undefined);
    }
  }

  /**
   * Polls the sources whose poll another instance claimed and never finished (it died): their
   * lease has lapsed, and the first instance to claim them again polls them now.
   */
  async takeOverAbandoned(): Promise<PollOutcome[]> {
    const { leases, catalog, clock } = this.deps;
    if (!leases) return [];
    const outcomes: PollOutcome[] = [];
    for (const { sourceId, slot } of await leases.abandoned(clock())) {
      const source = await catalog.get(sourceId);
      if (!source) continue;
      const outcome = await this.pollClaimed(source, slot);
      if (outcome.result !== 'elsewhere') {
        this.deps.logger.info(`source ${sourceId}: polled for ${slot} in place of an instance that stopped`);
        outcomes.push(outcome);
      }
    }
    return outcomes;
  }

  /** Resolves when every poll under way has finished (for a clean shutdown). */
  async idle(): Promise<void> {
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async poll(source: SourceRecord, force: boolean): Promise<PollOutcome> {
    const { statuses, clock, logger } = this.deps;
    const status = await statuses.get(source.id);
    const now = clock();
    if (!force && status.nextAttemptAt && Date.parse(status.nextAttemptAt) > now.getTime()) {
      return { sourceId: source.id, result: 'waiting', newArticles: 0 };
    }
    try {
      const reading = await this.deps.reader.read(source.url, status.validators, status.kind === 'feed');
      const stored = reading.notModified ? [] : await this.storeNew(source, reading.drafts);
      const done = clock().toISOString();
      await this.record(source, {
        ...status,
        kind: reading.kind,
        title: reading.title ?? status.title,
        lastAttemptAt: done,
        lastSuccessAt: done,
        lastError: null,
        lastProblem: null,
        problems: reading.problems,
        consecutiveFailures: 0,
        nextAttemptAt: null,
        validators: reading.notModified ? status.validators : reading.validators,
        articlesStored: status.articlesStored + stored.length,
        lastNewArticles: stored.length,
      });
      for (const problem of reading.problems) logger.warn(`source ${source.id}: ${problem}`);
      if (stored.length) logger.info(`source ${source.id}: ${stored.length} new article(s)`);
      return { sourceId: source.id, result: stored.length ? 'new' : 'unchanged', newArticles: stored.length };
    } catch (error) {
      const message = describeError(error);
      this.deps.metrics?.pollFailed(error);
      await this.record(source, this.failedStatus(status, message, error));
      logger.warn(`source ${source.id} failed: ${message}`);
      return { sourceId: source.id, result: 'failed', newArticles: 0, error: message };
    }
  }

  /** Stores a source's new status, then lets the notices hear it (a notice that fails is only logged). */
  private async record(source: SourceRecord, status: SourceStatus): Promise<void> {
    await this.deps.statuses.set(source.id, status);
    await this.deps.notices?.afterPoll(source, status).catch((error: unknown) => {
      this.deps.logger.warn(
        `source ${source.id}: the failure notice could not be sent: ${describeError(error)}`,
      );
    });
  }

  private failedStatus(status: SourceStatus, message: string, error: unknown): SourceStatus {
    const now = this.deps.clock();
    const failures = status.consecutiveFailures + 1;
    const retryAfterMs = (error as { retryAfterMs?: number }).retryAfterMs;
    const delay = nextAttemptDelay(
      failures,
      { baseMs: this.deps.options.backoffBaseMs, maxMs: this.deps.options.backoffMaxMs },
      retryAfterMs,
    );
    return {
      ...status,
      lastAttemptAt: now.toISOString(),
      lastError: message,
      lastProblem: problemOf(error),
      consecutiveFailures: failures,
      nextAttemptAt: new Date(now.getTime() + delay).toISOString(),
    };
  }

  private async storeNew(source: SourceRecord, drafts: ArticleDraft[]): Promise<StoredArticle[]> {
    const candidates = drafts.filter((draft) => draft.text.trim() !== '' || draft.url !== '');
    const known = await this.deps.repository.knownAmong(candidates);
    const fresh = candidates.filter((_, index) => !known[index]);
    const { options, reader, logger } = this.deps;
    const completed = await completeTeasers(
      fresh,
      reader,
      {
        enabled: source.completeTeasers ?? options.completeTeasers,
        teaserMaxWords: options.teaserMaxWords,
        maxFetches: options.maxTeaserFetchesPerPoll,
      },
      logger,
    );
    const usable = completed.filter((draft) => draft.text.trim() !== '' || draft.title.trim() !== '');
    return this.deps.processor.process(usable, source.id, this.deps.clock());
  }
}
