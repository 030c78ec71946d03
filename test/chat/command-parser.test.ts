import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { parseCommandLine, usage } from '../../src/chat/command-parser.js';

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
    expect(parseCommandLine('/qoutes pompeo', commands)).toEqual({
      kind: 'error',
      message: 'unknown command /qoutes: did you mean /quotes? Type /help for the list.',
    });
    expect(parseCommandLine('/xyzzy', commands)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('/help'),
    });
  });

  it('explains missing options and bad choices with the usage', () => {
    expect(parseCommandLine('/source add', commands)).toMatchObject({
      kind: 'error',
      message: '/source needs <target>. Usage: /source <add|remove|restore> <target>',
    });
    expect(parseCommandLine('/source delete x', commands)).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('<action> must be one of add, remove, restore, not "delete"'),
    });
    expect(parseCommandLine('/sources extra', commands)).toMatchObject({ kind: 'error' });
  });

  it('leaves plain text alone', () => {
    expect(parseCommandLine('hello there', commands)).toEqual({ kind: 'not-a-command' });
  });

  it('shows usage with required and optional options', () => {
    const source = commands.find((command) => command.name === 'source')!;
    expect(usage(source)).toBe('/source <add|remove|restore> <target>');
  });
});
