import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';

/**
 * `quotewire quotes` pages like /quotes in a chat, but a one-shot command cannot be answered with
 * /more: the next page is --page N, and --all prints every page. The bundled sample holds about ten
 * quotes by Mike Pompeo, five to a page.
 */
describe('quotewire quotes: paging at the command line', () => {
  const env = {
    QUOTEWIRE_STORE: `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-paging-')), 'store.sqlite')}`,
  };
  let total = 0;
  beforeAll(async () => {
    expect((await runCli(['poll'], { env })).code).toBe(0);
  });

  const quotesShown = (text: string) => text.split('\n').filter((line) => line.startsWith('  “')).length;

  it('shows the first page with a hint the command line can follow', async () => {
    const result = await runCli(['quotes', 'pompeo'], { env });
    expect(result.code).toBe(0);
    total = Number(/== Quotes by Mike Pompeo \(1–5 of (\d+)\) ==/.exec(result.stdout)?.[1]);
    expect(total).toBeGreaterThan(5);
    expect(total).toBeLessThanOrEqual(15);
    expect(quotesShown(result.stdout)).toBe(5);
    expect(result.stdout.trimEnd()).toMatch(/More: --page 2 for the next page, --all for every page\.$/);
    expect(result.stdout).not.toContain('/more');
  });

  it('shows the next pages with --page N, and says when a page is past the end', async () => {
    const second = await runCli(['quotes', 'pompeo', '--page', '2'], { env });
    expect(second.stdout).toContain(`== Quotes by Mike Pompeo (6–${Math.min(10, total)} of ${total}) ==`);
    expect(second.stdout).not.toContain('/more');
    const pages = Math.ceil(total / 5);
    const last = await runCli(['quotes', 'pompeo', '--page', String(pages)], { env });
    expect(last.stdout).not.toContain('More:');
    const past = await runCli(['quotes', 'pompeo', '--page', String(pages + 1)], { env });
    expect(past.code).toBe(0);
    expect(past.stdout.trim()).toBe('No more quotes.');
  });

  it('shows every quote with --all, and no hint', async () => {
    const result = await runCli(['quotes', 'pompeo', '--all'], { env });
    expect(result.code).toBe(0);
    expect(quotesShown(result.stdout)).toBe(total);
    expect(result.stdout).not.toMatch(/More:|\/more/);
  });
});
