/**
 * The web page of the quotes benchmark's store, in its own process: Quotewire opens the store the
 * benchmark built, serves the web page on 127.0.0.1, and this process asks it for speaker pages and
 * searches over HTTP, one at a time after a warm-up, timing each answer from request to last byte.
 * Prints one JSON line ({@link WebServeReport}) for web-bench.ts.
 */
import { createApp } from '../src/app/container.js';
import { loadConfig } from '../src/config/load-config.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { speakerPath, searchPath } from '../src/web/paths.js';
import { startWebServer } from '../src/web/web-server.js';
import { generatePeople, seeded, type Person } from './generated-news.js';

/** What web-bench.ts passes (as JSON, the only argument). */
export interface WebServeRequest {
  configFile: string;
  /** The clock's time, ISO: the last day of the generated news. */
  now: string;
  people: number;
  requests: number;
}

export interface WebServeReport {
  /** Milliseconds per request, by page. */
  latencies: { speaker: number[]; search: number[] };
  /** Requests answered with anything but 200 (there should be none). */
  failures: string[];
}

const WARM_UP = 40;

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
const people = generatePeople(request.people);
// Speaker pages of people who were quoted (most are; with a small store, not all), most quoted first.
const { speakers } = await app.services.quotes.speakers({ limit: request.people * 2 });
const quoted = speakers.filter((speaker) => speaker.kind === 'person').map((speaker) => speaker.name);
const failures: string[] = [];
await measure(people, WARM_UP, 77);
const latencies = await measure(people, request.requests, 4242);
await web.close();
await app.close();
const report: WebServeReport = { latencies, failures };
process.stdout.write(`${JSON.stringify(report)}\n`);

/**
 * Speaker pages of quoted people (first and later pages; half of them among the 50 most quoted) and
 * searches for the cast's names (surnames, full names, words, typos), in a seeded order.
 */
async function measure(
  cast: readonly Person[],
  count: number,
  seed: number,
): Promise<WebServeReport['latencies']> {
  const random = seeded(seed);
  const anyone = () => cast[Math.floor(random() * cast.length)]!;
  const famous = () => cast[Math.floor(random() * 50)]!;
  const speaker = () =>
    random() < 0.5
      ? quoted[Math.floor(random() * Math.min(50, quoted.length))]!
      : quoted[Math.floor(random() * quoted.length)]!;
  const topics = ['port', 'tariff', 'strike', 'turbines', 'nurses'];
  const paths: [kind: 'speaker' | 'search', path: string][] = [];
  for (let i = 0; i < count; i++) {
    const person = random() < 0.5 ? famous() : anyone();
    const full = `${person.given} ${person.family}`;
    const kind = i % 10;
    if (kind < 4) paths.push(['speaker', speakerPath(speaker())!]);
    else if (kind < 5) paths.push(['speaker', `${speakerPath(speaker())!}?page=${2 + (i % 3)}`]);
    else if (kind < 7) paths.push(['search', searchPath(person.family, '')]);
    else if (kind < 8) paths.push(['search', searchPath(full.toLowerCase(), '')]);
    else if (kind < 9) paths.push(['search', searchPath(person.family, topics[i % topics.length]!)]);
    else paths.push(['search', searchPath(typo(person.family, random), '')]);
  }
  const latencies: WebServeReport['latencies'] = { speaker: [], search: [] };
  for (const [kind, path] of paths) {
    const started = performance.now();
    const response = await fetch(`${web.url}${path}`);
    const body = await response.text();
    latencies[kind].push(performance.now() - started);
    if (response.status !== 200 || !body.includes('</html>')) failures.push(`${response.status} ${path}`);
  }
  return latencies;
}

/** One letter changed, as someone typing fast would. */
function typo(word: string, random: () => number): string {
  const letters = [...word.toLowerCase()];
  const i = 1 + Math.floor(random() * (letters.length - 2));
  letters[i] = letters[i] === 'e' ? 'a' : 'e';
  return letters.join('');
}
