import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { hasRedisServer, startRedisServer } from '../helpers/redis-server.js';
import { startTestApp } from '../helpers/test-app.js';

const caller = { platform: 'terminal', chatId: 't', userId: 'u', isOperator: true } as const;

describe.runIf(hasRedisServer())('Redis going away while the bot runs', () => {
  let app: App | undefined;
  let stopRedis: (() => void) | undefined;
  afterEach(async () => {
    await app?.close().catch(() => undefined);
    stopRedis?.();
  });

  it('says so once with the reason, turns health red, answers at once, and logs the recovery', async () => {
    let redis = await startRedisServer();
    stopRedis = redis.stop;
    const setup = await startTestApp('sources: []', { storeUrl: redis.url });
    app = setup.app;
    const say = async (line: string) => renderPlainText((await runCommandLine(line, caller, app!.services))!);
    expect(await say('/sources')).toContain('No sources for every chat yet');

    redis.stop();
    await expect
      .poll(() => setup.logger.lines.filter((line) => line.includes('Redis is unreachable')).length)
      .toBe(1);
    expect(app.health.snapshot().store).toMatchObject({ state: 'down' });
    // Commands fail at once with a reply, rather than hanging until Redis returns.
    for (let i = 0; i < 3; i++) {
      expect(await say('/sources')).toBe(
        "Sorry, /sources cannot be answered right now: the bot's storage is unavailable. Try again in a minute.",
      );
    }
    // Still one line for the whole outage, however many commands failed.
    expect(setup.logger.lines.filter((line) => line.includes('Redis is unreachable'))).toHaveLength(1);
    expect(setup.logger.lines.filter((line) => line.includes('/sources failed'))).toEqual([]);

    redis = await startRedisServer({ port: redis.port });
    stopRedis = redis.stop;
    await expect
      .poll(() => setup.logger.lines.some((line) => line.includes('Redis is reachable again')), {
        timeout: 15_000,
      })
      .toBe(true);
    expect(app.health.snapshot().store).toMatchObject({ state: 'up' });
    expect(await say('/sources')).toContain('No sources for every chat yet');
  });
});
