/**
 * Hostile command input at the terminal, end to end in one process: a megabyte of text after
 * /digest, unclosed quote marks, regex metacharacters. Nothing is compiled into a regular
 * expression, nothing is echoed back at length, and the work stays linear.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app/container.js';
import type { Caller } from '../../src/chat/command-definition.js';
import { runCommandLine } from '../../src/chat/command-runner.js';
import { parseCommandLine } from '../../src/chat/command-parser.js';
import { renderPlainText } from '../../src/chat/render-text.js';
import { DISPLAY_LIMITS } from '../../src/chat/display-limits.js';
import { REPO_ROOT } from '../helpers/run-cli.js';
import { startTestApp } from '../helpers/test-app.js';

const TERMINAL: Caller = { platform: 'terminal', chatId: 'terminal', userId: 'local', isOperator: true };
let app: App;
beforeAll(async () => {
  ({ app } = await startTestApp(`sources:\n  - url: ${REPO_ROOT}samples/pompeo-huawei-2020-02-01.txt\n`));
  await app.services.poller.pollAll();
});
afterAll(async () => {
  await app.close();
});

const answer = async (line: string) => renderPlainText((await runCommandLine(line, TERMINAL, app.services))!);

describe('hostile command input', () => {
  it('/digest with a megabyte of text: no regular expression error, and only a short echo', async () => {
    for (const topic of [
      'a'.repeat(1_000_000),
      'word '.repeat(200_000),
      '(['.repeat(300_000),
      '\\'.repeat(500_000),
    ]) {
      const text = await answer(`/digest ${topic}`);
      expect(text).not.toMatch(/regular expression/i);
      expect(text.length).toBeLessThan(600);
      expect(text).toMatch(/No stories about ".{1,80}"/);
    }
  });

  it('/digest with a topic of metacharacters still filters by words', async () => {
    expect(await answer('/digest huawei.*')).toMatch(/No stories about "huawei\.\*"/);
    expect(await answer('/digest Huawei')).toContain('Pompeo');
  });

  it('tokenizes a line of unclosed quote marks in one pass', () => {
    const line = `/quotes ${'“a '.repeat(100_000)}`;
    const parsed = parseCommandLine(line, app.services.commands);
    expect(parsed.kind).toBe('command');
  });

  it('echoes an unknown command or a bad value in a few words only', async () => {
    expect((await answer(`/${'x'.repeat(100_000)}`)).length).toBeLessThan(200);
    const bad = await answer(`/time ${'9'.repeat(100_000)}`);
    expect(bad.length).toBeLessThan(DISPLAY_LIMITS.echo + 400);
  });
});
