/**
 * One tick of instant delivery over a stored day, for the digest bench: chats in instant mode, each
 * with room for ten posts, and a sender that confirms every post at once (the platforms are not
 * what is measured). Timed both ways a tick finds its stories: from the story tracker, which reads
 * whole only the stories it posts, and by reading its window whole and clustering it.
 */
import { join } from 'node:path';
import type { ArticleRepository } from '../src/articles/article-repository.js';
import type { DigestSender } from '../src/delivery/digest-sender.js';
import { InstantService } from '../src/delivery/instant-service.js';
import { SubscriptionStore } from '../src/delivery/subscription-store.js';
import { Translations } from '../src/i18n/translations.js';
import { packageRoot } from '../src/kernel/package-root.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { QuoteIndex } from '../src/quotes/quote-index.js';
import type { Store } from '../src/store/store.js';
import type { StoryTracker } from '../src/stories/story-tracker.js';

const CHATS = 20;

/** Seconds one tick took and the posts it made: from `tracker`'s stories, or without one by clustering the window. */
export async function timeInstantTick(
  store: Store,
  repository: ArticleRepository,
  tracker: StoryTracker | undefined,
  now: Date,
  /** Names this call's chats, so that each call's chats are new to the ledger of the shared store. */
  run: string,
): Promise<{ seconds: number; posts: number }> {
  const subscriptions = new SubscriptionStore(store, () => now, {
    deliveryTime: '08:00',
    timeZone: 'UTC',
    language: 'en',
  });
  const since = new Date(now.getTime() - 24 * 3_600_000).toISOString();
  for (let chat = 0; chat < CHATS; chat++) {
    await subscriptions.subscribe(
      { platform: 'telegram', chatId: `${run}-${chat}`, threadId: null },
      { mode: 'instant', instant: { everyMinutes: 1, perHour: 10, since } },
    );
  }
  let posts = 0;
  const sender: DigestSender = {
    platform: 'telegram',
    send: async () => ({ kind: 'sent' }),
    post: async () => {
      posts++;
      return { kind: 'sent' };
    },
  };
  const service = new InstantService({
    store,
    subscriptions,
    articles: repository,
    ...(tracker ? { stories: tracker } : {}),
    quotes: new QuoteIndex(store, repository),
    senders: [sender],
    clock: () => now,
    logger: createMemoryLogger(),
    translations: Translations.load(join(packageRoot(), 'locales')),
    options: {
      everyMinutes: 1,
      minEveryMinutes: 1,
      perHour: 10,
      maxPerHour: 30,
      holdHours: 12,
      windowHours: 24,
      instanceId: 'bench',
      leaseMs: 60_000,
      concurrency: 4,
      maxAttempts: 5,
    },
  });
  const started = process.hrtime.bigint();
  await service.tick();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Every subscription this call made goes, so that the next call's tick posts to its own chats only.
  for (let chat = 0; chat < CHATS; chat++) {
    await subscriptions.unsubscribe({ platform: 'telegram', chatId: `${run}-${chat}`, threadId: null });
  }
  return { seconds, posts };
}
