import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  TelegramAdapter,
  type TelegramAdapterOptions,
} from '../../../src/adapters/telegram/telegram-adapter.js';
import type { App } from '../../../src/app/container.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../../helpers/fake-telegram-server.js';
import { FAST_LIMITS } from '../../helpers/telegram-test-api.js';
import { startTestApp } from '../../helpers/test-app.js';

const OPERATOR = 9;
const PRIVATE = { id: 501, type: 'private' as const };
const GROUP = { id: -700, type: 'supergroup' as const };
const ADMIN = 31;
const MEMBER = 32;

describe('the Telegram adapter with the real grammY against a fake Bot API', () => {
  let app: App;
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;

  beforeAll(async () => {
    ({ app } = await startTestApp(`sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`));
    await app.services.poller.pollAll();
  });
  afterAll(async () => {
    await app.close();
  });

  const options = (overrides: Partial<TelegramAdapterOptions> = {}): TelegramAdapterOptions => ({
    token: '123:test',
    apiRoot: fake.apiRoot,
    services: app.services,
    store: app.store,
    logger: app.services.logger,
    operators: [String(OPERATOR)],
    limits: { ...FAST_LIMITS, maxRetries: 3, maxRetryAfterSeconds: 5 },
    mode: 'polling',
    // A test types faster than any person: the rate limit has tests of its own.
    floodLimits: { burst: 1_000, perMinute: 60_000 },
    ...overrides,
  });

  beforeEach(async () => {
    fake = await startFakeTelegram();
    fake.admins.set(String(GROUP.id), new Set([ADMIN]));
    adapter = new TelegramAdapter(options());
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  /** Sends an update and waits until the bot has sent `count` more messages. */
  async function say(update: Record<string, unknown>, count = 1): Promise<Record<string, unknown>[]> {
    const before = fake.sent().length;
    fake.pushUpdate(update);
    await expect.poll(() => fake.sent().length).toBeGreaterThanOrEqual(before + count);
    return fake.sent().slice(before);
  }

  const subscriptionOf = (chatId: number, threadId: string | null = null) =>
    app.services.subscriptions.get({ platform: 'telegram', chatId: String(chatId), threadId });

  it('registers the command menu once, and only again when it changes', async () => {
    // One menu per interface language (de, fr, es), then the default (English) one.
    const registered = fake.callsOf('setMyCommands');
    expect(registered).toHaveLength(4);
    const english = registered.find((call) => call.payload.language_code === undefined)!;
    const names = (english.payload.commands as { command: string }[]).map((c) => c.command);
    expect(names).toEqual(
      expect.arrayContaining([
        'start',
        'help',
        'subscribe',
        'unsubscribe',
        'topics',
        'time',
        'settings',
        'digest',
        'quotes',
        'sources',
      ]),
    );
    expect(names).toEqual(expect.arrayContaining(['source', 'import', 'export']));
    const again = new TelegramAdapter(options());
    await again.start();
    await again.stop();
    expect(fake.callsOf('setMyCommands')).toHaveLength(4);
  });

  it('answers commands in a private chat and manages its subscription', async () => {
    const [start] = await say(textUpdate('/start', PRIVATE, PRIVATE));
    expect(start!.parse_mode).toBe('HTML');
    expect(String(start!.text)).toContain('/subscribe');

    const [subscribed] = await say(textUpdate('/subscribe Climate energy', PRIVATE, PRIVATE));
    expect(String(subscribed!.text)).toContain('Subscribed');
    expect((await subscriptionOf(PRIVATE.id))?.topics).toEqual(['climate', 'energy']);

    const [time] = await say(textUpdate('/time 7:30 europe/london', PRIVATE, PRIVATE));
    expect(String(time!.text)).toContain('07:30');
    expect(await subscriptionOf(PRIVATE.id)).toMatchObject({
      deliveryTime: '07:30',
      timeZone: 'Europe/London',
    });

    const [bad] = await say(textUpdate('/time 7:30 Mars/Olympus', PRIVATE, PRIVATE));
    expect(String(bad!.text)).toContain('is not a time zone name');

    const [settings] = await say(textUpdate('/settings', PRIVATE, PRIVATE));
    expect(String(settings!.text)).toMatch(/Topics: climate, energy[\s\S]*07:30[\s\S]*Europe\/London/);

    const [topics] = await say(textUpdate('/topics all', PRIVATE, PRIVATE));
    expect(String(topics!.text)).toContain('all the news');

    const [hint] = await say(textUpdate('hello', PRIVATE, PRIVATE));
    expect(String(hint!.text)).toContain('Commands start with "/"');

    const [gone] = await say(textUpdate('/unsubscribe', PRIVATE, PRIVATE));
    expect(String(gone!.text)).toContain('Unsubscribed');
    expect(await subscriptionOf(PRIVATE.id)).toBeUndefined();
    expect(fake.callsOf('getChatMember')).toHaveLength(0);
  });

  it('in groups, only administrators manage the subscription; everyone may ask for quotes', async () => {
    const [refused] = await say(textUpdate('/subscribe', GROUP, { id: MEMBER }));
    expect(String(refused!.text)).toContain("Only this group's administrators");
    expect(await subscriptionOf(GROUP.id)).toBeUndefined();

    const [accepted] = await say(textUpdate(`/subscribe@${'quotewire_test_bot'}`, GROUP, { id: ADMIN }));
    expect(String(accepted!.text)).toContain('Subscribed');
    expect(await subscriptionOf(GROUP.id)).toBeDefined();
    expect(fake.callsOf('getChatMember').map((call) => call.payload.user_id)).toEqual([MEMBER, ADMIN]);

    const [quotes] = await say(textUpdate('/quotes pompeo', GROUP, { id: MEMBER }));
    expect(String(quotes!.text)).toContain('Quotes by Mike Pompeo');

    // Commands for other bots, and unknown bare ones, are left alone in groups.
    const before = fake.sent().length;
    fake.pushUpdate(textUpdate('/help@some_other_bot', GROUP, { id: MEMBER }));
    fake.pushUpdate(textUpdate('/weather', GROUP, { id: MEMBER }));
    const [help] = await say(textUpdate('/help', GROUP, { id: MEMBER }));
    expect(String(help!.text)).toContain('/quotes');
    expect(fake.sent().length).toBe(before + 1);
  });

  it('subscribes a forum topic and answers in it; subscribes a channel from a channel post', async () => {
    const forum = { id: -800, type: 'supergroup' as const, is_forum: true };
    fake.admins.set(String(forum.id), new Set([ADMIN]));
    const [reply] = await say(
      textUpdate('/subscribe', forum, { id: ADMIN }, { is_topic_message: true, message_thread_id: 77 }),
    );
    expect(reply!.message_thread_id).toBe(77);
    expect((await subscriptionOf(forum.id, '77'))?.threadId).toBe('77');
    expect(await subscriptionOf(forum.id)).toBeUndefined();

    const channel = { id: -900, type: 'channel' as const };
    const [posted] = await say(textUpdate('/subscribe world', channel, null, { sender_chat: channel }));
    expect(String(posted!.text)).toContain('Subscribed');
    expect((await subscriptionOf(channel.id))?.topics).toEqual(['world']);
    expect(fake.callsOf('getChatMember').filter((call) => call.payload.chat_id === channel.id)).toHaveLength(
      0,
    );
  });

  it('pages a long answer with an inline button that edits in the next page', async () => {
    const [first] = await say(textUpdate('/quotes pompeo', PRIVATE, PRIVATE));
    const markup = first!.reply_markup as { inline_keyboard: { callback_data: string }[][] };
    const data = markup.inline_keyboard[0]![0]!.callback_data;
    expect(data).toMatch(/^more:/);
    fake.pushUpdate({
      callback_query: {
        id: 'cb1',
        from: { id: PRIVATE.id, is_bot: false, first_name: 'User' },
        chat_instance: 'x',
        data,
        message: { message_id: 100, date: 0, chat: { ...PRIVATE, first_name: 'User' }, text: 'page 1' },
      },
    });
    await expect.poll(() => fake.callsOf('editMessageText').length).toBe(1);
    expect(fake.callsOf('answerCallbackQuery')).toHaveLength(1);
    const edit = fake.callsOf('editMessageText')[0]!.payload;
    expect(edit).toMatchObject({ chat_id: PRIVATE.id, message_id: 100, parse_mode: 'HTML' });
    expect(String(edit.text)).toContain('Quotes by Mike Pompeo');
    expect(edit.text).not.toBe(first!.text);
  });

  it('moves the subscriptions of a group that became a supergroup', async () => {
    const group = { id: -42, type: 'group' as const };
    await app.services.subscriptions.subscribe({ platform: 'telegram', chatId: '-42', threadId: null });
    fake.pushUpdate({
      message: { message_id: 5, date: 0, chat: { ...group, title: 'G' }, migrate_to_chat_id: -10042 },
    });
    await expect.poll(async () => (await subscriptionOf(-10042))?.chatId).toBe('-10042');
    expect(await subscriptionOf(-42)).toBeUndefined();
    // The supergroup's own service message says the same: nothing more happens.
    await app.services.subscriptions.update(
      { platform: 'telegram', chatId: '-10042', threadId: null },
      { topics: ['kept'] },
    );
    const update = fake.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -10042, type: 'supergroup', title: 'G' },
        migrate_from_chat_id: -42,
      },
    });
    // grammY asks for the next updates once this one is handled.
    await expect
      .poll(() => Number(fake.callsOf('getUpdates').at(-1)!.payload.offset))
      .toBeGreaterThan(Number(update.update_id));
    expect((await subscriptionOf(-10042))?.topics).toEqual(['kept']);
  });

  it('moves a group on the supergroup’s message alone, and answers a command at the new id', async () => {
    fake.admins.set('-10043', new Set([ADMIN]));
    await app.services.subscriptions.subscribe(
      { platform: 'telegram', chatId: '-43', threadId: null },
      { topics: ['ferries'] },
    );
    fake.pushUpdate({
      message: {
        message_id: 1,
        date: 0,
        chat: { id: -10043, type: 'supergroup', title: 'G' },
        migrate_from_chat_id: -43,
      },
    });
    await expect.poll(async () => (await subscriptionOf(-10043))?.topics).toEqual(['ferries']);
    // A command sent in a group just before its upgrade: the reply is refused with the new id.
    await app.services.subscriptions.subscribe({ platform: 'telegram', chatId: '-44', threadId: null });
    fake.fail({
      method: 'sendMessage',
      when: (payload) => String(payload.chat_id) === '-44',
      times: 5,
      error: {
        error_code: 400,
        description: 'Bad Request: group chat was upgraded to a supergroup chat',
        parameters: { migrate_to_chat_id: -10044 },
      },
    });
    fake.pushUpdate(textUpdate('/help', { id: -44, type: 'group' }, { id: ADMIN }));
    await expect.poll(() => fake.sent(-10044).length).toBe(1);
    expect(String(fake.sent(-10044)[0]!.text)).toContain('/subscribe');
    expect(await subscriptionOf(-44)).toBeUndefined();
    expect(await subscriptionOf(-10044)).toBeDefined();
  });

  it('answers again after polling stopped and started (the polling lease lost and taken back)', async () => {
    // As on several instances sharing Redis: the instance polls only while it holds the lease.
    await adapter.stop();
    adapter = new TelegramAdapter(options({ pollOnStart: false }));
    await adapter.start();
    await adapter.startPolling();
    expect(String((await say(textUpdate('/help', PRIVATE, PRIVATE)))[0]!.text)).toContain('/subscribe');
    await adapter.stopPolling();
    await adapter.startPolling();
    const [again] = await say(textUpdate('/start', PRIVATE, PRIVATE));
    expect(String(again!.text)).toContain('/subscribe');
  });
});

