import { runTerminalChat } from '../adapters/terminal/terminal-chat.js';
import { startChatService } from '../app/chat-service.js';
import { createApp, type App } from '../app/container.js';
import type { AppConfig } from '../config/load-config.js';
import { createStderrLogger, type Logger } from '../kernel/logger.js';
import { describeError } from '../kernel/describe-error.js';
import type { CliArguments } from './arguments.js';
import { complain, print } from './output.js';
import type { WebServer } from '../web/web-server.js';

/** After SIGTERM, work in flight gets this long to finish before the process exits anyway. */
export const SHUTDOWN_GRACE_MS = 20_000;

/**
 * `quotewire start`: without a bot token it is the terminal chat and ends with its input; with one it
 * is a service that runs until SIGTERM (or exits with code 1 when every platform refuses its token).
 * Sources are polled in the background from the start, then on schedule: local files first, so the
 * terminal chat answers from them at once.
 */
export async function runStartCommand(given: AppConfig, args: CliArguments): Promise<number> {
  const config = args.web ? { ...given, web: { ...given.web, enabled: true } } : given;
  const service = Boolean(config.secrets.telegramBotToken || config.secrets.discordToken);
  // In the terminal chat, routine lines would interleave with answers; warnings still show.
  const logger = createStderrLogger({ quiet: !service });
  const app = await createApp(config, { logger });
  try {
    return await run(config, app, logger, service);
  } catch (error) {
    // An unexpected error (a damaged store the terminal chat cannot read): the scheduler, the
    // workers and standard input would keep the process alive, deaf, after the error is printed.
    process.stdin.destroy();
    const grace = new Promise((resolve) => setTimeout(resolve, SHUTDOWN_GRACE_MS).unref());
    await Promise.race([app.close().catch(() => undefined), grace]);
    throw error;
  }
}

async function run(config: AppConfig, app: App, logger: Logger, service: boolean): Promise<number> {
  const { services } = app;
  let web: WebServer | null = null;
  if (config.web.enabled) {
    // Loaded only when asked for: the terminal chat alone starts without Hono.
    const { startWebServer, WebServerError } = await import('../web/web-server.js');
    try {
      web = await startWebServer({
        config,
        services,
        store: app.store,
        health: app.health,
        registry: app.metricsRegistry!,
        logins: app.webLogins,
        logger,
      });
    } catch (error) {
      if (!(error instanceof WebServerError)) throw error;
      complain(error.message);
      await app.close();
      return 1;
    }
    const where = `Web page: ${web.url}/${config.web.console ? ` (operator console: ${web.url}/console)` : ''}`;
    if (service) logger.info(where);
    else print(where);
  }

  let stopping = false;
  const stopped = new Promise<string>((resolveStop) => {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        stopping = true;
        resolveStop(signal);
      });
    }
  });

  const sources = await services.catalog.list();
  for (const hidden of await services.catalog.hidden()) {
    logger.warn(
      `source ${hidden.id} of the config file is off: removed ${hidden.removedAt.slice(0, 10)}${hidden.removedBy ? ` by ${hidden.removedBy}` : ''}; "/source restore ${hidden.id}" brings it back`,
    );
  }
  const local = sources.filter((source) => !/^https?:/i.test(source.url));
  // Local files are read in milliseconds: the chat can answer from them before its first command.
  await Promise.all(local.map((source) => services.poller.pollSource(source)));
  const firstPoll = services.poller.pollAll();
  // After a restart the day's stories are placed again before the first digest asks for them.
  services.stories?.catchUp().catch((error: unknown) => {
    if (!stopping)
      logger.warn(`reading the day's stories failed, the first digest will: ${describeError(error)}`);
  });
  await app.scheduler.start();
  await app.heartbeat.start();
  app.health.report('scheduler', 'up', `polls on "${config.polling.schedule}"`);
  logger.info(`Quotewire started: ${sources.length} source(s), store ${app.store.description}`);

  let exitCode = 0;
  if (!service) {
    const chat = runTerminalChat({
      services,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      firstPoll,
    });
    const ended = await Promise.race([chat, stopped]);
    if (typeof ended === 'object' && ended.lines === 0 && !process.stdin.isTTY && !stopping) {
      // A container (or a service manager) without a token: standard input is closed from the
      // start. Stopping would make a restart policy start it again and again; keep polling instead.
      logger.warn(
        'no bot token is set and standard input is closed: polling sources only. Set TELEGRAM_BOT_TOKEN or DISCORD_TOKEN to serve chats, or run with a terminal (docker run -it) for the terminal chat.',
      );
      await stopped;
    }
    if (stopping) process.stdin.destroy();
  } else {
    const chat = await startChatService(config, app, logger);
    const outcome = await Promise.race([stopped, chat.unusable.then((reason) => ({ reason }))]);
    if (typeof outcome === 'string') {
      logger.info(`${outcome} received: finishing work in flight, then stopping`);
    } else {
      complain(`cannot run: ${outcome.reason}`);
      exitCode = 1;
    }
    await chat.stop();
  }

  const grace = setTimeout(() => {
    logger.warn('work in flight did not finish in time: abandoning it (nothing half-written is kept)');
    process.exit(exitCode || 0);
  }, SHUTDOWN_GRACE_MS);
  grace.unref();
  // The first round may have many sources left: those not started yet wait for the next start.
  services.poller.stop();
  await firstPoll.catch(() => undefined);
  await web?.close();
  await app.close();
  clearTimeout(grace);
  return exitCode;
}
