import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAdapter, type DiscordAdapterOptions } from '../../../src/adapters/discord/discord-adapter.js';
import type { App } from '../../../src/app/container.js';
import { DeliveryService } from '../../../src/delivery/delivery-service.js';
import { SubscriptionStore } from '../../../src/delivery/subscription-store.js';
import type { DigestProvider } from '../../../src/delivery/topic-digest.js';
import { digestFixture, storyFixture } from '../../helpers/digest-fixture.js';
import {
  FAKE_APP_ID,
  FAKE_CHANNELS,
  PERMISSIONS,
  autocomplete,
  buttonPress,
  slashCommand,
  startFakeDiscord,
  type FakeDiscord,
} from '../../helpers/fake-discord-server.js';
import { REPO_ROOT } from '../../helpers/run-cli.js';
import { startTestApp } from '../../helpers/test-app.js';
import { startTestHttpServer } from '../../helpers/test-http-server.js';

const [C1, C2, C3] = FAKE_CHANNELS as [string, string, string];
const OPERATOR = '970000000000000001';

describe('the Discord adapter with the real discord.js against a fake Discord', () => {
  let app: App;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    ({ app } = await startTestApp(`sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`));
    await app.services.poller.pollAll();
  });
  afterAll(async () => {
    await app.close();
  });

  const options = (overrides: Partial<DiscordAdapterOptions> = {}): DiscordAdapterOptions => ({
    token: 'fake-token',
    apiUrl: fake.apiUrl,
    applicationId: null,
    guildId: null,
    services: app.services,
    store: app.store,
    logger: app.services.logger,
    operators: [OPERATOR],
    floodLimits: { burst: 1_000, perMinute: 60_000 },
    ...overrides,
  });

  beforeEach(async () => {
    fake = await startFakeDiscord();
    adapter = new DiscordAdapter(options());
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
  });

  /** Waits until the interaction is answered: its callbacks, and its webhook calls once deferred. */
  async function answered(interaction: Record<string, unknown>, webhookCalls = 0) {
    const { id, token } = fake.interact(interaction);
    await expect.poll(() => fake.callbacks(id).length).toBeGreaterThan(0);
    await expect.poll(() => fake.webhookCalls(token).length).toBeGreaterThanOrEqual(webhookCalls);
    return { token, callbacks: fake.callbacks(id), webhooks: fake.webhookCalls(token) };
  }
  const contentOf = (call: { body: unknown } | undefined) =>
    String((call?.body as { content?: string } | undefined)?.content);

  it('is ready, and registers the slash commands from commands/ once, typed', async () => {
    expect(adapter.applicationId).toBe(FAKE_APP_ID);
    const puts = fake.calls.filter((call) => call.method === 'PUT');
    expect(puts.map((call) => call.path)).toEqual([`/applications/${FAKE_APP_ID}/commands`]);
    const list = fake.commands.get('global') as {
      name: string;
      default_member_permissions: string | null;
      options?: Record<string, unknown>[];
    }[];
    const byName = new Map(list.map((command) => [command.name, command]));
    expect([...byName.keys()]).toEqual(app.services.commands.map((command) => command.name));
    expect(byName.get('quotes')!.options![0]).toMatchObject({ name: 'name', type: 3, autocomplete: true });
    expect(byName.get('source')!.options![0]).toMatchObject({
      name: 'action',
      type: 3,
      required: true,
      choices: [
        { name: 'add', value: 'add' },
        { name: 'remove', value: 'remove' },
        { name: 'restore', value: 'restore' },
      ],
    });
    expect(byName.get('source')!.default_member_permissions).toBe(String(1 << 4));
    expect(byName.get('import')!.options![0]).toMatchObject({ name: 'file', type: 11 });
    expect(byName.get('subscribe')!.default_member_permissions).toBe(String(1 << 4));
    expect(byName.get('digest')!.default_member_permissions).toBeNull();
    expect(byName.get('quotes')!.default_member_permissions).toBeNull();

    const again = new DiscordAdapter(options());
    await again.start();
    await again.stop();
    expect(fake.calls.filter((call) => call.method === 'PUT')).toHaveLength(1);
  });

  it('answers a slash command with a reply', async () => {
    const { callbacks } = await answered(slashCommand('help'));
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.type).toBe(4);
    expect(String(callbacks[0]!.data!.content)).toContain('/subscribe');
    expect(callbacks[0]!.data!.allowed_mentions).toEqual({ parse: [] });
  });

  it('defers a slow command, then edits in the answer with a More button', async () => {
    const { token, callbacks, webhooks } = await answered(slashCommand('quotes', { name: 'pompeo' }), 1);
    expect(callbacks.map((callback) => callback.type)).toEqual([5]);
    const edit = webhooks[0]!;
    expect(edit.method).toBe('PATCH');
    expect(edit.path).toBe(`/webhooks/${FAKE_APP_ID}/${token}/messages/@original`);
    expect(contentOf(edit)).toContain('Mike Pompeo');
    const components = (edit.body as { components: { components: { custom_id: string }[] }[] }).components;
    const customId = components[0]!.components[0]!.custom_id;
    expect(customId).toMatch(/^more:/);

    const page = await answered(buttonPress(customId), 1);
    expect(page.callbacks.map((callback) => callback.type)).toEqual([6]);
    expect(page.webhooks[0]!.method).toBe('PATCH');
    expect(contentOf(page.webhooks[0])).toContain('Mike Pompeo');
    expect(contentOf(page.webhooks[0])).not.toBe(contentOf(edit));
  });

  it('suggests speaker names from the registry as the user types /quotes', async () => {
    const { callbacks } = await answered(autocomplete('quotes', 'name', 'pom'));
    expect(callbacks[0]!.type).toBe(8);
    const choices = callbacks[0]!.data!.choices as { name: string; value: string }[];
    expect(choices).toContainEqual({ name: 'Mike Pompeo', value: 'Mike Pompeo' });
    expect(choices.length).toBeLessThanOrEqual(25);

    const none = await answered(autocomplete('quotes', 'name', 'zzzq'));
    expect(none.callbacks[0]!.data!.choices).toEqual([]);
  });

  it('lets only members with Manage Channels subscribe a channel or change its sources', async () => {
    // Refusals are for the caller alone: ephemeral, never deferred into a public reply first.
    const refused = await answered(slashCommand('subscribe', {}, { permissions: PERMISSIONS.member }));
    expect(refused.callbacks).toEqual([{ type: 4, data: expect.objectContaining({ flags: 64 }) as unknown }]);
    expect(String(refused.callbacks[0]!.data!.content)).toContain('administrators');
    expect(refused.webhooks).toHaveLength(0);
    const address = { platform: 'discord' as const, chatId: C1, threadId: null };
    expect(await app.services.subscriptions.get(address)).toBeUndefined();

    const accepted = await answered(
      slashCommand('subscribe', { topics: 'Energy' }, { permissions: PERMISSIONS.manager }),
      1,
    );
    expect(contentOf(accepted.webhooks[0])).toContain('Subscribed');
    expect((await app.services.subscriptions.get(address))?.topics).toEqual(['energy']);

    const source = await answered(slashCommand('source', { action: 'remove', target: 'x' }));
    expect(source.callbacks[0]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(String(source.callbacks[0]!.data!.content)).toContain(
      "Only this group's administrators can change this chat's sources",
    );
    expect(source.webhooks).toHaveLength(0);
    const byOperator = await answered(
      slashCommand('source', { action: 'remove', target: 'nope' }, { userId: OPERATOR }),
      1,
    );
    expect(contentOf(byOperator.webhooks[0])).toContain('No source "nope"');
    expect(byOperator.callbacks[0]!.data?.flags ?? 0).toBe(0);
    await app.services.subscriptions.unsubscribe(address);
  });

  it('answers a flooding user one ephemeral "slow down", then nothing until the burst ends', async () => {
    const time = { now: Date.parse('2026-03-02T10:00:00Z') };
    await adapter.stop();
    adapter = new DiscordAdapter(
      options({ floodLimits: { burst: 2, perMinute: 6 }, clock: () => new Date(time.now) }),
    );
    await adapter.start();
    const sent = [0, 1, 2, 3, 4].map(() =>
      fake.interact(slashCommand('help', {}, { userId: '980000000000000001' })),
    );
    await expect.poll(() => sent.filter(({ id }) => fake.callbacks(id).length > 0).length).toBe(3);
    const answers = sent.map(({ id }) => fake.callbacks(id)[0]);
    expect(answers.slice(0, 2).map((answer) => answer?.type)).toEqual([4, 4]);
    expect(answers[2]).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(String(answers[2]!.data!.content)).toMatch(/^Slow down/);
    // Another user is not held up.
    const other = await answered(slashCommand('help', {}, { userId: '980000000000000002' }));
    expect(String(other.callbacks[0]!.data!.content)).toContain('/subscribe');
    time.now += 20_000;
    const later = await answered(slashCommand('help', {}, { userId: '980000000000000001' }));
    expect(String(later.callbacks[0]!.data!.content)).toContain('/subscribe');
    expect(answers.slice(3)).toEqual([undefined, undefined]);
  });

  describe('daily delivery through the shared DeliveryService', () => {
    let now: number;
    const clock = () => new Date(now);
    let subscriptions: SubscriptionStore;
    const digests: DigestProvider = async () =>
      digestFixture(
        Array.from({ length: 12 }, (_, i) =>
          storyFixture(
            `Story ${i + 1}`,
            'A summary of the story.',
            [
              {
                text: 'We deliver exactly once.',
                speaker: 'A. Speaker',
                source: 'Wire',
                url: 'https://e.com/q',
              },
            ],
            `https://example.com/${i}`,
          ),
        ),
      );
    const service = () =>
      new DeliveryService({
        store: app.store,
        subscriptions,
        digests,
        senders: [adapter.sender],
        clock,
        logger: app.services.logger,
        translations: app.services.i18n,
        options: { instanceId: 'test' },
      });
    let day = 1;

    beforeEach(async () => {
      // Each test delivers on a day of its own, so the shared ledger starts empty.
      now = Date.parse(`2025-11-${String(day++).padStart(2, '0')}T07:00:00Z`);
      subscriptions = new SubscriptionStore(app.store, clock, {
        deliveryTime: '08:00',
        timeZone: 'UTC',
        language: 'en',
      });
      for (const chatId of [C1, C2, C3]) {
        await subscriptions.subscribe({ platform: 'discord', chatId, threadId: null });
      }
      now += 2 * 3_600_000;
    });
    afterEach(async () => {
      for (const chatId of [C1, C2, C3]) {
        await subscriptions.unsubscribe({ platform: 'discord', chatId, threadId: null });
      }
    });

    it('posts the digest as embeds, split within Discord limits, to every subscribed channel', async () => {
      const report = await service().tick();
      expect(report).toMatchObject({ due: 3, sent: 3, failed: 0, paused: 0 });
      const posts = fake.posted(C1);
      expect(posts).toHaveLength(2);
      const embeds = posts.map((post) => post.embeds as { title: string; url: string }[]);
      expect(embeds[0]).toHaveLength(10);
      expect(embeds[1]).toHaveLength(2);
      expect(String(posts[0]!.content)).toContain('Quotewire digest for 2025-11');
      expect(embeds[0]![0]).toMatchObject({ title: '1. Story 1', url: 'https://example.com/0' });
      expect(posts[0]!.allowed_mentions).toEqual({ parse: [] });
      expect(await service().tick()).toMatchObject({ due: 0 });
    });

    it('delivers each channel exactly once while the gateway reconnects and resumes mid fan-out', async () => {
      const release = fake.holdChannelPosts();
      const ticking = service().tick();
      await expect.poll(() => fake.posted(C1).length + fake.posted(C2).length).toBeGreaterThan(0);
      fake.requestReconnect();
      await expect.poll(() => fake.gatewayOps.includes(6), { timeout: 10_000 }).toBe(true);
      release();
      expect(await ticking).toMatchObject({ due: 3, sent: 3 });
      for (const channel of [C1, C2, C3]) expect(fake.posted(channel)).toHaveLength(2);
      expect(fake.gatewayOps.filter((op) => op === 2)).toHaveLength(1);
      // Still connected after the resume: a command is answered.
      const { callbacks } = await answered(slashCommand('help'));
      expect(callbacks[0]!.type).toBe(4);
    });

    it('pauses a channel on 403 Missing Permissions and on 404 Unknown Channel, with a reason /settings shows', async () => {
      fake.failChannel({ channelId: C2, status: 403, code: 50013, message: 'Missing Permissions', times: 1 });
      fake.failChannel({ channelId: C3, status: 404, code: 10003, message: 'Unknown Channel', times: 1 });
      const report = await service().tick();
      expect(report).toMatchObject({ due: 3, sent: 1, paused: 2, failed: 0 });
      expect(fake.posted(C1)).toHaveLength(2);
      expect(fake.posted(C2)).toHaveLength(1);
      const c2 = await subscriptions.get({ platform: 'discord', chatId: C2, threadId: null });
      expect(c2?.paused?.reason).toMatch(/Missing Permissions \(Discord 403\/50013\).*Send Messages/);
      const c3 = await subscriptions.get({ platform: 'discord', chatId: C3, threadId: null });
      expect(c3?.paused?.reason).toMatch(/Unknown Channel \(Discord 404\/10003\)/);
      expect(await service().tick()).toMatchObject({ due: 0 });

      const { callbacks } = await answered(
        slashCommand('settings', {}, { channelId: C2, permissions: PERMISSIONS.manager }),
      );
      // The platform's words quoted, what to do in the chat's language; Markdown-escaped, as Discord shows it.
      const shown = String(callbacks[0]!.data!.content);
      expect(shown).toContain('paused \\(the platform refused to post here');
      expect(shown).toMatch(
        /Missing Permissions \\\(Discord 403\/50013\\\).*the bot lacks permissions; give it Send/,
      );
    });
  });
});

