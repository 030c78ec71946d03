import { DiscordAPIError } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { discordCommandList } from '../../../src/adapters/discord/discord-commands.js';
import { classifyDiscordError } from '../../../src/adapters/discord/discord-errors.js';
import { defineCommand } from '../../../src/chat/command-definition.js';
import { reply } from '../../../src/chat/reply.js';
import { commands } from '../../../commands/index.js';

const apiError = (status: number, code: number, message: string) =>
  new DiscordAPIError({ code, message }, code, status, 'POST', 'https://discord.test/api/v10/x', {
    body: undefined,
    files: undefined,
  });

describe('discordCommandList', () => {
  it('turns every command of commands/ into a slash command within Discord limits', () => {
    const list = discordCommandList(commands);
    expect(list.map((command) => command.name)).toEqual(commands.map((command) => command.name));
    for (const command of list) {
      expect(command.description.length).toBeGreaterThan(0);
      expect(command.description.length).toBeLessThanOrEqual(100);
      for (const option of command.options ?? []) expect(option.description.length).toBeLessThanOrEqual(100);
    }
    const time = list.find((command) => command.name === 'time')!;
    expect(time.options).toEqual([
      expect.objectContaining({ name: 'time', type: 3, required: true }),
      expect.objectContaining({ name: 'zone', type: 3 }),
    ]);
  });

  it('puts required options first, types integers, and cuts long descriptions', () => {
    const command = defineCommand({
      name: 'demo',
      description: 'x'.repeat(150),
      options: {
        count: { type: 'integer', description: 'how many' },
        what: { type: 'string', description: 'what', required: true },
      },
      run: async () => reply.text('ok'),
    });
    const [json] = discordCommandList([command]);
    expect(json!.description).toHaveLength(100);
    expect(json!.description.endsWith('…')).toBe(true);
    expect(json!.options!.map((option) => [option.name, option.type])).toEqual([
      ['what', 3],
      ['count', 4],
    ]);
    expect(json!.default_member_permissions).toBeNull();
  });
});

describe('classifyDiscordError', () => {
  it('pauses on 403 and 404 with a reason that says what to do, and retries the rest', () => {
    expect(classifyDiscordError(apiError(403, 50001, 'Missing Access'))).toEqual({
      kind: 'gone',
      reason: expect.stringMatching(/^Missing Access \(Discord 403\/50001\): .*View Channel/),
    });
    expect(classifyDiscordError(apiError(404, 10003, 'Unknown Channel'))).toMatchObject({ kind: 'gone' });
    expect(classifyDiscordError(apiError(400, 50035, 'Invalid Form Body'))).toMatchObject({
      kind: 'failed',
    });
    expect(classifyDiscordError(new Error('socket hang up'))).toMatchObject({ kind: 'failed' });
  });
});
