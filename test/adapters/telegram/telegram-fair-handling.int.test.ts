/**
 * Fair handling and clean shutdown of the Telegram adapter, with the real grammY (and its runner)
 * against the fake Bot API: one flooding chat does not hold up another, a flood is answered with one
 * "slow down", and a stop in the middle of queued updates finishes or hands back each of them, so
 * that no reply reports a closed store and the next start answers exactly the ones not answered.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../src/adapters/telegram/telegram-adapter.js';
import { createApp, type App } from '../../../src/app/container.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../../helpers/fake-telegram-server.js';
import { FAST_LIMITS } from '../../helpers/telegram-test-api.js';
import { startTestApp } from '../../helpers/test-app.js';
import { startTestHttpServer } from '../../helpers/test-http-server.js';

const A = { id: 601, type: 'private' as const };
const B = { id: 602, type: 'private' as const };
const NO_FLOOD_LIMIT = { burst: 1_000_000, perMinute: 60_000_000 };

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()!();
});

async function setup(overrides: Partial<TelegramAdapterOptions> = {}) {
  const started = await startTestApp('sources: []\n');
  const fake = await startFakeTelegram();
  cleanups.push(() => fake.close());
  let app: App = started.app;
  let closed = false;
  cleanups.push(() => (closed ? Promise.resolve() : app.close()));
  const adapterFor = (current: App) =>
    new TelegramAdapter({
      token: '123:test',
      apiRoot: fake.apiRoot,
      services: current.services,
      store: current.store,
      logger: started.logger,
      operators: [],
      limits: { ...FAST_LIMITS, maxRetries: 0, maxRetryAfterSeconds: 1 },
      mode: 'polling',
      pollSeconds: 2,
      floodLimits: NO_FLOOD_LIMIT,
      ...overrides,
    });
  let adapter = adapterFor(app);
  cleanups.push(() => adapter.stop());
  await adapter.start();
  return {
    fake,
    logger: started.logger,
    get adapter() {
      return adapter;
    },
    get app() {
      return app;
    },
    /** Stops the adapter, then closes the app, as `quotewire start` does on SIGTERM. */
    async shutdown() {
      await adapter.stop();
      await app.close();
      closed = true;
    },
    /** A new app on the same store file and a new adapter against the same fake: the next start. */
    async restart() {
      app = await createApp(started.config, { logger: started.logger });
      closed = false;
      adapter = adapterFor(app);
      await adapter.start();
    },
  };
}

/** The texts the bot sent to a chat, in order. */
const textsTo = (fake: FakeTelegram, chat: { id: number }) => fake.sent(chat.id).map((m) => String(m.text));

/** Offsets confirmed to the fake so far: the highest `offset` any getUpdates sent. */
const confirmedOffset = (fake: FakeTelegram) =>
  Math.max(0, ...fake.callsOf('getUpdates').map((call) => Number(call.payload.offset ?? 0)));

describe('fair handling', () => {
  it("answers another chat's /help while 100 commands of one chat are still being answered", async () => {
    // One chat's replies are throttled to 10 a second, as Telegram throttles them (to one a second).
    const { fake } = await setup({
      limits: { ...FAST_LIMITS, perChatPerSecond: 10, maxRetries: 0, maxRetryAfterSeconds: 1 },
    });
    for (let i = 0; i < 100; i++) fake.pushUpdate(textUpdate('/help', A, A));
    fake.pushUpdate(textUpdate('/help', B, B));

    await expect.poll(() => fake.sent(B.id).length, { timeout: 20_000 }).toBe(1);
    expect(textsTo(fake, B)[0]).toContain('/quotes');
    // Handled one update at a time, B would come after all 100 of A's replies.
    const order = fake.sent().map((message) => Number(message.chat_id));
    const bAt = order.indexOf(B.id);
    const aBefore = order.slice(0, bAt).filter((chat) => chat === A.id).length;
    expect(aBefore).toBeLessThan(10);
    expect(fake.sent(A.id).length).toBeLessThan(100);
  });

  it('answers one "slow down" per burst to a flooding user, drops the rest, and answers again later', async () => {
    const time = { now: Date.parse('2026-03-02T10:00:00Z') };
    const { fake } = await setup({
      floodLimits: { burst: 6, perMinute: 20 },
      clock: () => new Date(time.now),
    });
    for (let i = 0; i < 100; i++) fake.pushUpdate(textUpdate('/help', A, A));
    const last = fake.pushUpdate(textUpdate('/help', B, B));

    await expect.poll(() => fake.sent(B.id).length, { timeout: 20_000 }).toBe(1);
    // Every update was taken (its offset confirmed), so nothing more is coming to A.
    await expect
      .poll(() => confirmedOffset(fake), { timeout: 20_000 })
      .toBeGreaterThan(last.update_id as number);
    await expect.poll(() => fake.sent(A.id).length).toBe(7);
    const texts = textsTo(fake, A);
    expect(texts.filter((text) => text.includes('/quotes'))).toHaveLength(6);
    expect(texts.filter((text) => text.startsWith('Slow down'))).toHaveLength(1);
    expect(texts[6]).toMatch(/^Slow down: .* about 18 seconds/);

    // The burst ends once the user has been quiet long enough; then A is answered again.
    time.now += 18_000;
    fake.pushUpdate(textUpdate('/help', A, A));
    await expect.poll(() => fake.sent(A.id).length).toBe(8);
    expect(textsTo(fake, A)[7]).toContain('/quotes');
  });
});

