/**
 * Untrusted text must cost time in proportion to its length. Each case builds one pathological input
 * at three sizes (1x, 4x, 16x) and compares the CPU time per run within this one process: linear work
 * makes the 16x input about 16 times as slow as the 1x one, quadratic work about 256 times. The bound
 * (40x) leaves room for a busy machine and a larger heap without letting quadratic work through, and
 * no absolute time is ever asserted. The 1x inputs are tens of KB, large enough that fixed costs do
 * not flatter them.
 */
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/sources/detect-format.js';
import { parseFeedDate } from '../../src/sources/feed-date.js';
import { FeedParseError, parseFeed } from '../../src/sources/feed-parser.js';
import { markdownToText } from '../../src/sources/markdown-to-text.js';
import { extractPage } from '../../src/sources/page-extractor.js';
import { htmlToText } from '../../src/text/html-to-text.js';

/** The 16x input may take at most this many times as long as the 1x input, and the 4x input this. */
const MAX_RATIO_16X = 40;
const MAX_RATIO_4X = 13;

/** CPU milliseconds this process has used: unlike the wall clock, not inflated by other processes. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/**
 * CPU milliseconds per run: runs repeat until 25 ms have passed, and the best of several rounds counts.
 */
function timePerRun(run: () => unknown, rounds: number): number {
  let best = Infinity;
  for (let round = 0; round < rounds; round++) {
    let runs = 0;
    const started = cpuMs();
    let elapsed = 0;
    do {
      run();
      runs++;
      elapsed = cpuMs() - started;
    } while (elapsed < 25);
    best = Math.min(best, elapsed / runs);
  }
  return best;
}

/**
 * How much slower the 4x and 16x inputs are than the 1x input, by the best time seen for each. A
 * shared machine sometimes slows a whole round down, so when a ratio is out of bounds every size is
 * measured again (up to three times) before the ratio counts; work that really grows too fast fails
 * every time. The 16x input is not run while the 4x one grows too fast: quadratic work at 16x would
 * hold the test up for minutes.
 */
function growth(make: (scale: number) => string, run: (input: string) => unknown): [number, number] {
  const small = make(1);
  const medium = make(4);
  let large: string | null = null;
  // Warm up: the first runs include compiling, which belongs to neither size.
  for (let i = 0; i < 3; i++) {
    run(small);
    run(medium);
  }
  let [base, at4, at16] = [Infinity, Infinity, Infinity];
  for (let attempt = 0; attempt < 3; attempt++) {
    base = Math.min(
      base,
      timePerRun(() => run(small), 3),
    );
    at4 = Math.min(
      at4,
      timePerRun(() => run(medium), 2),
    );
    if (at4 / base >= MAX_RATIO_4X) continue;
    large ??= make(16);
    const input = large;
    at16 = Math.min(
      at16,
      timePerRun(() => run(input), 2),
    );
    if (at16 / base < MAX_RATIO_16X) break;
  }
  return [at4 / base, at16 / base];
}

/** Runs `parse`, treating a clear refusal as a result: refusing must be linear too. */
function settle(parse: () => unknown): unknown {
  try {
    return parse();
  } catch (error) {
    if (error instanceof FeedParseError) return error.message;
    throw error;
  }
}

const rss = (items: string): string =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>Linear</title><link>https://lin.example/</link>${items}</channel></rss>`;
const items = (count: number, item: (n: number) => string): string =>
  Array.from({ length: count }, (_, n) => item(n)).join('');
const feed = (input: string): unknown => settle(() => parseFeed(input, 'https://lin.example/feed.xml'));

type Case = [name: string, make: (scale: number) => string, run: (input: string) => unknown];

