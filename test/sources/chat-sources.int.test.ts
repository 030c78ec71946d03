import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import type { Reply } from '../../src/chat/reply.js';
import type { Notifier } from '../../src/sources/source-notices.js';
import { startTestApp } from '../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';

let server: TestHttpServer | undefined;
let app: App | undefined;
let logger: Awaited<ReturnType<typeof startTestApp>>['logger'] | undefined;
afterEach(async () => {
  await app?.close();
  await server?.close();
  app = undefined;
  server = undefined;
});

function feed(title: string, guid: string, headline: string, body: string): string {
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title>
<item><title>${headline}</title><link>http://127.0.0.1/${guid}</link><guid>${guid}</guid>
<description>${body}</description></item></channel></rss>`;
}

const HARBOUR = feed(
  'Harbour Gazette',
  'harbour-1',
  'Harbour crane collapses during storm',
  'A harbour crane collapsed during the storm on Tuesday night, and engineers said the quay would stay closed for a week while the wreck is cleared.',
);
const ORCHARD = feed(
  'Orchard Weekly',
  'orchard-1',
  'Apple growers report record harvest',
  'Apple growers in the valley reported a record harvest this autumn, helped by a mild spring and fewer frosts than in any year of the past decade.',
);

const groupAdmin = (chatId: string): Caller => ({
  platform: 'telegram',
  chatId,
  userId: '10',
  isOperator: false,
  chatType: 'group',
  isChatAdmin: true,
});
const groupMember: Caller = {
  platform: 'telegram',
  chatId: '-100',
  userId: '11',
  isOperator: false,
  chatType: 'group',
  isChatAdmin: false,
};
const terminal: Caller = { platform: 'terminal', chatId: 't', userId: 'op', isOperator: true };

async function say(line: string, caller: Caller): Promise<string> {
  const answer = await runCommandLine(line, caller, app!.services);
  return answer ? renderPlainText(answer) : '';
}

async function start(extra = '', polling = 'allowLoopback: true, completeTeasers: false'): Promise<void> {
  server = await startTestHttpServer({
    '/harbour.xml': (_req, res) => res.end(HARBOUR),
    '/orchard.xml': (_req, res) => res.end(ORCHARD),
  });
  ({ app, logger } = await startTestApp(
    `sources:\n  - { id: orchard, url: ${server.url('/orchard.xml')} }\npolling: { ${polling} }\n${extra}`,
  ));
  await app.services.poller.pollAll({ force: true });
}

const fetchesOf = (path: string) => server!.requests.filter((request) => request.url === path).length;

describe("a chat's own sources", () => {
  it('are added by chat admins, fetched once for every chat that follows them, and shown in /sources', async () => {
    await start();
    const url = server!.url('/harbour.xml');
    expect(await say(`/source add ${url}`, groupMember)).toBe(
      "Only this group's administrators can change this chat's sources. Ask one of them; meanwhile anyone can use /digest and /quotes.",
    );
    expect(await say(`/source add ${url}`, groupAdmin('-100'))).toMatch(
      /^Added 127-0-0-1-harbour \(http:\/\/127\.0\.0\.1:\d+\/harbour\.xml\) for this chat: 1 article\(s\) stored so far\./,
    );
    const fetched = fetchesOf('/harbour.xml');
    expect(await say(`/source add ${url}`, groupAdmin('-200'))).toMatch(
      /^Added 127-0-0-1-harbour .* for this chat\. Other chats read it already, so it is shared/,
    );
    // Shared: the second chat's add fetched nothing, and one poll fetches it once for both chats.
    expect(fetchesOf('/harbour.xml')).toBe(fetched);
    await app!.services.poller.pollAll({ force: true });
    expect(fetchesOf('/harbour.xml')).toBe(fetched + 1);
    expect((await app!.services.catalog.list()).map((source) => source.id)).toEqual([
      'orchard',
      '127-0-0-1-harbour',
    ]);

    expect(await say(`/source add ${url}`, groupAdmin('-100'))).toBe(
      "Not added: already one of this chat's sources, as 127-0-0-1-harbour",
    );
    expect(await say(`/source add ${server!.url('/orchard.xml')}`, groupAdmin('-100'))).toBe(
      'Not added: already read for every chat, as orchard',
    );
    expect(await say('/source add http://169.254.169.254/latest/meta-data/', groupAdmin('-100'))).toMatch(
      /^Not added: refused: .*metadata/,
    );

    const listed = await say('/sources', groupMember);
    expect(listed).toMatch(
      /This chat's sources \(1 of 10\)[\s\S]*127-0-0-1-harbour \(added by telegram:10 .*, read by 2 chats\)/,
    );
    expect(listed).toMatch(/Sources for every chat \(1\)[\s\S]*orchard \(config file\)/);
    const elsewhere = await say('/sources', groupAdmin('-300'));
    expect(elsewhere).toContain("This chat's sources (0 of 10)");
    expect(elsewhere).not.toContain('harbour');
    expect(await say('/sources', terminal)).toMatch(/Chats' own sources \(1\)[\s\S]*127-0-0-1-harbour/);
  });

  it("reach only their chats' digests, also after the last chat drops them", async () => {
    await start();
    await say(`/source add ${server!.url('/harbour.xml')}`, groupAdmin('-100'));
    const digestOf = (caller: Caller) => say('/digest', caller);
    expect(await digestOf(groupAdmin('-100'))).toContain('Harbour crane');
    expect(await digestOf(groupAdmin('-100'))).toContain('Apple growers');
    expect(await digestOf(groupAdmin('-200'))).not.toContain('Harbour crane');
    expect(await digestOf(groupAdmin('-200'))).toContain('Apple growers');
    expect(await digestOf(terminal)).not.toContain('Harbour crane');

    expect(await say('/source remove 127-0-0-1-harbour', groupAdmin('-200'))).toBe(
      'This chat has no source "127-0-0-1-harbour". /sources lists the ids.',
    );
    expect(await say('/source remove 127-0-0-1-harbour', groupAdmin('-100'))).toBe(
      "Removed 127-0-0-1-harbour from this chat's sources. Its articles stay in the store.",
    );
    expect((await app!.services.catalog.list()).map((source) => source.id)).toEqual(['orchard']);
    expect(await digestOf(groupAdmin('-200'))).not.toContain('Harbour crane');
    expect(await digestOf(terminal)).not.toContain('Harbour crane');
  });

  it('keeps to the per-chat quota, and an operator can make a chat source global', async () => {
    await start('chatSources: { maxPerChat: 1 }');
    await say(`/source add ${server!.url('/harbour.xml')}`, groupAdmin('-100'));
    server!.route('/third.xml', (_req, res) => res.end(HARBOUR.replaceAll('harbour-1', 'harbour-3')));
    expect(await say(`/source add ${server!.url('/third.xml')}`, groupAdmin('-100'))).toBe(
      'Not added: this chat has 1 source(s), as many as this bot allows; /source remove <id> one first',
    );
    expect(await say(`/source add ${server!.url('/harbour.xml')} global`, terminal)).toBe(
      `Added 127-0-0-1-harbour (${server!.url('/harbour.xml')}): it is read for every chat now.`,
    );
    expect(await say('/digest', groupAdmin('-200'))).toContain('Harbour crane');
    // The chat's slot is free again.
    expect(await say(`/source add ${server!.url('/third.xml')}`, groupAdmin('-100'))).toMatch(/^Added /);
  });

  it('cannot be added when the operator sets chatSources.maxPerChat to 0', async () => {
    await start('chatSources: { maxPerChat: 0 }');
    expect(await say(`/source add ${server!.url('/harbour.xml')}`, groupAdmin('-100'))).toBe(
      "Not added: this bot's operator has not allowed chats to add their own sources (chatSources.maxPerChat is 0)",
    );
  });
});

describe('/import and /export at the terminal', () => {
  it('imports an OPML file by its path for every chat, and prints the OPML after the reply', async () => {
    await start();
    const file = join(mkdtempSync(join(tmpdir(), 'qw-import-')), 'feeds.opml');
    writeFileSync(
      file,
      `<opml version="2.0"><body><outline text="x"><outline xmlUrl="${server!.url('/harbour.xml')}" text="H"/></outline></body></opml>`,
    );
    expect(await say('/import', terminal)).toBe('Give the path of an OPML file: /import ./feeds.opml');
    expect(await say(`/import ${file}`, terminal)).toMatch(
      /^Imported 1 added, 0 skipped, 0 refused, of 1 feed\(s\)\.\n\n== Added ==\n\n {2}• http:\/\/127\.0\.0\.1:\d+\/harbour\.xml as 127-0-0-1-harbour$/,
    );
    const exported = await say('/export', terminal);
    expect(exported).toMatch(/^2 source\(s\) as OPML: .*\n\n--- quotewire-sources\.opml ---\n<\?xml/);
    expect(exported).toContain('text="Harbour Gazette" title="Harbour Gazette"');
    expect(exported).toMatch(/<\/opml>\n--- end of quotewire-sources\.opml ---$/);
    // In a chat without sources of its own, /export says how to get some.
    expect(await say('/export', groupAdmin('-100'))).toMatch(/^This chat has no sources of its own yet/);
    expect(await say('/import', groupAdmin('-100'))).toMatch(
      /^Send your \.opml file with \/import as its caption/,
    );
  });
});

describe('importing a large OPML file', () => {
  it('checks a few feeds at a time, reports them in the file order, and adds an address written twice once', async () => {
    await start('');
    let inFlight = 0;
    let most = 0;
    for (let n = 0; n < 8; n++) {
      server!.route(`/wire-${n}.xml`, (_req, res) => {
        inFlight++;
        most = Math.max(most, inFlight);
        // Each feed answers after a while, as remote feeds do, so checks overlap if they can.
        setTimeout(() => {
          inFlight--;
          res.end(
            feed(
              `Wire ${n}`,
              `wire-${n}`,
              `Story ${n} of the wires`,
              `Body of story ${n}, long enough to read.`,
            ),
          );
        }, 60);
      });
    }
    const urls = Array.from({ length: 8 }, (_, n) => server!.url(`/wire-${n}.xml`));
    const twice = urls[2]!.replace('http://', 'HTTP://');
    const outlines = [...urls, twice].map((url) => `<outline type="rss" text="w" xmlUrl="${url}"/>`).join('');
    const file = join(mkdtempSync(join(tmpdir(), 'qw-import-')), 'wires.opml');
    writeFileSync(file, `<opml version="2.0"><body>${outlines}</body></opml>`);
    const answer = await say(`/import ${file}`, terminal);
    expect(answer).toMatch(/^Imported 8 added, 1 skipped, 0 refused, of 9 feed\(s\)\./);
    const added = [...answer.matchAll(/wire-(\d)\.xml as/g)].map((match) => Number(match[1]));
    expect(added).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(answer).toContain(`${twice}: listed twice in the file`);
    // Several at once, never more than four.
    expect(most).toBeGreaterThan(1);
    expect(most).toBeLessThanOrEqual(4);
  });
});

describe('/export with only local sources', () => {
  it('says there is no address to export, rather than counting files it cannot list', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-local-'));
    writeFileSync(join(folder, 'note.txt'), 'A local note. It has two sentences.');
    ({ app } = await startTestApp(`sources:\n  - { id: notes, url: "${folder}" }\n`));
    expect(await say('/export', terminal)).toBe(
      'There are no feed or page addresses to export (local files and folders have none).',
    );
  });
});

describe('telling people when a source breaks', () => {
  /** A platform that records what it was asked to send (the real ones are tested on the fake servers). */
  function recordingNotifier(): Notifier & { sent: { to: string; text: string }[] } {
    const sent: { to: string; text: string }[] = [];
    const text = (message: Reply) => renderPlainText(message);
    return {
      platform: 'telegram',
      sent,
      async toChat(chatId, message) {
        sent.push({ to: chatId, text: text(message) });
      },
      async toOperators(message) {
        sent.push({ to: 'operators', text: text(message) });
        return 1;
      },
    };
  }

  it('tells the chats once after N failures in a row, and again only after it recovered and broke again', async () => {
    await start('');
    let broken = false;
    server!.route('/flaky.xml', (_req, res) => (broken ? res.writeHead(404).end() : res.end(HARBOUR)));
    const notifier = recordingNotifier();
    app!.services.notices.use(notifier);
    await say(`/source add ${server!.url('/flaky.xml')}`, groupAdmin('-100'));
    await say(`/source add ${server!.url('/flaky.xml')}`, groupAdmin('-200'));
    const source = (await app!.services.catalog.get('127-0-0-1-flaky'))!;
    broken = true;
    for (let i = 0; i < 7; i++) await app!.services.poller.pollSource(source, true);
    expect(notifier.sent.map((notice) => notice.to)).toEqual(['-100', '-200']);
    expect(notifier.sent[0]!.text).toMatch(
      /^One of this chat's sources, 127-0-0-1-flaky \(http:\/\/127\.0\.0\.1:\d+\/flaky\.xml\), has failed 5 times in a row: .*404.*\. Quotewire keeps trying and will not say this again until it works again\. To fix it: .*\/source remove 127-0-0-1-flaky/,
    );
    broken = false;
    await app!.services.poller.pollSource(source, true);
    broken = true;
    for (let i = 0; i < 5; i++) await app!.services.poller.pollSource(source, true);
    expect(notifier.sent).toHaveLength(4);
  });

  it('promises a retry only for sources it polls: an address refused on a passing error says "try again later"', async () => {
    await start('');
    let down = true;
    server!.route('/moody.xml', (_req, res) => (down ? res.writeHead(503).end() : res.end(HARBOUR)));
    const refused = await say(`/source add ${server!.url('/moody.xml')}`, groupAdmin('-100'));
    expect(refused).toMatch(/^Not added: .*moody\.xml answered 503; the site may be down; try again later$/);
    expect(refused).not.toContain('retry');
    expect(
      await say(`/source add ${server!.url('/moody.xml')}`, { ...groupAdmin('-300'), locale: 'de' }),
    ).toMatch(/die Website ist vielleicht gestört; versuche es später noch einmal$/);
    // The English reason (the CLI, the log, the web console) says the same.
    const result = await app!.services.admission.addForChat(
      server!.url('/moody.xml'),
      'telegram:-100',
      '10',
      5,
    );
    expect(result).toMatchObject({ kind: 'refused', reason: expect.stringMatching(/; try again later$/) });
    down = false;
    expect(await say(`/source add ${server!.url('/moody.xml')}`, groupAdmin('-100'))).toMatch(/^Added /);
    down = true;
    const source = (await app!.services.catalog.get('127-0-0-1-moody'))!;
    await app!.services.poller.pollSource(source, true);
    expect(await say('/sources', groupAdmin('-100'))).toContain(
      'the site may be down, Quotewire will retry with backoff',
    );
  });

  it("speaks each chat's language: replies, /sources, the OPML report and the notice", async () => {
    await start('', 'allowLoopback: true, completeTeasers: false, noticeAfterFailures: 2');
    let broken = false;
    server!.route('/flaky.xml', (_req, res) => (broken ? res.writeHead(404).end() : res.end(HARBOUR)));
    const notifier = recordingNotifier();
    app!.services.notices.use(notifier);
    // A German admin speaks first in -300 (its language is now German); -100 stays English.
    const german: Caller = { ...groupAdmin('-300'), locale: 'de-AT' };
    expect(await say(`/source add ${server!.url('/flaky.xml')}`, german)).toMatch(
      /^127-0-0-1-flaky \(http:.*\) für diesen Chat hinzugefügt: bisher 1 Artikel gespeichert\./,
    );
    expect(await say(`/source add ${server!.url('/flaky.xml')}`, groupAdmin('-100'))).toMatch(
      /^Added 127-0-0-1-flaky .* for this chat\. Other chats read it already/,
    );
    expect(await say(`/source add ${server!.url('/flaky.xml')}`, german)).toBe(
      'Nicht hinzugefügt: schon eine Quelle dieses Chats, als 127-0-0-1-flaky',
    );
    const sources = await say('/sources', german);
    expect(sources).toContain('== Quellen dieses Chats (1 von ');
    expect(sources).toContain('== Quellen für alle Chats (1) ==');
    expect(await say('/source remove orchard', { ...german, isChatAdmin: true })).toBe(
      'orchard wird für alle Chats gelesen; nur die Betreiber des Bots können sie entfernen.',
    );
    expect(await say('/import', german)).toMatch(/^Sende deine \.opml-Datei mit \/import/);
    const opml = `<opml version="2.0"><head><title>Meine</title></head><body>
<outline type="rss" text="A" xmlUrl="${server!.url('/harbour.xml')}"/>
<outline type="rss" text="B" xmlUrl="${server!.url('/harbour.xml')}"/></body></opml>`;
    const withFile: Caller = {
      ...german,
      attachment: { name: 'feeds.opml', size: opml.length, read: async () => opml },
    };
    expect(await say('/import', withFile)).toMatch(
      /^„Meine“ importiert: 1 hinzugefügt, 1 übersprungen, 0 abgelehnt, von 2 Feed\(s\)\.\n\n== Hinzugefügt ==\n\n {2}• http:.*harbour\.xml als 127-0-0-1-harbour\n\n== Übersprungen ==\n\n {2}• http:.*harbour\.xml: doppelt in der Datei$/,
    );
    const notOpml: Caller = {
      ...german,
      attachment: { ...withFile.attachment!, read: async () => '<rss/>' },
    };
    expect(await say('/import', notOpml)).toBe(
      'Nichts importiert: die Datei ist <rss>-XML, kein OPML; exportiere deine Feeds als OPML aus deinem Reader.',
    );
    const source = (await app!.services.catalog.get('127-0-0-1-flaky'))!;
    broken = true;
    for (let i = 0; i < 2; i++) await app!.services.poller.pollSource(source, true);
    const byChat = new Map(notifier.sent.map((notice) => [notice.to, notice.text]));
    expect(byChat.get('-300')).toMatch(
      /^Eine der Quellen dieses Chats, 127-0-0-1-flaky \(.*\), ist 2-mal hintereinander fehlgeschlagen: .*404.*So behebst du es: prüfe/,
    );
    expect(byChat.get('-100')).toMatch(/^One of this chat's sources, 127-0-0-1-flaky/);
  });

  it('logs how to get notices when no operator could be told', async () => {
    await start('', 'allowLoopback: true, completeTeasers: false, noticeAfterFailures: 2');
    app!.services.notices.use({ ...recordingNotifier(), toOperators: async () => 0 });
    server!.route('/orchard.xml', (_req, res) => res.writeHead(500).end());
    const orchard = (await app!.services.catalog.get('orchard'))!;
    for (let i = 0; i < 2; i++) await app!.services.poller.pollSource(orchard, true);
    expect(logger!.lines.join('\n')).toContain(
      'no operator was told about source orchard: none is listed in telegram.operators or discord.operators',
    );
  });

  it('tells the operators about a source every chat reads, and chats when an operator removes theirs', async () => {
    await start('', 'allowLoopback: true, completeTeasers: false, noticeAfterFailures: 2');
    const notifier = recordingNotifier();
    app!.services.notices.use(notifier);
    server!.route('/orchard.xml', (_req, res) => res.writeHead(500).end());
    const orchard = (await app!.services.catalog.get('orchard'))!;
    for (let i = 0; i < 3; i++) await app!.services.poller.pollSource(orchard, true);
    expect(notifier.sent).toEqual([
      {
        to: 'operators',
        text: expect.stringMatching(
          /^A source every chat reads, orchard .*has failed 2 times in a row: .*500.*change its url in the config file/,
        ),
      },
    ]);
    await say(`/source add ${server!.url('/harbour.xml')}`, groupAdmin('-100'));
    expect(await say('/source remove 127-0-0-1-harbour', terminal)).toBe(
      'Removed 127-0-0-1-harbour, a source of 1 chat(s); they have been told. Its articles stay in the store.',
    );
    expect(notifier.sent[1]).toEqual({
      to: '-100',
      text: expect.stringMatching(/^The bot's operator has removed 127-0-0-1-harbour/),
    });
  });
});
