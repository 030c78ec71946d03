import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/adapters/telegram/telegram-adapter.js';
import type { App } from '../../../src/app/container.js';
import type { Caller } from '../../../src/chat/command-definition.js';
import { runCommandLine } from '../../../src/chat/command-runner.js';
import { renderPlainText } from '../../../src/chat/render-text.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { topicDigestProvider } from '../../../src/delivery/topic-digest.js';
import {
  myChatMemberUpdate,
  startFakeTelegram,
  textUpdate,
  type FakeTelegram,
} from '../../helpers/fake-telegram-server.js';
import { FAST_LIMITS } from '../../helpers/telegram-test-api.js';
import { startTestApp } from '../../helpers/test-app.js';

const GROUP = { id: -700, type: 'supergroup' as const };
const ADMIN = 31;

describe('the bot removed from a chat and added back (my_chat_member, real grammY)', () => {
  let app: App;
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  let now = Date.parse('2025-10-24T07:00:00Z');

  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []\ndigest:\n  deliveryTime: "08:00"\n  timeZone: UTC\n', {
      now: () => new Date(now),
    }));
  });
  afterAll(async () => {
    await app.close();
  });
  beforeEach(async () => {
    fake = await startFakeTelegram();
    fake.admins.set(String(GROUP.id), new Set([ADMIN]));
    adapter = new TelegramAdapter({
      token: '123:test',
      apiRoot: fake.apiRoot,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [],
      limits: { ...FAST_LIMITS, maxRetries: 0, maxRetryAfterSeconds: 1 },
      mode: 'polling',
      floodLimits: { burst: 1_000, perMinute: 60_000 },
    });
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  const group = (threadId: string | null = null) =>
    app.services.subscriptions.get({ platform: 'telegram', chatId: String(GROUP.id), threadId });

  it('asks Telegram for my_chat_member updates', async () => {
    await expect.poll(() => fake.callsOf('getUpdates').length).toBeGreaterThan(0);
    for (const call of fake.callsOf('getUpdates')) {
      expect(call.payload.allowed_updates).toEqual(expect.arrayContaining(['message', 'my_chat_member']));
    }
  });

  it('pauses the chat’s subscriptions when removed, delivers nothing, and resumes with a welcome', async () => {
    fake.pushUpdate(textUpdate('/subscribe climate', GROUP, { id: ADMIN }));
    fake.pushUpdate(
      textUpdate(
        '/subscribe',
        { ...GROUP, is_forum: true },
        { id: ADMIN },
        {
          is_topic_message: true,
          message_thread_id: 5,
        },
      ),
    );
    await expect.poll(async () => (await group('5'))?.id).toBe('telegram:-700:5');

    fake.pushUpdate(myChatMemberUpdate(GROUP, { id: ADMIN }, 'member', 'kicked'));
    await expect.poll(async () => (await group())?.paused?.reason).toBe('the bot was removed from this chat');
    expect((await group('5'))?.paused).not.toBeNull();
    expect((await group())?.topics).toEqual(['climate']);

    // No delivery is attempted to a chat the bot is not in.
    const delivery = new DeliveryService({
      store: app.store,
      subscriptions: app.services.subscriptions,
      digests: topicDigestProvider(app.services.digests, 5),
      senders: [adapter.sender],
      clock: () => new Date(now),
      logger: app.services.logger,
      translations: app.services.i18n,
      options: { instanceId: 'test' },
    });
    now = Date.parse('2025-10-24T08:00:00Z');
    const before = fake.sent(GROUP.id).length;
    expect(await delivery.tick()).toMatchObject({ due: 0 });
    expect(fake.sent(GROUP.id)).toHaveLength(before);

    fake.pushUpdate(myChatMemberUpdate(GROUP, { id: ADMIN }, 'left', 'administrator'));
    await expect.poll(() => fake.sent(GROUP.id).length).toBe(before + 1);
    expect(String(fake.sent(GROUP.id).at(-1)!.text)).toContain('Thanks for having me back');
    expect((await group())?.paused).toBeNull();
    expect((await group('5'))?.paused).toBeNull();
    expect((await group())?.topics).toEqual(['climate']);
    expect(await delivery.tick()).toMatchObject({ due: 2, sent: 2 });
  });

  it('turns images off and on with /settings', async () => {
    const chat = { id: 502, type: 'private' as const };
    const answer = async (text: string) => {
      const before = fake.sent(chat.id).length;
      fake.pushUpdate(textUpdate(text, chat, chat));
      await expect.poll(() => fake.sent(chat.id).length).toBe(before + 1);
      return String(fake.sent(chat.id).at(-1)!.text);
    };
    await answer('/subscribe');
    const address = { platform: 'telegram' as const, chatId: '502', threadId: null };
    expect(await answer('/settings images off')).toContain('Images: off');
    expect((await app.services.subscriptions.get(address))?.images).toBe(false);
    expect(await answer('/settings images maybe')).toContain('/settings images on');
    expect(await answer('/settings images on')).toContain('Images: on');
    expect((await app.services.subscriptions.get(address))?.images).toBe(true);
  });

  it('greets a chat it is added to for the first time', async () => {
    const chat = { id: -701, type: 'group' as const };
    fake.pushUpdate(myChatMemberUpdate(chat, { id: ADMIN }, 'left', 'member'));
    await expect.poll(() => fake.sent(chat.id).length).toBe(1);
    expect(String(fake.sent(chat.id)[0]!.text)).toContain('/subscribe');
    expect(
      await app.services.subscriptions.get({ platform: 'telegram', chatId: '-701', threadId: null }),
    ).toBeUndefined();
  });

  it('greets in the language of whoever added it, and /settings shows the pause in it', async () => {
    const chat = { id: -702, type: 'group' as const };
    fake.pushUpdate(myChatMemberUpdate(chat, { id: ADMIN, language_code: 'fr' }, 'left', 'member'));
    await expect.poll(() => fake.sent(chat.id).length).toBe(1);
    expect(String(fake.sent(chat.id)[0]!.text)).toMatch(/^Bonjour ! Je suis Quotewire/);
    expect(await app.services.languages.ofChat('telegram:-702')).toBe('fr');
    const caller: Caller = {
      platform: 'telegram',
      chatId: '-702',
      userId: String(ADMIN),
      isOperator: false,
      chatType: 'group',
      isChatAdmin: true,
    };
    await runCommandLine('/subscribe', caller, app.services);
    fake.pushUpdate(myChatMemberUpdate(chat, { id: ADMIN }, 'member', 'kicked'));
    await expect
      .poll(
        async () =>
          (await app.services.subscriptions.get({ platform: 'telegram', chatId: '-702', threadId: null }))
            ?.paused,
      )
      .not.toBeNull();
    const settings = renderPlainText((await runCommandLine('/settings', caller, app.services))!);
    expect(settings).toContain('en pause (le bot a été retiré de ce chat)');
  });
});
