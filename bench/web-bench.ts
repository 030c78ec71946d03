/**
 * Web page benchmark (issue 15), run by the quotes benchmark on the store it builds (100,000
 * generated articles, about 900,000 quotes): the speaker page and search, over HTTP, in a fresh
 * process serving that store. Target: p99 <= 50 ms each.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { WebServeReport, WebServeRequest } from './web-bench-serve.js';

const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';
const TARGET_P99_MS = 50;

/** Serves the store in a new process, asks it `requests` pages, and returns the lines to print. */
export async function runWebBench(request: WebServeRequest): Promise<string> {
  const report = await serve(request);
  const line = (label: string, times: readonly number[]) =>
    `  ${label.padEnd(20)} p50 ${percentile(times, 0.5).toFixed(1)} ms, p99 ${percentile(times, 0.99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms over ${times.length} requests   (target p99 <= ${TARGET_P99_MS})`;
  return [
    'web page: the same store served over HTTP by a restarted Quotewire (HTML pages, request to last byte)',
    line('speaker page:', report.latencies.speaker),
    line('search:', report.latencies.search),
    ...(report.failures.length ? [`  FAILED requests: ${report.failures.slice(0, 5).join(', ')}`] : []),
  ].join('\n');
}

function serve(request: WebServeRequest): Promise<WebServeReport> {
  const file = fileURLToPath(new URL(`./web-bench-serve.${EXTENSION}`, import.meta.url));
  const loader = EXTENSION === 'ts' ? ['--import', import.meta.resolve('tsx')] : [];
  const child = spawn(process.execPath, [...loader, file, JSON.stringify(request)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      const report = output.trim().split('\n').at(-1);
      if (code === 0 && report) resolve(JSON.parse(report) as WebServeReport);
      else reject(new Error(`the web page's process failed (exit code ${code})`));
    });
  });
}

/** The value below which a share `q` of the values fall. */
function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}
