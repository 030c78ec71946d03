import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FAKE_APP_ID, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord-server.js';
import { startFakeTelegram, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

/** The built `quotewire start` with these variables, its stderr collected as it comes. */
function start(env: Record<string, string>): {
  child: ChildProcess;
  stderr: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, stderr: () => stderr, exit };
}

/** A loopback port nothing listens on (yet). */
function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const tempStore = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-life-')), 'store.sqlite')}`;

describe('start with no token and standard input closed (a container without a token)', () => {
  it('keeps polling, says why it is not chatting, and stops on SIGTERM with exit 0', async () => {
    const run = start({ QUOTEWIRE_STORE: tempStore() });
    try {
      await expect
        .poll(run.stderr, { timeout: 45_000 })
        .toContain('no bot token is set and standard input is closed');
      expect(run.stderr()).toContain('TELEGRAM_BOT_TOKEN or DISCORD_TOKEN');
      // Still running a moment later: a restart policy is not sent into a loop.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(run.child.exitCode).toBeNull();
    } finally {
      run.child.kill('SIGTERM');
    }
    expect(await run.exit).toBe(0);
  });
});

describe('a service whose platform cannot log in (the built process)', () => {
  let telegram: FakeTelegram | undefined;
  let discord: FakeDiscord | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
    await telegram?.close();
    await discord?.close();
    telegram = discord = undefined;
  });

  it('exits 1 with one line naming TELEGRAM_BOT_TOKEN when Telegram refuses the token', async () => {
    telegram = await startFakeTelegram({ token: '777:right' });
    const run = start({
      TELEGRAM_BOT_TOKEN: '777:wrong',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      QUOTEWIRE_STORE: tempStore(),
    });
    children.push(run.child);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /(^|\n)quotewire: cannot run: Telegram refused the bot token \(401 Unauthorized\): check TELEGRAM_BOT_TOKEN/,
    );
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it('exits 1 naming DISCORD_TOKEN when Discord refuses the token', async () => {
    discord = await startFakeDiscord({ token: 'right-token' });
    const run = start({
      DISCORD_TOKEN: 'wrong-token',
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      QUOTEWIRE_STORE: tempStore(),
    });
    children.push(run.child);
    expect(await run.exit).toBe(1);
    expect(run.stderr()).toMatch(
      /(^|\n)quotewire: cannot run: Discord refused the bot token: check DISCORD_TOKEN/,
    );
    expect(run.stderr()).not.toMatch(/\n\s+at /);
  });

  it('keeps running when one of two platforms refuses its token, and health says which and why', async () => {
    telegram = await startFakeTelegram({ token: '777:right' });
    discord = await startFakeDiscord({ token: 'right-token' });
    const store = tempStore();
    const env = {
      TELEGRAM_BOT_TOKEN: '777:right',
      TELEGRAM_API_ROOT: telegram.apiRoot,
      DISCORD_TOKEN: 'wrong-token',
      DISCORD_API_URL: discord.apiUrl,
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      QUOTEWIRE_STORE: store,
    };
    const run = start(env);
    children.push(run.child);
    await expect.poll(run.stderr, { timeout: 45_000 }).toContain('receiving updates by long polling');
    await expect.poll(run.stderr, { timeout: 45_000 }).toContain('Discord refused the bot token');
    const health = await runCli(['health'], { env: { QUOTEWIRE_STORE: store } });
    expect(health.code).toBe(1);
    expect(health.stdout).toMatch(/^unhealthy/);
    expect(health.stdout).toMatch(/telegram: up/);
    expect(health.stdout).toMatch(/discord: down \(Discord refused the bot token: check DISCORD_TOKEN/);
    expect(health.stdout).toMatch(/store: up/);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('retries an unreachable Telegram, logging a network failure, and recovers when it answers', async () => {
    const port = await closedPort();
    const store = tempStore();
    const run = start({
      TELEGRAM_BOT_TOKEN: '777:right',
      TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      QUOTEWIRE_STORE: store,
    });
    children.push(run.child);
    await expect
      .poll(run.stderr, { timeout: 45_000 })
      .toMatch(/telegram: cannot reach the Bot API \(ECONNREFUSED.*\); trying again in 2 s/);
    expect(run.stderr()).not.toMatch(/token/i);
    // The request URL holds the token: it never reaches the log.
    expect(run.stderr()).not.toContain('777:right');
    const down = await runCli(['health'], { env: { QUOTEWIRE_STORE: store } });
    expect(down.code).toBe(1);
    expect(down.stdout).toMatch(/telegram: (starting|down)/);

    telegram = await startFakeTelegram({ token: '777:right', port });
    await expect.poll(run.stderr, { timeout: 30_000 }).toContain('receiving updates by long polling');
    await expect
      .poll(async () => (await runCli(['health'], { env: { QUOTEWIRE_STORE: store } })).code, {
        timeout: 45_000,
      })
      .toBe(0);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });

  it('retries a Discord it cannot resolve, blaming the network, not the token', async () => {
    const run = start({
      DISCORD_TOKEN: 'any-token',
      DISCORD_API_URL: 'http://discord-does-not-resolve.invalid/api',
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      QUOTEWIRE_STORE: tempStore(),
    });
    children.push(run.child);
    await expect
      .poll(run.stderr, { timeout: 45_000 })
      .toMatch(
        /discord: cannot reach Discord \([^)]*ENOTFOUND[^)]*\); trying again in 2 s[\s\S]*trying again in 4 s/,
      );
    expect(run.stderr()).not.toMatch(/DISCORD_TOKEN|refused the bot token/);
    run.child.kill('SIGTERM');
    expect(await run.exit).toBe(0);
  });
});
