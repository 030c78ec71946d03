import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { hostname } from 'node:os';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { DeliveryMetrics } from '../metrics/metrics.js';
import type { Digest } from '../digest/digest.js';
import { describeError } from '../kernel/describe-error.js';
import { StoreUnavailableError, type Collection, type Store } from '../store/store.js';
import { DeliveryLedger, MAX_ATTEMPTS_PER_DAY, type Claim } from './delivery-ledger.js';
import { ArticleWords, filterKey, storyFilter } from './chat-filters.js';
import { dueSlot } from './delivery-schedule.js';
import { migrateChat, type ChatMigration } from './chat-migration.js';
import { labelsFor, type ConfiguredDigestWords } from './digest-labels.js';
import type { Translations } from '../i18n/translations.js';
import type { DigestSender, SendOutcome } from './digest-sender.js';
import type { Subscription, SubscriptionPlatform } from './subscription.js';
import type { SubscriptionStore } from './subscription-store.js';
import type { DigestProvider } from './topic-digest.js';

/** Tuning of the fan-out; every field has a sensible default. */
export interface DeliveryOptions {
  /** Chats sent to at once. The platform's throttle spaces the messages; this only keeps it fed. */
  concurrency: number;
  /** Failed attempts per chat and day before giving up until tomorrow. */
  maxAttemptsPerDay: number;
  /**
   * How long a claim on one chat's digest holds without news from its instance: the instance renews
   * the claims it holds every fifth of this (a heartbeat), and every confirmed message renews it too;
   * after that, another instance (or this one restarted) resumes the chat. Short is fine: it is how
   * long a dead instance's chats wait, not how long a send may take.
   */
  leaseMs: number;
  /** This instance's name in the ledger: unique per process, even on one host. */
  instanceId: string;
  /** Extra languages for the digest's fixed words (config `digest.languages`). */
  languages: Readonly<Record<string, Partial<ConfiguredDigestWords>>>;
}

/** What one tick did, for logs and tests. */
export interface TickReport {
  due: number;
  sent: number;
  failed: number;
  paused: number;
  moved: number;
  digestsBuilt: number;
}

interface Job {
  subscription: Subscription;
  /** The local day the digest is for. */
  day: string;
  /** The ledger's key for this delivery: the day, or `day@HH:MM` for a second one that day. */
  slot: string;
  digestId: string;
  /** See DeliveryService's `audienceOf`. */
  audience: string;
}

const DIGEST_TTL_MS = 2 * 86_400_000;
const LEDGER_BATCH = 500;
/**
 * A claim whose sender has confirmed nothing for this long (a request that hangs) is no longer
 * renewed, so its lease lapses and another instance resumes the chat, as it would after a crash.
 */
const STALLED_AFTER_MS = 2 * 60_000;

/** A claim this instance holds, for the heartbeat. */
interface Held {
  claim: Claim;
  /** When its sender last made progress (claimed, or a message confirmed), by the clock. */
  since: number;
  /** Set when the heartbeat found the claim taken over: the sender stops at the next message. */
  lost: boolean;
}

/**
 * Daily delivery, the same for every platform. On each tick (every minute in production, by hand in
 * tests) it finds the subscriptions whose local delivery time has passed today and that the ledger
 * has not finished, builds the digest once per distinct set of topics, and hands each chat to its
 * platform's {@link DigestSender}, many chats at once so that one slow or failing chat never delays
 * the others.
 *
 * Exactly once, and what a crash does: the ledger gets `sending` before the first message of a
 * chat's digest, `partsSent` after every message the platform confirms, and `sent` after the last.
 * A record still `sending` after a crash (or `failed`) is resumed from the first unconfirmed message
 * of the same digest snapshot. So a crash never skips a chat, and never repeats a confirmed message;
 * the one message that was in flight when the process died is sent again (at-least-once for that
 * message only), because a missing daily digest is worse than a rare duplicate and Telegram offers no
 * way to ask whether a message arrived. The window is the few milliseconds between the platform
 * accepting a message and the ledger write that follows.
 */
