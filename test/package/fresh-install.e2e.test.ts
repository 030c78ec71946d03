import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';

/**
 * The setup contract: on a new machine (the npm registry only, an empty home directory: no npm
 * cache, no node-gyp headers), a clone installs with `npm ci` and answers through `npm start`. A
 * dependency that downloads a binary or headers from elsewhere fails here even where this machine's
 * own caches would hide it. It clones the committed HEAD, so commit before relying on it.
 */
describe('a fresh clone on a machine with an empty home directory', () => {
  it('installs from the npm registry alone and answers /quotes pompeo', { timeout: 600_000 }, () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-fresh-'));
    const home = join(folder, 'home');
    const clone = join(folder, 'quotewire');
    execFileSync('git', ['clone', '--quiet', REPO_ROOT, clone]);
    execFileSync('mkdir', ['-p', home]);
    // Only what a new machine has: PATH, and a home directory with nothing in it.
    const env = {
      PATH: process.env.PATH ?? '',
      HOME: home,
      npm_config_cache: join(home, '.npm'),
      npm_config_userconfig: join(home, '.npmrc'),
    };
    const install = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
      cwd: clone,
      env,
      encoding: 'utf8',
    });
    expect(install.status, install.stderr).toBe(0);
    // Nothing was compiled from C sources: no node-gyp header cache appeared in the empty home.
    expect(readdirSync(home).filter((name) => name !== '.npm' && name !== '.npmrc')).toEqual([]);
    const start = spawnSync('npm', ['start', '--silent'], {
      cwd: clone,
      env,
      input: '/quotes pompeo\n',
      encoding: 'utf8',
    });
    expect(start.status, start.stderr).toBe(0);
    expect(start.stdout).toContain('The Chinese Communist Party is the central threat of our time');
  });
});
