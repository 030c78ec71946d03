import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultConfigFile, loadConfig } from '../../src/config/load-config.js';

function configFile(text: string): string {
  const folder = mkdtempSync(join(tmpdir(), 'qw-config-'));
  const file = join(folder, 'quotewire.yaml');
  writeFileSync(file, text);
  return file;
}

function loadError(text: string): string {
  try {
    loadConfig({ file: configFile(text), env: {} });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('accepts the bundled sample and resolves its paths against the config folder', () => {
    const config = loadConfig({ env: {} });
    expect(config.configFile).toBe(defaultConfigFile());
    expect(config.sources[0]?.url).toMatch(/samples\/pompeo-huawei-2020-02-01\.txt$/);
    expect(config.store.url).toMatch(/^sqlite:\/\/\/.*\/data\/quotewire\.sqlite$/);
    expect(config.summarizer.engine).toBe('offline');
  });

  it('takes a section whose keys are all commented out as its defaults, not as "null is not allowed"', () => {
    const config = loadConfig({
      file: configFile(
        'sources:\n#  - url: https://example.com/feed.xml\npolling:\n#  schedule: "*/5 * * * *"\ndigest:\n  maxStories: 3\n',
      ),
      env: {},
    });
    expect(config.sources).toEqual([]);
    expect(config.polling.schedule).toBe('*/15 * * * *');
    expect(config.digest.maxStories).toBe(3);
  });

  it('fills every default from an empty file', () => {
    const config = loadConfig({ file: configFile(''), env: {} });
    expect(config.sources).toEqual([]);
    expect(config.polling.schedule).toBe('*/15 * * * *');
    expect(config.polling.allowLoopback).toBe(false);
    expect(config.digest.timeZone).toBe('UTC');
    expect(config.chatSources.maxPerChat).toBe(10);
    expect(config.polling.noticeAfterFailures).toBe(5);
  });

  it('says in words what chatSources and the failure notice take', () => {
    const message = loadError(
      'chatSources: { maxPerChat: -1, perChat: 3 }\npolling: { noticeAfterFailures: 2.5 }',
    );
    expect(message).toContain(
      'chatSources.maxPerChat: -1 is not allowed: use a whole number of sources from 0 to 1000',
    );
    expect(message).toContain('chatSources.perChat: unknown key (known: maxPerChat)');
    expect(message).toContain(
      'polling.noticeAfterFailures: 2.5 is not allowed: use a whole number from 0 to 1000',
    );
  });

  it('takes a bare URL or path in sources as { url }, checked and named like the long form', () => {
    const file = configFile(
      'sources:\n  - https://example.com/feed.xml\n  - ./notes\n  - { id: world, url: https://example.com/world.xml }\n',
    );
    const config = loadConfig({ file, env: {} });
    expect(config.sources.map((source) => source.url)).toEqual([
      'https://example.com/feed.xml',
      join(dirname(file), 'notes'),
      'https://example.com/world.xml',
    ]);
    const message = loadError('sources:\n  - htps://example.com/feed\n  - 42\n  - https://example.com/a\n');
    expect(message).toContain(
      'sources[0].url: "htps://example.com/feed" is not allowed: use a feed or page URL (http:// or https://), a file:// URL, or a file or folder path (relative to the config file); did you mean https://?',
    );
    expect(message).toContain(
      'sources[1]: 42 is not allowed: use a source: its URL or path, or { url, id?, schedule?, completeTeasers? }',
    );
    // The same address twice is a slip whether or not the two have ids of their own.
    expect(
      loadError('sources:\n  - https://example.com/a\n  - { id: other, url: https://example.com/a }\n'),
    ).toMatch(/: sources\[0\] and sources\[1\] read the same https:\/\/example\.com\/a: remove one of them$/);
  });

  it('refuses a source address with a scheme it does not read, instead of taking it for a path', () => {
    const message = loadError(
      'sources:\n  - { url: "htps://example.com/feed" }\n  - { url: "ftp://example.com/feed" }\nstore: { url: "sqlit://q.sqlite" }\n',
    );
    expect(message).toContain(
      'sources[0].url: "htps://example.com/feed" is not allowed: use a feed or page URL (http:// or https://), a file:// URL, or a file or folder path (relative to the config file); did you mean https://?',
    );
    expect(message).toMatch(
      /sources\[1\]\.url: "ftp:\/\/example\.com\/feed" is not allowed: use [^\n]*config file\)(\n|$)/,
    );
    expect(message).toContain('store.url: "sqlit://q.sqlite" is not allowed: use sqlite://<file>');
    expect(message).toContain('; did you mean sqlite://?');
    // Paths, Windows drive paths included, and the schemes it reads stay allowed.
    const config = loadConfig({
      file: configFile(
        "sources:\n  - { url: ./news }\n  - { url: 'C:\\wire' }\n  - { url: 'HTTPS://example.com/a' }\n  - { id: srv, url: 'file:///srv/news' }\n",
      ),
      env: {},
    });
    expect(config.sources).toHaveLength(4);
  });

  it('names an unknown key and suggests the right one', () => {
    const message = loadError('polling:\n  timoutSeconds: 10\n');
    expect(message).toContain('polling.timoutSeconds: unknown key, did you mean "timeoutSeconds"?');
  });

  it('names a wrongly typed key with its value and what is allowed, in plain words', () => {
    const message = loadError('polling:\n  timeoutSeconds: ten\ndigest:\n  timeZone: Mars/Olympus\n');
    expect(message).toMatch(/quotewire\.yaml has 2 problems:\n/);
    expect(message).toContain(
      'polling.timeoutSeconds: "ten" is not allowed: use a number of seconds above 0 and at most 300',
    );
    expect(message).toContain(
      'digest.timeZone: "Mars/Olympus" is not allowed: use an IANA time zone name, such as "Europe/London" or "UTC"',
    );
  });

  it("says what a range allows instead of zod's wording", () => {
    const message = loadError(
      'polling:\n  timeoutSeconds: -5\n  maxRedirects: 2.5\ndigest:\n  maxStories: 0\nlimits:\n  analysisWorkers: 17\n',
    );
    expect(message).toContain(
      'polling.timeoutSeconds: -5 is not allowed: use a number of seconds above 0 and at most 300',
    );
    expect(message).toContain('polling.maxRedirects: 2.5 is not allowed: use a whole number from 0 to 20');
    expect(message).toContain('digest.maxStories: 0 is not allowed: use a whole number from 1 to 50');
    expect(message).toContain('limits.analysisWorkers: 17 is not allowed: use a whole number from 0 to 16');
    expect(message).not.toMatch(/expected|Too small|Too big|Invalid|pattern|\/\^/);
  });

  it('explains a pattern in words, never the regular expression', () => {
    const message = loadError(
      'sources:\n  - { id: Bad_Id, url: ./a }\ndiscord:\n  guildId: 12x\ntelegram:\n  operators: [abc]\n  webhook: { path: telegram }\n',
    );
    expect(message).toContain(
      'sources[0].id: "Bad_Id" is not allowed: use lowercase letters, digits and dashes, starting with a letter or digit, at most 40 characters',
    );
    expect(message).toContain('discord.guildId: "12x" is not allowed: use a Discord server id (digits)');
    expect(message).toContain('telegram.operators[0]: "abc" is not allowed: use a Telegram user id (digits)');
    expect(message).toContain(
      'telegram.webhook.path: "telegram" is not allowed: use a path starting with "/", such as /telegram',
    );
    expect(message).not.toMatch(/pattern|\\d|\[a-z/);
  });

  it('says when YAML quoting is the mistake', () => {
    const message = loadError(
      'polling:\n  maxRedirects: "5"\n  allowLoopback: "true"\ndiscord:\n  operators: [123456789012345678901]\n',
    );
    expect(message).toContain(
      'polling.maxRedirects: "5" is not allowed: use a whole number from 0 to 20; write it without quotes',
    );
    expect(message).toContain(
      'polling.allowLoopback: "true" is not allowed: use true or false; write it without quotes',
    );
    expect(message).toMatch(
      /discord\.operators\[0\]: \d+ is not allowed: use a Discord user id \(digits\); write it in quotes/,
    );
  });

  it('names a missing value, a section given as a value, and a bad map key', () => {
    const message = loadError(
      'sources:\n  - { id: no-url }\nlimits: 5\ndigest:\n  languages:\n    DE: { title: Digest }\n',
    );
    expect(message).toContain(
      'sources[0].url: missing: use a feed or page URL (http:// or https://), a file:// URL, or a file or folder path',
    );
    expect(message).toContain(
      'limits: 5 is not allowed: use a section with the keys maxArticleChars, analysisWorkers',
    );
    expect(message).toContain(
      'digest.languages.DE: "DE" is not allowed as a key: use a language code such as "en", "de" or "pt-BR"',
    );
  });

  it('refuses a store URL the store could not open, before opening it', () => {
    for (const url of ['redis://localhost:notaport', 'redis://localhost:99999', 'mysql://db', 'sqlite://']) {
      expect(loadError(`store:\n  url: "${url}"\n`)).toContain(
        `store.url: "${url}" is not allowed: use sqlite://<file> (relative to the config file) or redis://host:port`,
      );
    }
  });

  it('puts a single problem on one line', () => {
    const message = loadError('summarizer:\n  engine: magic\n');
    expect(message).toMatch(
      /quotewire\.yaml: summarizer\.engine: "magic" is not allowed: use "offline" or "openai"$/,
    );
    expect(message).not.toContain('\n');
    expect(loadError('polling:\n  schedule: every minute\n')).toContain(
      'polling.schedule: "every minute" is not allowed: use a cron schedule with 5 fields (minute hour day month weekday; at most once a minute), such as "*/15 * * * *"',
    );
    // A seconds field would be accepted by cron and then not honoured: polls are planned by the minute.
    expect(loadError('polling:\n  schedule: "*/2 * * * * *"\n')).toContain(
      'polling.schedule: "*/2 * * * * *" is not allowed: use a cron schedule with 5 fields',
    );
  });

  it('explains a missing file and a YAML syntax error', () => {
    expect(() => loadConfig({ file: '/nonexistent/quotewire.yaml', env: {} })).toThrow(
      /cannot read the config file \/nonexistent\/quotewire\.yaml: no such file; check the path given to --config/,
    );
    expect(() => loadConfig({ env: { QUOTEWIRE_CONFIG: '/nonexistent/q.yaml' } })).toThrow(
      /no such file; check the path given to QUOTEWIRE_CONFIG/,
    );
    expect(loadError('sources: [\n  - url: a\n')).toMatch(/is not valid YAML \(line \d+\)/);
    // The likeliest slip of all, a cron schedule left unquoted, says how to write it.
    const star = loadError('polling:\n  schedule: */15 * * * *\n');
    expect(star).toMatch(/is not valid YAML \(line 2\): [^\n]*column \d+; a value that starts with \* /);
    expect(star).toMatch(/must be in quotes: schedule: "\*\/15 \* \* \* \*"$/);
    expect(loadError('polling: [\n')).not.toContain('must be in quotes');
  });

  it('takes secrets and overrides only from the environment', () => {
    const file = configFile('store:\n  url: sqlite://./x.sqlite\n');
    const config = loadConfig({
      file,
      env: { TELEGRAM_BOT_TOKEN: ' 123:abc ', QUOTEWIRE_STORE: 'redis://127.0.0.1:6399' },
    });
    expect(config.secrets.telegramBotToken).toBe('123:abc');
    expect(config.secrets.discordToken).toBeNull();
    expect(config.store.url).toBe('redis://127.0.0.1:6399');
    expect(loadConfig({ file, env: { QUOTEWIRE_CONFIG: '/elsewhere.yaml' } }).configFile).toBe(file);
  });
});
