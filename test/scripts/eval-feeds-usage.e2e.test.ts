import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Runs `npm run eval:feeds -- <args>` as tsx does, and gives its exit code and output. */
function evalFeeds(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      'node',
      ['node_modules/tsx/dist/cli.mjs', 'scripts/eval-feeds.ts', ...args],
      { cwd: ROOT },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run eval:feeds', () => {
  it('says in one line that a missing folder is not a folder, without a stack trace', async () => {
    const result = await evalFeeds(['/nonexistent/quotewire/feeds-dev']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'eval-feeds: /nonexistent/quotewire/feeds-dev is not a folder; give a folder of feed files (usage: eval-feeds <dir>)\n',
    );
  });
});
