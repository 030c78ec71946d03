import { createHash } from 'node:crypto';
import { Routes, type REST } from 'discord.js';
import type { AnyCommand } from '../../chat/command-definition.js';
import type { Store } from '../../store/store.js';
import type { Translations } from '../../i18n/translations.js';
import { discordCommandList } from './discord-commands.js';

/** Where commands are registered: everywhere (global; may take a while to show) or in one guild (at once). */
export interface CommandScope {
  applicationId: string;
  guildId: string | null;
}

/**
 * Registers the slash commands with one bulk overwrite (PUT), unless `force` is false and this
 * exact list was already registered in this scope (a hash remembered in the store): Discord limits
 * how often commands may be created, so a restart must cost it nothing. Returns whether it called.
 */
export async function syncDiscordCommands(
  rest: REST,
  scope: CommandScope,
  commands: readonly AnyCommand[],
  store: Store,
  translations: Translations,
  options: { force?: boolean } = {},
): Promise<boolean> {
  const body = discordCommandList(commands, translations);
  const hash = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const meta = store.collection<string>('meta');
  const key = `discord-commands:${scope.applicationId}:${scope.guildId ?? 'global'}`;
  if (!options.force && (await meta.get(key)) === hash) return false;
  const route = scope.guildId
    ? Routes.applicationGuildCommands(scope.applicationId, scope.guildId)
    : Routes.applicationCommands(scope.applicationId);
  await rest.put(route, { body });
  await meta.set(key, hash);
  return true;
}

/** The application id behind a bot token (GET /applications/@me), when the config does not give it. */
export async function fetchApplicationId(rest: REST): Promise<string> {
  const application = (await rest.get(Routes.currentApplication())) as { id: string };
  return application.id;
}
