import { closestMatches } from '../text/similarity.js';
import type { AnyCommand, OptionSpec } from './command-definition.js';
import { echo } from './display-limits.js';

export type ParsedCommand =
  | { kind: 'command'; command: AnyCommand; options: Record<string, string | number | undefined> }
  /** Not a command at all (plain chat text). */
  | { kind: 'not-a-command' }
  /** A command line that cannot run; `message` tells the user what to type instead. */
  | { kind: 'error'; message: string };

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
    const hint = suggestions.length ? `did you mean ${suggestions.map((s) => `/${s}`).join(' or ')}? ` : '';
    return { kind: 'error', message: `unknown command /${echo(name)}: ${hint}Type /help for the list.` };
  }

  const tokens = tokenize(head.rest);
  const options: Record<string, string | number | undefined> = {};
  const specs = Object.entries(command.options as Record<string, OptionSpec>);
  for (const [index, [optionName, spec]] of specs.entries()) {
    const isLast = index === specs.length - 1;
    const raw =
      spec.rest && isLast ? (tokens.length ? tokens.splice(0).join(' ') : undefined) : tokens.shift();
    if (raw === undefined || raw === '') {
      if (spec.required) {
        return { kind: 'error', message: `/${command.name} needs <${optionName}>. Usage: ${usage(command)}` };
      }
      continue;
    }
    const value = convert(raw, spec);
    if (value === null) {
      const expected = spec.choices ? `one of ${spec.choices.join(', ')}` : 'a whole number';
      return {
        kind: 'error',
        message: `/${command.name}: <${optionName}> must be ${expected}, not "${echo(raw)}". Usage: ${usage(command)}`,
      };
    }
    options[optionName] = value;
  }
  if (tokens.length > 0) {
    return {
      kind: 'error',
      message: `/${command.name} got more than it takes ("${echo(tokens.join(' '))}"). Usage: ${usage(command)}`,
    };
  }
  return { kind: 'command', command, options };
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
 * Splits on spaces, keeping "double-quoted phrases" (straight or curly) together; an unclosed quote
 * mark is an ordinary character. One pass, so its time is linear in the line whatever it holds.
 */
function tokenize(text: string): string[] {
  const tokens: string[] = [];
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
    tokens.push(text.slice(at, end));
    at = end;
  }
  return tokens.filter((token) => token !== '');
}
