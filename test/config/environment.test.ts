import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qw-env-')), 'quotewire.yaml');
  writeFileSync(file, text);
  return file;
}

function loadError(text: string, env: Record<string, string>): string {
  try {
    loadConfig({ file: configFile(text), env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('environment variables', () => {
  it('refuses a bad URL at start, naming the variable', () => {
    expect(loadError('', { OPENAI_BASE_URL: 'notaurl' })).toBe(
      'OPENAI_BASE_URL: "notaurl" is not allowed: use an http:// or https:// URL of an OpenAI-compatible API, such as http://localhost:11434/v1',
    );
    expect(loadError('', { TELEGRAM_API_ROOT: 'localhost:8081' })).toMatch(
      /^TELEGRAM_API_ROOT: "localhost:8081"/,
    );
    expect(loadError('', { DISCORD_API_URL: 'ftp://proxy' })).toMatch(/^DISCORD_API_URL: "ftp:\/\/proxy"/);
  });

  it('reports every bad variable and bad key at once', () => {
    const message = loadError('polling:\n  timeoutSeconds: -5\n', {
      OPENAI_BASE_URL: 'notaurl',
      DISCORD_APPLICATION_ID: 'my-app',
      QUOTEWIRE_STORE: 'mysql://db',
      QUOTEWIRE_DEBUG: 'verbose',
    });
    expect(message).toMatch(/quotewire\.yaml and the environment have 5 problems:\n/);
    expect(message).toContain('polling.timeoutSeconds: -5 is not allowed');
    expect(message).toContain('OPENAI_BASE_URL: "notaurl" is not allowed');
    expect(message).toContain(
      'DISCORD_APPLICATION_ID: "my-app" is not allowed: use your application’s id (digits',
    );
    expect(message).toContain('QUOTEWIRE_STORE: "mysql://db" is not allowed: use sqlite://<file>');
    expect(message).toContain(
      'QUOTEWIRE_DEBUG: "verbose" is not allowed: use 1 or 0 (also true/false, yes/no, on/off)',
    );
  });

  it('says what is wrong with a secret without repeating it', () => {
    const message = loadError('', {
      TELEGRAM_BOT_TOKEN: '123:abc def-hunter2',
      DISCORD_TOKEN: 'Bot abc.def-hunter2',
      OPENAI_API_KEY: 'sk-abc\nhunter2',
      TELEGRAM_WEBHOOK_SECRET: 'my!hunter2',
    });
    expect(message).toContain(
      'TELEGRAM_BOT_TOKEN: the value set is not allowed (it has a space in it): use the token @BotFather gave',
    );
    expect(message).toContain(
      'DISCORD_TOKEN: the value set is not allowed (it starts with "Bot ": set the token alone)',
    );
    expect(message).toContain('OPENAI_API_KEY: the value set is not allowed (it has a line break in it)');
    expect(message).toContain(
      'TELEGRAM_WEBHOOK_SECRET: the value set is not allowed (it has characters other than letters, digits, _ and -): use 1 to 256 letters',
    );
    expect(message).not.toContain('hunter2');
    expect(loadError('', { TELEGRAM_BOT_TOKEN: 'abc' })).toContain(
      'TELEGRAM_BOT_TOKEN: the value set is not allowed (it is not digits, a colon, then letters, digits, _ and -)',
    );
  });

  it('accepts good values, trims pasted whitespace and treats blank as unset', () => {
    const config = loadConfig({
      file: configFile(''),
      env: {
        TELEGRAM_BOT_TOKEN: ' 123456:AAE-x_y\n',
        TELEGRAM_WEBHOOK_SECRET: 'a-b_C9',
        DISCORD_TOKEN: 'MTA.Gx-y_.z',
        DISCORD_APPLICATION_ID: '900000000000000001',
        DISCORD_API_URL: 'http://127.0.0.1:9/api/',
        TELEGRAM_API_ROOT: '',
        OPENAI_API_KEY: '   ',
        OPENAI_BASE_URL: 'http://localhost:11434/v1',
        QUOTEWIRE_DEBUG: 'yes',
      },
    });
    expect(config.secrets).toEqual({
      telegramBotToken: '123456:AAE-x_y',
      telegramWebhookSecret: 'a-b_C9',
      discordToken: 'MTA.Gx-y_.z',
      openaiApiKey: null,
      webToken: null,
    });
    expect(config.endpoints).toEqual({
      telegramApiRoot: null,
      discordApiUrl: 'http://127.0.0.1:9/api',
      discordApplicationId: '900000000000000001',
      openaiBaseUrl: 'http://localhost:11434/v1',
    });
    expect(config.debug).toBe(true);
    expect(loadConfig({ file: configFile(''), env: { QUOTEWIRE_DEBUG: '0' } }).debug).toBe(false);
    expect(loadConfig({ file: configFile(''), env: {} }).debug).toBe(false);
  });
});

describe('settings that depend on each other', () => {
  it('refuses webhook mode without its secret, only when Telegram is used', () => {
    expect(loadError('telegram:\n  mode: webhook\n', { TELEGRAM_BOT_TOKEN: '123:abc' })).toContain(
      'telegram.mode is "webhook" but TELEGRAM_WEBHOOK_SECRET is not set: set it (1 to 256 letters, digits, _ and -) or use mode: polling',
    );
    const file = configFile('telegram:\n  mode: webhook\n');
    expect(() => loadConfig({ file, env: {} })).not.toThrow();
    expect(() =>
      loadConfig({ file, env: { TELEGRAM_BOT_TOKEN: '123:abc', TELEGRAM_WEBHOOK_SECRET: 's' } }),
    ).not.toThrow();
  });

  it('refuses the openai engine with neither a key nor a server, but not a local server without a key', () => {
    expect(loadError('summarizer:\n  engine: openai\n', {})).toMatch(
      /OPENAI_API_KEY is not set: .*summarizer\.openai\.baseURL \(or OPENAI_BASE_URL\).*11434/,
    );
    const file = configFile('summarizer:\n  engine: openai\n');
    expect(() => loadConfig({ file, env: { OPENAI_API_KEY: 'sk-1' } })).not.toThrow();
    expect(() => loadConfig({ file, env: { OPENAI_BASE_URL: 'http://localhost:11434/v1' } })).not.toThrow();
    const local = configFile(
      'summarizer:\n  engine: openai\n  openai:\n    baseURL: http://localhost:8080/v1\n',
    );
    expect(loadConfig({ file: local, env: {} }).endpoints.openaiBaseUrl).toBe('http://localhost:8080/v1');
  });

  it('refuses two sources with one id, naming both places', () => {
    const message = loadError(
      [
        'sources:',
        '  - url: https://www.example.com/world/rss.xml',
        '  - { id: local, url: ./notes }',
        '  - { id: local, url: ./other }',
        '  - url: https://example.com/world/rss.xml',
        '  - url: ./notes',
      ].join('\n'),
      {},
    );
    expect(message).toContain('has 3 problems');
    expect(message).toContain(
      'sources[1] and sources[2] have the same id "local": give one of them another id, such as id: local-2',
    );
    expect(message).toContain(
      'sources[0] and sources[3] have the same id "example-com-world-rss" (made from the URL where no id is given): give one of them another id, such as id: example-com-world-rss-2',
    );
    // ./notes alone would be "notes", another id than sources[1]'s "local": no clash of ids, but the
    // same folder read twice, which is a slip too.
    expect(message).not.toContain('sources[4] have the same id');
    expect(message).toMatch(/sources\[1\] and sources\[4\] read the same \/.*\/notes: remove one of them/);
    const same = loadError('sources:\n  - url: ./a.txt\n  - url: ./a.txt\n', {});
    expect(same).toMatch(/sources\[0\] and sources\[1\] read the same \/.*\/a\.txt: remove one of them$/);
  });

  it('reports duplicate sources even when another key is wrong too', () => {
    const message = loadError(
      'sources:\n  - { id: a, url: ./x }\n  - { id: a, url: ./y }\npolling:\n  maxBytes: 0\n',
      {},
    );
    expect(message).toContain('polling.maxBytes: 0 is not allowed: use a whole number of bytes, 1 or more');
    expect(message).toContain('sources[0] and sources[1] have the same id "a"');
  });
});
