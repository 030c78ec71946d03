/**
 * The operator console's data, as plain JSON for its pages and /api/console/: sources with their
 * status, subscriptions with their next and last delivery, a chat's next digest, the LLM's budget
 * and cache, and each part's health. Changes go through the same services as the chat commands
 * (SourceAdmission, SourceCatalog), so the web can do nothing a chat operator could not.
 * Nothing secret is in any of it: no token or key, and source addresses without their credentials.
 */
import type { Services } from '../chat/services.js';
import type { DeliveryRecord } from '../delivery/delivery-ledger.js';
import { daySlots, localDay, nextDelivery } from '../delivery/delivery-schedule.js';
import { topicDigestProvider } from '../delivery/topic-digest.js';
import { ArticleWords, storyFilter } from '../delivery/chat-filters.js';
import { chatKey } from '../sources/source-catalog.js';
import type { HealthMonitor, HealthSnapshot } from '../health/health-monitor.js';
import { displayUrl } from '../sources/address-policy.js';
import type { SourceStatus } from '../sources/source-status.js';
import type { Store } from '../store/store.js';
import type { CachedSummary } from '../summaries/summary-cache.js';
import type { DailyUsage } from '../summaries/token-budget.js';
import { webDigest, type DayView } from './archive-views.js';

export interface ConsoleSource {
  id: string;
  /** The address without any user name or password in it. */
  location: string;
  /** `chat`: added by a chat's admins for that chat (see ChatSources). */
  origin: 'config' | 'added' | 'chat';
  addedBy: string | null;
  addedAt: string | null;
  schedule: string | null;
  state: 'ok' | 'failing' | 'new';
  status: Omit<SourceStatus, 'validators'>;
}

export interface ConsoleSources {
  sources: ConsoleSource[];
  /** Config sources an operator removed. */
  removed: { id: string; location: string; removedAt: string; removedBy: string | null }[];
}

export interface ConsoleSubscription {
  id: string;
  platform: string;
  chatId: string;
  threadId: string | null;
  topics: string[];
  deliveryTime: string;
  timeZone: string;
  language: string;
  paused: { reason: string; at: string } | null;
  createdAt: string;
  /** Null while paused. */
  nextDelivery: string | null;
  /** The latest day's record in the delivery ledger (kept about a week). */
  lastDelivery: {
    day: string;
    state: DeliveryRecord['state'];
    partsSent: number;
    attempts: number;
    updatedAt: string;
    /** The instance that holds (while sending) or last held the ledger's claim. */
    owner: string;
    /** While sending: when the claim lapses and another instance may resume the delivery. */
    leaseUntil: string | null;
    lastError?: string;
  } | null;
}

export interface ConsoleLlm {
  engine: 'offline' | 'openai';
  model: string | null;
  /** The server's address without credentials; null for OpenAI's own. */
  server: string | null;
  budget: {
    dailyLimit: number;
    /** UTC days, newest first. */
    days: { day: string; promptTokens: number; completionTokens: number; calls: number }[];
    usedToday: number;
  };
  cache: { summaries: number; rejected: number };
}

export interface ConsoleOverview {
  now: string;
  health: HealthSnapshot;
  sources: { total: number; failing: number; removed: number };
  subscriptions: { total: number; paused: number };
  store: string;
}

/** A chat's next digest, as its page shows it. */
export interface ConsolePreview extends Pick<DayView, 'stats' | 'topic' | 'stories' | 'quoteOfTheDay'> {
  subscription: ConsoleSubscription;
  builtAt: string;
}

/** What a change did, in a sentence for the operator. */
export interface ChangeResult {
  ok: boolean;
  message: string;
  sourceId?: string;
}

/** Days of the ledger searched for a subscription's last delivery (records are kept eight). */
const LEDGER_DAYS = 8;
/** Days of LLM use shown. */
const USAGE_DAYS = 7;

export class ConsoleData {
  constructor(private readonly deps: { services: Services; store: Store; health: HealthMonitor }) {}

