/**
 * Measures article extraction against reference pages: each folder under the given directory holds
 * `source.html` (the page as served), `expected.html` and `expected-metadata.json` (what Mozilla
 * Readability extracts in its own test suite). Prints token F1 of the text and whether title, byline and
 * publication time agree, per page and overall.
 *
 * Usage: npm run eval:html -- ../shared/corpus/html-dev
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { extractPage, normalizeDate, type ExtractedPage } from '../src/sources/page-extractor.js';
import { htmlToText } from '../src/text/html-to-text.js';

interface Reference {
  title?: string | null;
  byline?: string | null;
  publishedTime?: string | null;
}

/** The address Readability's own tests give their pages. */
const PAGE_URL = 'http://fakehost/test/page.html';

/** Lowercased letter/digit runs, Unicode aware; both sides go through the same `htmlToText` first. */
function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/** Bag-of-tokens F1: overlap counted with multiplicity. */
function tokenF1(predicted: string[], reference: string[]): number {
  if (predicted.length === 0 || reference.length === 0) return predicted.length === reference.length ? 1 : 0;
  const counts = new Map<string, number>();
  for (const token of reference) counts.set(token, (counts.get(token) ?? 0) + 1);
  let common = 0;
  for (const token of predicted) {
    const left = counts.get(token) ?? 0;
    if (left > 0) {
      common++;
      counts.set(token, left - 1);
    }
  }
  if (common === 0) return 0;
  const precision = common / predicted.length;
  const recall = common / reference.length;
  return (2 * precision * recall) / (precision + recall);
}

// The extractor normalizes what it reports (collapsed whitespace, no "By" prefix, UTC timestamps), so
// the reference goes through the same normalization before the comparison.
const sameText = (a: string | null, b: string | null): boolean =>
  (a ?? '').replace(/\s+/g, ' ').trim() === (b ?? '').replace(/\s+/g, ' ').trim();
const sameByline = (a: string | null, b: string | null): boolean =>
  sameText(a?.replace(/^\s*by[\s:]+/i, '') ?? null, b?.replace(/^\s*by[\s:]+/i, '') ?? null);
const sameTime = (a: string | null, b: string | null): boolean => a !== null && a === normalizeDate(b);

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    console.error('usage: npm run eval:html -- <dir with one folder per page>');
    process.exit(2);
  }
  const pages = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
  pages.sort();

  const scores: number[] = [];
  let titles = 0;
  let bylines = 0;
  let bylineRefs = 0;
  let times = 0;
  let timeRefs = 0;
  let totalMs = 0;
  console.log(['page', 'F1', 'ours/ref tokens', 'title', 'byline', 'published', 'ms'].join('\t'));
  for (const name of pages) {
    const [source, expected, metadata] = await Promise.all([
      readFile(join(dir, name, 'source.html'), 'utf8'),
      readFile(join(dir, name, 'expected.html'), 'utf8'),
      readFile(join(dir, name, 'expected-metadata.json'), 'utf8'),
    ]);
    const reference = JSON.parse(metadata) as Reference;
    const started = performance.now();
    let page: ExtractedPage | null = null;
    let failure = '';
    try {
      page = extractPage(source, PAGE_URL);
    } catch (error) {
      failure = error instanceof Error ? error.message : String(error);
    }
    const ms = performance.now() - started;
    totalMs += ms;

    const ours = tokens(page?.text ?? '');
    const theirs = tokens(htmlToText(expected));
    const f1 = tokenF1(ours, theirs);
    scores.push(f1);
    const titleOk = sameText(page?.title ?? null, reference.title ?? null);
    if (titleOk) titles++;
    let bylineCell = '-';
    if (reference.byline) {
      bylineRefs++;
      const ok = sameByline(page?.byline ?? null, reference.byline);
      if (ok) bylines++;
      bylineCell = ok ? 'ok' : `MISS (${JSON.stringify(page?.byline ?? null)})`;
    }
    let timeCell = '-';
    if (reference.publishedTime) {
      timeRefs++;
      const ok = sameTime(page?.published ?? null, reference.publishedTime);
      if (ok) times++;
      timeCell = ok ? 'ok' : `MISS (${JSON.stringify(page?.published ?? null)})`;
    }
    const titleCell = titleOk ? 'ok' : `MISS (${JSON.stringify(page?.title ?? null)})`;
    console.log(
      [
        name,
        f1.toFixed(3),
        `${ours.length}/${theirs.length}`,
        titleCell,
        bylineCell,
        timeCell,
        ms.toFixed(0),
      ].join('\t'),
    );
    if (failure) console.log(`\t${failure}`);
  }

  const mean = scores.reduce((sum, s) => sum + s, 0) / Math.max(scores.length, 1);
  const worst = Math.min(...scores);
  console.log(
    `\n${pages.length} pages: mean F1 ${mean.toFixed(3)}, worst ${worst.toFixed(3)}; ` +
      `titles ${titles}/${pages.length}, bylines ${bylines}/${bylineRefs}, published ${times}/${timeRefs}; ` +
      `${((pages.length * 1000) / totalMs).toFixed(1)} pages/s`,
  );
}

await main();
