/**
 * The composition root: the one place that builds Quotewire's parts from the configuration and wires
 * them together. Everything else receives its dependencies; tests call createApp with fakes.
 */
import { join } from 'node:path';
import { packageRoot } from '../kernel/package-root.js';
import { commands } from '../../commands/index.js';
import { PageStore } from '../chat/page-store.js';
import { ChatLanguages } from '../i18n/chat-languages.js';
import { Translations } from '../i18n/translations.js';
import { ArticlePipeline } from '../ingest/article-pipeline.js';
import { StoryTracker } from '../stories/story-tracker.js';
import { ArticleRepository } from '../articles/article-repository.js';
import { createAnalyzerPool } from '../ingest/analyzer-pool.js';
import type { AppConfig } from '../config/load-config.js';
import { DigestBuilder } from '../digest/digest-builder.js';
import { createStorySummarizer } from '../summaries/create-story-summarizer.js';
import { SubscriptionStore } from '../delivery/subscription-store.js';
import { DeliveryLedger, MAX_ATTEMPTS_PER_DAY } from '../delivery/delivery-ledger.js';
import { QuoteIndex } from '../quotes/quote-index.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createHttpFetcher } from '../sources/http-fetcher.js';
import { PollScheduler } from '../sources/poll-scheduler.js';
import { Poller } from '../sources/poller.js';
import { SourceAdmission } from '../sources/source-admission.js';
import { SourceCatalog } from '../sources/source-catalog.js';
import { ChatSources } from '../sources/chat-sources.js';
import { SourceNotices } from '../sources/source-notices.js';
import { SourceReader, type Fetch } from '../sources/source-reader.js';
import { SourceStatusStore } from '../sources/source-status.js';
import { systemClock, type Clock } from '../kernel/clock.js';
import { createStderrLogger, type Logger } from '../kernel/logger.js';
import { Heartbeat } from '../health/heartbeat.js';
import { createInstanceId } from '../kernel/instance-id.js';
import { PollLeases } from '../sources/poll-leases.js';
import { HealthMonitor, pollingHealth } from '../health/health-monitor.js';
import type { Services } from '../chat/services.js';
import { noMetrics, type Metrics } from '../metrics/metrics.js';
import { createPrometheusMetrics } from '../metrics/prometheus-metrics.js';
import { LoginLinks } from '../web/login-links.js';
import type { Registry } from 'prom-client';

export interface App {
  services: Services;
  /** This process's name in leases and the delivery ledger. */
  instanceId: string;
  /** The store itself, for the chat service's delivery ledger and the platforms' command sync. */
  store: Store;
  scheduler: PollScheduler;
  /** Each running part's state, written to the store by the heartbeat for `quotewire health`. */
  health: HealthMonitor;
  heartbeat: Heartbeat;
  /** What the parts count; counted only when the web page (and its /metrics) is on. */
  metrics: Metrics;
  /** The registry /metrics serves; null when the web page is off. */
  metricsRegistry: Registry | null;
  /** One-time console login links; the web server tells it where it listens. */
  webLogins: LoginLinks;
  /** Stops scheduling, lets polls under way finish, closes connections and the store. */
  close(): Promise<void>;
}

/**
 * Hours of articles the story tracker holds beyond the digest window: a digest asked for a little
 * more (`quotewire digest --since`) is still built from it, and word weights count more than a day.
 */
const TRACKER_SPARE_HOURS = 12;
/** The most hours of articles a story tracker holds; longer digest windows cluster from the store. */
const TRACKER_MAX_HOURS = 72;

/** What tests (or another deployment) may replace. */
export interface AppOverrides {
  clock?: Clock;
  logger?: Logger;
  store?: Store;
}

/**
 * The composition root of the core: opens the store, builds every service (sources and poller,
 * ingest pipeline and analysis workers, articles, quotes, summaries, stories, digests,
 * subscriptions) with its dependencies passed in, and the poll scheduler and health monitor. It
 * imports no chat platform: the chat service (chat-service.ts) loads grammY or discord.js only
 * for a platform that has a token. Nothing starts until the caller starts it; close() stops and
 * closes everything in order.
 *
 * @example
 * const app = await createApp(loadConfig({ file: 'quotewire.yaml', env: process.env }));
 * await app.services.poller.pollAll();
 * await app.close();
 */