  async overview(): Promise<ConsoleOverview> {
    const [{ sources, removed }, subscriptions] = await Promise.all([
      this.sources(),
      this.deps.services.subscriptions.list(),
    ]);
    return {
      now: this.deps.services.clock().toISOString(),
      health: this.deps.health.snapshot(),
      sources: {
        total: sources.length,
        failing: sources.filter((source) => source.state === 'failing').length,
        removed: removed.length,
      },
      subscriptions: {
        total: subscriptions.length,
        paused: subscriptions.filter((subscription) => subscription.paused).length,
      },
      store: this.deps.store.description,
    };
  }

  async sources(): Promise<ConsoleSources> {
    const { catalog, statuses } = this.deps.services;
    const [active, hidden] = await Promise.all([catalog.list(), catalog.hidden()]);
    const sources = await Promise.all(
      active.map(async (source): Promise<ConsoleSource> => {
        const { validators: _validators, ...status } = await statuses.get(source.id);
        return {
          id: source.id,
          location: shownLocation(source.url),
          origin: source.origin,
          addedBy: source.addedBy,
          addedAt: source.addedAt,
          schedule: source.schedule,
          state: status.lastError ? 'failing' : status.lastSuccessAt ? 'ok' : 'new',
          status,
        };
      }),
    );
    return {
      sources,
      removed: hidden.map((source) => ({
        id: source.id,
        location: shownLocation(source.url),
        removedAt: source.removedAt,
        removedBy: source.removedBy,
      })),
    };
  }

  async subscriptions(): Promise<ConsoleSubscription[]> {
    const now = this.deps.services.clock();
    const all = (await this.deps.services.subscriptions.list()).sort((a, b) => a.id.localeCompare(b.id));
    // Newest first: each day's slots (a second digest that day is `day@HH:MM`), today back.
    const keysOf = all.map((subscription) => {
      let day = localDay(now, subscription.timeZone);
      return Array.from({ length: LEDGER_DAYS }, () => {
        const keys = daySlots(subscription, day).map((slot) => ({
          subscriptionId: subscription.id,
          day: slot,
        }));
        day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
        return keys;
      }).flat();
    });
    const records = await this.deps.services.deliveries.getMany(keysOf.flat());
    let offset = 0;
    return all.map((subscription, index) => {
      const count = keysOf[index]!.length;
      const latest = records
        .slice(offset, (offset += count))
        .find((record): record is DeliveryRecord => record !== undefined);
      return {
        id: subscription.id,
        platform: subscription.platform,
        chatId: subscription.chatId,
        threadId: subscription.threadId,
        topics: subscription.topics,
        deliveryTime: subscription.deliveryTime,
        timeZone: subscription.timeZone,
        language: subscription.language,
        paused: subscription.paused,
        createdAt: subscription.createdAt,
        nextDelivery: subscription.paused ? null : nextDelivery(subscription, now).toISOString(),
        lastDelivery: latest
          ? {
              day: latest.day,
              state: latest.state,
              partsSent: latest.partsSent,
              attempts: latest.attempts,
              updatedAt: latest.updatedAt,
              owner: latest.owner,
              leaseUntil: latest.state === 'sending' ? latest.leaseUntil : null,
              ...(latest.lastError ? { lastError: latest.lastError } : {}),
            }
          : null,
      };
    });
  }

  /**
   * What a chat would get if its digest were built now (its topics, its own sources, its filters);
   * null for no such chat.
   */
  async preview(subscriptionId: string): Promise<ConsolePreview | null> {
    const subscription = (await this.subscriptions()).find((candidate) => candidate.id === subscriptionId);
    if (!subscription) return null;
    const { services } = this.deps;
    const now = services.clock();
    const stored = (await services.subscriptions.list()).find((candidate) => candidate.id === subscriptionId);
    // The chat's own digest: its own sources, through its filters.
    const audience = await services.chatSources.audienceKey(
      chatKey(subscription.platform, subscription.chatId),
    );
    const digest = await topicDigestProvider(services.digests, services.config.digest.maxStories)(
      now,
      subscription.topics,
      { audience, accept: storyFilter(stored?.filters, new ArticleWords()) },
    );
    return { subscription, builtAt: now.toISOString(), ...webDigest(digest, digest.window.until) };
  }

