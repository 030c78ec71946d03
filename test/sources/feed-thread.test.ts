import { afterAll, describe, expect, it } from 'vitest';
import { feedDrafts } from '../../src/sources/feed-drafts.js';
import { FeedParseError } from '../../src/sources/feed-parser.js';
import {
  FEED_WORKER_LIMITS,
  FeedThread,
  OFF_THREAD_CHARS,
  startFeedWorker,
} from '../../src/sources/feed-thread.js';

const FEED_URL = 'https://big.example/feed.xml';

/** An RSS feed of `items` items with HTML bodies, long enough to be parsed off the main thread. */
function bigFeed(items: number, broken = false): string {
  const body = '<p>The council met again on Tuesday &amp; talked late into the night.</p>'.repeat(8);
  const entries = Array.from(
    { length: items },
    (_, n) =>
      `<item><title>Story ${n} &#8212; update</title><link>/stories/${n}</link><guid>story-${n}</guid>` +
      `<pubDate>Wed, 17 Jan 2018 15:50:00 GMT</pubDate><description><![CDATA[${body}]]></description></item>`,
  ).join('\n');
  const end = broken ? '</channel>' : '</channel></rss>';
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title><link>https://big.example/</link>${entries}${end}`;
}

/** Whether the main thread got a turn (a setImmediate ran) before `work` settled. */
async function mainThreadTurnedFirst(work: Promise<unknown>): Promise<boolean> {
  const order: string[] = [];
  setImmediate(() => order.push('turn'));
  await work.then(
    () => order.push('settled'),
    () => order.push('settled'),
  );
  await new Promise((resolve) => setImmediate(resolve));
  return order[0] === 'turn';
}

describe('FeedThread', () => {
  const thread = new FeedThread();
  afterAll(() => thread.close());

  it('reads a large feed on its own thread, while this thread goes on working', async () => {
    const text = bigFeed(3000);
    expect(text.length).toBeGreaterThan(OFF_THREAD_CHARS);
    const reading = thread.parse(text, FEED_URL, 5000);
    expect(await mainThreadTurnedFirst(reading)).toBe(true);
    const result = await reading;
    expect(result).toEqual(feedDrafts(text, FEED_URL, 5000));
    expect(result.drafts).toHaveLength(3000);
    expect(result.drafts[2]).toMatchObject({
      title: 'Story 2 — update',
      url: 'https://big.example/stories/2',
      source: 'Big',
    });
  });

  it('starts its thread with a bounded young generation', async () => {
    const worker = startFeedWorker();
    try {
      expect(FEED_WORKER_LIMITS.maxYoungGenerationSizeMb).toBe(12);
      expect(worker.resourceLimits?.maxYoungGenerationSizeMb).toBe(12);
    } finally {
      await worker.terminate();
    }
  });

  it('reads a small feed in place: handing it to a thread would cost more', async () => {
    const text = bigFeed(3);
    expect(await mainThreadTurnedFirst(thread.parse(text, FEED_URL, 10))).toBe(false);
    expect((await thread.parse(text, FEED_URL, 2)).drafts).toHaveLength(2);
  });

  it('refuses a large broken feed with the same sentence as in place', async () => {
    const text = bigFeed(3000, true);
    const inPlace = (() => {
      try {
        feedDrafts(text, FEED_URL, 10);
      } catch (error) {
        return error as FeedParseError;
      }
      throw new Error('expected a refusal');
    })();
    const offThread = await thread.parse(text, FEED_URL, 10).catch((error: unknown) => error);
    expect(offThread).toBeInstanceOf(FeedParseError);
    expect((offThread as FeedParseError).message).toBe(inPlace.message);
    expect((offThread as FeedParseError).message).toMatch(/cut off/);
  });

  it('reads feeds in place once closed', async () => {
    const closed = new FeedThread();
    await closed.parse(bigFeed(3000), FEED_URL, 1);
    await closed.close();
    const text = bigFeed(3000);
    const reading = closed.parse(text, FEED_URL, 1);
    expect(await mainThreadTurnedFirst(reading)).toBe(false);
    expect((await reading).drafts).toHaveLength(1);
  });
});
