/**
 * Quotes benchmark (issue 3): a store of 100,000 generated articles (about 900,000 quotes by 4,000
 * invented people sharing a hundred surnames) written through the repository's and the quote
 * index's batch APIs into real SQLite, then printed:
 * - extraction throughput: extractQuotes over every article, one core (target >= 500 articles/s);
 * - /quotes latency through the command runner, over a few hundred varied queries: surnames, full
 *   names, accents dropped, typos, word filters, next pages, unknown and hostile names
 *   (target p99 <= 20 ms);
 * - peak resident memory of the whole run (target <= 500 MB);
 * - time to be ready after a restart: open the store, build the app, answer the first /quotes
 *   (target <= 5 s).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../src/app/container.js';
import { createMemoryLogger } from '../src/app/logger.js';
import { articleIdFor, identityKeys } from '../src/articles/article-identity.js';
import type { StoredArticle } from '../src/articles/stored-article.js';
import type { ArticleDraft } from '../src/articles/article.js';
import type { Caller } from '../src/chat/command-definition.js';
import { runCommandLine } from '../src/chat/command-runner.js';
import { loadConfig } from '../src/config/load-config.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import { generatePeople, generateQuotedArticle, seeded, type Person } from './generated-news.js';
import { startMemorySampler } from './memory-sampler.js';

const PEOPLE = 4_000;
const START = new Date('2025-11-28T00:00:00.000Z');
const NOW = new Date(START.getTime() + 365 * 86_400_000 - 3_600_000);
const BATCH = 2_000;
const QUERIES = 400;
const CALLER: Caller = { platform: 'terminal', chatId: 'bench', userId: 'bench', isOperator: true };

/** Runs the benchmark; `articles` is smaller only for trying the script out. */
export async function runQuotesBench(articles = 100_000): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-quotes-bench-'));
  const configFile = join(folder, 'bench.yaml');
  writeFileSync(configFile, 'sources: []\nstore: { url: "sqlite://./quotes.sqlite" }\n');
  const config = loadConfig({ file: configFile, env: {} });
  const open = () => createApp(config, { logger: createMemoryLogger(), clock: () => NOW });
  const people = generatePeople(PEOPLE);
  const memory = startMemorySampler();

  let app = await open();
  const build = await buildStore(app, people, articles);
  const latencies = await measureQueries(app, people);
  await app.close();

  const restartStarted = performance.now();
  app = await open();
  const first = await runCommandLine(`/quotes ${people[0]!.family}`, CALLER, app.services);
  const restartMs = performance.now() - restartStarted;
  await app.close();
  const peak = memory.stop();
  rmSync(folder, { recursive: true, force: true });

  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`quotes: ${articles.toLocaleString('en')} generated articles, ${PEOPLE} people, into SQLite`);
  console.log(
    `  quotes stored:     ${build.quotes.toLocaleString('en')} (${(build.accuracy * 100).toFixed(1)}% credited to the generator's speaker)`,
  );
  console.log(
    `  store built in:    ${build.seconds.toFixed(1)} s (extraction, repository and index batches of ${BATCH})`,
  );
  console.log(
    `  extraction:        ${Math.round(articles / build.extractSeconds)} articles/s on one core   (target >= 500)`,
  );
  console.log(
    `  /quotes latency:   p50 ${at(0.5).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms over ${sorted.length} queries   (target p99 <= 20)`,
  );
  console.log(
    `  ready after restart: ${(restartMs / 1000).toFixed(2)} s to open, build the app and answer /quotes${first?.blocks.length ? '' : ' (no answer!)'}   (target <= 5)`,
  );
  console.log(`  peak resident:     ${peak.toFixed(0)} MB   (target <= 500)`);
}