describe('clean shutdown', () => {
  it('finishes or hands back 50 queued updates; no reply reports a closed store; the next start answers the rest once', async () => {
    // Five chats, ten commands each; one chat's replies go out at 20 a second, so a stop comes mid-way.
    const chats = [701, 702, 703, 704, 705].map((id) => ({ id, type: 'private' as const }));
    const run = await setup({
      limits: { ...FAST_LIMITS, perChatPerSecond: 20, maxRetries: 0, maxRetryAfterSeconds: 1 },
    });
    const { fake } = run;
    const asked: string[] = [];
    for (let round = 0; round < 10; round++) {
      for (const chat of chats) {
        const name = `nobody${chat.id}x${round}`;
        asked.push(name);
        fake.pushUpdate(textUpdate(`/quotes ${name}`, chat, chat));
      }
    }
    await expect.poll(() => fake.sent().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(8);
    await run.shutdown();
    const firstRun = fake.sent().length;
    expect(firstRun).toBeLessThan(50);

    await run.restart();
    await expect.poll(() => fake.sent().length, { timeout: 30_000 }).toBe(50);
    // A moment more: nothing is answered twice.
    await new Promise((resolve) => setTimeout(resolve, 300));
    const replies = fake.sent().map((message) => String(message.text));
    expect(replies).toHaveLength(50);
    for (const text of replies) {
      expect(text).not.toMatch(/closed|SQLITE|Sorry/i);
      expect(text).toMatch(/Nobody called "nobody\d+x\d"/);
    }
    const answered = replies.map((text) => /"(nobody\d+x\d)"/.exec(text)![1]);
    expect(new Set(answered).size).toBe(50);
    expect([...answered].sort()).toEqual([...asked].sort());
    // Within each chat, in the order asked, across the restart.
    for (const chat of chats) {
      const mine = textsTo(fake, chat).map((text) => /"(nobody\d+x\d)"/.exec(text)![1]);
      expect(mine).toEqual(asked.filter((name) => name.startsWith(`nobody${chat.id}x`)));
    }
    expect(run.logger.lines.join('\n')).toMatch(/handed back to Telegram for the next start/);
  });
});

describe('clean shutdown in webhook mode', () => {
  it('answers the update in progress before it stops, and takes no new ones', async () => {
    const started = await startTestApp('sources: []\npolling:\n  allowLoopback: true\n');
    let closed = false;
    cleanups.push(async () => (closed ? undefined : started.app.close()));
    const fake = await startFakeTelegram();
    cleanups.push(() => fake.close());
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const site = await startTestHttpServer({
      '/feed.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED);
      },
    });
    cleanups.push(() => site.close());
    cleanups.push(async () => release());
    const adapter = new TelegramAdapter({
      token: '123:test',
      apiRoot: fake.apiRoot,
      services: started.app.services,
      store: started.app.store,
      logger: started.logger,
      operators: [String(A.id)],
      limits: { ...FAST_LIMITS, maxRetries: 0, maxRetryAfterSeconds: 1 },
      mode: 'webhook',
      webhook: { host: '127.0.0.1', port: 0, path: '/telegram', url: null, secretToken: 's3cret' },
    });
    await adapter.start();
    const url = `http://127.0.0.1:${adapter.webhookPort}/telegram`;
    const post = (update: Record<string, unknown>) =>
      fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': 's3cret' },
        body: JSON.stringify(update),
      });
    const adding = post({ update_id: 1, ...textUpdate(`/source add ${site.url('/feed.xml')}`, A, A) });
    await expect.poll(() => site.requests.length).toBeGreaterThan(0);
    const stopped = adapter.stop();
    // A new connection is refused: Telegram keeps the update and sends it again later.
    await expect(post({ update_id: 2, ...textUpdate('/help', A, A) })).rejects.toThrow();
    release();
    expect((await adding).status).toBe(200);
    await stopped;
    await started.app.close();
    closed = true;
    const texts = textsTo(fake, A);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^Added /);
  });
});

const FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title><link>https://slow.example/</link>
<item><title>Harbour reopens after storm</title><link>https://slow.example/harbour</link><description>The harbour reopened on Tuesday after repairs, officials said.</description></item>
</channel></rss>`;