const FEED_CASES: Case[] = [
  [
    'one bare & before thousands of CDATA items',
    (k) =>
      rss(
        '<item><title>Q & A</title></item>' +
          items(
            1250 * k,
            (n) => `<item><title>t${n}</title><description><![CDATA[<p>x</p>]]></description></item>`,
          ),
      ),
    feed,
  ],
  [
    'thousands of unclosed <b> in descriptions',
    (k) =>
      rss(
        items(
          1250 * k,
          (n) => `<item><title>t${n} & co</title><description>${'<b>x'.repeat(5)}</description></item>`,
        ),
      ),
    feed,
  ],
  [
    'thousands of unclosed <b> outside any description',
    (k) => rss(`<item><title>t</title>${'<b>x'.repeat(20000 * k)}</item>`),
    feed,
  ],
  [
    'descriptions that are never closed',
    (k) => rss(items(3000 * k, () => '<item><description><p>x</item>')),
    feed,
  ],
  [
    'elements nested far too deep',
    (k) =>
      rss(`<item><description>${'<div>'.repeat(7500 * k)}${'</div>'.repeat(7500 * k)}</description></item>`),
    feed,
  ],
  [
    'a run of "<" and "&" in a title',
    (k) => rss(`<item><title>${'<&'.repeat(30000 * k)}</title></item>`),
    feed,
  ],
  ['a 100,000-character line', (k) => rss(`<item><title>${'word '.repeat(10000 * k)}</title></item>`), feed],
  [
    'misplaced XML declarations and DOCTYPEs',
    (k) => rss(`<item><title>t</title></item>${'<?xml version="1.0" '.repeat(4000 * k)}`),
    feed,
  ],
  [
    'an HTML page full of unclosed <link',
    (k) => `<!DOCTYPE html><html><head>${'<link rel="alternate" '.repeat(4000 * k)}`,
    feed,
  ],
  [
    'hostile dates in every item',
    (k) =>
      rss(
        items(
          750 * k,
          (n) => `<item><title>t${n}</title><pubDate>1 Janxxxx${' -'.repeat(40)}(((((${n}</pubDate></item>`,
        ),
      ),
    feed,
  ],
  [
    'an author line built to make patterns backtrack',
    (k) => rss(`<item><title>t</title><author>${'a@b <'.repeat(15000 * k)}</author></item>`),
    feed,
  ],
];

const HTML_CASES: Case[] = [
  ['thousands of unclosed tags', (k) => '<b>x'.repeat(20000 * k), htmlToText],
  ['deeply nested tags', (k) => `${'<div>'.repeat(7500 * k)}deep${'</div>'.repeat(7500 * k)}`, htmlToText],
  ['a 100,000-character line', (k) => `<p>${'word '.repeat(10000 * k)}</p>`, htmlToText],
  ['runs of "<", "&" and "&#"', (k) => '<&&#'.repeat(20000 * k), htmlToText],
  ['unclosed comments, scripts and attributes', (k) => '<!--<script><a title="'.repeat(4000 * k), htmlToText],
  ['many script elements', (k) => '<script>x</script>y'.repeat(4000 * k), htmlToText],
];

const MARKDOWN_CASES: Case[] = [
  ['a run of "<"', (k) => '<'.repeat(75000 * k), markdownToText],
  ['a run of "&"', (k) => '&'.repeat(75000 * k), markdownToText],
  ['a run of "*"', (k) => '*a'.repeat(37500 * k), markdownToText],
  ['a run of "_"', (k) => '_a '.repeat(25000 * k), markdownToText],
  ['a run of backticks', (k) => '`a'.repeat(37500 * k), markdownToText],
  ['unclosed links and images', (k) => '![a](x[b]('.repeat(7500 * k), markdownToText],
  ['a heading padded with spaces', (k) => `# Title${' '.repeat(50000 * k)}x`, markdownToText],
  ['a 100,000-character line', (k) => 'word '.repeat(10000 * k), markdownToText],
  ['a table delimiter row that never ends', (k) => `| a |\n|${'-|'.repeat(25000 * k)}x`, markdownToText],
];

const OTHER_CASES: Case[] = [
  [
    'one hostile date string',
    (k) => `Wed, 1 ${' '.repeat(25000 * k)}Jan 2020 (${'('.repeat(25000 * k)}`,
    parseFeedDate,
  ],
  [
    'format sniffing of bracket runs',
    (k) => `${'[a]('.repeat(2500 * k)}${'x'.repeat(50000 * k)}`,
    (input) => detectFormat(input),
  ],
  [
    'a page of unclosed <head and <!doctype before its article',
    (k) =>
      `${'<head <!doctype '.repeat(1500 * k)}<p>${'Words of the article. '.repeat(30)}</p><p>${'More words here. '.repeat(30)}</p>`,
    (input) => {
      try {
        return extractPage(input, 'https://lin.example/a').text.length;
      } catch (error) {
        return (error as Error).message;
      }
    },
  ],
];

describe.each([
  ['feed parsing', FEED_CASES],
  ['HTML to text', HTML_CASES],
  ['Markdown to text', MARKDOWN_CASES],
  ['dates, sniffing and pages', OTHER_CASES],
])('%s stays linear', (_, cases) => {
  it.each(cases)('%s', (_name, make, run) => {
    const [at4, at16] = growth(make, run);
    expect(at4, `4x input took ${at4.toFixed(1)}x the time`).toBeLessThan(MAX_RATIO_4X);
    expect(at16, `16x input took ${at16.toFixed(1)}x the time`).toBeLessThan(MAX_RATIO_16X);
  });
});
