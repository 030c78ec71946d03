/**
 * Runs every file under a folder through the feed pipeline (decodeBody → detectFormat → parseFeed) and
 * prints one row per file, then totals and parsing speed.
 *
 * Usage: npm run eval:feeds -- <dir>      (e.g. ../shared/corpus/feeds-dev)
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { decodeBody } from '../src/sources/decode-body.js';
import { detectFormat } from '../src/sources/detect-format.js';
import { FeedParseError, parseFeed } from '../src/sources/feed-parser.js';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) => {
      const path = join(dir, entry.name);
      return entry.isDirectory() ? listFiles(path) : Promise.resolve(entry.isFile() ? [path] : []);
    }),
  );
  return nested.flat().sort();
}

function clip(text: string | null, length: number): string {
  if (text === null) return '-';
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** parseFeed throughput once the JIT has warmed up: the first pass mostly measures compilation. */
function warmSpeed(bodies: Array<[string, string]>, itemsPerPass: number): string {
  const passes = 5;
  let elapsed = 0;
  for (let pass = 0; pass <= passes; pass++) {
    const started = performance.now();
    for (const [name, text] of bodies) {
      try {
        parseFeed(text, `http://example.com/feeds/${name}`);
      } catch {
        // Refusals were reported above; here only the time counts.
      }
    }
    if (pass > 0) elapsed += performance.now() - started;
  }
  const chars = bodies.reduce((sum, [, text]) => sum + text.length, 0);
  const seconds = elapsed / 1000 / passes;
  return `~${Math.round(itemsPerPass / seconds)} items/s, ~${(chars / 1e6 / seconds).toFixed(1)} M chars/s`;
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: eval-feeds <dir>');
    process.exitCode = 2;
    return;
  }
  // The README's example path (../shared/corpus/feeds-dev) exists only beside a checkout that has it.
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) {
    console.error(
      `eval-feeds: ${dir} is not a folder; give a folder of feed files (usage: eval-feeds <dir>)`,
    );
    process.exitCode = 2;
    return;
  }
  let parsed = 0;
  let refused = 0;
  let crashed = 0;
  let items = 0;
  const bodies: Array<[string, string]> = [];
  for (const path of await listFiles(dir)) {
    const name = relative(dir, path);
    const bytes = await readFile(path);
    try {
      const text = decodeBody(bytes);
      bodies.push([name, text]);
      const detected = detectFormat(text, { fileName: name });
      const feed = parseFeed(text, `http://example.com/feeds/${name}`);
      parsed++;
      items += feed.items.length;
      const first = feed.items[0];
      console.log(
        [
          name.padEnd(52),
          `${detected}→${feed.format}`.padEnd(20),
          `${String(feed.items.length).padStart(3)} items`,
          clip(feed.title, 30),
          first
            ? `| ${clip(first.title, 40)} | ${clip(first.link, 60)} | ${first.published ?? '-'}`
            : '| (no items)',
        ].join('  '),
      );
    } catch (error) {
      if (error instanceof FeedParseError) {
        refused++;
        console.log(`${name.padEnd(52)}  REFUSED  ${error.message}`);
      } else {
        crashed++;
        console.log(`${name.padEnd(52)}  CRASH    ${String(error)}`);
      }
    }
  }
  console.log(`\nparsed ${parsed}, refused ${refused}${crashed ? `, crashed ${crashed}` : ''}`);
  console.log(`speed (parseFeed on decoded text, warm): ${warmSpeed(bodies, items)}`);
}

await main();
