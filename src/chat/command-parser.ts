import { closestMatches } from '../text/similarity.js';
import type { AnyCommand, OptionSpec } from './command-definition.js';
import { echo } from './display-limits.js';
import type { Translate } from '../i18n/translations.js';

export type ParsedCommand =
  | { kind: 'command'; command: AnyCommand; options: Record<string, string | number | undefined> }
  /** Not a command at all (plain chat text). */
  | { kind: 'not-a-command' }
  /** A command line that cannot run; {@link parseProblemText} tells the user what to type instead. */
  | { kind: 'error'; problem: ParseProblem };

/** Why a command line cannot run, in data: the words are chosen in the chat's language later. */
export type ParseProblem =
  | { kind: 'unknown'; name: string; suggestions: string[] }
  | { kind: 'missing'; command: AnyCommand; option: string }
  | {
      kind: 'bad-value';
      command: AnyCommand;
      option: string;
      choices: readonly string[] | null;
      value: string;
      /**
       * The words from the free-text option before this one to the end of the line, when they may
       * be that option's value typed without quotes ("/source add not a url").
       */
      unquoted?: { option: string; words: string };
    }
  | { kind: 'too-much'; command: AnyCommand; extra: string }
  /** A command-line switch (`--json`, `-x`): no command takes one, each reads plain words. */
  | { kind: 'flag'; command: AnyCommand; flag: string };

/**
 * Parses a text command line such as `/quotes pompeo huawei` or `/quotes "Mike Pompeo"` against the
 * command list. Text platforms (terminal, Telegram) share it; Discord receives options already typed.
 */
export function parseCommandLine(line: string, commands: readonly AnyCommand[]): ParsedCommand {
  const head = commandHead(line);
  if (!head) return { kind: 'not-a-command' };
  const { name } = head;
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    const suggestions = closestMatches(
      name.slice(0, 64),
      commands.map((candidate) => candidate.name),
    );
    return { kind: 'error', problem: { kind: 'unknown', name: echo(name), suggestions } };
  }

  const { tokens, flag } = tokenize(head.rest);
  const specs = Object.entries(command.options as Record<string, OptionSpec>);
  // Before anything else: "/digest --json" would otherwise ask for stories about "--json".
  if (flag !== null && !specs.some(([, spec]) => spec.verbatim))
    return { kind: 'error', problem: { kind: 'flag', command, flag: echo(flag) } };
  const options: Record<string, string | number | undefined> = {};
  let previous: { option: string; raw: string } | null = null;
  for (const [index, [optionName, spec]] of specs.entries()) {
    const isLast = index === specs.length - 1;
    const raw =
      spec.rest && isLast ? (tokens.length ? tokens.splice(0).join(' ') : undefined) : tokens.shift();
    if (raw === undefined || raw === '') {
      if (spec.required) {
        return { kind: 'error', problem: { kind: 'missing', command, option: optionName } };
      }
      continue;
    }
    const value = convert(raw, spec);
    if (value === null) {
      return {
        kind: 'error',
        problem: {
          kind: 'bad-value',
          command,
          option: optionName,
          choices: spec.choices ?? null,
          value: echo(raw),
          ...(previous
            ? { unquoted: { option: previous.option, words: echo([previous.raw, raw, ...tokens].join(' ')) } }
            : {}),
        },
      };
    }
    options[optionName] = value;
    previous = spec.type === 'string' && !spec.choices ? { option: optionName, raw } : null;
  }
  if (tokens.length > 0) {
    return { kind: 'error', problem: { kind: 'too-much', command, extra: echo(tokens.join(' ')) } };
  }
  return { kind: 'command', command, options };
}

