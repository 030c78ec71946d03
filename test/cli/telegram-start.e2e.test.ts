import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeTelegram, textUpdate, type FakeTelegram } from '../helpers/fake-telegram-server.js';
import { REPO_ROOT } from '../helpers/run-cli.js';

describe('quotewire start with TELEGRAM_BOT_TOKEN (the built process against a fake Bot API)', () => {
  let fake: FakeTelegram | undefined;
  afterEach(async () => {
    await fake?.close();
  });

  it('answers /help and /quotes over long polling, then stops on SIGTERM with exit 0', async () => {
    fake = await startFakeTelegram({ token: '777:e2e' });
    const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        TELEGRAM_BOT_TOKEN: '777:e2e',
        TELEGRAM_API_ROOT: fake.apiRoot,
        QUOTEWIRE_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-tg-')), 'store.sqlite')}`,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    try {
      await expect.poll(() => fake!.callsOf('getUpdates').length, { timeout: 20_000 }).toBeGreaterThan(0);
      // The default menu and one each in German, French and Spanish.
      expect(fake.callsOf('setMyCommands')).toHaveLength(4);
      const chat = { id: 1234, type: 'private' as const };
      fake.pushUpdate(textUpdate('/help', chat, chat));
      await expect.poll(() => fake!.sent(1234).length, { timeout: 10_000 }).toBe(1);
      expect(String(fake.sent(1234)[0]!.text)).toContain('/subscribe');
      fake.pushUpdate(textUpdate('/quotes pompeo', chat, chat));
      await expect.poll(() => fake!.sent(1234).length, { timeout: 10_000 }).toBe(2);
      expect(String(fake.sent(1234)[1]!.text)).toContain('Quotes by Mike Pompeo');
    } finally {
      child.kill('SIGTERM');
    }
    expect(await closed).toBe(0);
    expect(stderr).toContain('SIGTERM received');
    expect(stderr).toContain('@quotewire_test_bot receiving updates by long polling');
    expect(stderr).not.toMatch(/\n\s+at /);
  });
});
