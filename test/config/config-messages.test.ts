import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ConfigError, loadConfig } from '../../src/config/load-config.js';

/**
 * Every setting explains itself: whatever key holds a wrong value, the message names the key and says
 * in words what is allowed. Walks the keys of the defaults, so a setting added later is covered too.
 */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return [[...path, 0]];
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    // An empty map (digest.languages) has no keys to walk: it is listed by hand below.
    if (entries.length === 0) return [];
    return entries.flatMap(([key, inner]) => leafPaths(inner, [...path, key]));
  }
  return [path];
}

function withValue(path: (string | number)[], value: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return value;
  if (typeof head === 'number') return [withValue(rest, value)];
  return { [head]: withValue(rest, value) };
}

function keyName(path: (string | number)[]): string {
  return path
    .map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i ? '.' : ''}${segment}`))
    .join('');
}

describe('config messages', () => {
  const folder = mkdtempSync(join(tmpdir(), 'qw-config-messages-'));
  const empty = join(folder, 'empty.yaml');
  writeFileSync(empty, '');
  const defaults = loadConfig({ file: empty, env: {} });
  const {
    configFile: _file,
    secrets: _s,
    endpoints: _e,
    debug: _d,
    sources: _sources,
    ...settings
  } = defaults;
  const paths = [
    ...leafPaths(settings),
    ['sources', 0, 'url'],
    ['sources', 0, 'schedule'],
    ['sources', 0, 'id'],
  ];

  it('covers every setting', () => {
    expect(paths.length).toBeGreaterThan(45);
  });

  it.each(paths.map((path) => [keyName(path), path] as const))(
    '%s: names the key and what is allowed',
    (key, path) => {
      const file = join(folder, `${key.replace(/[^\w]+/g, '-')}.yaml`);
      writeFileSync(file, stringify(withValue(path, { wrong: [1, 2] })));
      let message = '';
      try {
        loadConfig({ file, env: {} });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toContain(`${key}: a section of keys is not allowed: use `);
      expect(message).not.toMatch(/expected|received|Invalid|Too (small|big)|pattern|undefined/);
    },
  );
});
