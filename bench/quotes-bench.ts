/**
 * Quotes benchmark (issue 3): a store of 100,000 generated articles (about 900,000 quotes by 4,000
 * invented people sharing a hundred surnames) written through the repository's and the quote
 * index's batch APIs into real SQLite, then printed:
 * - extraction throughput: extractQuotes over every article on one core, a worker thread that
 *   prepares each batch while the main thread stores the previous one (target >= 500 articles/s);
 * - time to be ready after a restart: a new process opens the store, builds the app and answers
 *   its first /quotes (target <= 5 s);
 * - /quotes latency in that process, through the command runner, over a few hundred varied
 *   queries: surnames, full names, case and accents, typos, word filters, next pages, /quotes
 *   alone, /speakers, unknown and hostile names, accented names typed in mixed case (target, issue
 *   11: p99 <= 10 ms and max <= 20 ms, at 10,000 and at 100,000 articles);
 * - peak resident memory of that process (target <= 500 MB), and of this one while building.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import Database from 'libsql';
import { createApp, type App } from '../src/app/container.js';
import { createMemoryLogger } from '../src/kernel/logger.js';
import { articleIdFor, identityKeys } from '../src/articles/article-identity.js';
import type { ArticleDraft } from '../src/articles/article.js';
import type { StoredArticle } from '../src/articles/stored-article.js';
import { loadConfig } from '../src/config/load-config.js';
import { startMemorySampler } from './memory-sampler.js';
import { runWebBench } from './web-bench.js';
import type { ServeReport, ServeRequest } from './quotes-bench-serve.js';
import type { BatchRequest, BatchResult, ExtractedArticle } from './quotes-bench-worker.js';

const PEOPLE = 4_000;
const START = new Date('2025-11-28T00:00:00.000Z');
/** The benchmark's "today": the last day of the year of generated news. */
const NOW = new Date(START.getTime() + 365 * 86_400_000 - 3_600_000);
const BATCH = 500;
const QUERIES = 400;
/** Under tsx this file (and the worker's) is TypeScript. */
const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

/** Runs the benchmark; `articles` is smaller only for trying the script out. */
export async function runQuotesBench(articles = 100_000): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-quotes-bench-'));
  const configFile = join(folder, 'bench.yaml');
  writeFileSync(configFile, 'sources: []\nstore: { url: "sqlite://./quotes.sqlite" }\n');
  const memory = startMemorySampler();
  const app = await createApp(loadConfig({ file: configFile, env: {} }), {
    logger: createMemoryLogger(),
    clock: () => NOW,
  });
  const build = await buildStore(app, articles);
  await app.close();
  const buildPeak = memory.stop();
  const wordIndex = measureWordIndex(join(folder, 'quotes.sqlite'));
  const served = await serve({ configFile, now: NOW.toISOString(), people: PEOPLE, queries: QUERIES });
  // The web page's speaker page and search, on the same store (issue 15).
  const web = await runWebBench({ configFile, now: NOW.toISOString(), people: PEOPLE, requests: QUERIES });
  rmSync(folder, { recursive: true, force: true });

  const all = Object.values(served.latencies).flat();
  const allCpu = Object.values(served.cpu).flat();
  const ms = (times: readonly number[]) =>
    `${percentile(times, 0.5).toFixed(1)}/${percentile(times, 0.99).toFixed(1)}/${Math.max(...times).toFixed(1)}`;
  const byKind = Object.entries(served.latencies).map(
    ([kind, times]) =>
      `    ${`${kind} (${times.length})`.padEnd(26)} wall ${ms(times).padEnd(16)} cpu ${ms(served.cpu[kind] ?? [])}`,
  );
  const lines = [
    `quotes: ${articles.toLocaleString('en')} generated articles by ${PEOPLE.toLocaleString('en')} people, in SQLite`,
    `  quotes stored:       ${build.quotes.toLocaleString('en')} (${(build.accuracy * 100).toFixed(1)}% credited to the speaker the generator meant)`,
    `  store built in:      ${build.seconds.toFixed(1)} s (repository and index batches of ${BATCH.toLocaleString('en')})`,
    `  extraction:          ${Math.round(articles / build.extractSeconds)} articles/s on one core   (target >= 1,000); name knowledge loaded once in ${Math.round(build.knowledgeMs)} ms`,
    `  ready after restart: ${(served.readyMs / 1000).toFixed(2)} s to open the store, build the app and answer /quotes; ${(served.sinceStartMs / 1000).toFixed(2)} s from process start   (target <= 5)`,
    `  /quotes latency:     p50 ${percentile(all, 0.5).toFixed(1)} ms, p99 ${percentile(all, 0.99).toFixed(1)} ms, max ${Math.max(...all).toFixed(1)} ms over ${all.length} queries   (target p99 <= 10, max <= 20)`,
    `  CPU time per query:  p50 ${percentile(allCpu, 0.5).toFixed(1)} ms, p99 ${percentile(allCpu, 0.99).toFixed(1)} ms, max ${Math.max(...allCpu).toFixed(1)} ms (user + system of the serving process: less inflated by a busy machine)`,
    `  by kind, p50/p99/max ms:`,
    ...byKind,
    `  word index:          ${wordIndex}`,
    `  peak resident:       ${served.peakMb.toFixed(0)} MB serving the store   (target <= 500); ${buildPeak.toFixed(0)} MB while building it (with the generator thread)`,
  ];
  console.log(lines.join('\n'));
  console.log(web);
}