/** Generates, extracts and stores every article in batches, as the ingest pipeline would. */
async function buildStore(
  app: App,
  people: readonly Person[],
  articles: number,
): Promise<{ quotes: number; accuracy: number; seconds: number; extractSeconds: number }> {
  const started = performance.now();
  let extractMs = 0;
  let quotes = 0;
  let credited = 0;
  let expected = 0;
  // A year of news, ending the day the benchmark's clock says is today.
  const perDay = Math.ceil(articles / 365);
  for (let first = 0; first < articles; first += BATCH) {
    const entries: { article: StoredArticle; draft: ArticleDraft }[] = [];
    for (let n = first; n < Math.min(articles, first + BATCH); n++) {
      const generated = generateQuotedArticle(n, people, { start: START, perDay });
      const draft: ArticleDraft = {
        url: `https://news.example/${n}`,
        guid: `https://news.example/${n}`,
        title: generated.title,
        byline: null,
        published: generated.published,
        source: `Generated Wire ${n % 20}`,
        text: generated.text,
      };
      const extractStarted = performance.now();
      const found = extractQuotes(draft.text);
      extractMs += performance.now() - extractStarted;
      quotes += found.length;
      expected += generated.speakers.length;
      found.forEach((quote, i) => {
        if (quote.speaker?.replace(/^the /, '') === generated.speakers[i]) credited++;
      });
      const seenAt = new Date(Date.parse(generated.published) + 3_600_000).toISOString();
      entries.push({
        draft,
        article: {
          id: articleIdFor(identityKeys(draft)),
          url: draft.url,
          title: draft.title,
          byline: null,
          published: draft.published,
          source: draft.source,
          text: draft.text,
          summary: [],
          quotes: found,
          seenAt,
          sourceId: `wire-${n % 20}`,
          categories: [],
        },
      });
    }
    const stored = await app.services.articles.saveMany(entries);
    await app.services.quotes.add(stored);
  }
  return {
    quotes,
    accuracy: credited / Math.max(1, expected),
    seconds: (performance.now() - started) / 1000,
    extractSeconds: extractMs / 1000,
  };
}

/** Runs varied /quotes (and /more, /speakers) lines and returns each one's time in ms. */
async function measureQueries(app: App, people: readonly Person[]): Promise<number[]> {
  const random = seeded(4242);
  const anyone = () => people[Math.floor(random() * people.length)]!;
  const famous = () => people[Math.floor(random() * 50)]!;
  const lines: string[] = [];
  for (let i = 0; i < QUERIES; i++) {
    const person = random() < 0.5 ? famous() : anyone();
    const kind = i % 20;
    if (kind < 6) lines.push(`/quotes ${person.family}`);
    else if (kind < 10) lines.push(`/quotes "${person.given} ${person.family}"`);
    else if (kind < 11) lines.push(`/quotes ${person.given.toLowerCase()} ${person.family.toUpperCase()}`);
    else if (kind < 12) lines.push(`/quotes ${fold(person.family)}`);
    else if (kind < 14) lines.push(`/quotes ${typo(person.family, random)}`);
    else if (kind < 16)
      lines.push(`/quotes ${person.family} ${['port', 'tariff', 'strike', 'turbines', 'nurses'][kind % 5]}`);
    else if (kind < 17) lines.push(`/quotes "${person.given} ${person.family}" water winter`);
    else if (kind < 18) lines.push('/more');
    else if (kind < 19)
      lines.push(['/quotes zzqqxx', '/quotes *_[]()~`>#+-=|{}.!', '/quotes', '/speakers'][i % 4]!);
    else
      lines.push(
        i % 40 === 19 ? `/quotes ${'x'.repeat(10_000)}` : `/quotes \u0007\u001b[31m${person.family}`,
      );
  }
  // Warm up: the first answer loads the registry; the restart figure measures that separately.
  await runCommandLine(`/quotes ${people[1]!.family}`, CALLER, app.services);
  const latencies: number[] = [];
  for (const line of lines) {
    const started = performance.now();
    const answer = await runCommandLine(line, CALLER, app.services);
    latencies.push(performance.now() - started);
    if (!answer || answer.blocks.length === 0) throw new Error(`no answer to ${line.slice(0, 40)}`);
  }
  return latencies;
}

/** One or two letters changed: a swap of neighbours, or one replaced. */
function typo(word: string, random: () => number): string {
  const letters = [...word.toLowerCase()];
  const i = 1 + Math.floor(random() * (letters.length - 2));
  if (random() < 0.5) [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
  else letters[i] = letters[i] === 'e' ? 'a' : 'e';
  return letters.join('');
}

function fold(word: string): string {
  return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
