import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAKE_APP_ID,
  FAKE_GUILD_ID,
  slashCommand,
  startFakeDiscord,
  type FakeDiscord,
} from '../helpers/fake-discord-server.js';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { REPO_ROOT, runCli } from '../helpers/run-cli.js';

const tempStore = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-dc-')), 'store.sqlite')}`;

describe('quotewire with DISCORD_TOKEN (the built process against a fake Discord)', () => {
  let fake: FakeDiscord | undefined;
  let telegram: FakeTelegram | undefined;
  afterEach(async () => {
    await fake?.close();
    await telegram?.close();
  });

  it('start answers slash commands beside Telegram, then stops on SIGTERM with exit 0', async () => {
    fake = await startFakeDiscord();
    telegram = await startFakeTelegram({ token: '777:e2e' });
    const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        DISCORD_TOKEN: 'e2e-token',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_APPLICATION_ID: FAKE_APP_ID,
        TELEGRAM_BOT_TOKEN: '777:e2e',
        TELEGRAM_API_ROOT: telegram.apiRoot,
        QUOTEWIRE_STORE: tempStore(),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await expect
        .poll(() => stderr, { timeout: 20_000 })
        .toContain('discord: quotewire ready in 1 server(s)');
      expect(fake.commands.get('global')).toHaveLength(19);

      const help = fake.interact(slashCommand('help'));
      await expect.poll(() => fake!.callbacks(help.id).length, { timeout: 10_000 }).toBe(1);
      expect(fake.callbacks(help.id)[0]).toMatchObject({ type: 4 });
      expect(String(fake.callbacks(help.id)[0]!.data!.content)).toContain('/subscribe');

      const quotes = fake.interact(slashCommand('quotes', { name: 'pompeo' }));
      await expect.poll(() => fake!.webhookCalls(quotes.token).length, { timeout: 10_000 }).toBe(1);
      expect(fake.callbacks(quotes.id)).toEqual([{ type: 5, data: { flags: 0 } }]);
      const edit = fake.webhookCalls(quotes.token)[0]!.body as { content: string };
      expect(edit.content).toContain('Mike Pompeo');

      const chat = { id: 1234, type: 'private' as const };
      await expect.poll(() => telegram!.callsOf('getUpdates').length, { timeout: 10_000 }).toBeGreaterThan(0);
      telegram.pushUpdate(textUpdate('/help', chat, chat));
      await expect.poll(() => telegram!.sent(1234).length, { timeout: 10_000 }).toBe(1);
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
    expect(stderr).toContain('SIGTERM received');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('deploy-commands --guild registers the commands in that server at once', async () => {
    fake = await startFakeDiscord();
    const env = { DISCORD_TOKEN: 'e2e-token', DISCORD_API_URL: fake.apiUrl, QUOTEWIRE_STORE: tempStore() };
    const result = await runCli(['deploy-commands', '--guild', FAKE_GUILD_ID], { env });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Registered 19 slash commands in server ${FAKE_GUILD_ID}`);
    expect(result.code).toBe(0);
    expect(fake.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET /applications/@me',
      `PUT /applications/${FAKE_APP_ID}/guilds/${FAKE_GUILD_ID}/commands`,
    ]);

    const refused = await runCli(['deploy-commands', '--guild', 'abc'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--guild takes a server id');
    const missing = await runCli(['deploy-commands'], { env: { QUOTEWIRE_STORE: tempStore() } });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('deploy-commands needs DISCORD_TOKEN');
  });
});
