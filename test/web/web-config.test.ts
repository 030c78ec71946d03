import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliArguments, UsageError } from '../../src/cli/arguments.js';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

function configFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'qw-web-config-')), 'quotewire.yaml');
  writeFileSync(file, text);
  return file;
}

function loadError(text: string, env: Record<string, string> = {}): string {
  try {
    loadConfig({ file: configFile(text), env });
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('expected a ConfigError');
}

describe('the web settings', () => {
  it('are off by default, on this machine only, with the public pages and the console', () => {
    const config = loadConfig({ file: configFile(''), env: {} });
    expect(config.web).toEqual({
      enabled: false,
      host: '127.0.0.1',
      port: 8080,
      publicUrl: null,
      publicPages: true,
      console: true,
      sessionHours: 12,
    });
    expect(config.secrets.webToken).toBeNull();
  });

  it('say what is wrong with a key, in words', () => {
    expect(loadError('web:\n  port: 70000\n')).toMatch(
      /web\.port: 70000 is not allowed: use a whole number from 0 to 65535$/,
    );
    expect(loadError('web:\n  publicUrl: ftp://quotes.example\n')).toMatch(
      /web\.publicUrl: "ftp:\/\/quotes\.example" is not allowed: use an http:\/\/ or https:\/\/ URL, such as https:\/\/quotes\.example\.com$/,
    );
    expect(loadError('web:\n  enable: true\n')).toMatch(/web\.enable: unknown key, did you mean "enabled"\?/);
  });

  it('check QUOTEWIRE_WEB_TOKEN without ever repeating it', () => {
    const short = loadError('', { QUOTEWIRE_WEB_TOKEN: 'hunter2' });
    expect(short).toBe(
      'QUOTEWIRE_WEB_TOKEN: the value set is not allowed (it is shorter than 24 characters): use a password for the web console of 24 to 256 letters, digits and -._~+/= (for example: openssl rand -base64 32)',
    );
    expect(loadError('', { QUOTEWIRE_WEB_TOKEN: 'abcdefghijkl mnopqrstuvwxyz' })).toContain(
      'it has a space in it',
    );
    expect(loadError('', { QUOTEWIRE_WEB_TOKEN: 'abcdefghijklmnopqrstuvwxyz<>' })).not.toContain('<>');
    const config = loadConfig({
      file: configFile(''),
      env: { QUOTEWIRE_WEB_TOKEN: ' abcdefghijklmnopqrstuvwxyz0123 \n' },
    });
    expect(config.secrets.webToken).toBe('abcdefghijklmnopqrstuvwxyz0123');
  });

  it('are turned on by start --web, which only start takes', () => {
    expect(parseCliArguments(['start', '--web']).web).toBe(true);
    expect(parseCliArguments(['start']).web).toBe(false);
    expect(() => parseCliArguments(['digest', '--web'])).toThrow(UsageError);
    expect(() => parseCliArguments(['digest', '--web'])).toThrow(
      'digest does not take --web: only start takes it',
    );
  });
});
