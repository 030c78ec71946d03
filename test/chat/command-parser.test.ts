import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommandLine, parseProblemText, usage } from '../../src/chat/command-parser.js';
import { testTranslations } from '../helpers/translations.js';

const english = testTranslations().translator('en');

/** The parse error's message as an English chat sees it, or the parse itself when it is no error. */
function parsed(line: string) {
  const result = parseCommandLine(line, commands);
  return result.kind === 'error'
    ? { kind: 'error', message: parseProblemText(result.problem, english) }
    : result;
}

describe('parseCommandLine', () => {
  it('parses positional options, quoted phrases and a rest option', () => {
    const parsed = parseCommandLine('/quotes "Mike Pompeo" huawei 5g', commands);
    expect(parsed).toMatchObject({ kind: 'command', options: { name: 'Mike Pompeo', words: 'huawei 5g' } });
    const single = parseCommandLine('/quotes pompeo', commands);
    expect(single).toMatchObject({ options: { name: 'pompeo' } });
    expect(single.kind === 'command' && single.options.words).toBeUndefined();
  });

  it('ignores a Telegram @botname suffix and is case-insensitive on the name', () => {
    expect(parseCommandLine('/Digest@QuotewireBot world', commands)).toMatchObject({
      kind: 'command',
      command: { name: 'digest' },
      options: { topic: 'world' },
    });
  });

  it('suggests the closest command for a typo', () => {
    expect(parsed('/qoutes pompeo')).toEqual({
      kind: 'error',
      message: 'unknown command /qoutes: did you mean /quotes? Type /help for the list.',
    });
    expect(parsed('/xyzzy')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('/help'),
    });
  });

  it('explains missing options and bad choices with the usage', () => {
    expect(parsed('/source add')).toMatchObject({
      kind: 'error',
      message: '/source needs <target>. Usage: /source <add|remove|restore> <target> [chat|global]',
    });
    expect(parsed('/source delete x')).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('<action> must be one of add, remove, restore, not "delete"'),
    });
    expect(parsed('/sources extra')).toMatchObject({ kind: 'error' });
  });

  it('refuses command-line switches instead of reading them as words', () => {
    expect(parsed('/digest --json')).toEqual({
      kind: 'error',
      message: '/digest takes no switches like "--json": it reads plain words. Usage: /digest [topic...]',
    });
    expect(parsed('/quotes pompeo -x')).toMatchObject({ message: expect.stringContaining('"-x"') });
    expect(parsed('/quotes pompeo --since=2d')).toMatchObject({
      message: expect.stringContaining('"--since=2d"'),
    });
    // Words with dashes, negative numbers and quoted switches are values like any other.
    expect(parsed('/digest covid-19')).toMatchObject({ kind: 'command', options: { topic: 'covid-19' } });
    expect(parsed('/digest "--json"')).toMatchObject({ kind: 'command', options: { topic: '--json' } });
    expect(parsed('/digest - x')).toMatchObject({ kind: 'command', options: { topic: '- x' } });
    expect(parseCommandLine('/more -1', commands)).not.toMatchObject({ problem: { kind: 'flag' } });
    // A Telegram deep link's payload is whatever the link says.
    expect(parsed('/start --from-site')).toMatchObject({
      kind: 'command',
      options: { payload: '--from-site' },
    });
  });

  it('suggests quotes when a free-text value was typed as several words', () => {
    expect(parsed('/source add not a url')).toEqual({
      kind: 'error',
      message:
        '/source: <scope> must be one of chat, global, not "a". If "not a url" is all <target>, put it in "double quotes". Usage: /source <add|remove|restore> <target> [chat|global]',
    });
    expect(parsed('/source delete x')).toMatchObject({ message: expect.not.stringContaining('quotes') });
    expect(parsed('/source add "not a url"')).toMatchObject({
      kind: 'command',
      options: { target: 'not a url' },
    });
  });

  it('leaves plain text alone', () => {
    expect(parseCommandLine('hello there', commands)).toEqual({ kind: 'not-a-command' });
  });

  it('shows usage with required and optional options', () => {
    const source = commands.find((command) => command.name === 'source')!;
    expect(usage(source)).toBe('/source <add|remove|restore> <target> [chat|global]');
  });
});