describe('webhook mode', () => {
  let app: App;
  let fake: FakeTelegram;

  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []\n'));
    fake = await startFakeTelegram();
  });
  afterAll(async () => {
    await fake.close();
    await app.close();
  });

  it('refuses updates without the right secret and handles those with it', async () => {
    const adapter = new TelegramAdapter({
      token: '123:test',
      apiRoot: fake.apiRoot,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [],
      limits: { ...FAST_LIMITS, maxRetries: 0, maxRetryAfterSeconds: 1 },
      mode: 'webhook',
      webhook: {
        host: '127.0.0.1',
        port: 0,
        path: '/telegram',
        url: 'https://bot.example.com/telegram',
        secretToken: 's3cret',
      },
    });
    await adapter.start();
    try {
      expect(fake.callsOf('setWebhook')[0]!.payload).toMatchObject({
        url: 'https://bot.example.com/telegram',
        secret_token: 's3cret',
      });
      const post = (secret?: string) =>
        fetch(`http://127.0.0.1:${adapter.webhookPort}/telegram`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(secret ? { 'x-telegram-bot-api-secret-token': secret } : {}),
          },
          body: JSON.stringify({ update_id: 1, ...textUpdate('/help', PRIVATE, PRIVATE) }),
        });
      expect((await post()).status).toBe(401);
      expect((await post('wrong')).status).toBe(401);
      expect(fake.sent()).toHaveLength(0);
      expect((await post('s3cret')).status).toBe(200);
      expect(String(fake.sent()[0]!.text)).toContain('/quotes');
      expect(fake.callsOf('getUpdates')).toHaveLength(0);
    } finally {
      await adapter.stop();
    }
  });
});
