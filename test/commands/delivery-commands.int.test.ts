import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../src/adapters/discord/discord-adapter.js';
import { TelegramAdapter } from '../../src/adapters/telegram/telegram-adapter.js';
import type { App } from '../../src/app/container.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { TERMINAL_ADDRESS } from '../../src/delivery/chat-subscription.js';
import {
  FAKE_CHANNELS,
  slashCommand,
  startFakeDiscord,
  type FakeDiscord,
} from '../helpers/fake-discord-server.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { FAST_LIMITS } from '../helpers/telegram-test-api.js';
import { startTestApp } from '../helpers/test-app.js';

/** Two people with one surname, written for this test, so that "/follow pompeo" is ambiguous. */
const ARTICLES = {
  'mike.txt': `Ferry talks resume\n\nThe ferry talks resumed on Monday. "We will find a way to keep the island connected," Mike Pompeo said after the meeting. Both sides agreed to meet again next week.`,
  'susan.txt': `Library reopens\n\nThe town library reopened after a year of repairs. "Reading rooms are the heart of a town," Susan Pompeo said at the opening. Children queued for their first cards.`,
  'ada.txt': `Harbour plan approved\n\nThe council approved the harbour plan. "This is the harbour our grandchildren deserve," Ada Lovelace told the chamber. Work begins in spring.`,
};

const PRIVATE = { id: 601, type: 'private' as const };
const GROUP = { id: -800, type: 'supergroup' as const };
const ADMIN = 41;
const MEMBER = 42;

