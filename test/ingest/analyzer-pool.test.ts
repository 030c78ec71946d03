import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import {
  ANALYZER_WORKER_LIMITS,
  createAnalyzerPool,
  startAnalyzerWorker,
  type AnalyzerPool,
} from '../../src/ingest/analyzer-pool.js';
import { analyzeText } from '../../src/ingest/text-analysis.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';

/**
 * Real worker threads that answer with a marker (so a test can tell a worker's answer from the main
 * thread's), exit on a text containing CRASH, and spin forever on one containing HANG.
 */
const FAKE_WORKER = `
const { parentPort } = require('node:worker_threads');
parentPort.on('message', ({ id, text }) => {
  if (text.includes('CRASH')) process.exit(3);
  if (text.includes('HANG')) for (;;) {}
  parentPort.postMessage({ id, result: { quotes: [], summary: ['from a worker'] } });
});`;

let started = 0;
const fakeWorker = () => {
  started++;
  return new Worker(FAKE_WORKER, { eval: true });
};

let pool: AnalyzerPool | undefined;
afterEach(async () => {
  await pool?.close();
  started = 0;
});

describe('the analysis worker pool', () => {
  it('replaces a worker that dies, and analyses every text it held again', async () => {
    const logger = createMemoryLogger();
    pool = createAnalyzerPool(1, logger, { startWorker: fakeWorker });
    const texts = [
      'first text',
      'CRASH: "Nothing is lost," said Maria Gonzalez.',
      'third text',
      'fourth text',
    ];
    const results = await Promise.all(texts.map((text) => pool!.analyze(text, 1)));
    // The crashing text was retried on a fresh worker, then analysed in this thread: a real summary.
    expect(results[1]!.summary).not.toEqual(['from a worker']);
    expect(results[1]!.summary.join(' ')).toContain('Nothing is lost');
    // Texts queued behind it on the dead worker were answered too.
    for (const index of [0, 2, 3]) expect(results[index]!.summary.length).toBe(1);
    expect(
      logger.lines.some((line) => /analysis worker stopped \(exit code 3\); starting a new one/.test(line)),
    ).toBe(true);
    // And the pool still has a working worker afterwards.
    expect(await pool.analyze('after the crash', 1)).toEqual({ quotes: [], summary: ['from a worker'] });
    expect(started).toBeGreaterThanOrEqual(2);
  });

  it('takes a text back from a worker that hangs, and replaces that worker', async () => {
    const logger = createMemoryLogger();
    // 2 s: long enough for a fresh worker to start and answer on a busy machine.
    pool = createAnalyzerPool(1, logger, { startWorker: fakeWorker, taskTimeoutMs: 2000 });
    const result = await pool.analyze('HANG: "We will wait," the mayor said.', 1);
    expect(result.summary.join(' ')).toContain('We will wait');
    expect(logger.lines.some((line) => /did not answer within 2.0 s/.test(line))).toBe(true);
    expect(await pool.analyze('next', 1)).toEqual({ quotes: [], summary: ['from a worker'] });
  });

  it('gives up on workers that keep dying and goes on in the main thread', async () => {
    const logger = createMemoryLogger();
    pool = createAnalyzerPool(1, logger, { startWorker: fakeWorker });
    for (let i = 0; i < 6; i++) await pool.analyze(`CRASH number ${i}. The end.`, 1);
    expect(
      logger.lines.filter((line) => line.includes('analysing in the main thread from now on')),
    ).toHaveLength(1);
    const startedBefore = started;
    const after = await pool.analyze('A normal text. It has two sentences.', 1);
    expect(after.summary).not.toEqual(['from a worker']);
    expect(started).toBe(startedBefore);
  });

  it('runs the real analyzer on a worker whose young generation is bounded', async () => {
    const logger = createMemoryLogger();
    let worker: Worker | undefined;
    pool = createAnalyzerPool(1, logger, { startWorker: () => (worker = startAnalyzerWorker()) });
    const result = await pool.analyze('"We will rebuild the bridge by spring," said Maria Gonzalez.', 1);
    expect(result.quotes.map((quote) => quote.speaker)).toEqual(['Maria Gonzalez']);
    // With a title (at ingest) the worker also reads the story features, and they cross intact.
    const text = '"We will rebuild the bridge by spring," said Maria Gonzalez.';
    const titled = await pool.analyze(text, 1, 'Bridge to reopen');
    expect(titled.features).toBeInstanceOf(Int32Array);
    expect(titled.features).toEqual(analyzeText(text, 1, 'Bridge to reopen').features);
    // Answered by the worker, not by this thread after a failed start.
    expect(logger.lines).toEqual([]);
    // V8 would otherwise give the thread up to 48 MB of young generation (see ANALYZER_WORKER_LIMITS).
    expect(ANALYZER_WORKER_LIMITS.maxYoungGenerationSizeMb).toBeLessThanOrEqual(16);
    expect(worker?.resourceLimits?.maxYoungGenerationSizeMb).toBe(
      ANALYZER_WORKER_LIMITS.maxYoungGenerationSizeMb,
    );
  });
});
