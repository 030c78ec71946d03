import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

  it('fills every default from an empty file', () => {
    const config = loadConfig({ file: configFile(''), env: {} });
    expect(config.sources).toEqual([]);
    expect(config.polling.schedule).toBe('*/15 * * * *');
    expect(config.polling.allowLoopback).toBe(false);
    expect(config.digest.timeZone).toBe('UTC');
  });

  it('names an unknown key and suggests the right one', () => {
    const message = loadError('polling:\n  timoutSeconds: 10\n');
    expect(message).toContain('polling.timoutSeconds: unknown key, did you mean "timeoutSeconds"?');
  });

  it('names a wrongly typed key with what it expects and what it got', () => {
    const message = loadError('polling:\n  timeoutSeconds: ten\ndigest:\n  timeZone: Mars/Olympus\n');
    expect(message).toContain('2 problem(s)');
    expect(message).toContain('polling.timeoutSeconds: expected number, got "ten"');
    expect(message).toContain('digest.timeZone: expected an IANA time zone name');
  });

  it('refuses a bad cron schedule and a bad engine', () => {
    const message = loadError('polling:\n  schedule: every minute\nsummarizer:\n  engine: magic\n');
    expect(message).toContain('polling.schedule: expected a cron expression');
    expect(message).toContain('summarizer.engine: expected one of "offline", "openai", got "magic"');
  });

  it('explains a missing file and a YAML syntax error', () => {
    expect(() => loadConfig({ file: '/nonexistent/quotewire.yaml', env: {} })).toThrow(
      /no such file; pass --config/,
    );
    expect(loadError('sources: [\n  - url: a\n')).toMatch(/is not valid YAML \(line \d+\)/);
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
