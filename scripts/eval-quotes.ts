/**
 * Measures the quote extractor on a gold file: `npm run eval:quotes -- <file>`.
 *
 * - `*.jsonl`: one article per line ({id, text, quotes: [...]}, the Gender Gap Tracker format);
 *   prints precision, recall, F1, speaker accuracy and the misattribution rate (matched quotes
 *   given a wrong speaker; no speaker is not counted as one) over the direct quotations.
 * - `*.quotes.json`: a sample gold file; prints which required quotations were found with the
 *   right speaker and whether any phrase listed under not_quotes came out as a quotation.
 *
 * Add `--verbose` to list every miss, false positive, wrong speaker (SPKR) and quote left
 * unattributed (NONE), with the confidence and how the speaker was reached.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SPEAKER_THRESHOLD, type Quote } from '../src/quotes/quote.js';
import { packagedNameKnowledge } from '../src/quotes/name-knowledge.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import {
  addCounts,
  emptyCounts,
  scoreQuotes,
  summarize,
  type GoldSpan,
} from '../src/quotes/quote-scoring.js';
import { scoreSample, type SampleGold } from './lib/sample-scoring.js';

interface GoldArticle {
  id: string;
  text: string;
  quotes: {
    quote: string;
    speaker_entity: string;
    is_direct: boolean;
    quote_span: [number, number] | null;
  }[];
}

const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const file = args.find((arg) => !arg.startsWith('--'));
if (file === undefined) {
  console.error('Usage: npm run eval:quotes -- <quotes.jsonl | sample.quotes.json> [--verbose]');
  process.exit(2);
}

const pct = (x: number): string => x.toFixed(3);
const clip = (s: string): string => JSON.stringify(s.length > 90 ? s.slice(0, 87) + '...' : s);

function evalJsonl(path: string): void {
  const articles = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as GoldArticle);
  const counts = emptyCounts();
  // The name knowledge loads once per process: timed apart from the extraction.
  const loading = performance.now();
  packagedNameKnowledge();
  const knowledgeMs = performance.now() - loading;
  const started = performance.now();
  for (const article of articles) {
    const gold: GoldSpan[] = article.quotes
      .filter((q) => q.is_direct && q.quote_span !== null)
      .map((q) => ({ start: q.quote_span![0], end: q.quote_span![1], speaker: q.speaker_entity }));
    const via = new Map<Quote, string>();
    const predicted = extractQuotes(article.text, undefined, (quote, how) => via.set(quote, how));
    const pairs = scoreQuotes(article.text, gold, predicted);
    addCounts(counts, pairs);
    if (!verbose) continue;
    for (const pair of pairs) {
      if (pair.gold === null)
        console.log(`${article.id} FP   ${clip(pair.predicted!.text)} (${pair.predicted!.speaker})`);
      else if (pair.predicted === null) {
        console.log(
          `${article.id} MISS ${clip(article.text.slice(pair.gold.start, pair.gold.end))} (${pair.gold.speaker})`,
        );
      } else if (!pair.speakerCorrect) {
        const label = pair.predicted.speaker === null ? 'NONE' : 'SPKR';
        console.log(
          `${article.id} ${label} ${clip(pair.predicted.text)} got ${pair.predicted.speaker} (${pair.predicted.confidence ?? '?'} by ${via.get(pair.predicted)}), want ${pair.gold.speaker}`,
        );
      }
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const s = summarize(counts);
  console.log(
    `articles ${articles.length}  gold ${counts.gold}  predicted ${counts.predicted}  matched ${counts.matched}`,
  );
  console.log(
    `precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}  speaker accuracy ${pct(s.speakerAccuracy)}  misattributed ${pct(s.misattribution)}`,
  );
  console.log(
    `of ${counts.matched} matched quotes: ${counts.speakerCorrect} right speaker, ${counts.misattributed} wrong speaker, ${counts.unattributed} left unattributed (confidence below ${SPEAKER_THRESHOLD})`,
  );
  console.log(
    `time ${(seconds * 1000).toFixed(0)} ms (${(articles.length / seconds).toFixed(0)} articles/s, first run), after ${knowledgeMs.toFixed(0)} ms loading the name knowledge`,
  );
}

function evalSample(path: string): void {
  const gold = JSON.parse(readFileSync(path, 'utf8')) as SampleGold;
  const text = readFileSync(join(dirname(path), gold.article), 'utf8');
  const report = scoreSample(text, gold, extractQuotes(text));
  let failures = 0;
  for (const r of report.results) {
    const ok = r.found !== null && r.speakerRight;
    if (r.required && !ok) failures++;
    const status = ok ? 'ok  ' : r.found === null ? 'MISS' : 'SPKR';
    const got = r.found === null ? '' : ` -> ${r.found.speaker}`;
    console.log(`${status} ${r.required ? 'required' : 'bonus   '} ${clip(r.text)}${got}`);
  }
  for (const quote of report.falseQuotes) console.log(`FP   not a quotation: ${clip(quote.text)}`);
  const required = report.results.filter((r) => r.required);
  const bonus = report.results.filter((r) => !r.required && r.found !== null && r.speakerRight);
  console.log(
    `required ${required.length - failures}/${required.length} found with the right speaker; ` +
      `bonus ${bonus.length}/${report.results.length - required.length}; not_quotes found ${report.falseQuotes.length}`,
  );
  if (failures > 0 || report.falseQuotes.length > 0) process.exitCode = 1;
}

if (file.endsWith('.quotes.json')) evalSample(file);
else evalJsonl(file);
