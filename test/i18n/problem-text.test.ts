import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { reply } from '../../src/chat/reply.js';
import { pauseReasonText } from '../../src/delivery/pause-reasons.js';
import { problemText } from '../../src/i18n/problem-text.js';
import { createHttpFetcher } from '../../src/sources/http-fetcher.js';
import { parseFeed } from '../../src/sources/feed-parser.js';
import { extractPage } from '../../src/sources/page-extractor.js';
import { problemOf } from '../../src/sources/source-problem.js';
import { startTestApp } from '../helpers/test-app.js';
import { startTestHttpServer, type TestHttpServer } from '../helpers/test-http-server.js';
import { testTranslations } from '../helpers/translations.js';

/**
 * What a chat is told when a source fails is worded from the error's problem, in the chat's language:
 * the English catalogue says what the English error says (the log's words), and the other languages
 * say it in their own words, not in English.
 */
const translations = testTranslations();
const OTHERS = ['de', 'fr', 'es'] as const;

async function thrown(work: () => unknown): Promise<unknown> {
  try {
    await work();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('source problems in every language', () => {
  let server: TestHttpServer;
  beforeAll(async () => {
    server = await startTestHttpServer({
      '/gone': (_req, res) => res.writeHead(404).end(),
      '/busy': (_req, res) => res.writeHead(429, { 'retry-after': '120' }).end(),
      '/a': (_req, res) => res.writeHead(302, { location: '/b' }).end(),
      '/b': (_req, res) => res.writeHead(302, { location: '/a' }).end(),
    });
  });
  afterAll(() => server.close());

  const open = { allowLoopback: true, allowPrivate: false };
  const fetcher = (allowLoopback: boolean) =>
    createHttpFetcher({
      timeoutMs: 5_000,
      maxBytes: 100_000,
      maxRedirects: 5,
      userAgent: 'test',
      addressPolicy: { ...open, allowLoopback },
      lookup: async () => [],
    });

  const cases: [string, () => unknown][] = [
    ['a 404', () => fetcher(true).fetch(server.url('/gone'))],
    ['a 429 with Retry-After', () => fetcher(true).fetch(server.url('/busy'))],
    ['a redirect loop', () => fetcher(true).fetch(server.url('/a'))],
    ['a loopback address', () => fetcher(false).fetch(server.url('/gone'))],
    ['a host name that does not resolve', () => fetcher(true).fetch('http://no-such-host.test/feed')],
    ['not http', () => fetcher(true).fetch('ftp://example.com/feed')],
    [
      'an HTML page without a feed',
      () => parseFeed('<!doctype html><html><body>hi</body></html>', 'https://x.test/'),
    ],
    ['plain text', () => parseFeed('just some words', 'https://x.test/')],
    ['an empty answer', () => parseFeed('  ', 'https://x.test/')],
    [
      'a page without an article',
      () => extractPage('<html><body><a href="/x">x</a></body></html>', 'https://x.test/'),
    ],
  ];

  for (const [name, work] of cases) {
    it(`words ${name} in English as the log does, and otherwise in each language`, async () => {
      const error = await thrown(work);
      const problem = problemOf(error);
      expect(problem, String(error)).not.toBeNull();
      const english = problemText(problem!, translations.translator('en'));
      // The log's sentence also names the status's English reason phrase ("404 Not Found").
      expect(english).toBe(
        (error as Error).message.replace(/ answered (\d{3}) [A-Za-z ]+;/, ' answered $1;'),
      );
      for (const language of OTHERS) {
        const said = problemText(problem!, translations.translator(language));
        expect(said).not.toBe(english);
        expect(said).not.toMatch(/[{}]|\$[a-z]/);
        // The sentence's own words change, not just its punctuation: the addresses, names and
        // protocols it quotes are the same in every language, so they are left out of the count.
        const quoted = Object.values(problem!.args).map(String).filter(Boolean);
        const words = (text: string) =>
          new Set(
            quoted
              .reduce((rest, value) => rest.split(value).join(' '), text)
              .match(/\b[a-z]{4,}\b/g)
              ?.filter((word) => !['http', 'https', 'quotewire'].includes(word)),
          );
        const shared = [...words(said)].filter((word) => words(english).has(word));
        expect(shared.length, `${language}: ${said}`).toBeLessThan(words(english).size / 2);
      }
    });
  }
});

describe('chat replies about sources in German', () => {
  let app: App;
  beforeAll(async () => {
    ({ app } = await startTestApp('sources: []'));
  });
  afterAll(() => app.close());

  const caller = (chatId: string, locale: string): Caller => ({
    platform: 'telegram',
    chatId,
    userId: '42',
    isOperator: true,
    chatType: 'private',
    locale,
  });
  const ask = async (line: string, who: Caller) =>
    renderPlainText((await runCommandLine(line, who, app.services))!);

  for (const line of [
    '/source add http://127.0.0.1:9/feed.xml',
    '/source add http://169.254.169.254/latest/meta-data/',
    '/source add gopher://example.com/feed',
    '/source add /etc/passwd',
    '/source add http://[::1]:9/feed global',
  ]) {
    it(`answers "${line}" without the English reason`, async () => {
      const english = await ask(line, caller('1', 'en'));
      const german = await ask(line, caller('2', 'de'));
      expect(english).toMatch(/^Not added: /);
      expect(german).toMatch(/^Nicht hinzugefügt: /);
      const reason = english.replace(/^Not added: /, '');
      // No English clause of the reason survives in the German answer.
      for (const clause of reason.split(/; |: /).filter((part) => /[a-z]{4,} [a-z]{3,}/.test(part))) {
        expect(german).not.toContain(clause);
      }
    });
  }
});

describe('the terminal in German', () => {
  it('says a missing OPML file is missing in German', async () => {
    const { app } = await startTestApp('sources: []\ndigest: { language: de }');
    try {
      const terminal: Caller = {
        platform: 'terminal',
        chatId: 'terminal',
        userId: 'local',
        isOperator: true,
      };
      const answer = renderPlainText(
        (await runCommandLine('/import /nowhere/feeds.opml', terminal, app.services))!,
      );
      expect(answer).toBe('Nichts importiert: unter /nowhere/feeds.opml gibt es weder Datei noch Ordner.');
    } finally {
      await app.close();
    }
  });
});

describe('pause reasons a platform gave, in the chat’s language', () => {
  const discord =
    'Missing Permissions (Discord 403/50013): the bot lacks permissions; give it Send Messages and Embed Links in the channel, then /subscribe again';
  it('quotes the platform’s own words and says what to do in the chat’s language', () => {
    const german = pauseReasonText(discord, translations.translator('de'));
    expect(german).toBe(
      'die Plattform hat das Posten hier abgelehnt ("Missing Permissions (Discord 403/50013)"); dem Bot fehlen Berechtigungen; gib ihm im Kanal „Nachrichten senden“ und „Links einbetten“, dann /subscribe erneut',
    );
    expect(pauseReasonText('bot was blocked by the user', translations.translator('es'))).toBe(
      'la plataforma rechazó publicar aquí ("bot was blocked by the user"); cuando el bot pueda volver a publicar aquí, envía /subscribe',
    );
  });
});

describe('a file at the terminal', () => {
  it('is framed in the chat’s language', () => {
    const withFile = reply.withFile('1 source', {
      name: 'a.opml',
      mimeType: 'text/x-opml',
      content: '<opml/>',
    });
    expect(renderPlainText(withFile, translations.translator('de'))).toBe(
      '1 source\n\n--- a.opml ---\n<opml/>\n--- Ende von a.opml ---',
    );
    expect(renderPlainText(withFile)).toContain('--- end of a.opml ---');
  });
});
