/**
 * The web page of the quotes benchmark's store, in its own process: Quotewire opens the store the
 * benchmark built and serves the web page on 127.0.0.1, as `start --web` would. It prints one JSON
 * line ({@link WebServeReady}) once it listens, and stops when its standard input ends.
 */
import { createApp } from '../src/app/container.js';
import { loadConfig } from '../src/config/load-config.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { startWebServer } from '../src/web/web-server.js';

/** What web-bench.ts passes (as JSON, the only argument). */
export interface WebServeRequest {
  configFile: string;
  /** The clock's time, ISO: the last day of the generated news. */
  now: string;
  /** How many of the most quoted speakers to name in the ready line. */
  speakers: number;
}

export interface WebServeReady {
  url: string;
  /** Speakers quoted in the store, most quoted first. */
  speakers: string[];
}

const request = JSON.parse(process.argv[2] ?? '{}') as WebServeRequest;
const loaded = loadConfig({ file: request.configFile, env: {} });
const config = { ...loaded, web: { ...loaded.web, enabled: true, port: 0 } };
const logger = createMemoryLogger();
const app = await createApp(config, { logger, clock: () => new Date(request.now) });
const web = await startWebServer({
  config,
  services: app.services,
  store: app.store,
  health: app.health,
  registry: app.metricsRegistry!,
  logins: app.webLogins,
  logger,
});
const { speakers } = await app.services.quotes.speakers({ limit: request.speakers });
const ready: WebServeReady = {
  url: web.url,
  speakers: speakers.filter((speaker) => speaker.kind === 'person').map((speaker) => speaker.name),
};
process.stdout.write(`${JSON.stringify(ready)}\n`);
process.stdin.resume();
await new Promise((resolve) => process.stdin.on('end', resolve));
await web.close();
await app.close();
