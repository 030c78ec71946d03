import type { Api } from 'grammy';
import type { BotCommand, LanguageCode } from 'grammy/types';
import type { AnyCommand } from '../../chat/command-definition.js';
import { commandDescription } from '../../i18n/command-text.js';
import { LANGUAGES } from '../../i18n/languages.js';
import type { Translations } from '../../i18n/translations.js';
import type { Store } from '../../store/store.js';

/**
 * The menu Telegram shows: every command for everyone (operator-only ones stay out of the menu),
 * described in `language` (English when no translations are given).
 */
export function telegramCommandList(
  commands: readonly AnyCommand[],
  translations?: Translations,
  language = 'en',
): BotCommand[] {
  return commands
    .filter((command) => command.access !== 'operator' && /^[a-z0-9_]{1,32}$/.test(command.name))
    .map((command) => ({
      command: command.name,
      description: (translations
        ? commandDescription(command, translations, language)
        : command.description
      ).slice(0, 256),
    }));
}

/**
 * Registers the command menu with setMyCommands, one per interface language (`language_code` de,
 * fr, es; English as the default for every other app language), only when it differs from what
 * this bot last registered (remembered in the store), so restarts cost Telegram nothing. Returns
 * whether it called.
 */
export async function syncTelegramCommands(
  api: Api,
  botId: number,
  commands: readonly AnyCommand[],
  store: Store,
  translations: Translations,
): Promise<boolean> {
  // The default last: a client whose language has no menu of its own shows it.
  const menus = [...LANGUAGES.filter((language) => language !== 'en'), 'en'].map((language) => ({
    // Quotewire's codes are ISO 639-1, as Telegram's language_code is.
    languageCode: language === 'en' ? undefined : (language as LanguageCode),
    list: telegramCommandList(commands, translations, language),
  }));
  const meta = store.collection<unknown>('meta');
  const key = `telegram-commands:${botId}`;
  const registered = await meta.get(key);
  if (registered && JSON.stringify(registered) === JSON.stringify(menus)) return false;
  for (const { languageCode, list } of menus) {
    await api.setMyCommands(list, languageCode ? { language_code: languageCode } : undefined);
  }
  await meta.set(key, menus);
  return true;
}
