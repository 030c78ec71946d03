import { parseArgs } from 'node:util';
import { closestMatches } from '../text/similarity.js';
import {
  COMMANDS,
  COMMON_OPTIONS,
  OPTIONS,
  optionUsage,
  type CliCommand,
  type CliOption,
} from './cli-commands.js';

export type { CliCommand } from './cli-commands.js';

/**
 * A mistake on the command line. Its message is one sentence saying what is wrong; `command` says
 * which help to point to (null: the general help).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(
    message: string,
    readonly command: CliCommand | null = null,
  ) {
    super(message);
  }

  /** Where to read more: `quotewire extract --help`, or `quotewire --help`. */
  get pointer(): string {
    return this.command && this.command !== 'help' ? `quotewire ${this.command} --help` : 'quotewire --help';
  }
}

export interface CliArguments {
  /** `version` is `--version` (or `-v`); `help` is `help`, `--help` or no command at all. */
  command: CliCommand | 'version';
  /** With `help`: the command whose help to show, or null for the general help. */
  helpFor: CliCommand | null;
  positionals: string[];
  config: string | null;
  json: boolean;
  sentences: number | null;
  sinceHours: number | null;
  topic: string | null;
  /** deploy-commands: register in this Discord server only. */
  guild: string | null;
  /** The page of a long answer, from 1. */
  page: number;
  /** Every page of a long answer at once. */
  all: boolean;
  /** start: serve the web page too. */
  web: boolean;
}

type Values = Partial<Record<CliOption, string | boolean>>;

/**
 * Parses the command line. Every mistake raises a UsageError whose message names the option or word
 * at fault and what the command takes instead: Node's own parser wording never reaches the user.
 */
export function parseCliArguments(argv: string[]): CliArguments {
  const { tokens } = parseArgs({
    args: argv,
    allowPositionals: true,
    // Checked below against the command's own options, to say which option is wrong and why.
    strict: false,
    tokens: true,
    options: Object.fromEntries(
      Object.entries(OPTIONS).map(([name, spec]) => [
        name,
        spec.short ? { type: spec.type, short: spec.short } : { type: spec.type },
      ]),
    ),
  });
  const words: string[] = [];
  const given: { option: string; raw: string; value: string | undefined; inline: boolean }[] = [];
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    else if (token.kind === 'option') {
      given.push({
        option: token.name,
        raw: token.rawName,
        value: token.value,
        inline: token.inlineValue ?? false,
      });
    }
  }

  const [first, ...positionals] = words;
  const asked = given.some(({ option }) => option === 'help');
  if (first !== undefined && !isCommand(first)) {
    const suggestion = closestMatches(first, Object.keys(COMMANDS), 1)[0];
    throw new UsageError(`unknown command "${first}"${suggestion ? `: did you mean ${suggestion}?` : ''}`);
  }
  const command = first ?? null;
  if (given.some(({ option }) => option === 'version')) return defaults('version', null);
  // Asking for help wins over any other mistake on the line: the help is what explains it.
  if (asked && command !== 'help') return defaults('help', command);

  const values: Values = {};
  for (const { option, raw, value, inline } of given) {
    if (option === 'version') continue;
    if (!isOption(option)) throw unknownOption(raw, command);
    const allowed = command === null ? COMMON_OPTIONS : [...COMMON_OPTIONS, ...COMMANDS[command].options];
    if (!allowed.includes(option)) throw unknownOption(raw, command);
    if (OPTIONS[option].type === 'boolean') {
      if (inline) throw new UsageError(`${raw} takes no value, not "${value}"`, command);
      values[option] = true;
    } else {
      if (!value || (!inline && value.startsWith('--'))) {
        throw new UsageError(`${raw} needs a value: ${optionUsage(option)}`, command);
      }
      values[option] = value;
    }
  }

  if (command === null || command === 'help') {
    const topic = command === 'help' ? positionals[0] : undefined;
    if (topic !== undefined && !isCommand(topic)) {
      throw new UsageError(`help: there is no command "${topic}"`);
    }
    if (positionals.length > 1)
      throw new UsageError(`help takes one command name, not ${positionals.length}`);
    return defaults('help', topic ?? null);
  }
  return {
    ...defaults(command, null),
    positionals: checkPositionals(command, positionals),
    config: text(values.config),
    json: values.json === true,
    sentences: parseSentences(text(values.sentences), command),
    sinceHours: parseDuration(text(values.since), command),
    topic: text(values.topic),
    guild: parseGuild(text(values.guild), command),
    web: values.web === true,
    ...parsePaging(text(values.page), values.all === true, values.json === true, command),
  };
}

function defaults(command: CliArguments['command'], helpFor: CliCommand | null): CliArguments {
  return {
    command,
    helpFor,
    positionals: [],
    config: null,
    json: false,
    sentences: null,
    sinceHours: null,
    topic: null,
    guild: null,
    page: 1,
    all: false,
    web: false,
  };
}