describe('/mode, /schedule, /settings, /filter and /follow through the platforms', () => {
  let app: App;
  let telegram: FakeTelegram;
  let adapter: TelegramAdapter;

  beforeAll(async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-follow-'));
    for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(folder, name), text);
    ({ app } = await startTestApp(`sources:\n  - { id: town-news, url: "${folder}" }\n`));
    await app.services.poller.pollAll();
    telegram = await startFakeTelegram();
    telegram.admins.set(String(GROUP.id), new Set([ADMIN]));
    adapter = new TelegramAdapter({
      token: '123:test',
      apiRoot: telegram.apiRoot,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [],
      limits: { ...FAST_LIMITS, maxRetries: 3, maxRetryAfterSeconds: 5 },
      mode: 'polling',
      floodLimits: { burst: 1_000, perMinute: 60_000 },
    });
    await adapter.start();
  });
  afterAll(async () => {
    await adapter.stop();
    await telegram.close();
    await app.close();
  });

  /** Sends a command through grammY and returns the bot's answer as plain text. */
  async function say(
    text: string,
    chat: { id: number; type: 'private' | 'supergroup' } = PRIVATE,
    from = ADMIN,
  ) {
    const before = telegram.sent().length;
    telegram.pushUpdate(textUpdate(text, chat, { id: from }));
    await expect.poll(() => telegram.sent().length).toBeGreaterThan(before);
    return telegram
      .sent()
      .slice(before)
      .map((message) =>
        String(message.text)
          .replace(/<\/?b>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>'),
      )
      .join('\n');
  }

  it('switches modes and schedules within bounds, with clear errors', async () => {
    expect(await say('/mode instant')).toMatch(/not subscribed yet/);
    expect(await say('/subscribe')).toMatch(/^Subscribed/);
    expect(await say('/mode instant 1')).toBe(
      'Batches can come every 5 to 1440 minutes, not 1: e.g. /mode instant 15.',
    );
    expect(await say('/mode instant 10 99')).toBe(
      'Posts per hour can be 1 to 30, not 99: e.g. /mode instant 10 10.',
    );
    const set = await say('/mode both 10 4');
    expect(set).toContain('Mode: both');
    expect(set).toContain('new stories, at most every 10 min and 4 an hour');
    expect(await say('/mode instnat')).toMatch(/<mode> must be one of daily, instant, both/);
    expect(await say('/schedule weekly firday')).toBe(
      'Name a day of the week, e.g. /schedule weekly monday. Did you mean friday?',
    );
    expect(await say('/schedule weekly fri')).toContain('Digest: every Friday at 08:00 UTC');
    expect(await say('/schedule twice 7:30 18:00')).toContain('Digest: twice a day, at 07:30 and 18:00 UTC');
    expect(await say('/schedule twice 25:00')).toMatch(/^Give the times on a 24-hour clock/);
    expect(await say('/settings quiet 23-6')).toMatch(
      /^Quiet hours set: no instant posts from 23:00 to 06:00/,
    );
    expect(await say('/settings quiet late')).toMatch(/^Give quiet hours as from-to/);
    expect(await say('/settings silent maybe')).toBe('Use /settings silent on, or /settings silent off.');
    const settings = await say('/settings');
    expect(settings).toContain('Quiet hours: 23:00–06:00');
    expect(settings).toContain('Notifications: on');
  });

  it('answers a French chat in French: modes, schedules with French day names, filters and follows', async () => {
    const chat = { id: 602, type: 'private' as const };
    const french = async (text: string) => {
      const before = telegram.sent().length;
      telegram.pushUpdate(textUpdate(text, chat, { id: 43, language_code: 'fr' }));
      await expect.poll(() => telegram.sent().length).toBeGreaterThan(before);
      return telegram
        .sent()
        .slice(before)
        .map((message) => String(message.text).replace(/<\/?b>/g, ''))
        .join('\n');
    };
    expect(await french('/mode instant')).toMatch(/^Ce chat n’est pas encore abonné/);
    expect(await french('/subscribe')).toMatch(/^Abonné/);
    expect(await french('/mode instant 1')).toBe(
      'Les lots peuvent arriver toutes les 5 à 1440 minutes, pas 1 : ex. /mode instant 15.',
    );
    const both = await french('/mode both 10 4');
    expect(both).toContain('Mode défini : les nouveaux articles dès leur arrivée');
    expect(both).toContain('nouveaux articles, au plus toutes les 10 min et 4 par heure');
    expect(await french('/schedule weekly fri')).toContain('Digest : chaque vendredi à 08:00 UTC');
    expect(await french('/settings silent on')).toMatch(/^Envoi silencieux activé/);
    expect(await french('/filter add exclude gossip')).toBe(
      'Ajouté : exclude "gossip". 1 filtre maintenant ; /filter les liste.',
    );
    expect(await french('/following')).toMatch(/^Ce chat ne suit personne\./);
    expect(await french('/unfollow all')).toMatch(/^Ce chat ne suit personne\./);
  });

  it('adds, lists and removes filters, with phrases, sources and typos', async () => {
    expect(await say('/filter add exclude "Transfer Window", gossip')).toBe(
      'Added: exclude "Transfer Window", exclude "gossip". 2 filters now; /filter lists them.',
    );
    expect(await say('/filter add include huawei source:town-news')).toMatch(
      /^Added: include "huawei" source:town-news/,
    );
    expect(await say('/filter add exlude tabloid')).toBe(
      '"exlude" is neither include nor exclude: did you mean exclude? E.g. /filter add include huawei.',
    );
    expect(await say('/filter add include phones source:town-nevs')).toBe(
      'There is no source "town-nevs": did you mean source:town-news? /sources lists their ids.',
    );
    expect(await say('/filter add exclude ???')).toBe('"???": a filter needs at least one letter or digit.');
    const listed = await say('/filter');
    expect(listed).toContain('1. exclude "Transfer Window"');
    expect(listed).toContain('3. include "huawei" source:town-news');
    expect(await say('/filter remove 2')).toBe('Removed filter 2. 2 filters now; /filter lists them.');
    expect(await say('/filter remove exclude transfer window')).toBe(
      'Removed. 1 filter now; /filter lists them.',
    );
    expect(await say('/filter remove 9')).toBe('There is no filter 9; this chat has 1. /filter lists them.');
    // Only a group's administrators change filters; anyone may look.
    await say('/subscribe', GROUP, ADMIN);
    expect(await say('/filter add exclude gossip', GROUP, MEMBER)).toMatch(
      /^Only this group's administrators/,
    );
    expect(await say('/filter', GROUP, MEMBER)).toMatch(/^No filters/);
  });

  it('follows a person by fuzzy name, asks when ambiguous, suggests when unknown', async () => {
    expect(await say('/follow pompeo')).toBe(
      '"pompeo" could be 2 people. Which one? /follow "Mike Pompeo", /follow "Susan Pompeo"',
    );
    expect(await say('/follow lovelase')).toMatch(
      /^Nobody is called "lovelase"; following Ada Lovelace: each new quote/,
    );
    expect(await say('/follow "Mike Pompeo"')).toMatch(/^Following Mike Pompeo: each new quote comes here/);
    expect(await say('/follow mike pompeo')).toBe(
      'This chat already follows Mike Pompeo. /following lists who it follows.',
    );
    expect(await say('/follow Zebedee Quux')).toMatch(/^Nobody called "Zebedee Quux" has been quoted yet/);
    const following = await say('/following');
    expect(following).toContain('Ada Lovelace');
    expect(following).toContain('Mike Pompeo');
    expect(await say('/unfollow ada lovelace')).toBe('Stopped following Ada Lovelace.');
    expect(await say('/unfollow susan pompeo')).toBe(
      'This chat does not follow "susan pompeo". It follows Mike Pompeo.',
    );
    expect(await say('/unfollow all')).toBe('Stopped following Mike Pompeo.');
    expect(await say('/following')).toMatch(/^This chat follows nobody/);
  });

  it('takes the same commands as Discord slash commands, typed options included', async () => {
    const discord: FakeDiscord = await startFakeDiscord();
    const bot = new DiscordAdapter({
      token: 'fake-token',
      apiUrl: discord.apiUrl,
      applicationId: null,
      guildId: null,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [],
      floodLimits: { burst: 1_000, perMinute: 60_000 },
    });
    try {
      await bot.start();
      const registered = discord.commands.get('global') as {
        name: string;
        options?: { name: string; type: number }[];
      }[];
      const mode = registered.find((command) => command.name === 'mode')!;
      expect(mode.options!.map((option) => [option.name, option.type])).toEqual([
        ['mode', 3],
        ['minutes', 4],
        ['per_hour', 4],
      ]);
      const manager = { permissions: String(1 << 4), channelId: FAKE_CHANNELS[1] };
      const answer = async (interaction: Record<string, unknown>) => {
        const { id, token } = discord.interact(interaction);
        await expect.poll(() => discord.callbacks(id).length).toBeGreaterThan(0);
        const callback = discord.callbacks(id)[0]!;
        if (callback.type === 5) {
          await expect.poll(() => discord.webhookCalls(token).length).toBeGreaterThan(0);
          return String((discord.webhookCalls(token)[0]!.body as { content?: string }).content);
        }
        return String(callback.data?.content);
      };
      expect(await answer(slashCommand('subscribe', {}, manager))).toContain('Subscribed');
      expect(
        await answer(slashCommand('mode', { mode: 'instant', minutes: 20, per_hour: 3 }, manager)),
      ).toContain('at most every 20 min and 3 an hour');
      expect(
        await answer(
          slashCommand('filter', { action: 'add', kind: 'exclude', words: '"transfer window"' }, manager),
        ),
      ).toContain('Added: exclude "transfer window"');
      expect(await answer(slashCommand('follow', { name: 'Mike Pompeo' }, manager))).toContain(
        'Following Mike Pompeo',
      );
    } finally {
      await bot.stop();
      await discord.close();
    }
  });

  it('follows and filters at the terminal, which keeps its own record that nothing is delivered to', async () => {
    const terminal = { platform: 'terminal' as const, chatId: 'terminal', userId: 'local', isOperator: true };
    const atTerminal = async (line: string) =>
      renderPlainText((await runCommandLine(line, terminal, app.services))!);
    expect(await atTerminal('/subscribe')).toMatch(/^Subscriptions are for chats on Telegram or Discord/);
    expect(await atTerminal('/following')).toMatch(/^This chat follows nobody\./);
    expect(await atTerminal('/follow "Mike Pompeo"')).toMatch(
      /^Following Mike Pompeo\. Nothing is posted to the terminal between commands: \/following shows/,
    );
    expect(await atTerminal('/following')).toContain(
      'Mike Pompeo (since ', // …and his newest quote, since the terminal gets no posts:
    );
    expect(await atTerminal('/following')).toContain('“We will find a way to keep the island connected,”');

    expect(await atTerminal('/digest')).toContain('Library reopens');
    expect(await atTerminal('/filter add exclude library')).toBe(
      'Added: exclude "library". 1 filter now; /filter lists them.',
    );
    const filtered = await atTerminal('/digest');
    expect(filtered).not.toContain('Library reopens');
    expect(filtered).toContain('Ferry talks resume');
    expect(await atTerminal('/filter clear')).toMatch(/^Removed the one filter: every story comes/);
    expect(await atTerminal('/digest')).toContain('Library reopens');
    expect(await atTerminal('/unfollow all')).toBe('Stopped following Mike Pompeo.');

    // The terminal's record is kept, but is no subscription: delivery and the console never list it.
    expect((await app.services.subscriptions.get(TERMINAL_ADDRESS))?.follows).toEqual([]);
    const listed = await app.services.subscriptions.list();
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.some((subscription) => subscription.platform === 'terminal')).toBe(false);
  });
});