describe('stopping the Discord adapter with an interaction in flight', () => {
  it('finishes it before the store closes; one arriving meanwhile is told Quotewire is restarting', async () => {
    const { app } = await startTestApp('sources: []\npolling:\n  allowLoopback: true\n');
    const fake = await startFakeDiscord();
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const site = await startTestHttpServer({
      '/feed.xml': async (_req, res) => {
        await held;
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(SLOW_FEED);
      },
    });
    const adapter = new DiscordAdapter({
      token: 'fake-token',
      apiUrl: fake.apiUrl,
      applicationId: null,
      guildId: null,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [OPERATOR],
    });
    try {
      await adapter.start();
      const adding = fake.interact(
        slashCommand('source', { action: 'add', target: site.url('/feed.xml') }, { userId: OPERATOR }),
      );
      await expect.poll(() => site.requests.length).toBeGreaterThan(0);
      const stopped = adapter.stop();
      const late = fake.interact(slashCommand('help'));
      await expect.poll(() => fake.callbacks(late.id).length).toBe(1);
      expect(fake.callbacks(late.id)[0]).toMatchObject({ type: 4, data: { flags: 64 } });
      expect(String(fake.callbacks(late.id)[0]!.data!.content)).toContain('restarting');
      release();
      await stopped;
      await app.close();
      const edits = fake.webhookCalls(adding.token);
      expect(edits).toHaveLength(1);
      const content = String((edits[0]!.body as { content?: string }).content);
      expect(content).toMatch(/^Added /);
      expect(content).not.toMatch(/closed|SQLITE|Sorry/i);
    } finally {
      release();
      await site.close();
      await fake.close();
    }
  });
});

const SLOW_FEED = `<?xml version="1.0"?><rss version="2.0"><channel><title>Slow Wire</title><link>https://slow.example/</link>
<item><title>Harbour reopens after storm</title><link>https://slow.example/harbour</link><description>The harbour reopened on Tuesday after repairs, officials said.</description></item>
</channel></rss>`;
