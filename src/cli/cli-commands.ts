/**
 * What the `quotewire` executable accepts: its subcommands and their options, with the help text of
 * each. The parser (arguments.ts) checks a command line against this table, and `--help` prints it,
 * so the two can never disagree.
 */

export type CliCommand =
  'start' | 'extract' | 'digest' | 'quotes' | 'sources' | 'poll' | 'health' | 'deploy-commands' | 'help';

export type CliOption =
  'config' | 'json' | 'sentences' | 'since' | 'topic' | 'guild' | 'page' | 'all' | 'help' | 'version';

interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  /** How the value is shown in help: `--sentences N`. */
  value?: string;
  help: string;
}

/** Every option, whichever command takes it: the parser knows them all so it can say who does. */
export const OPTIONS: Readonly<Record<CliOption, OptionSpec>> = {
  config: {
    type: 'string',
    value: 'FILE',
    help: 'the config file (default: QUOTEWIRE_CONFIG, else the bundled config/quotewire.yaml)',
  },
  json: { type: 'boolean', help: 'one JSON object for scripts instead of text' },
  sentences: {
    type: 'string',
    value: 'N',
    help: 'sentences per summary, 1 to 20 (default: summarizer.sentences)',
  },
  since: {
    type: 'string',
    value: 'DURATION',
    help: 'how far back: 24h, 90m, 7d (default: digest.windowHours)',
  },
  topic: { type: 'string', value: 'TOPIC', help: 'only the stories of one topic' },
  guild: { type: 'string', value: 'ID', help: 'register in this Discord server only (shows at once)' },
  page: { type: 'string', value: 'N', help: 'which page of a long answer, from 1 (default: 1)' },
  all: { type: 'boolean', help: 'every page at once' },
  help: { type: 'boolean', short: 'h', help: 'this text' },
  version: { type: 'boolean', short: 'v', help: 'the version of Quotewire' },
};

interface CommandSpec {
  /** The command line after `quotewire`, as shown in help. */
  usage: string;
  /** One line for the list of commands. */
  summary: string;
  /** What `quotewire <command> --help` adds below the usage line. */
  details: string;
  /** Options besides those every command takes (--config, --help). */
  options: readonly CliOption[];
  /** Words after the command: the fewest it needs and the most it takes (null: any number). */
  positionals: { min: number; max: number | null; missing?: string };
}

export const COMMANDS: Readonly<Record<CliCommand, CommandSpec>> = {
  start: {
    usage: 'start',
    summary: 'run the bot: polls sources; the terminal chat when no bot token is set',
    details:
      'Polls every source, then keeps polling on schedule. With TELEGRAM_BOT_TOKEN or DISCORD_TOKEN set it\n' +
      'runs as a service until SIGTERM; without, it is the terminal chat: type /help, end with Ctrl-D.',
    options: [],
    positionals: { min: 0, max: 0 },
  },
  extract: {
    usage: 'extract <path-or-url>... [--sentences N] [--json]',
    summary: 'print the articles of files, folders, pages or feeds',
    details:
      'Prints each input’s articles with their summary and quotes, in input order; nothing is stored.\n' +
      'An input that fails is named on stderr and makes the exit code 1; the others are still printed.',
    options: ['sentences', 'json'],
    positionals: { min: 1, max: null, missing: 'extract needs at least one file, folder or URL' },
  },
  digest: {
    usage: 'digest [--since 24h] [--topic T] [--json]',
    summary: 'print the digest from the store',
    details: 'Prints the digest of the stories in the store, as /digest does in a chat.',
    options: ['since', 'topic', 'json'],
    positionals: { min: 0, max: 0 },
  },
  quotes: {
    usage: 'quotes <name> [words...] [--page N | --all] [--json]',
    summary: 'print what a person said, from the store',
    details:
      'Prints what a person (or organisation) said, newest first, five quotes a page; words narrow it down.\n' +
      '--json prints up to 1,000 quotes at once (see "total" and "truncated"), so it takes no --page or --all.',
    options: ['page', 'all', 'json'],
    positionals: { min: 1, max: null, missing: 'quotes needs a name, such as quotewire quotes pompeo' },
  },
  sources: {
    usage: 'sources [--json]',
    summary: 'list the sources and their status',
    details: 'Lists every source with its status, last fetch and last error.',
    options: ['json'],
    positionals: { min: 0, max: 0 },
  },
  poll: {
    usage: 'poll',
    summary: 'poll every source once now, then exit',
    details: 'Polls every source once, now, whatever its schedule; the exit code is 1 when any failed.',
    options: [],
    positionals: { min: 0, max: 0 },
  },
  health: {
    usage: 'health',
    summary: 'exit 0 when the service on this host is alive (for health checks)',
    details:
      'Prints "healthy" and exits 0 when the service on this host is alive; otherwise says why and exits 1.',
    options: [],
    positionals: { min: 0, max: 0 },
  },
  'deploy-commands': {
    usage: 'deploy-commands [--guild ID]',
    summary: 'register the Discord slash commands now (needs DISCORD_TOKEN)',
    details:
      '`start` registers the slash commands when they change; this forces it (after deleting them by hand).',
    options: ['guild'],
    positionals: { min: 0, max: 0 },
  },
  help: {
    usage: 'help [command]',
    summary: 'this text, or one command’s',
    details: 'Prints the list of commands, or with a command name, that command’s options.',
    options: [],
    positionals: { min: 0, max: 1 },
  },
};

/** Options every command takes. */
export const COMMON_OPTIONS: readonly CliOption[] = ['config', 'help'];

/** `--sentences N`, `--json`: an option as the user types it. */
export function optionUsage(option: CliOption): string {
  const spec = OPTIONS[option];
  return spec.value ? `--${option} ${spec.value}` : `--${option}`;
}

const USAGE_COLUMN = 34;

/** The general help: every command in one line each. */
export function generalHelp(): string {
  const names = Object.keys(COMMANDS) as CliCommand[];
  const lines = names.map((name) => {
    const { usage, summary } = COMMANDS[name];
    // A long usage line gets its summary on the next line, in the same column as the others.
    return usage.length < USAGE_COLUMN
      ? `  ${usage.padEnd(USAGE_COLUMN)}${summary}`
      : `  ${usage}\n  ${' '.repeat(USAGE_COLUMN)}${summary}`;
  });
  return [
    'Usage: quotewire <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Every command takes --config FILE (default: QUOTEWIRE_CONFIG, else config/quotewire.yaml) and --help.',
    'quotewire <command> --help shows a command’s options; quotewire --version prints the version.',
    'Exit codes: 0 done, 1 some input failed, 2 a usage or configuration mistake.',
  ].join('\n');
}

/** `quotewire <command> --help`: the usage line, what it does, and each option it takes. */
export function commandHelp(command: CliCommand): string {
  const spec = COMMANDS[command];
  const options = [...spec.options, ...COMMON_OPTIONS];
  const shown = options.map((option) => {
    const short = OPTIONS[option].short;
    return { flag: `${short ? `-${short}, ` : ''}${optionUsage(option)}`, help: OPTIONS[option].help };
  });
  const width = Math.max(...shown.map(({ flag }) => flag.length)) + 3;
  return [
    `Usage: quotewire ${spec.usage} [--config FILE]`,
    '',
    spec.details,
    '',
    'Options:',
    ...shown.map(({ flag, help }) => `  ${flag.padEnd(width)}${help}`),
  ].join('\n');
}
