import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CLI = fileURLToPath(new URL('../../dist/src/cli/main.js', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built `quotewire` executable (what npx runs) with the given input and environment. */
export function runCli(
  args: string[],
  /** `killAfterMs`: a process still running then is killed (code null), so a hang fails a test rather than leaking. */
  options: { input?: string; env?: Record<string, string>; killAfterMs?: number } = {},
): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    const stuck = options.killAfterMs ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs) : null;
    child.on('close', (code) => {
      if (stuck) clearTimeout(stuck);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs the built executable as `quotewire ... | head -1` does: reads the first line of its output,
 * then closes the pipe, so that the process's next write fails with EPIPE. `afterClose` is written to
 * its standard input once the pipe is closed (to make an interactive command write again).
 */
export function runCliClosingOutput(
  args: string[],
  options: { env?: Record<string, string>; afterClose?: string } = {},
): Promise<CliResult & { firstLine: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (stdout.includes('\n')) return;
      stdout += chunk.toString();
      if (!stdout.includes('\n')) return;
      child.stdout.destroy();
      if (options.afterClose !== undefined) child.stdin.write(options.afterClose);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    // A process that does not notice the closed pipe would wait for input forever: end it (code null).
    const stuck = setTimeout(() => child.kill('SIGKILL'), 20_000);
    child.on('close', (code) => {
      clearTimeout(stuck);
      resolve({ code, stdout, stderr, firstLine: stdout.split('\n')[0] ?? '' });
    });
    if (options.afterClose === undefined) child.stdin.end();
  });
}
