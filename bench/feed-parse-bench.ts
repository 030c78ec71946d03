/**
 * Feed parsing benchmark: our parser against rss-parser on the same generated 10,000-item feeds (RSS 2.0
 * and Atom 1.0), side by side in one run. Throughput is measured warm in this process, the two parsers
 * taking turns round by round so that machine load hits both alike; the median round counts. Peak memory
 * is measured in one child process per parser (the kernel's resident high-water mark above what the
 * child held before parsing), since two parsers in one heap cannot be told apart.
 * Target (issue 11): ours/rss-parser throughput >= 1.0 with the same or less memory.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import RssParser from 'rss-parser';
import { parseFeed } from '../src/sources/feed-parser.js';
import { generateAtomFeed, generateRssFeed } from './generated-feed-xml.js';

const ITEMS = 10_000;
const WARM_ROUNDS = 2;
const ROUNDS = 5;
const FEED_URL = 'https://bench.example/feed.xml';

type ParserName = 'ours' | 'rss-parser';

/** Parses `text` with the named parser and returns how many items it found. */
async function parseWith(name: ParserName, text: string, rssParser: RssParser): Promise<number> {
  if (name === 'ours') return parseFeed(text, FEED_URL).items.length;
  return (await rssParser.parseString(text)).items.length;
}

async function throughput(text: string): Promise<Record<ParserName, number>> {
  const rssParser = new RssParser();
  const times: Record<ParserName, number[]> = { ours: [], 'rss-parser': [] };
  for (let round = 0; round < WARM_ROUNDS + ROUNDS; round++) {
    // Alternate who goes first, so neither always runs right after the other's garbage.
    const order: ParserName[] = round % 2 === 0 ? ['ours', 'rss-parser'] : ['rss-parser', 'ours'];
    for (const name of order) {
      const started = performance.now();
      const items = await parseWith(name, text, rssParser);
      const elapsed = performance.now() - started;
      if (items !== ITEMS) throw new Error(`${name} read ${items} items, expected ${ITEMS}`);
      if (round >= WARM_ROUNDS) times[name].push(elapsed);
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;
  return {
    ours: ITEMS / (median(times.ours) / 1000),
    'rss-parser': ITEMS / (median(times['rss-parser']) / 1000),
  };
}

interface MemoryFigures {
  /** Extra resident MB at the high-water mark of one parse. */
  once: number;
  /** The same after three parses back to back, where garbage from one overlaps the next. */
  thrice: number;
}

/**
 * Peak resident memory while `name` parses the file: the median of three child processes, since when
 * V8 decides to collect moves a single figure by tens of MB.
 */
async function peakMemory(name: ParserName, file: string): Promise<MemoryFigures> {
  const runs: MemoryFigures[] = [];
  for (let run = 0; run < 3; run++) runs.push(await memoryInChild(name, file));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[1]!;
  return { once: median(runs.map((r) => r.once)), thrice: median(runs.map((r) => r.thrice)) };
}

function memoryInChild(name: ParserName, file: string): Promise<MemoryFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--memory-child', name, file], {
      // A feed this large is parsed on Quotewire's feed worker, whose young generation is 12 MB
      // (FEED_WORKER_LIMITS): 4 MB semi-spaces give the child the same, for both parsers.
      execArgv: [...process.execArgv, '--expose-gc', '--max-semi-space-size=4'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.once('message', (message) => resolve(message as MemoryFigures));
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`memory child for ${name} exited with ${code}`));
    });
  });
}

async function memoryChild(name: ParserName, file: string): Promise<void> {
  const text = readFileSync(file, 'utf8');
  const rssParser = new RssParser();
  // Compile the parser's code on a small feed first, so that the figure is the feed's, not the JIT's.
  for (const small of [generateRssFeed(200), generateAtomFeed(200)]) await parseWith(name, small, rssParser);
  (globalThis as { gc?: () => void }).gc?.();
  const baseline = process.memoryUsage().rss;
  // maxRSS is the kernel's high-water mark (KB), so it catches peaks inside synchronous parsing.
  const peak = () =>
    (Math.max(process.resourceUsage().maxRSS * 1024, process.memoryUsage().rss) - baseline) / 2 ** 20;
  await parseWith(name, text, rssParser);
  const once = peak();
  for (let run = 0; run < 2; run++) await parseWith(name, text, rssParser);
  const figures: MemoryFigures = { once, thrice: peak() };
  process.send?.(figures);
}

export async function runFeedParseBench(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-feed-bench-'));
  try {
    console.log(`feed parsing: generated ${ITEMS.toLocaleString('en')}-item feeds, ours vs rss-parser, warm`);
    for (const [format, text] of [
      ['RSS 2.0', generateRssFeed(ITEMS)],
      ['Atom 1.0', generateAtomFeed(ITEMS)],
    ] as const) {
      const file = join(folder, `${format.replace(/\W/g, '')}.xml`);
      writeFileSync(file, text);
      const speed = await throughput(text);
      const memory = {
        ours: await peakMemory('ours', file),
        'rss-parser': await peakMemory('rss-parser', file),
      };
      const mb = (text.length / 1024 / 1024).toFixed(1);
      console.log(`  ${format} (${mb} MB):`);
      for (const name of ['ours', 'rss-parser'] as const) {
        const { once, thrice } = memory[name];
        console.log(
          `    ${name.padEnd(11)} ${Math.round(speed[name]).toLocaleString('en').padStart(7)} items/s   ` +
            `peak +${once.toFixed(0)} MB resident for one parse, +${thrice.toFixed(0)} MB for three in a row`,
        );
      }
      const ratio = (pick: (figures: MemoryFigures) => number) =>
        (pick(memory.ours) / pick(memory['rss-parser'])).toFixed(2);
      console.log(
        `    ratio ours/rss-parser: ${(speed.ours / speed['rss-parser']).toFixed(2)}x throughput (target >= 1.0), ` +
          `${ratio((m) => m.once)}x / ${ratio((m) => m.thrice)}x peak memory (target <= 1.0)`,
      );
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--memory-child') {
  await memoryChild(process.argv[3] as ParserName, process.argv[4]!);
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await runFeedParseBench();
}
