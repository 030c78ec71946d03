import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TelegramAdapter } from '../../../src/adapters/telegram/telegram-adapter.js';
import { telegramNotifier } from '../../../src/adapters/telegram/telegram-notifier.js';
import type { App } from '../../../src/app/container.js';
import { parseOpml } from '../../../src/sources/opml.js';
import { visibleLength } from '../../../src/adapters/telegram/split-html.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../../helpers/fake-telegram-server.js';
import { FAST_LIMITS } from '../../helpers/telegram-test-api.js';
import { startTestApp } from '../../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../../helpers/test-http-server.js';

const GROUP = { id: -900, type: 'supergroup' as const };
const ADMIN = 41;
const OPERATOR = 9;

const IMAGE = 'https://img.example.com/bridge.jpg';

const FEED = (
  name: string,
  image?: string,
) => `<?xml version="1.0"?><rss version="2.0"><channel><title>${name}</title>
<item><title>${name} opens a new bridge</title><link>http://127.0.0.1/${name}</link><guid>${name}-1</guid>
${image ? `<enclosure url="${image}" type="image/jpeg" length="1000"/>` : ''}
<description>The town of ${name} opened its new bridge on Saturday after two years of work, and the mayor said traffic in the old town would fall by half.</description></item>
</channel></rss>`;

describe("a chat's own sources on Telegram, with the real grammY against a fake Bot API", () => {
  let app: App;
  let fake: FakeTelegram;
  let adapter: TelegramAdapter;
  let site: TestHttpServer;

  beforeEach(async () => {
    site = await startTestHttpServer({
      '/pictures.xml': (_req, res) => res.end(FEED('Westford', IMAGE)),
      '/north.xml': (_req, res) => res.end(FEED('Northton')),
      '/south.xml': (_req, res) => res.end(FEED('Southby')),
    });
    ({ app } = await startTestApp(
      'sources: []\npolling: { allowLoopback: true, completeTeasers: false, noticeAfterFailures: 2 }',
    ));
    fake = await startFakeTelegram();
    fake.admins.set(String(GROUP.id), new Set([ADMIN]));
    adapter = new TelegramAdapter({
      token: '123:test',
      apiRoot: fake.apiRoot,
      services: app.services,
      store: app.store,
      logger: app.services.logger,
      operators: [String(OPERATOR)],
      limits: { ...FAST_LIMITS, maxRetries: 3, maxRetryAfterSeconds: 5 },
      mode: 'polling',
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

  async function say(update: Record<string, unknown>): Promise<string> {
    const before = fake.sent().length;
    fake.pushUpdate(update);
    await expect.poll(() => fake.sent().length, { timeout: 15_000 }).toBeGreaterThan(before);
    return String(fake.sent()[before]!.text);
  }

  it('imports an OPML document sent with /import, and /export sends the chat’s OPML back as a document', async () => {
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>Mine</title></head><body>
<outline text="Towns"><outline type="rss" text="North" xmlUrl="${site.url('/north.xml')}"/>
<outline type="rss" text="South" xmlUrl="${site.url('/south.xml')}"/></outline>
<outline type="rss" text="Broken" xmlUrl="${site.url('/missing.xml')}"/>
<outline type="rss" text="Metadata" xmlUrl="http://169.254.169.254/latest/"/></body></opml>`;
    const fileId = fake.addFile(opml);
    const document = {
      file_id: fileId,
      file_unique_id: fileId,
      file_name: 'feeds.opml',
      file_size: opml.length,
    };
    const caption = (text: string) => ({
      caption: text,
      caption_entities: [{ type: 'bot_command', offset: 0, length: text.length }],
      document,
    });
    // A document without text: the update carries a caption instead.
    const update = (from: number, text: string) => {
      const base = textUpdate('', GROUP, { id: from }, caption(text)) as { message: Record<string, unknown> };
      delete base.message.text;
      return base;
    };
    expect(await say(update(OPERATOR + 100, '/import'))).toContain("Only this group's administrators");
    const report = await say(update(ADMIN, '/import'));
    expect(report).toMatch(/Imported "Mine": 2 added, 0 skipped, 2 refused, of 4 feed\(s\)\./);
    expect(report).toMatch(/missing\.xml.*404/);
    expect(report).toMatch(/169\.254\.169\.254.*metadata/);
    expect((await app.services.chatSources.ofChat(`telegram:${GROUP.id}`)).map((s) => s.url)).toEqual([
      site.url('/north.xml'),
      site.url('/south.xml'),
    ]);
    expect(await say(textUpdate('/digest', GROUP, { id: OPERATOR + 100 }))).toContain(
      'Northton opens a new bridge',
    );

    const sentDocuments = () => fake.callsOf('sendDocument');
    expect(await say(textUpdate('/export', GROUP, { id: OPERATOR + 100 }))).toContain('2 source(s) as OPML');
    await expect.poll(() => sentDocuments().length).toBe(1);
    const file = sentDocuments()[0]!.payload.document as { filename: string; content: string };
    expect(file.filename).toBe('quotewire-sources.opml');
    expect(parseOpml(file.content).feeds.map((feed) => [feed.title, feed.xmlUrl])).toEqual([
      ['Northton', site.url('/north.xml')],
      ['Southby', site.url('/south.xml')],
    ]);
  });

  it('shows the top story’s image with /digest, as a photo captioned within 1,024 characters, unless turned off', async () => {
    await say(textUpdate(`/source add ${site.url('/pictures.xml')}`, GROUP, { id: ADMIN }));
    await app.services.poller.pollAll({ force: true });
    fake.pushUpdate(textUpdate('/digest', GROUP, { id: OPERATOR + 100 }));
    await expect.poll(() => fake.callsOf('sendPhoto').length).toBe(1);
    const photo = fake.callsOf('sendPhoto')[0]!.payload;
    expect(photo).toMatchObject({ chat_id: String(GROUP.id), photo: IMAGE, parse_mode: 'HTML' });
    expect(visibleLength(String(photo.caption))).toBeLessThanOrEqual(1024);
    expect(String(photo.caption)).toMatch(
      /^<b>Quotewire digest for .*<\/b>[\s\S]*1\. Westford opens a new bridge/,
    );

    await say(textUpdate('/subscribe', GROUP, { id: ADMIN }));
    expect(await say(textUpdate('/settings images off', GROUP, { id: ADMIN }))).toContain('Images: off');
    expect(await say(textUpdate('/digest', GROUP, { id: OPERATOR + 100 }))).toContain(
      'Westford opens a new bridge',
    );
    expect(fake.callsOf('sendPhoto')).toHaveLength(1);
  });

  it('tells the group once when its source keeps failing, in plain words with the fix', async () => {
    app.services.notices.use(telegramNotifier(adapter.bot.api, [String(OPERATOR)]));
    expect(await say(textUpdate(`/source add ${site.url('/north.xml')}`, GROUP, { id: ADMIN }))).toMatch(
      /^Added 127-0-0-1-north .* for this chat/,
    );
    site.route('/north.xml', (_req, res) => res.writeHead(410).end());
    const source = (await app.services.catalog.get('127-0-0-1-north'))!;
    for (let i = 0; i < 4; i++) await app.services.poller.pollSource(source, true);
    const notices = fake.sent(GROUP.id).filter((message) => String(message.text).includes('failed'));
    expect(notices).toHaveLength(1);
    expect(String(notices[0]!.text)).toMatch(
      /One of this chat's sources, 127-0-0-1-north .*has failed 2 times in a row: .*410.*\/source remove 127-0-0-1-north/,
    );
    expect(fake.sent(OPERATOR)).toHaveLength(0);
  });
});