export async function createApp(config: AppConfig, overrides: AppOverrides = {}): Promise<App> {
  const clock = overrides.clock ?? systemClock;
  const logger = overrides.logger ?? createStderrLogger();
  const instanceId = createInstanceId();
  const health = new HealthMonitor(clock);
  const store =
    overrides.store ??
    (await openStore(config.store.url, {
      warn: (message) => logger.warn(message),
      // Once per outage, not once per failed command.
      status: {
        down: (why) => {
          logger.error(`store: Redis is unreachable (${why}); commands and polls fail until it is back`);
          health.report('store', 'down', `Redis is unreachable: ${why}`);
        },
        up: () => {
          logger.info('store: Redis is reachable again');
          health.report('store', 'up');
        },
      },
    }));
  health.report('store', 'up', store.description);
  // prom-client takes a few hundred milliseconds to load: only a bot serving /metrics pays for it.
  const prometheus = config.web.enabled ? createPrometheusMetrics(await import('prom-client')) : null;
  const metrics = prometheus?.metrics ?? noMetrics;
  const fetcher = createFetcherFromConfig(config);
  const reader = new SourceReader(fetcher.fetch, {
    maxItemsPerFeed: config.polling.maxItemsPerFeed,
    maxFileBytes: config.polling.maxBytes,
  });
  const articles = new ArticleRepository(store);
  const quotes = new QuoteIndex(store, articles);
  const catalog = new SourceCatalog(config.sources, store);
  const chatSources = new ChatSources(store, catalog);
  const statuses = new SourceStatusStore(store);
  const i18n = Translations.load(join(packageRoot(), 'locales'));
  const languages = new ChatLanguages(store, config.digest.language, clock);
  const notices = new SourceNotices({
    store,
    clock,
    logger,
    threshold: config.polling.noticeAfterFailures,
    translations: i18n,
    languages,
  });
  const analyzers = createAnalyzerPool(config.limits.analysisWorkers, logger);
  // Stories are kept as articles arrive, so that a digest ranks them without clustering its
  // window; not for windows of days (a weekly digest), which would hold a week of news in memory.
  const trackedHours = config.digest.windowHours + TRACKER_SPARE_HOURS;
  const stories =
    trackedHours <= TRACKER_MAX_HOURS
      ? new StoryTracker({ articles, clock, horizonHours: trackedHours })
      : null;
  const processor = new ArticlePipeline({
    analyze: analyzers.analyze,
    store,
    repository: articles,
    quoteIndex: quotes,
    stories: stories ?? undefined,
    options: { sentences: config.summarizer.sentences, maxArticleChars: config.limits.maxArticleChars },
  });
  const poller = new Poller({
    catalog,
    reader,
    statuses,
    repository: articles,
    processor: {
      process: async (drafts, sourceId, now) => {
        const stored = await processor.process(drafts, sourceId, now);
        metrics.stored(stored);
        return stored;
      },
    },
    clock,
    logger,
    // A poll claims its source for the slot for five minutes; a longer one is handed to another instance.
    leases: new PollLeases(store, instanceId, 5 * 60_000),
    metrics,
    notices,
    onPolled: (outcomes) => {
      const { state, detail } = pollingHealth(outcomes, clock());
      health.report('polling', state, detail);
    },
    options: {
      teaserMaxWords: config.polling.teaserMaxWords,
      completeTeasers: config.polling.completeTeasers,
      maxTeaserFetchesPerPoll: config.polling.maxTeaserFetchesPerPoll,
      backoffBaseMs: config.polling.backoffBaseSeconds * 1000,
      backoffMaxMs: config.polling.backoffMaxSeconds * 1000,
      defaultSchedule: config.polling.schedule,
      // Two at a time keeps both cores busy (this thread parses and stores while the analysis worker
      // works); four held twice the drafts in memory waiting for that worker, and ingested no faster.
      concurrency: 2,
    },
  });
  const admission = new SourceAdmission({
    catalog,
    chatSources,
    reader,
    poller,
    policy: addressPolicyFromConfig(config),
    clock,
  });
  const summarizer = await createStorySummarizer({ config, store, logger, clock, metrics });
  const webLogins = new LoginLinks(store, clock, config.web);
  const digests = new DigestBuilder(
    articles,
    { ...config.digest, sentences: config.summarizer.sentences },
    { summarizer, logger, visibility: (chat) => chatSources.visibleTo(chat), stories: stories ?? undefined },
  );
  const scheduler = new PollScheduler({
    poller,
    catalog,
    defaultSchedule: config.polling.schedule,
    timeZone: config.digest.timeZone,
    logger,
  });
  const services: Services = {
    config,
    clock,
    logger,
    catalog,
    chatSources,
    notices,
    statuses,
    admission,
    poller,
    articles,
    stories,
    quotes,
    digests,
    pages: new PageStore(store),
    subscriptions: new SubscriptionStore(store, clock, {
      deliveryTime: config.digest.deliveryTime,
      timeZone: config.digest.timeZone,
      language: config.digest.language,
    }),
    // Only read by commands; the options matter to claims, which the delivery service makes.
    deliveries: new DeliveryLedger(store, {
      leaseMs: config.digest.deliveryLeaseSeconds * 1000,
      maxAttemptsPerDay: MAX_ATTEMPTS_PER_DAY,
    }),
    commands,
    i18n,
    languages,
    web: webLogins,
  };
  const heartbeat = new Heartbeat(store, clock, health);
  return {
    services,
    instanceId,
    store,
    scheduler,
    health,
    heartbeat,
    metrics,
    metricsRegistry: prometheus?.registry ?? null,
    webLogins,
    async close() {
      await heartbeat.stop();
      await scheduler.stop();
      poller.stop();
      await poller.idle();
      await analyzers.close();
      await fetcher.close();
      await store.close();
    },
  };
}

/** The HTTP fetcher with the config's limits; also used by `quotewire extract`, which needs no store. */
export function createFetcherFromConfig(config: AppConfig): { fetch: Fetch; close(): Promise<void> } {
  const fetcher = createHttpFetcher({
    timeoutMs: config.polling.timeoutSeconds * 1000,
    maxBytes: config.polling.maxBytes,
    maxRedirects: config.polling.maxRedirects,
    userAgent: config.polling.userAgent,
    addressPolicy: addressPolicyFromConfig(config),
  });
  return { fetch: (url, conditional) => fetcher.fetch(url, conditional), close: () => fetcher.close() };
}

function addressPolicyFromConfig(config: AppConfig) {
  return { allowLoopback: config.polling.allowLoopback, allowPrivate: config.polling.allowPrivateAddresses };
}
