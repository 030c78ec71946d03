import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SHUTDOWN_GRACE_MS } from '../../src/cli/start-command.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

// No Docker engine runs here (or in CI), so the image is never built in a test: these checks read the
// Dockerfile, .dockerignore and compose.yaml for the mistakes a build or a first run would show.
const read = (name: string) => readFileSync(join(REPO_ROOT, name), 'utf8');

/** Whether .dockerignore leaves `path` in the build context (last matching line wins, as Docker does). */
function inContext(path: string): boolean {
  let included = true;
  for (const raw of read('.dockerignore').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negated = line.startsWith('!');
    const pattern = negated ? line.slice(1) : line;
    const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}(/|$)`);
    if (regex.test(path)) included = negated;
  }
  return included;
}

describe('the Dockerfile and compose.yaml', () => {
  const dockerfile = read('Dockerfile');

  it('copies only files that exist and that .dockerignore leaves in the build context', () => {
    const copies = [...dockerfile.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((match) =>
      match[1]!.split(/\s+/),
    );
    expect(copies.length).toBeGreaterThan(4);
    for (const source of copies) {
      expect(existsSync(join(REPO_ROOT, source)), `${source} exists`).toBe(true);
      expect(inContext(source.replace(/\/$/, '')), `${source} is in the build context`).toBe(true);
    }
  });

  it('starts the built CLI that package.json names, with a health check, and keeps the store on the volume', () => {
    const bin = JSON.parse(read('package.json')).bin.quotewire as string;
    expect(dockerfile).toContain(`"${bin}", "start"]`);
    expect(dockerfile).toContain(`"${bin}", "health"]`);
    expect(existsSync(join(REPO_ROOT, bin.replace(/^dist\//, '').replace(/\.js$/, '.ts')))).toBe(true);
    const volume = /^VOLUME \["([^"]+)"\]/m.exec(dockerfile)![1]!;
    const store = /^ENV QUOTEWIRE_STORE=sqlite:\/\/(\S+)$/m.exec(dockerfile)![1]!;
    expect(store.startsWith(`${volume}/`)).toBe(true);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/^EXPOSE 8443$/m);
  });

  it('compose mounts the same volume, reads secrets from .env and scales with a Redis profile', () => {
    const compose = parse(read('compose.yaml')) as {
      services: Record<
        string,
        { build?: string; volumes?: string[]; env_file?: unknown[]; profiles?: string[]; ports?: unknown }
      >;
      volumes: Record<string, unknown>;
    };
    const bot = compose.services.bot!;
    expect(bot.build).toBe('.');
    const volume = /^VOLUME \["([^"]+)"\]/m.exec(dockerfile)![1]!;
    expect(bot.volumes).toContain(`quotewire-data:${volume}`);
    expect(Object.keys(compose.volumes)).toContain('quotewire-data');
    expect(bot.env_file).toEqual([{ path: '.env', required: false }]);
    // A fixed host port would make --scale bot=3 fail.
    expect(bot.ports).toBeUndefined();
    expect(compose.services.redis!.profiles).toEqual(['redis']);
    // The bot starts once Redis answers, which needs a health check on Redis to wait for.
    const waits = (bot as { depends_on?: Record<string, { condition?: string }> }).depends_on;
    expect(waits?.redis?.condition).toBe('service_healthy');
    const health = (compose.services.redis as { healthcheck?: { test?: string[] } }).healthcheck;
    expect(health?.test).toEqual(['CMD', 'redis-cli', 'ping']);
    // docker stop waits this long before SIGKILL: longer than Quotewire's own grace after SIGTERM.
    const grace = /^(\d+)s$/.exec(String((bot as { stop_grace_period?: string }).stop_grace_period));
    expect(Number(grace?.[1]) * 1000).toBeGreaterThan(SHUTDOWN_GRACE_MS);
    expect(read('compose.yaml')).toContain('docker compose --profile redis up -d --scale bot=3');
  });
});
