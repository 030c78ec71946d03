import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { SAMPLE } from '../helpers/web-test-server.js';

/** A config on the bundled sample, with the web page's port and a fresh store. */
function configWith(port: number, web = ''): string {
  const folder = mkdtempSync(join(tmpdir(), 'qw-web-start-'));
  const file = join(folder, 'quotewire.yaml');
  writeFileSync(
    file,
    `sources:\n  - url: ${JSON.stringify(SAMPLE)}\nstore:\n  url: sqlite://./store.sqlite\nweb:\n  port: ${port}\n${web}`,
  );
  return file;
}

function start(args: string[]) {
  const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start', ...args], {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, output, closed };
}

describe('quotewire start --web (the built process)', () => {
  it('prints the web page’s address, serves it beside the terminal chat, and stops with its input', async () => {
    const { child, output, closed } = start(['--web', '--config', configWith(0)]);
    try {
      await expect
        .poll(() => output.stdout, { timeout: 20_000 })
        .toMatch(/^Web page: http:\/\/127\.0\.0\.1:\d+\//m);
      const url =
        /^Web page: (http:\/\/127\.0\.0\.1:\d+)\/ \(operator console: http:\/\/127\.0\.0\.1:\d+\/console\)$/m.exec(
          output.stdout,
        )![1]!;
      expect(await (await fetch(`${url}/livez`)).json()).toEqual({ live: true });
      expect((await fetch(`${url}/readyz`)).status).toBe(200);
      // The terminal's welcome comes once the local sources are read.
      await expect.poll(() => output.stdout, { timeout: 20_000 }).toContain('Quotewire: 1 source(s).');
      const home = await (await fetch(`${url}/`)).text();
      expect(home).toContain('Mike Pompeo');
      // The terminal chat still answers on the same process.
      child.stdin.write('/quotes pompeo\n');
      await expect.poll(() => output.stdout, { timeout: 10_000 }).toContain('Quotes by Mike Pompeo');
    } finally {
      child.stdin.end();
    }
    expect(await closed).toBe(0);
    expect(output.stderr).not.toMatch(/\n\s+at /);
  });

  it('says in one line what to do when its port is taken, and exits 1', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      const { output, closed } = start(['--web', '--config', configWith(port)]);
      expect(await closed).toBe(1);
      expect(output.stderr.trim()).toBe(
        `quotewire: cannot serve the web page on 127.0.0.1:${port}: something else listens there; set web.port to a free port (or stop the other program)`,
      );
    } finally {
      blocker.close();
    }
  });

  it('serves nothing without --web or web.enabled', async () => {
    const { child, output, closed } = start(['--config', configWith(0)]);
    child.stdin.end('/help\n');
    expect(await closed).toBe(0);
    expect(output.stdout).not.toContain('Web page:');
  });
});