  /**
   * Adds a feed or page with the same checks as `/source add` in a chat: http(s) only (never the
   * server's files), the address policy, and one fetch that must work.
   */
  async addSource(location: string, addedBy: string): Promise<ChangeResult> {
    const result = await this.deps.services.admission.add(location, { id: addedBy, mayAddLocalFiles: false });
    if (result.kind === 'refused') return { ok: false, message: `Not added: ${result.reason}` };
    const verb = result.kind === 'restored' ? 'Restored the config source' : 'Added';
    const found =
      result.kind === 'added' && result.foundOn
        ? `${shownLocation(result.foundOn)} is a web page that links to its feed: `
        : '';
    return {
      ok: true,
      message: `${found}${verb} ${result.source.id} (${shownLocation(result.source.url)})${result.poll ? `: ${result.poll.newArticles} article(s) stored so far` : ', already read for some chats'}.`,
      sourceId: result.source.id,
    };
  }

  /** Stops reading a source, as `/source remove` does; its articles stay. */
  async removeSource(id: string, removedBy: string): Promise<ChangeResult> {
    const { catalog, clock } = this.deps.services;
    if (!(await catalog.remove(id, clock(), removedBy))) {
      return { ok: false, message: `No source "${id}".` };
    }
    const fromConfig = (await catalog.hidden()).some((source) => source.id === id);
    return {
      ok: true,
      message: fromConfig
        ? `Removed ${id}, a source of the config file: it stays off after a restart until it is restored. Its articles stay in the store.`
        : `Removed ${id}. Its articles stay in the store.`,
      sourceId: id,
    };
  }

  /** Reads a removed config source again, as `/source restore` does. */
  async restoreSource(id: string): Promise<ChangeResult> {
    const { catalog, poller } = this.deps.services;
    const source = await catalog.restore(id);
    if (!source) return { ok: false, message: `"${id}" is not a removed config source.` };
    const poll = await poller.pollSource(source, true);
    return {
      ok: true,
      message: `Restored ${source.id}: ${poll.newArticles} new article(s).`,
      sourceId: source.id,
    };
  }

  async llm(): Promise<ConsoleLlm> {
    const { config, clock } = this.deps.services;
    const { store } = this.deps;
    const openai = config.summarizer.openai;
    const today = clock().toISOString().slice(0, 10);
    const days = Array.from({ length: USAGE_DAYS }, (_, back) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - back * 86_400_000).toISOString().slice(0, 10),
    );
    const usage = await store.collection<DailyUsage>('llm-usage').getMany(days);
    const cache = { summaries: 0, rejected: 0 };
    for await (const [, entry] of store.collection<CachedSummary>('summaries').entries()) {
      if (entry.kind === 'summary') cache.summaries++;
      else cache.rejected++;
    }
    const used = usage[0] ? usage[0].promptTokens + usage[0].completionTokens : 0;
    const llm = config.summarizer.engine === 'openai';
    return {
      engine: config.summarizer.engine,
      model: llm ? openai.model : null,
      server: llm && config.endpoints.openaiBaseUrl ? shownLocation(config.endpoints.openaiBaseUrl) : null,
      budget: {
        dailyLimit: openai.dailyTokenBudget,
        usedToday: used,
        days: days.map((day, i) => ({
          day,
          promptTokens: usage[i]?.promptTokens ?? 0,
          completionTokens: usage[i]?.completionTokens ?? 0,
          calls: usage[i]?.calls ?? 0,
        })),
      },
      cache,
    };
  }
}

/** A source's address for the console: without credentials, which a feed URL may carry. */
function shownLocation(location: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(location)) return location;
  try {
    return displayUrl(new URL(location));
  } catch {
    return location;
  }
}
