import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts the worker thread whose entry module `name` sits next to the calling module (`nextTo`:
 * the caller's import.meta.url). Compiled, that is `name.js`. Running from the TypeScript sources
 * (tests, tsx), the thread first registers tsx's loader in itself, then imports `name.ts`.
 */
export function startWorkerNextTo(nextTo: string, name: string, options: WorkerOptions = {}): Worker {
  if (!nextTo.endsWith('.ts')) return new Worker(new URL(`./${name}.js`, nextTo), options);
  const entry = new URL(`./${name}.ts`, nextTo).href;
  const bootstrap = `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(bootstrap, { ...options, eval: true });
}
