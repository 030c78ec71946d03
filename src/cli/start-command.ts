import { runTerminalChat } from '../adapters/terminal-chat.js';
import { createApp } from '../app/container.js';
import { createStderrLogger } from '../app/logger.js';
import type { AppConfig } from '../config/load-config.js';
import type { CliArguments } from './arguments.js';

/** After SIGTERM, work in flight gets this long to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 20_000;

/**
 * `quotewire start`: polls the sources once, then keeps polling on schedule. Without a bot token it
 * is the terminal chat and ends with its input; with one it is a service that runs until SIGTERM.
 */
export async function runStartCommand(config: AppConfig, _args: CliArguments): Promise<number> {
  const service = Boolean(config.secrets.telegramBotToken || config.secrets.discordToken);
  // In the terminal chat, routine lines would interleave with answers; warnings still show.
  const logger = createStderrLogger({ quiet: !service });
  const app = await createApp(config, { logger });
  const { services } = app;

  let stopping = false;
  const stopped = new Promise<string>((resolveStop) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stopping = true;
        resolveStop(signal);
      });
    }
  });

  await services.poller.pollAll();
  await app.scheduler.start();
  await app.heartbeat.start();
  logger.info(
    `Quotewire started: ${(await services.catalog.list()).length} source(s), store ${config.store.url.replace(/\/\/[^@/]*@/, '//***@')}`,
  );

  if (!service) {
    const chat = runTerminalChat({
      services,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
    });
    await Promise.race([chat, stopped]);
    if (stopping) process.stdin.destroy();
  } else {
    logger.warn(
      'a bot token is set, but this version has no chat platform adapter yet: running as a polling service',
    );
    const signal = await stopped;
    logger.info(`${signal} received: finishing work in flight, then stopping`);
  }

  const grace = setTimeout(() => {
    logger.warn('work in flight did not finish in time: abandoning it (nothing half-written is kept)');
    process.exit(0);
  }, SHUTDOWN_GRACE_MS);
  grace.unref();
  await app.close();
  clearTimeout(grace);
  return 0;
}
