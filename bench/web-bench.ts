/**
 * Web page benchmark (issue 15), run by the quotes benchmark on the store it builds (100,000
 * generated articles, about 900,000 quotes): a restarted Quotewire serves the web page in its own
 * process, and this process asks it for speaker pages and searches over HTTP, one at a time after a
 * warm-up, timing each from the request to the last byte of the page. Target: p99 <= 50 ms each.
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { searchPath, speakerPath } from '../src/web/paths.js';
import { generatePeople, seeded, type Person } from './generated-news.js';
import type { WebServeReady } from './web-bench-serve.js';

const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const TARGET_P99_MS = 50;
const WARM_UP = 40;

export interface WebBenchRequest {
  configFile: string;
  now: string;
  people: number;
  requests: number;
}

/** Serves the store in a new process, asks it `requests` pages, and returns the lines to print. */
export async function runWebBench(request: WebBenchRequest): Promise<string> {
  const server = await serve(request);
  try {
    const people = generatePeople(request.people);
    await measure(server.ready, people, WARM_UP, 77);
    const { latencies, failures } = await measure(server.ready, people, request.requests, 4242);
    const line = (label: string, times: readonly number[]) =>
      `  ${label.padEnd(20)} p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} requests   (target p99 <= ${TARGET_P99_MS})`;
    return [
      'web page: the same store served by a restarted Quotewire, pages asked over HTTP from another process',
      line('speaker page:', latencies.speaker),
      line('search:', latencies.search),
      line('words-only search:', latencies.words),
      ...(failures.length ? [`  FAILED requests: ${failures.slice(0, 5).join(', ')}`] : []),
    ].join('\n');
  } finally {
    await server.stop();
  }
}

/**
 * Speaker pages of quoted people (first and later pages; half of them among the 50 most quoted),
 * searches for the cast's names (surnames, full names, words, typos), and searches by words alone
 * (one word, several, a phrase, a later page, a word never quoted), in a seeded order.
 */
async function measure(
  ready: WebServeReady,
  cast: readonly Person[],
  count: number,
  seed: number,
): Promise<{ latencies: Record<Kind, number[]>; failures: string[] }> {
  const random = seeded(seed);
  // Its own sequence, so that the other kinds' requests are the ones they were before.
  const wordsRandom = seeded(seed + 1);
  const quoted = ready.speakers;
  const speaker = () =>
    quoted[Math.floor(random() * (random() < 0.5 ? Math.min(50, quoted.length) : quoted.length))]!;
  const anyone = () => cast[Math.floor(random() * cast.length)]!;
  const famous = () => cast[Math.floor(random() * 50)]!;
  const topics = ['port', 'tariff', 'strike', 'turbines', 'nurses'];
  const paths: [kind: Kind, path: string][] = [];
  for (let i = 0; i < count; i++) {
    // Words alone every other request, between the others (whose mix stays as it was).
    if (i % 2 === 0) paths.push(['words', wordsSearch(i, wordsRandom)]);
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
  const latencies: Record<Kind, number[]> = { speaker: [], search: [], words: [] };
  const failures: string[] = [];
  for (const [kind, path] of paths) {
    const started = performance.now();
    const response = await fetch(`${ready.url}${path}`);
    const body = await response.text();
    latencies[kind].push(performance.now() - started);
    if (response.status !== 200 || !body.includes('</html>')) failures.push(`${response.status} ${path}`);
  }
  return { latencies, failures };
}

function serve(request: WebBenchRequest): Promise<{ ready: WebServeReady; stop(): Promise<void> }> {
  const file = fileURLToPath(new URL(`./web-bench-serve.${EXTENSION}`, import.meta.url));
  const loader = EXTENSION === 'ts' ? ['--import', import.meta.resolve('tsx')] : [];
  const argument = JSON.stringify({
    configFile: request.configFile,
    now: request.now,
    speakers: request.people * 2,
  });
  const child = spawn(process.execPath, [...loader, file, argument], { stdio: ['pipe', 'pipe', 'inherit'] });
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    void closed.then((code) => reject(new Error(`the web page's process ended early (exit code ${code})`)));
    createInterface({ input: child.stdout }).once('line', (line) =>
      resolve({
        ready: JSON.parse(line) as WebServeReady,
        stop: async () => {
          child.stdin.end();
          await closed;
        },
      }),
    );
  });
}

type Kind = 'speaker' | 'search' | 'words';

/**
 * Words alone, over the generated quotes' vocabulary: a topic word (in a sixth of the quotes or
 * fewer), a word in every quote, two or three words, a phrase, a later page, a word no quote has,
 * and two words that are each in many quotes but never in the same one (the costliest: it reads
 * up to the scan limit).
 */
function wordsSearch(i: number, random: () => number): string {
  const topic = ['port', 'tariff', 'strike', 'turbines', 'nurses', 'dredging', 'classrooms', 'wages'];
  const one = topic[Math.floor(random() * topic.length)]!;
  const searches = [
    one,
    one,
    'plan',
    `${one} winter`,
    `protect ${one} matters`,
    `"${one} plan"`,
    '"proper vote" council',
    'zeppelin',
    'dredging drought',
  ];
  const words = searches[Math.floor(random() * searches.length)]!;
  return searchPath('', words, i % 7 === 0 ? 3 : 1);
}

/** One letter changed, as someone typing fast would. */
function typo(word: string, random: () => number): string {
  const letters = [...word.toLowerCase()];
  const i = 1 + Math.floor(random() * (letters.length - 2));
  letters[i] = letters[i] === 'e' ? 'a' : 'e';
  return letters.join('');
}

/** The value below which a share `q` of the values fall. */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
