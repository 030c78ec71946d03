import { describe, expect, it } from 'vitest';
import { parseCliArguments, UsageError } from '../../src/cli/arguments.js';
import { commandHelp, generalHelp } from '../../src/cli/cli-commands.js';

function usageError(argv: string[]): UsageError {
  try {
    parseCliArguments(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return error as UsageError;
  }
  throw new Error(`expected a UsageError for ${argv.join(' ')}`);
}

describe('parseCliArguments', () => {
  it('reads a command with its options and words', () => {
    expect(
      parseCliArguments(['extract', 'a.txt', 'b', '--sentences', '2', '--json', '--config=q.yaml']),
    ).toMatchObject({
      command: 'extract',
      positionals: ['a.txt', 'b'],
      sentences: 2,
      json: true,
      config: 'q.yaml',
    });
    expect(
      parseCliArguments(['--config', 'q.yaml', 'digest', '--since', '90m', '--topic', 'trade']),
    ).toMatchObject({
      command: 'digest',
      config: 'q.yaml',
      sinceHours: 1.5,
      topic: 'trade',
    });
    expect(parseCliArguments(['quotes', 'Mike', 'Pompeo', '--page', '3'])).toMatchObject({
      command: 'quotes',
      positionals: ['Mike', 'Pompeo'],
      page: 3,
      all: false,
    });
    expect(parseCliArguments(['quotes', 'pompeo', '--all'])).toMatchObject({ page: 1, all: true });
    expect(parseCliArguments(['extract', '--', '-dash.txt']).positionals).toEqual(['-dash.txt']);
  });

  it('answers --version and -v whatever else is on the line', () => {
    expect(parseCliArguments(['--version']).command).toBe('version');
    expect(parseCliArguments(['-v']).command).toBe('version');
    expect(parseCliArguments(['extract', '--version']).command).toBe('version');
  });

  it('gives the general help, or one command’s, however it is asked', () => {
    expect(parseCliArguments([])).toMatchObject({ command: 'help', helpFor: null });
    expect(parseCliArguments(['--help'])).toMatchObject({ command: 'help', helpFor: null });
    expect(parseCliArguments(['help'])).toMatchObject({ command: 'help', helpFor: null });
    expect(parseCliArguments(['extract', '--help'])).toMatchObject({ command: 'help', helpFor: 'extract' });
    expect(parseCliArguments(['extract', '-h'])).toMatchObject({ command: 'help', helpFor: 'extract' });
    expect(parseCliArguments(['help', 'quotes'])).toMatchObject({ command: 'help', helpFor: 'quotes' });
    // The help explains the mistake, so asking for it wins over one.
    expect(parseCliArguments(['extract', '--sentences', 'many', '--help'])).toMatchObject({
      helpFor: 'extract',
    });
  });

  it('names an unknown option and says what the command takes instead', () => {
    const error = usageError(['extract', 'x', '--bogus']);
    expect(error.message).toBe(
      'extract does not take --bogus: it takes --sentences N, --json, --config FILE, --help',
    );
    expect(error.pointer).toBe('quotewire extract --help');
    expect(usageError(['extract', 'x', '--sentense', '2']).message).toBe(
      'extract does not take --sentense: did you mean --sentences?',
    );
    expect(usageError(['digest', '--guild', '123']).message).toBe(
      'digest does not take --guild: only deploy-commands takes it',
    );
    expect(usageError(['poll', '--json']).message).toBe(
      'poll does not take --json: only extract, digest, quotes and sources take it',
    );
    expect(usageError(['-x']).message).toBe('unknown option -x');
    expect(usageError(['-x']).pointer).toBe('quotewire --help');
    expect(usageError(['--json']).message).toBe('--json goes after a command: quotewire extract --json');
  });

  it('names an unknown command with the closest one', () => {
    expect(usageError(['sorces']).message).toBe('unknown command "sorces": did you mean sources?');
    expect(usageError(['frobnicate']).message).toBe('unknown command "frobnicate"');
    expect(usageError(['help', 'frobnicate']).message).toBe('help: there is no command "frobnicate"');
  });

  it('says what a value should be', () => {
    expect(usageError(['extract', 'x', '--sentences']).message).toBe(
      '--sentences needs a value: --sentences N',
    );
    expect(usageError(['digest', '--since', '--json']).message).toBe(
      '--since needs a value: --since DURATION',
    );
    expect(usageError(['extract', 'x', '--sentences', '0']).message).toBe(
      '--sentences takes a whole number from 1 to 20, not "0"',
    );
    expect(usageError(['digest', '--since', 'yesterday']).message).toBe(
      '--since takes a duration such as 24h, 90m or 7d, not "yesterday"',
    );
    expect(usageError(['digest', '--since', '0h']).message).toBe(
      '--since takes a duration such as 24h, 90m or 7d, not "0h"',
    );
    expect(usageError(['extract', 'x', '--json=yes']).message).toBe('--json takes no value, not "yes"');
    expect(usageError(['quotes', 'x', '--page', 'two']).message).toBe(
      '--page takes a page number from 1, not "two"',
    );
    expect(usageError(['quotes', 'x', '--page', '2', '--all']).message).toBe(
      '--page and --all do not go together: choose one',
    );
    expect(usageError(['quotes', 'x', '--json', '--all']).message).toBe(
      '--all is for the text answer: --json prints up to 1,000 quotes at once',
    );
    expect(usageError(['deploy-commands', '--guild', 'my-server']).message).toMatch(
      /^--guild takes a server id/,
    );
  });

  it('says which words are missing or extra', () => {
    expect(usageError(['extract']).message).toBe('extract needs at least one file, folder or URL');
    expect(usageError(['quotes']).message).toBe('quotes needs a name, such as quotewire quotes pompeo');
    expect(usageError(['digest', 'trade']).message).toBe(
      'digest takes no words, not "trade"; for one topic: --topic trade',
    );
    expect(usageError(['poll', 'now']).message).toBe('poll takes no words, not "now"');
  });

  it('never lets Node’s parser wording through', () => {
    for (const argv of [['--version=1'], ['extract', '-abc'], ['extract', 'x', '--sentences=']]) {
      try {
        parseCliArguments(argv);
      } catch (error) {
        expect((error as Error).message).not.toMatch(/ERR_PARSE_ARGS|To specify a positional|ambiguous/);
      }
    }
  });
});

describe('help texts', () => {
  it('lists every command in the general help, each with its own help', () => {
    const help = generalHelp();
    for (const command of [
      'start',
      'extract',
      'digest',
      'quotes',
      'sources',
      'poll',
      'health',
      'deploy-commands',
    ]) {
      expect(help).toMatch(new RegExp(`^  ${command}\\b`, 'm'));
    }
    expect(help).toContain('quotewire --version');
    expect(help).toContain('Exit codes: 0 done, 1 some input failed, 2 a usage or configuration mistake.');
    expect(commandHelp('quotes')).toMatch(
      /^Usage: quotewire quotes <name> \[words\.\.\.\] \[--page N \| --all\] \[--json\]/,
    );
    expect(commandHelp('quotes')).toMatch(/^ {2}--page N +which page of a long answer, from 1/m);
    expect(commandHelp('extract')).not.toContain('--page');
  });
});
