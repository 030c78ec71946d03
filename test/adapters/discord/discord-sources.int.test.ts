import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DiscordAdapter } from '../../../src/adapters/discord/discord-adapter.js';
import { discordNotifier } from '../../../src/adapters/discord/discord-notifier.js';
import type { App } from '../../../src/app/container.js';
import { parseOpml } from '../../../src/sources/opml.js';
import {
  FAKE_CHANNELS,
  PERMISSIONS,
  dmChannelId,
  slashCommand,
  slashCommandWithFile,
  startFakeDiscord,
  type FakeDiscord,
} from '../../helpers/fake-discord-server.js';
import { startTestApp } from '../../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../../helpers/test-http-server.js';

const [C1] = FAKE_CHANNELS as [string];
const OPERATOR = '970000000000000001';

const IMAGE = 'https://img.example.com/library.jpg';

const FEED = (
  name: string,
  image?: string,
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>
<item><title>${name} opens a new library</title><link>http://127.0.0.1/${name}</link><guid>${name}-1</guid>
${image ? `<enclosure url="${image}" type="image/jpeg" length="1000"/>` : ''}
<description>The town of ${name} opened its new library on Saturday, and the librarian said membership had doubled within a day of the doors opening.</description></item>
</channel></rss>`;

describe("a channel's own sources on Discord, with the real discord.js against a fake Discord", () => {
  let app: App;
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;
  let site: TestHttpServer;

  beforeEach(async () => {
    site = await startTestHttpServer({
      '/pictures.xml': (_req, res) => res.end(FEED('Northfield', IMAGE)),
      '/east.xml': (_req, res) => res.end(FEED('Eastwick')),
      '/west.xml': (_req, res) => res.end(FEED('Westham')),
    });
    ({ app } = await startTestApp(
      `sources:\n  - { id: west, url: ${site.url('/west.xml')} }\npolling: { allowLoopback: true, completeTeasers: false, noticeAfterFailures: 2 }`,
    ));
    fake = await startFakeDiscord();
    adapter = new DiscordAdapter({
      token: 'fake-token',
      apiUrl: fake.apiUrl,
      applicationId: null,
      guildId: null,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [OPERATOR],
      floodLimits: { burst: 1_000, perMinute: 60_000 },
    });
    await adapter.start();
  });
  afterEach(async () => {
    await adapter.stop();
    await fake.close();
    await app.close();
    await site.close();
  });

  /** The deferred answer of a slow command: the edit of the original reply. */
  async function edited(interaction: Record<string, unknown>): Promise<Record<string, unknown>> {
    const { token } = fake.interact(interaction);
    await expect.poll(() => fake.webhookCalls(token).length, { timeout: 15_000 }).toBeGreaterThan(0);
    return fake.webhookCalls(token)[0]!.body as Record<string, unknown>;
  }

  it('imports an attached OPML file with /import, and /export answers with the OPML attached', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Towns</title></head><body>
<outline type="rss" text="East" xmlUrl="${site.url('/east.xml')}"/>
<outline type="rss" text="West" xmlUrl="${site.url('/west.xml')}"/></body></opml>`;
    site.route('/attachments/feeds.opml', (_req, res) => res.end(opml));
    const file = { filename: 'feeds.opml', url: site.url('/attachments/feeds.opml'), size: opml.length };
    const report = await edited(
      slashCommandWithFile('import', 'file', file, { permissions: PERMISSIONS.manager }),
    );
    expect(String(report.content)).toMatch(/Imported "Towns": 1 added, 1 skipped, 0 refused, of 2 feed/);
    expect(String(report.content)).toMatch(/west\.xml.*already read for every chat, as west/);
    expect((await app.services.chatSources.ofChat(`discord:${C1}`)).map((source) => source.url)).toEqual([
      site.url('/east.xml'),
    ]);

    const exported = await edited(slashCommand('export'));
    expect(String(exported.content)).toMatch(/^1 source\\\(s\\\) as OPML/);
    const files = exported.files as { filename: string; content: string }[];
    expect(files.map((attached) => attached.filename)).toEqual(['quotewire-sources.opml']);
    expect(parseOpml(files[0]!.content).feeds.map((feed) => [feed.title, feed.xmlUrl])).toEqual([
      ['Eastwick', site.url('/east.xml')],
    ]);
  });

  it('shows the top story’s image in /digest as an embed image, unless images are off', async () => {
    const manager = { permissions: PERMISSIONS.manager };
    await edited(slashCommand('source', { action: 'add', target: site.url('/pictures.xml') }, manager));
    // Whichever story leads, it has the image.
    site.route('/west.xml', (_req, res) => res.end(FEED('Westham', IMAGE)));
    await app.services.poller.pollAll({ force: true });
    const digest = await edited(slashCommand('digest'));
    expect(String(digest.content)).toMatch(/Northfield opens a new library/);
    expect(digest.embeds).toEqual([expect.objectContaining({ image: { url: IMAGE } })]);

    fake.interact(slashCommand('subscribe', {}, manager));
    await expect.poll(() => app.services.subscriptions.list()).toHaveLength(1);
    fake.interact(slashCommand('settings', { setting: 'images', value: 'off' }, manager));
    await expect.poll(async () => (await app.services.subscriptions.list())[0]!.images).toBe(false);
    const plain = await edited(slashCommand('digest'));
    expect(String(plain.content)).toMatch(/Northfield opens a new library/);
    expect(plain.embeds ?? []).toEqual([]);
  });

  it('tells the channel when its source breaks, and the operator in a DM when a global one does', async () => {
    app.services.notices.use(discordNotifier(adapter.client.rest, [OPERATOR]));
    const added = await edited(
      slashCommand(
        'source',
        { action: 'add', target: site.url('/east.xml') },
        { permissions: PERMISSIONS.manager },
      ),
    );
    expect(String(added.content)).toMatch(/^Added 127-0-0-1-east .* for this chat/);
    site.route('/east.xml', (_req, res) => res.writeHead(503).end());
    site.route('/west.xml', (_req, res) => res.writeHead(404).end());
    for (let i = 0; i < 3; i++) await app.services.poller.pollAll({ force: true });
    const toChannel = fake.posted(C1).map((message) => String(message.content));
    expect(toChannel).toHaveLength(1);
    expect(toChannel[0]).toMatch(
      /One of this chat's sources, 127-0-0-1-east .*has failed 2 times in a row: .*503/,
    );
    const toOperator = fake.posted(dmChannelId(OPERATOR)).map((message) => String(message.content));
    expect(toOperator).toHaveLength(1);
    expect(toOperator[0]).toMatch(/A source every chat reads, west .*404.*change its url in the config file/);
  });
});