function isCommand(word: string): word is CliCommand {
  return Object.hasOwn(COMMANDS, word);
}

function isOption(name: string): name is CliOption {
  return Object.hasOwn(OPTIONS, name);
}

function text(value: string | boolean | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

/** Says what the command takes instead, and who takes the option when another command does. */
function unknownOption(raw: string, command: CliCommand | null): UsageError {
  const name = raw.replace(/^-+/, '');
  if (command === null) {
    const owners = ownersOf(name);
    return new UsageError(
      owners.length ? `${raw} goes after a command: quotewire ${owners[0]} ${raw}` : `unknown option ${raw}`,
    );
  }
  const takes = [...COMMANDS[command].options, ...COMMON_OPTIONS];
  const suggestion = closestMatches(name, takes, 1)[0];
  const owners = ownersOf(name).filter((owner) => owner !== command);
  const why = suggestion
    ? `did you mean --${suggestion}?`
    : owners.length
      ? `only ${listed(owners)} ${owners.length > 1 ? 'take' : 'takes'} it`
      : `it takes ${takes.map(optionUsage).join(', ')}`;
  return new UsageError(`${command} does not take ${raw}: ${why}`, command);
}

/** "a", "a and b", "a, b and c". */
function listed(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)!}` : words.join('');
}

function ownersOf(name: string): CliCommand[] {
  return (Object.keys(COMMANDS) as CliCommand[]).filter((command) =>
    (COMMANDS[command].options as readonly string[]).includes(name),
  );
}

function checkPositionals(command: CliCommand, positionals: string[]): string[] {
  const { min, max, missing } = COMMANDS[command].positionals;
  if (positionals.length < min) throw new UsageError(missing ?? `${command} needs more words`, command);
  if (max !== null && positionals.length > max) {
    const extra = positionals[max] ?? '';
    const hint = command === 'digest' ? `; for one topic: --topic ${extra}` : '';
    throw new UsageError(
      `${command} takes ${max === 0 ? 'no words' : `at most ${max}`}, not "${extra}"${hint}`,
      command,
    );
  }
  if (command === 'sources') checkSourcesWords(positionals);
  return positionals;
}

/** `sources`, `sources import <file>`, `sources export`: nothing else. */
function checkSourcesWords([action, file, ...rest]: string[]): void {
  if (action === undefined) return;
  if (action !== 'import' && action !== 'export') {
    throw new UsageError(`sources takes import <file.opml> or export, not "${action}"`, 'sources');
  }
  if (action === 'import' && file === undefined) {
    throw new UsageError(
      'sources import needs an OPML file, such as quotewire sources import feeds.opml',
      'sources',
    );
  }
  const extra = action === 'export' ? file : rest[0];
  if (extra !== undefined)
    throw new UsageError(
      `sources ${action} takes nothing after ${action === 'export' ? 'export' : 'the file'}, not "${extra}"`,
      'sources',
    );
}

function parseSentences(value: string | null, command: CliCommand): number | null {
  if (value === null) return null;
  const sentences = Number(value);
  if (!(/^\d+$/.test(value) && sentences >= 1 && sentences <= 20)) {
    throw new UsageError(`--sentences takes a whole number from 1 to 20, not "${value}"`, command);
  }
  return sentences;
}

function parseGuild(value: string | null, command: CliCommand): string | null {
  if (value === null) return null;
  if (!/^\d{15,21}$/.test(value)) {
    throw new UsageError(
      `--guild takes a server id (digits; Discord: Developer Mode on, right-click the server, Copy Server ID), not "${value}"`,
      command,
    );
  }
  return value;
}

/** "24h", "90m", "7d" or a bare number of hours → hours. */
function parseDuration(value: string | null, command: CliCommand): number | null {
  if (value === null) return null;
  const match = /^(\d+(?:\.\d+)?)\s*([mhd]?)$/i.exec(value.trim());
  // Nothing is first seen in no time: "0h" would print an empty digest as if there were no news.
  if (!match || Number(match[1]) === 0)
    throw new UsageError(`--since takes a duration such as 24h, 90m or 7d, not "${value}"`, command);
  const amount = Number(match[1]);
  const unit = (match[2] || 'h').toLowerCase();
  return unit === 'm' ? amount / 60 : unit === 'd' ? amount * 24 : amount;
}

function parsePaging(
  value: string | null,
  all: boolean,
  json: boolean,
  command: CliCommand,
): { page: number; all: boolean } {
  if (json && (value !== null || all)) {
    throw new UsageError(
      `${value !== null ? '--page' : '--all'} is for the text answer: --json prints up to 1,000 quotes at once`,
      command,
    );
  }
  if (value !== null && all) throw new UsageError('--page and --all do not go together: choose one', command);
  if (value === null) return { page: 1, all };
  const page = Number(value);
  if (!/^\d+$/.test(value) || page < 1) {
    throw new UsageError(`--page takes a page number from 1, not "${value}"`, command);
  }
  return { page, all };
}