/** What to tell the user about a command line that cannot run, in the chat's language. */
export function parseProblemText(problem: ParseProblem, t: Translate): string {
  switch (problem.kind) {
    case 'unknown':
      return problem.suggestions.length
        ? t('parse-unknown-suggest', {
            name: problem.name,
            suggestions: problem.suggestions.map((name) => `/${name}`).join(` ${t('parse-or')} `),
          })
        : t('parse-unknown', { name: problem.name });
    case 'missing':
      return missingOptionText(problem.command, problem.option, t);
    case 'bad-value':
      return t('parse-bad-value', {
        command: problem.command.name,
        option: problem.option,
        expected: problem.choices
          ? t('parse-one-of', { choices: problem.choices.join(', ') })
          : t('parse-whole-number'),
        value: problem.value,
        hint: problem.unquoted ? ` ${t('parse-quote-hint', problem.unquoted)}` : '',
        usage: usage(problem.command),
      });
    case 'too-much':
      return t('parse-too-much', {
        command: problem.command.name,
        extra: problem.extra,
        usage: usage(problem.command),
      });
    case 'flag':
      return t('parse-flag', {
        command: problem.command.name,
        flag: problem.flag,
        usage: usage(problem.command),
      });
  }
}

/** "/time needs <time>. Usage: …", also for Discord when its registered commands are out of date. */
export function missingOptionText(command: AnyCommand, option: string, t: Translate): string {
  return t('parse-needs', { command: command.name, option, usage: usage(command) });
}

/**
 * The parts of a command line: `/Quotes@QuoteBot pompeo` → name `quotes`, mention `QuoteBot`, rest
 * `pompeo`. Null when the text is not a command. The one place that reads the `/name@bot` form.
 */
export function commandHead(line: string): { name: string; mention: string | null; rest: string } | null {
  const match = /^\/([^\s@]+)(?:@(\S+))?(?:\s+([\s\S]*))?$/.exec(line.trim());
  if (!match) return null;
  return { name: match[1]!.toLowerCase(), mention: match[2] ?? null, rest: match[3] ?? '' };
}

/** `/name <required> [optional]`, as shown in /help and in error messages. */
export function usage(command: AnyCommand): string {
  const parts = Object.entries(command.options as Record<string, OptionSpec>).map(([name, spec]) => {
    const label = spec.choices ? spec.choices.join('|') : name;
    const shown = spec.rest ? `${label}...` : label;
    return spec.required ? `<${shown}>` : `[${shown}]`;
  });
  return [`/${command.name}`, ...parts].join(' ');
}

function convert(raw: string, spec: OptionSpec): string | number | null {
  if (spec.type === 'integer') {
    return /^-?\d{1,9}$/.test(raw) ? Number(raw) : null;
  }
  if (spec.choices) {
    const lower = raw.toLowerCase();
    return spec.choices.includes(lower) ? lower : null;
  }
  return raw;
}

const OPENING_QUOTES = '"“';
const CLOSING_QUOTES = '"”';

/**
 * A switch as command-line tools take them: `--json`, `--since=2d`, `-x`. Not a negative number
 * ("-5") nor a dash inside or after a word; a quoted "--json" is a word like any other.
 */
const FLAG = /^(?:--\p{L}[\p{L}\p{N}-]*(?:=\S*)?|-\p{L})$/u;

/**
 * Splits on spaces, keeping "double-quoted phrases" (straight or curly) together; an unclosed quote
 * mark is an ordinary character. One pass, so its time is linear in the line whatever it holds.
 * Also returns the first unquoted switch (see FLAG), if any.
 */
function tokenize(text: string): { tokens: string[]; flag: string | null } {
  const tokens: string[] = [];
  let flag: string | null = null;
  let at = 0;
  let closable = true;
  while (at < text.length) {
    if (/\s/u.test(text[at]!)) {
      at++;
      continue;
    }
    if (closable && OPENING_QUOTES.includes(text[at]!)) {
      let close = at + 1;
      while (close < text.length && !CLOSING_QUOTES.includes(text[close]!)) close++;
      if (close < text.length) {
        tokens.push(text.slice(at + 1, close).trim());
        at = close + 1;
        continue;
      }
      // Unclosed: no quote mark follows, so none later can close either; the rest is words.
      closable = false;
    }
    let end = at + 1;
    while (end < text.length && !/\s/u.test(text[end]!)) end++;
    const word = text.slice(at, end);
    if (flag === null && FLAG.test(word)) flag = word;
    tokens.push(word);
    at = end;
  }
  return { tokens: tokens.filter((token) => token !== ''), flag };
}