export class DeliveryService {
  private readonly ledger: DeliveryLedger;
  private readonly snapshots: Collection<Digest>;
  private readonly senders: Map<SubscriptionPlatform, DigestSender>;
  private readonly options: DeliveryOptions;
  private running: Promise<TickReport> | null = null;
  /** Articles' folded words for chats' filters, read once for every chat of a tick. */
  private readonly words = new ArticleWords();
  private stopping = false;
  /** Ends a wait for another instance's lease at once when the service stops. */
  private readonly stopped = new AbortController();
  /** Claims held now, by ledger key: renewed together by the heartbeat while a tick runs. */
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly deps: {
      store: Store;
      subscriptions: SubscriptionStore;
      digests: DigestProvider;
      senders: readonly DigestSender[];
      clock: Clock;
      logger: Logger;
      /** The message catalogues: each chat's digest comes with its words in the chat's language. */
      translations: Translations;
      options?: Partial<DeliveryOptions>;
      metrics?: DeliveryMetrics;
      /**
       * Whose digest a chat gets ('' for the one every chat shares; a chat key when the chat reads
       * sources of its own, see ChatSources.audienceKey). Everyone shares one when not given.
       */
      audienceOf?: (platform: SubscriptionPlatform, chatId: string) => Promise<string>;
    },
  ) {
    this.snapshots = deps.store.collection<Digest>('delivery-digests');
    this.senders = new Map(deps.senders.map((sender) => [sender.platform, sender]));
    this.options = {
      concurrency: 64,
      maxAttemptsPerDay: MAX_ATTEMPTS_PER_DAY,
      leaseMs: 2 * 60_000,
      instanceId: `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`,
      languages: {},
      ...deps.options,
    };
    this.ledger = new DeliveryLedger(deps.store, this.options);
  }

  /** Delivers everything due now. A tick asked for while one runs returns that one's report. */
  tick(): Promise<TickReport> {
    if (this.running) return this.running;
    this.running = this.runTick().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Starts no new chat; resolves when the chats under way are done. Chats not started stay due in
   * the ledger and go out after the restart.
   */
  async stop(): Promise<void> {
    this.stopping = true;
    this.stopped.abort();
    await this.running?.catch(() => undefined);
  }

  /**
   * A chat got a new id (a group became a supergroup): moves its subscriptions, their settings and
   * today's ledger records, its language and its own sources (see {@link migrateChat}), so the new
   * id is neither skipped nor sent a second digest today. Running it again changes nothing.
   */
  async moveChat(
    platform: SubscriptionPlatform,
    fromChatId: string,
    toChatId: string,
  ): Promise<ChatMigration> {
    const moved = await migrateChat(this.deps.store, this.deps.clock(), platform, fromChatId, toChatId);
    if (moved.subscriptions.length || moved.sources || moved.language) {
      this.deps.logger.info(
        `${platform} chat ${fromChatId} moved to ${toChatId}: ${moved.subscriptions.length} subscription(s), ${moved.sources} source(s)`,
      );
    }
    return moved;
  }

  private async runTick(): Promise<TickReport> {
    const report: TickReport = { due: 0, sent: 0, failed: 0, paused: 0, moved: 0, digestsBuilt: 0 };
    if (this.stopping) return report;
    const now = this.deps.clock();
    const first = await this.dueJobs(now, new Set());
    report.due = first.jobs.length;
    if (first.jobs.length === 0) return report;

    const heartbeat = setInterval(() => void this.heartbeat(), Math.max(200, this.options.leaseMs / 5));
    heartbeat.unref();
    try {
      const jobs = [...first.jobs];
      const digests = await this.prepareDigests(jobs, now, report);
      /** Chats this tick claimed: tried once per tick, so a failing one waits for the next tick. */
      const claimed = new Set<string>();
      let next = 0;
      let refilling: Promise<boolean> | null = null;
      /** A look found nothing more: the rest is the next tick's. */
      let exhausted = false;
      // When the list runs out, look again at once instead of waiting for the next tick: chats of a
      // dead instance whose lease lapsed meanwhile go out now, and when another instance's claims are
      // about to lapse, wait for that rather than idling until the next tick.
      const refill = async (): Promise<boolean> => {
        for (;;) {
          if (this.stopping) return false;
          const at = this.deps.clock();
          const more = await this.dueJobs(at, claimed, false);
          if (more.jobs.length > 0) {
            report.due += more.jobs.length;
            const built = await this.prepareDigests(more.jobs, at, report);
            for (const [id, digest] of built) digests.set(id, digest);
            jobs.push(...more.jobs);
            return true;
          }
          const lapsesAt = more.lapsesAt;
          if (lapsesAt === null) return false;
          await sleep(Math.max(50, lapsesAt - at.getTime() + 50), undefined, {
            signal: this.stopped.signal,
          }).catch(() => undefined);
          // A clock that does not move (a test's) would wait for ever.
          if (this.deps.clock().getTime() < lapsesAt) return false;
        }
      };
      const worker = async () => {
        while (!this.stopping) {
          if (next >= jobs.length) {
            if (exhausted) return;
            refilling ??= refill().finally(() => (refilling = null));
            if (!(await refilling)) exhausted = true;
            continue;
          }
          const job = jobs[next++]!;
          const digest = digests.get(job.digestId);
          if (digest) await this.deliver(job, digest, report, jobs, claimed);
        }
      };
      await Promise.all(Array.from({ length: this.options.concurrency }, worker));
    } finally {
      clearInterval(heartbeat);
    }
    this.deps.logger.info(
      `delivery: ${report.sent} sent, ${report.failed} failed, ${report.paused} paused, ${report.moved} moved of ${report.due} due`,
    );
    return report;
  }

  /**
   * Records an outcome, again and again while the store is away (a Redis restart): a message the
   * platform accepted must not go out a second time for want of its record. Not for longer than a
   * lease, after which the claim may be another instance's (the fenced write then refuses anyway).
   */
  private async recording<T>(write: () => Promise<T>): Promise<T> {
    const until = Date.now() + this.options.leaseMs;
    for (;;) {
      try {
        return await write();
      } catch (error) {
        if (!(error instanceof StoreUnavailableError) || Date.now() >= until) throw error;
        await sleep(250);
      }
    }
  }

  /**
   * Renews the leases of the claims this instance holds; a claim found taken over is marked lost,
   * and one whose sender is stuck is left to lapse.
   */
  private async heartbeat(): Promise<void> {
    const now = this.deps.clock();
    const live = [...this.held.values()].filter(
      (held) => !held.lost && now.getTime() - held.since < STALLED_AFTER_MS,
    );
    try {
      const lost = new Set(
        await this.ledger.renew(
          live.map((held) => held.claim),
          now,
        ),
      );
      for (const held of live) if (lost.has(held.claim)) held.lost = true;
    } catch {
      // The store is away (logged once by its own watch): the next beat tries again, and a lease
      // that lapses meanwhile is what it is for.
    }
  }

  /**
   * Subscriptions due now whose ledger record for the day says there is still something to send,
   * leaving out `skip` (ledger keys this tick claimed already), and with `retryFailed` false, the
   * failed ones (those wait for the next tick). `lapsesAt`: when the first claim of another instance
   * that looks dead (two heartbeats missed) lapses, null when none does.
   */
  private async dueJobs(
    now: Date,
    skip: ReadonlySet<string>,
    retryFailed = true,
  ): Promise<{ jobs: Job[]; lapsesAt: number | null }> {
    const candidates: { subscription: Subscription; day: string; slot: string }[] = [];
    for (const subscription of await this.deps.subscriptions.list()) {
      if (subscription.paused || !this.senders.has(subscription.platform)) continue;
      // Instant-only chats get no digest.
      if (subscription.mode === 'instant') continue;
      const due = dueSlot(subscription, now);
      if (!due || skip.has(ledgerKey(subscription.id, due.slot))) continue;
      candidates.push({ subscription, ...due });
    }
    const jobs: Job[] = [];
    let lapsesAt: number | null = null;
    for (let i = 0; i < candidates.length; i += LEDGER_BATCH) {
      const batch = candidates.slice(i, i + LEDGER_BATCH);
      const records = await this.ledger.getMany(
        batch.map(({ subscription, slot }) => ({ subscriptionId: subscription.id, day: slot })),
      );
      // A first look only: the claim before sending decides, in a transaction.
      const open = batch.flatMap((candidate, index) => {
        const record = records[index];
        if (record?.state === 'sending' && record.leaseUntil) {
          const lapses = Date.parse(record.leaseUntil);
          const left = lapses - now.getTime();
          if (left > 0 && left < this.options.leaseMs * 0.6) lapsesAt = Math.min(lapsesAt ?? lapses, lapses);
        }
        if (!this.ledger.needsWork(record, now)) return [];
        if (!retryFailed && record?.state === 'failed') return [];
        return [{ ...candidate, record }];
      });
      // Whose digest each chat gets, asked only of the chats that need one, all at once.
      const audiences = await Promise.all(
        open.map(({ subscription }) => this.deps.audienceOf?.(subscription.platform, subscription.chatId)),
      );
      open.forEach(({ subscription, day, slot, record }, index) => {
        const audience = audiences[index] ?? '';
        const resumes = record && record.partsSent > 0 && record.digestId;
        const digestId = resumes ? record.digestId! : freshDigestId(now, subscription, audience);
        jobs.push({ subscription, day, slot, digestId, audience });
      });
    }
    return { jobs, lapsesAt };
  }

  /** One digest per distinct topic set, stored as a snapshot so a resumed delivery sends the same one. */
  private async prepareDigests(
    jobs: readonly Job[],
    now: Date,
    report: TickReport,
  ): Promise<Map<string, Digest>> {
    const digests = new Map<string, Digest>();
    for (const job of jobs) {
      if (digests.has(job.digestId)) continue;
      const stored = await this.snapshots.get(job.digestId);
      if (stored) {
        digests.set(job.digestId, stored);
        continue;
      }
      try {
        const built = await this.build(now, job.subscription, job.audience);
        // Instances ticking in the same minute build the same snapshot: the first one stored wins,
        // so every chat of that minute gets the very same digest.
        const digest = await this.deps.store.transact(async (tx) => {
          const first = await tx.get<Digest>('delivery-digests', job.digestId);
          if (first) return first;
          tx.set('delivery-digests', job.digestId, built, DIGEST_TTL_MS);
          return built;
        });
        digests.set(job.digestId, digest);
        report.digestsBuilt++;
      } catch (error) {
        // Those chats stay due and are tried again on the next tick.
        this.deps.logger.error(`delivery: building the digest failed: ${describeError(error)}`);
      }
    }
    // A snapshot that expired cannot be resumed: those chats get today's digest from where they were.
    for (const job of jobs) {
      if (digests.has(job.digestId)) continue;
      const fresh = freshDigestId(now, job.subscription, job.audience);
      const digest =
        digests.get(fresh) ?? (await this.build(now, job.subscription, job.audience).catch(() => undefined));
      if (digest) digests.set(job.digestId, digest);
    }
    return digests;
  }

  /** The digest of a subscription's topics, with its chat's own sources, through its filters. */
  private build(now: Date, subscription: Subscription, audience: string): Promise<Digest> {
    return this.deps.digests(now, subscription.topics, {
      audience,
      accept: storyFilter(subscription.filters, this.words),
    });
  }

  private async deliver(
    job: Job,
    digest: Digest,
    report: TickReport,
    queue: Job[],
    claimed: Set<string>,
  ): Promise<void> {
    const { subscription, slot } = job;
    const key = ledgerKey(subscription.id, slot);
    const claim = await this.ledger.claim(
      subscription.id,
      slot,
      this.options.instanceId,
      this.deps.clock(),
      job.digestId,
    );
    // Another instance has it (or finished it) since the due list was read.
    if (!claim) return;
    claimed.add(key);
    const held: Held = { claim, since: this.deps.clock().getTime(), lost: false };
    this.held.set(key, held);
    try {
      await this.sendClaimed(job, digest, claim, held, report, queue);
    } finally {
      this.held.delete(key);
    }
  }

  private async sendClaimed(
    job: Job,
    digest: Digest,
    claim: Claim,
    held: Held,
    report: TickReport,
    queue: Job[],
  ): Promise<void> {
    const { subscription, day } = job;
    const snapshot = claim.digestId === job.digestId ? digest : await this.snapshots.get(claim.digestId);
    const sender = this.senders.get(subscription.platform)!;
    let lost = false;
    let outcome: SendOutcome;
    try {
      outcome = await sender.send(
        {
          chatId: subscription.chatId,
          threadId: subscription.threadId,
          labels: labelsFor(subscription.language, this.options.languages, this.deps.translations),
          images: subscription.images !== false,
          silent: subscription.silent === true,
        },
        { ...(snapshot ?? digest), date: day },
        {
          fromPart: claim.partsSent,
          partSent: async (index, last) => {
            if (last) {
              claim.partsSent = index + 1;
              return true;
            }
            held.since = this.deps.clock().getTime();
            lost = held.lost || !(await this.ledger.progress(claim, index + 1, this.deps.clock()));
            // Between two messages is where a shutdown stops a long digest: the rest goes out after
            // the restart, from the next message on.
            return !lost && !this.stopping;
          },
        },
      );
    } catch (error) {
      outcome = { kind: 'failed', reason: describeError(error) };
    }
    if (lost) {
      this.deps.logger.warn(`delivery to ${subscription.id}: another instance took it over; stopped here`);
      return;
    }
    this.deps.metrics?.delivered(outcome.kind, claim.attempts);
    try {
      await this.settle(job, claim, outcome, report, queue);
      if (outcome.topicGone) await this.moveToChat(subscription, job.slot, outcome.topicGone);
    } catch (error) {
      this.deps.logger.error(
        `delivery to ${subscription.id}: recording the outcome failed: ${describeError(error)}`,
      );
    }
  }

  /**
   * The subscription's forum topic or thread is gone and the sender went on in the chat itself: the
   * subscription moves there, with today's ledger record, so the rest (or tomorrow's digest) goes
   * straight to the chat and the admins' notice is not repeated.
   */
  private async moveToChat(subscription: Subscription, slot: string, reason: string): Promise<void> {
    const moved = await this.deps.subscriptions.moveToChat(subscription.id);
    if (!moved) return;
    const record = await this.ledger.get(subscription.id, slot);
    if (record && !moved.merged) await this.ledger.copy(record, moved.subscription.id);
    this.deps.logger.warn(
      `delivery: ${subscription.id}: its topic is gone (${reason}); moved to ${moved.subscription.id}`,
    );
  }

  private async settle(
    job: Job,
    claim: Claim,
    outcome: SendOutcome,
    report: TickReport,
    queue: Job[],
  ): Promise<void> {
    const { subscription } = job;
    const now = this.deps.clock();
    switch (outcome.kind) {
      case 'sent':
        await this.recording(() => this.ledger.finish(claim, 'sent', now));
        report.sent++;
        return;
      case 'stopped':
        await this.recording(() => this.ledger.release(claim, now));
        return;
      case 'gone':
        await this.recording(() => this.ledger.finish(claim, 'skipped', now, outcome.reason));
        await this.deps.subscriptions.pause(subscription.id, outcome.reason);
        this.deps.logger.warn(`delivery: paused ${subscription.id}: ${outcome.reason}`);
        report.paused++;
        return;
      case 'moved': {
        await this.recording(() => this.ledger.finish(claim, 'skipped', now, `moved to ${outcome.chatId}`));
        const moved = await this.deps.subscriptions.moveChat(
          subscription.platform,
          subscription.chatId,
          outcome.chatId,
        );
        this.deps.logger.info(`delivery: ${subscription.id} moved to chat ${outcome.chatId}`);
        report.moved++;
        // Today's digest still goes out, to the new id, in this same tick.
        for (const next of moved) {
          if (next.threadId === subscription.threadId) {
            queue.push({
              subscription: next,
              day: job.day,
              slot: job.slot,
              digestId: claim.digestId,
              audience: job.audience,
            });
          }
        }
        return;
      }
      case 'failed': {
        const givingUp = claim.attempts >= this.options.maxAttemptsPerDay;
        await this.recording(() =>
          this.ledger.finish(claim, givingUp ? 'gave-up' : 'failed', now, outcome.reason),
        );
        report.failed++;
        this.deps.logger.warn(
          `delivery to ${subscription.id} failed (attempt ${claim.attempts}): ${outcome.reason}${givingUp ? '; giving up for today' : '; will retry'}`,
        );
      }
    }
  }
}

/**
 * The snapshot's key: the minute and topics, plus the chat's own-sources audience and its filters
 * when it has them (such a chat gets a digest of its own; the others share by topics).
 */
function freshDigestId(
  now: Date,
  subscription: Pick<Subscription, 'topics' | 'filters'>,
  audience: string,
): string {
  const filters = filterKey(subscription.filters);
  return [
    now.toISOString().slice(0, 16),
    subscription.topics.join(','),
    ...(audience ? [audience] : []),
    ...(filters ? [`filters=${filters}`] : []),
  ].join('|');
}

function ledgerKey(subscriptionId: string, slot: string): string {
  return `${slot}|${subscriptionId}`;
}
