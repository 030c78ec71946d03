/**
 * Scores the extractive summarizer against reference highlights and against Lead-3.
 *
 * Usage: `npm run eval:summaries -- <file.jsonl>`, one JSON object a line with `article` and
 * `highlights` (reference sentences separated by newlines), as in the CNN/DailyMail corpus. Both
 * systems extract three sentences and go through the same splitter and ROUGE scorer (R-1, R-2
 * and R-L over the whole summary, R-Lsum over its sentences one per line), so the comparison
 * isolates sentence choice. Also prints the summarizer's warm throughput. Exits 1 only when the
 * file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { summarize } from '../src/summaries/extractive-summarizer.js';
import { rougeF1, type RougeF1 } from './lib/rouge.js';
import { splitSentences } from '../src/text/sentences.js';

const SUMMARY_SENTENCES = 3;

interface Example {
  article: string;
  highlights: string;
}

function readExamples(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, index) => {
      const parsed = JSON.parse(line) as Partial<Example>;
      if (typeof parsed.article !== 'string' || typeof parsed.highlights !== 'string') {
        throw new Error(`line ${index + 1}: expected string fields "article" and "highlights"`);
      }
      return { article: parsed.article, highlights: parsed.highlights };
    });
}

const METRICS = [
  ['R-1', 'rouge1'],
  ['R-2', 'rouge2'],
  ['R-L', 'rougeL'],
  ['R-Lsum', 'rougeLsum'],
] as const satisfies readonly (readonly [string, keyof RougeF1])[];

function mean(scores: readonly RougeF1[]): RougeF1 {
  const total: RougeF1 = { rouge1: 0, rouge2: 0, rougeL: 0, rougeLsum: 0 };
  for (const s of scores) for (const [, key] of METRICS) total[key] += s[key];
  const n = Math.max(1, scores.length);
  for (const [, key] of METRICS) total[key] /= n;
  return total;
}

/**
 * Articles summarized per second: the median of several timed rounds after warm-up rounds, so
 * the figure is the steady state rather than JIT compilation or a busy moment on the machine.
 */
function measureThroughput(examples: readonly Example[]): number {
  if (examples.length === 0) return 0;
  const roundSize = Math.min(examples.length, 200);
  const rates: number[] = [];
  for (let round = 0; round < 25; round++) {
    const started = performance.now();
    for (let i = 0; i < roundSize; i++) summarize((examples[i] as Example).article, SUMMARY_SENTENCES);
    if (round >= 5) rates.push(roundSize / ((performance.now() - started) / 1000));
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)] as number;
}

const percent = (x: number): string => (x * 100).toFixed(2).padStart(6);

function main(argv: readonly string[]): number {
  const path = argv[0];
  if (path === undefined) {
    console.error(
      'usage: npm run eval:summaries -- <file.jsonl>  (e.g. ../shared/corpus/summaries-dev.jsonl)',
    );
    return 1;
  }
  let examples: Example[];
  try {
    examples = readExamples(path);
  } catch (error) {
    console.error(`cannot read ${path}: ${(error as Error).message}`);
    return 1;
  }

  const summaries = examples.map((e) => summarize(e.article, SUMMARY_SENTENCES));
  const perSecond = measureThroughput(examples);

  const ours = mean(examples.map((e, i) => rougeF1(summaries[i] ?? [], e.highlights)));
  const lead = mean(
    examples.map((e) =>
      rougeF1(
        splitSentences(e.article)
          .slice(0, SUMMARY_SENTENCES)
          .map((s) => s.text),
        e.highlights,
      ),
    ),
  );

  const row = (label: string, cells: readonly string[]): string =>
    `${label.padEnd(8)} ${cells.map((cell) => cell.padStart(7)).join(' ')}`;
  const names = METRICS.map(([name]) => name);
  const percents = (scores: RougeF1): string[] => METRICS.map(([, key]) => percent(scores[key]));
  console.log(`${examples.length} articles from ${path}`);
  console.log(row('system', names));
  console.log(row('ours', percents(ours)));
  console.log(row('lead-3', percents(lead)));
  for (const [name, key] of METRICS) {
    const gain = (ours[key] - lead[key]) * 100;
    const verdict = ours[key] > lead[key] ? 'beats' : 'does NOT beat';
    console.log(`${name.padEnd(7)} ${verdict} Lead-3 (${gain > 0 ? '+' : ''}${gain.toFixed(2)})`);
  }
  console.log(`throughput: ${perSecond.toFixed(0)} articles/s (median of 20 warm rounds, one core)`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
