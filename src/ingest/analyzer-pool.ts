import type { ResourceLimits, Worker } from 'node:worker_threads';
import { startWorkerNextTo } from '../kernel/start-worker.js';
import type { Logger } from '../kernel/logger.js';
import type { AnalysisRequest } from './analyzer-worker.js';
import { analyzeInThisThread, type TextAnalysis, type TextAnalyzer } from './text-analysis.js';

export interface AnalyzerPool {
  analyze: TextAnalyzer;
  /** Ends the workers; analyses still queued are finished in this thread. */
  close(): Promise<void>;
}

export interface AnalyzerPoolOptions {
  /** Starts one worker; tests pass workers that crash on purpose. */
  startWorker?: () => Worker;
  /** A text still unanswered after this long is taken back and its worker replaced. */
  taskTimeoutMs?: number;
}

interface Task {
  resolve(result: TextAnalysis): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  tasks: Map<number, Task>;
  alive: boolean;
}

/** Workers that die this often within a minute are not replaced again: the main thread takes over. */
const MAX_RESTARTS_PER_MINUTE = 5;

/**
 * Runs text analysis on `size` worker threads, started on first use; with size 0 it runs in this
 * thread. A worker that crashes, exits or hangs is replaced, and the texts it held are analysed
 * again (on a live worker, or in this thread): no article is ever lost or left waiting. A worker
 * that keeps dying is given up on, and the main thread does the work (slower, but it goes on).
 */
export function createAnalyzerPool(
  size: number,
  logger: Logger,
  options: AnalyzerPoolOptions = {},
): AnalyzerPool {
  if (size <= 0) return { analyze: analyzeInThisThread, close: async () => undefined };
  const startWorker = options.startWorker ?? startAnalyzerWorker;
  const taskTimeoutMs = options.taskTimeoutMs ?? 60_000;
  const slots: Slot[] = [];
  const restarts: number[] = [];
  let nextId = 0;
  let closed = false;
  let givenUp = false;

  const spawn = (): Slot => {
    const slot: Slot = { worker: startWorker(), tasks: new Map(), alive: true };
    // An idle worker must not keep the process alive; a busy one must (see send).
    slot.worker.unref();
    slot.worker.on('message', (message: { id: number; result?: TextAnalysis; error?: string }) => {
      const task = slot.tasks.get(message.id);
      if (!task) return;
      slot.tasks.delete(message.id);
      clearTimeout(task.timer);
      if (slot.tasks.size === 0) slot.worker.unref();
      if (message.result) task.resolve(message.result);
      else task.reject(new Error(message.error ?? 'analysis failed'));
    });
    slot.worker.on('error', (error) => lose(slot, `failed: ${error.message}`));
    slot.worker.on('exit', (code) => lose(slot, `stopped (exit code ${code})`));
    return slot;
  };

  /** A worker is gone: its texts go back to their callers, who retry them; it is replaced. */
  const lose = (slot: Slot, why: string) => {
    if (!slot.alive) return;
    slot.alive = false;
    const error = new WorkerLostError(`analysis worker ${why}`);
    for (const task of slot.tasks.values()) {
      clearTimeout(task.timer);
      task.reject(error);
    }
    slot.tasks.clear();
    if (closed) return;
    const index = slots.indexOf(slot);
    const now = Date.now();
    restarts.push(now);
    while (restarts.length && restarts[0]! < now - 60_000) restarts.shift();
    if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
      if (!givenUp) {
        logger.error(
          `analysis worker ${why}, ${restarts.length} times in a minute: analysing in the main thread from now on`,
        );
      }
      givenUp = true;
      if (index >= 0) slots.splice(index, 1);
      return;
    }
    logger.warn(`analysis worker ${why}; starting a new one and analysing its texts again`);
    if (index >= 0) slots[index] = spawn();
  };

  const send = (slot: Slot, text: string, sentences: number, title: string | undefined) =>
    new Promise<TextAnalysis>((resolve, reject) => {
      const id = nextId++;
      const timer = setTimeout(() => {
        // A worker stuck on one text (a pathological input) holds every text queued behind it.
        void slot.worker.terminate();
        lose(
          slot,
          `did not answer within ${(taskTimeoutMs / 1000).toFixed(taskTimeoutMs < 10_000 ? 1 : 0)} s`,
        );
      }, taskTimeoutMs);
      timer.unref();
      slot.tasks.set(id, { resolve, reject, timer });
      slot.worker.ref();
      slot.worker.postMessage({ id, text, sentences, title } satisfies AnalysisRequest);
    });

  /** The live worker with the fewest texts waiting; null when none can be had. */
  const pick = (): Slot | null => {
    if (closed || givenUp) return null;
    while (slots.length < size) slots.push(spawn());
    let best: Slot | null = null;
    for (const slot of slots) if (slot.alive && (!best || slot.tasks.size < best.tasks.size)) best = slot;
    return best;
  };

  const analyze: TextAnalyzer = async (text, sentences, title) => {
    // A text whose worker died is tried once more on another (a crash may have been the worker's,
    // not the text's); if that fails too, this thread analyses it.
    for (let attempt = 0; attempt < 2; attempt++) {
      const slot = pick();
      if (!slot) break;
      try {
        return await send(slot, text, sentences, title);
      } catch (error) {
        if (!(error instanceof WorkerLostError)) break;
      }
    }
    return analyzeInThisThread(text, sentences, title);
  };

  return {
    analyze,
    async close() {
      closed = true;
      await Promise.all(slots.map(({ worker }) => worker.terminate()));
      slots.length = 0;
    },
  };
}

class WorkerLostError extends Error {}

/**
 * The analysis worker's V8 heap limits. Each thread has its own young generation, which V8 sizes from
 * the process's heap limit: up to two 16 MB semi-spaces, and a worker turning texts over keeps them
 * full. Analysis garbage dies within one text, so 4 MB semi-spaces collect it as cheaply (measured on
 * the ingest bench: the worker's CPU time unchanged) and the process stays about 30 MB smaller.
 */
export const ANALYZER_WORKER_LIMITS: ResourceLimits = { maxYoungGenerationSizeMb: 12 };

/** Starts one analysis worker thread (analyzer-worker.ts). */
export function startAnalyzerWorker(): Worker {
  return startWorkerNextTo(import.meta.url, 'analyzer-worker', { resourceLimits: ANALYZER_WORKER_LIMITS });
}
