import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, REPO_ROOT } from '../helpers/run-cli.js';

const SAMPLE = 'samples/pompeo-huawei-2020-02-01.txt';
const tempStore = () => `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-cli-')), 'store.sqlite')}`;

describe('quotewire extract', () => {
  it('prints the sample article as JSON with valid quote offsets', async () => {
    const result = await runCli(['extract', SAMPLE, '--json', '--sentences', '2']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const { articles } = JSON.parse(result.stdout);
    expect(articles).toHaveLength(1);
    const [article] = articles;
    expect(Object.keys(article)).toEqual([
      'id',
      'url',
      'title',
      'byline',
      'published',
      'source',
      'text',
      'summary',
      'quotes',
    ]);
    expect(article.published).toMatch(/^2020-02-01/);
    expect(article.url).toMatch(/^file:\/\/.*pompeo-huawei-2020-02-01\.txt$/);
    expect(article.text.startsWith('US Secretary of State Mike Pompeo')).toBe(true);
    expect(article.summary).toHaveLength(2);
    expect(article.quotes.length).toBeGreaterThan(5);
    for (const quote of article.quotes) expect(article.text.slice(quote.start, quote.end)).toBe(quote.text);
    expect(article.quotes.map((quote: { speaker: string }) => quote.speaker)).toContain('Mike Pompeo');
  });

  it('reports a failing input on stderr in one line, prints the others and exits 1', async () => {
    const result = await runCli(['extract', 'does-not-exist.txt', SAMPLE, '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^quotewire: does-not-exist\.txt: .*does not exist/);
    expect(JSON.parse(result.stdout).articles).toHaveLength(1);
  });

  it('prints for people without --json', async () => {
    const result = await runCli(['extract', SAMPLE]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Summary:');
    expect(result.stdout).toMatch(
      /“The Chinese Communist Party is the central threat of our time,” — Mike Pompeo/,
    );
  });
});

describe('quotewire start (terminal chat)', () => {
  it('answers piped commands from the bundled sample and exits at the end of input', async () => {
    const store = tempStore();
    const result = await runCli(['start'], {
      input: '/quotes pompeo\n/qoutes raab\nhello\n',
      env: { QUOTEWIRE_STORE: store },
    });
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Quotewire: 1 source\(s\)\. Type \/help for commands\./);
    expect(result.stdout).toContain('== Quotewire digest for');
    expect(result.stdout).toContain('== Quotes by Mike Pompeo');
    expect(result.stdout).toContain('The Chinese Communist Party is the central threat of our time');
    expect(result.stdout).toContain('unknown command /qoutes: did you mean /quotes?');
    expect(result.stdout).toContain('Commands start with "/"');
    expect(result.stderr).not.toMatch(/\n\s+at /);

    // The CLI answers from the same store, as the chat would.
    const quotes = await runCli(['quotes', 'pompeo', '--json'], { env: { QUOTEWIRE_STORE: store } });
    expect(quotes.code).toBe(0);
    expect(JSON.parse(quotes.stdout).quotes.length).toBeGreaterThan(3);
    const digest = await runCli(['digest', '--json', '--since', '1h'], { env: { QUOTEWIRE_STORE: store } });
    expect(JSON.parse(digest.stdout).stories[0].links[0].url).toMatch(/pompeo-huawei/);
  });

  it('stops cleanly on SIGTERM as a service with standard input closed', async () => {
    const { spawn } = await import('node:child_process');
    const child = spawn(process.execPath, ['dist/src/cli/main.js', 'start'], {
      cwd: REPO_ROOT,
      env: { PATH: process.env.PATH ?? '', TELEGRAM_BOT_TOKEN: '123:test', QUOTEWIRE_STORE: tempStore() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve) => {
      const check = () => (stderr.includes('Quotewire started') ? resolve() : setTimeout(check, 50));
      check();
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(child.exitCode).toBeNull();
    child.kill('SIGTERM');
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(0);
    expect(stderr).toContain('SIGTERM received');
  });
});

describe('quotewire start on a damaged store', () => {
  it('exits with the error instead of staying alive when the terminal chat cannot read the store', async () => {
    const store = tempStore();
    expect((await runCli(['poll'], { env: { QUOTEWIRE_STORE: store } })).code).toBe(0);
    const { default: Database } = await import('libsql');
    const db = new Database(store.slice('sqlite://'.length));
    db.prepare("UPDATE articles SET value = '{'").run();
    db.close();
    const result = await runCli(['start'], {
      input: '/help\n',
      env: { QUOTEWIRE_STORE: store },
      killAfterMs: 15_000,
    });
    expect(result.stderr).toContain('quotewire: unexpected error:');
    expect(result.code).toBe(1);
  }, 30_000);
});

describe('bad configuration and environment', () => {
  it('names the bad key of a corrupt config, without a stack trace', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'qw-cli-'));
    const file = join(folder, 'bad.yaml');
    writeFileSync(file, 'polling:\n  shedule: "*/5 * * * *"\n');
    const result = await runCli(['digest', '--config', file]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('polling.shedule: unknown key, did you mean "schedule"?');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('explains a missing config file and an unwritable store', async () => {
    const missing = await runCli(['digest', '--config', '/nonexistent/q.yaml']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read the config file .*no such file/);
    const folder = mkdtempSync(join(tmpdir(), 'qw-cli-'));
    writeFileSync(join(folder, 'file'), 'x');
    const unwritable = await runCli(['digest'], {
      env: { QUOTEWIRE_STORE: `sqlite://${join(folder, 'file', 'db.sqlite')}` },
    });
    expect(unwritable.code).toBe(2);
    expect(unwritable.stderr).toMatch(/cannot write the store at .*set store\.url/);
  });

  it('explains a usage mistake', async () => {
    const result = await runCli(['extract', SAMPLE, '--sentences', 'many']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--sentences takes a whole number from 1 to 20, not "many"');
    expect(readFileSync(join(REPO_ROOT, SAMPLE), 'utf8').length).toBeGreaterThan(0);
  });
});
