import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { AnyCommand } from '../../chat/command-definition.js';
import type { Store } from '../../store/store.js';

/** The menu Telegram shows: every command for everyone (operator-only ones stay out of the menu). */
export function telegramCommandList(commands: readonly AnyCommand[]): BotCommand[] {
  return commands
    .filter((command) => command.access !== 'operator' && /^[a-z0-9_]{1,32}$/.test(command.name))
    .map((command) => ({ command: command.name, description: command.description.slice(0, 256) }));
}

/**
 * Registers the command menu with setMyCommands, only when it differs from what this bot last
 * registered (remembered in the store), so restarts cost Telegram nothing. Returns whether it called.
 */
export async function syncTelegramCommands(
  api: Api,
  botId: number,
  commands: readonly AnyCommand[],
  store: Store,
): Promise<boolean> {
  const list = telegramCommandList(commands);
  const meta = store.collection<BotCommand[]>('meta');
  const key = `telegram-commands:${botId}`;
  const registered = await meta.get(key);
  if (registered && JSON.stringify(registered) === JSON.stringify(list)) return false;
  await api.setMyCommands(list);
  await meta.set(key, list);
  return true;
}