/**
 * The size of the word index over quote texts (words-only search) in the built SQLite file: its
 * postings and their bytes on disk (SQLite's dbstat), beside the whole file.
 */
function measureWordIndex(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const [postings] = db.prepare('SELECT count(*) FROM word_quotes__members').raw().get() as [number];
    const [words] = db.prepare('SELECT count(DISTINCT key) FROM word_days__counts').raw().get() as [number];
    let disk = 'on disk unknown (no dbstat in this SQLite)';
    try {
      const [bytes] = db
        .prepare("SELECT sum(pgsize) FROM dbstat WHERE name IN ('word_quotes__members', 'word_days__counts')")
        .raw()
        .get() as [number];
      disk = `${(bytes / 1e6).toFixed(0)} MB on disk`;
    } catch {
      // dbstat is an optional SQLite module; the count and the file size still say enough.
    }
    const fileMb = statSync(file).size / 1e6;
    return `${postings.toLocaleString('en')} postings of ${words.toLocaleString('en')} words, ${disk}, in a store file of ${fileMb.toFixed(0)} MB`;
  } finally {
    db.close();
  }
}

/** Starts Quotewire again in a new process on the built store; it reports its figures as JSON. */
function serve(request: ServeRequest): Promise<ServeReport> {
  const file = fileURLToPath(new URL(`./quotes-bench-serve.${EXTENSION}`, import.meta.url));
  const loader = EXTENSION === 'ts' ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...loader, file, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const report = output.trim().split('\n').at(-1);
      if (code === 0 && report) resolve(JSON.parse(report) as ServeReport);
      else reject(new Error(`the restarted process failed (exit code ${code})`));
    });
  });
}

/**
 * Generates and extracts every article on a worker thread, a batch ahead, while this thread
 * stores the previous batch with the repository's and the quote index's batch APIs, as the ingest
 * pipeline would.
 */
async function buildStore(
  app: App,
  articles: number,
): Promise<{
  quotes: number;
  accuracy: number;
  seconds: number;
  extractSeconds: number;
  knowledgeMs: number;
}> {
  const started = performance.now();
  const worker = startWorker();
  const perDay = Math.ceil(articles / 365);
  // One batch is asked for at a time; its answer (or the worker's failure) settles it.
  let pending: { resolve(result: BatchResult): void; reject(error: Error): void } | null = null;
  worker.on('message', (result: BatchResult) => pending?.resolve(result));
  worker.on('error', (error) => pending?.reject(error));
  const request = (first: number): Promise<BatchResult> =>
    new Promise((resolve, reject) => {
      pending = { resolve, reject };
      const message: BatchRequest = {
        first,
        count: Math.min(BATCH, articles - first),
        start: START.toISOString(),
        perDay,
      };
      worker.postMessage(message);
    });
  let extractMs = 0;
  let knowledgeMs = 0;
  let quotes = 0;
  let credited = 0;
  let expected = 0;
  try {
    let next: Promise<BatchResult> | null = request(0);
    for (let first = 0; next; first += BATCH) {
      const batch: BatchResult = await next;
      next = first + BATCH < articles ? request(first + BATCH) : null;
      extractMs += batch.extractMs;
      knowledgeMs = batch.knowledgeMs;
      credited += batch.credited;
      expected += batch.expected;
      quotes += batch.articles.reduce((sum, article) => sum + article.quotes.length, 0);
      const stored = await app.services.articles.saveMany(batch.articles.map(toEntry));
      await app.services.quotes.add(stored);
    }
  } finally {
    await worker.terminate();
  }
  return {
    quotes,
    accuracy: credited / Math.max(1, expected),
    seconds: (performance.now() - started) / 1000,
    extractSeconds: extractMs / 1000,
    knowledgeMs,
  };
}

/**
 * The batch worker. Under tsx (`npm run bench`) the worker's file is TypeScript, which a worker
 * thread cannot load by itself: a two-line bootstrap loads it through tsx's API.
 */
function startWorker(): Worker {
  const workerData = { people: PEOPLE };
  // A batch needs little memory: a small heap keeps the generator's garbage from piling up.
  const resourceLimits = { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 };
  const file = new URL(`./quotes-bench-worker.${EXTENSION}`, import.meta.url).href;
  if (EXTENSION === 'js') return new Worker(new URL(file), { workerData, resourceLimits });
  const api = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => tsx.tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}));`;
  return new Worker(bootstrap, { eval: true, workerData, resourceLimits });
}

/** A generated article as the repository stores it, seen an hour after it was published. */
function toEntry(generated: ExtractedArticle): { article: StoredArticle; draft: ArticleDraft } {
  const url = `https://news.example/${generated.n}`;
  const draft: ArticleDraft = {
    url,
    guid: url,
    title: generated.title,
    byline: null,
    published: generated.published,
    source: `Generated Wire ${generated.n % 20}`,
    text: generated.text,
  };
  return {
    draft,
    article: {
      // The id comes from the guid (the first identity key): no need to hash the text for it here.
      id: articleIdFor(identityKeys({ ...draft, text: '' })),
      url,
      title: draft.title,
      byline: null,
      published: draft.published,
      source: draft.source,
      text: draft.text,
      summary: [],
      quotes: generated.quotes,
      seenAt: new Date(Date.parse(generated.published) + 3_600_000).toISOString(),
      sourceId: `wire-${generated.n % 20}`,
      categories: [],
    },
  };
}

/** The value below which a share `q` of the values fall. */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
