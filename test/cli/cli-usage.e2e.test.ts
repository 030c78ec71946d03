import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT, runCli, runCliClosingOutput } from '../helpers/run-cli.js';

/** The built `quotewire` executable: usage mistakes, --version, help, and a reader that goes away. */
const SAMPLE = 'samples/pompeo-huawei-2020-02-01.txt';
const STACK_TRACE = /\n\s+at |node:internal|Error: write/;

describe('usage mistakes', () => {
  it('print one line with a pointer to the command’s help, and exit 2', async () => {
    const result = await runCli(['extract', SAMPLE, '--bogus']);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe(
      'quotewire: extract does not take --bogus: it takes --sentences N, --json, --config FILE, --help (run quotewire extract --help)\n',
    );
  });

  it('point to the general help when the command is unknown', async () => {
    const result = await runCli(['sorces']);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'quotewire: unknown command "sorces": did you mean sources? (run quotewire --help)\n',
    );
  });

  it('never pass on Node’s parser wording', async () => {
    for (const argv of [['--verison'], ['digest', '--since'], ['quotes', 'x', '--page=-1']]) {
      const result = await runCli(argv);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).not.toMatch(/To specify a positional|Unknown option '|ERR_PARSE_ARGS/);
    }
  });
});

describe('--version and help', () => {
  it('prints the package version for --version and -v', async () => {
    const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      version: string;
    };
    for (const flag of ['--version', '-v']) {
      const result = await runCli([flag]);
      expect(result.code).toBe(0);
      expect(result.stdout).toBe(`quotewire ${version}\n`);
    }
  });

  it('prints a command’s own help for <command> --help and help <command>', async () => {
    const extract = await runCli(['extract', '--help']);
    expect(extract.code).toBe(0);
    expect(extract.stdout).toMatch(
      /^Usage: quotewire extract <path-or-url>\.\.\. \[--sentences N\] \[--json\]/,
    );
    expect(extract.stdout).toContain('--sentences N');
    expect(extract.stdout).not.toContain('deploy-commands');
    const quotes = await runCli(['help', 'quotes']);
    expect(quotes.stdout).toMatch(/^Usage: quotewire quotes /);
    expect(quotes.stdout).toContain('--all');
    const general = await runCli(['--help']);
    expect(general.stdout).toMatch(/^Usage: quotewire <command> \[options\]/);
    expect(general.stdout).toContain('deploy-commands');
  });
});

describe('a reader that stops reading (| head -1)', () => {
  it('ends extract quietly with exit 0', async () => {
    // Far more than a pipe holds, so the writing is still going on when the pipe closes.
    const result = await runCliClosingOutput(['extract', ...Array<string>(30).fill(SAMPLE), '--json']);
    expect(result.firstLine).toBe('{');
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });

  it('stops the terminal chat of start quietly with exit 0', async () => {
    const store = `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-epipe-')), 'store.sqlite')}`;
    const result = await runCliClosingOutput(['start'], {
      env: { QUOTEWIRE_STORE: store },
      afterClose: '/quotes pompeo\n/digest\n',
    });
    expect(result.firstLine).toMatch(/^Quotewire: 1 source\(s\)\./);
    expect(result.stderr).not.toMatch(STACK_TRACE);
    expect(result.code).toBe(0);
  });
});

describe('configuration mistakes at the command line', () => {
  it('refuses a bad environment variable at start, in one line, exit 2', async () => {
    const result = await runCli(['digest'], { env: { OPENAI_BASE_URL: 'notaurl' } });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      'quotewire: OPENAI_BASE_URL: "notaurl" is not allowed: use an http:// or https:// URL of an OpenAI-compatible API, such as http://localhost:11434/v1\n',
    );
  });
});
