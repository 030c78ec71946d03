import { Worker } from 'node:worker_threads';
import type { Logger } from '../kernel/logger.js';
import type { AnalysisRequest } from './analyzer-worker.js';
import { analyzeInThisThread, type TextAnalysis, type TextAnalyzer } from './text-analysis.js';

export interface AnalyzerPool {
  analyze: TextAnalyzer;
  /** Ends the workers; analyses still queued are finished in this thread. */
  close(): Promise<void>;
}

interface Pending {
  resolve(result: TextAnalysis): void;
  reject(error: Error): void;
}

/**
 * Runs text analysis on `size` worker threads, started on first use; with size 0 it runs in this
 * thread. A worker that fails or dies never loses an article: its work is redone in this thread.
 */
export function createAnalyzerPool(size: number, logger: Logger): AnalyzerPool {
  if (size <= 0) return { analyze: analyzeInThisThread, close: async () => undefined };
  const workers: { worker: Worker; pending: Map<number, Pending>; alive: boolean }[] = [];
  let nextId = 0;
  let closed = false;

  const start = () => {
    for (let i = 0; i < size; i++) {
      const pending = new Map<number, Pending>();
      const worker = startWorker();
      const entry = { worker, pending, alive: true };
      // An idle worker must not keep the process alive; a busy one must (see analyze).
      worker.unref();
      worker.on('message', (message: { id: number; result?: TextAnalysis; error?: string }) => {
        const task = pending.get(message.id);
        pending.delete(message.id);
        if (pending.size === 0) worker.unref();
        if (message.result) task?.resolve(message.result);
        else task?.reject(new Error(message.error ?? 'analysis failed'));
      });
      const failAll = (error: Error) => {
        for (const task of pending.values()) task.reject(error);
        pending.clear();
      };
      worker.on('error', (error) => {
        if (!closed)
          logger.warn(`analysis worker failed: ${error.message}; analysing in the main thread instead`);
        entry.alive = false;
        failAll(error);
      });
      worker.on('exit', () => {
        entry.alive = false;
        failAll(new Error('analysis worker stopped'));
      });
      workers.push(entry);
    }
  };

  const analyze: TextAnalyzer = async (text, sentences) => {
    if (closed) return analyzeInThisThread(text, sentences);
    if (workers.length === 0) start();
    // The least busy worker takes the text.
    const target = workers.reduce((best, candidate) =>
      candidate.pending.size < best.pending.size ? candidate : best,
    );
    const id = nextId++;
    try {
      return await new Promise<TextAnalysis>((resolve, reject) => {
        target.pending.set(id, { resolve, reject });
        target.worker.ref();
        target.worker.postMessage({ id, text, sentences } satisfies AnalysisRequest);
      });
    } catch {
      return analyzeInThisThread(text, sentences);
    }
  };

  return {
    analyze,
    async close() {
      closed = true;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      workers.length = 0;
    },
  };
}

/**
 * The compiled worker next to this file. Running from the TypeScript sources (tests, benchmarks), the
 * worker first registers tsx's loader in its own thread, then imports the .ts entry.
 */
function startWorker(): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./analyzer-worker.js', import.meta.url));
  const entry = new URL('./analyzer-worker.ts', import.meta.url).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { eval: true });
}
