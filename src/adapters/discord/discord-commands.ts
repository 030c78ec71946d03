/**
 * The slash commands Discord shows, built from the same `commands/` definitions every platform
 * serves: names, descriptions, typed options (strings, integers, choices, required) and
 * autocomplete where an option names a suggestion source.
 */
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  PermissionFlagsBits,
  type APIApplicationCommandBasicOption,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { AnyCommand, CommandAccess, OptionSpec } from '../../chat/command-definition.js';
import { commandDescription, optionDescription } from '../../i18n/command-text.js';
import type { Language } from '../../i18n/languages.js';
import type { Translations } from '../../i18n/translations.js';

/** Discord's locales for each translated interface language (Spanish: Spain and Latin America). */
const DISCORD_LOCALES: Record<Exclude<Language, 'en'>, readonly string[]> = {
  de: ['de'],
  fr: ['fr'],
  es: ['es-ES', 'es-419'],
};

/**
 * Who Discord shows each kind of command to. Operator commands: server administrators only (they
 * also work in a direct message with the bot, where the runner checks `discord.operators`). Chat-admin
 * commands: members with Manage Channels (server admins can change both per command). The shared
 * runner still checks when a command runs, since a stale registration or a changed role may let a
 * call through.
 */
const DEFAULT_PERMISSIONS: Record<CommandAccess, string | null> = {
  everyone: null,
  'chat-admin': String(PermissionFlagsBits.ManageChannels),
  operator: '0',
};

/** Discord's limits on names and descriptions. */
const NAME = /^[-_\p{L}\p{N}]{1,32}$/u;
const MAX_DESCRIPTION = 100;

/**
 * The commands as Discord's bulk-overwrite body; with translations, every description also carries
 * `description_localizations`, so Discord shows it in the user's language. Names stay English: the
 * same `/digest` works in every language and in the text platforms.
 */
export function discordCommandList(
  commands: readonly AnyCommand[],
  translations?: Translations,
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  return commands
    .filter((command) => NAME.test(command.name) && command.name === command.name.toLowerCase())
    .map((command) => {
      const options = Object.entries(command.options as Record<string, OptionSpec>).map(([name, spec]) => ({
        ...optionJson(name, spec),
        ...localized((language) => optionDescription(command, name, translations!, language), translations),
      }));
      // Discord wants required options first; they are named, so their order does not matter otherwise.
      options.sort((a, b) => Number(b.required ?? false) - Number(a.required ?? false));
      const permissions = DEFAULT_PERMISSIONS[command.access ?? 'everyone'];
      return {
        type: ApplicationCommandType.ChatInput,
        name: command.name,
        description: fit(command.description),
        ...localized((language) => commandDescription(command, translations!, language), translations),
        ...(options.length ? { options } : {}),
        default_member_permissions: permissions,
      };
    });
}

function optionJson(name: string, spec: OptionSpec): APIApplicationCommandBasicOption {
  const common = {
    name: name.toLowerCase(),
    description: fit(spec.description),
    ...(spec.required ? { required: true } : {}),
  };
  if (spec.type === 'integer') return { ...common, type: ApplicationCommandOptionType.Integer };
  if (spec.type === 'attachment') return { ...common, type: ApplicationCommandOptionType.Attachment };
  if (spec.choices) {
    return {
      ...common,
      type: ApplicationCommandOptionType.String,
      choices: spec.choices.slice(0, 25).map((choice) => ({ name: choice, value: choice })),
    };
  }
  return {
    ...common,
    type: ApplicationCommandOptionType.String,
    ...(spec.autocomplete ? { autocomplete: true } : {}),
  };
}

/** `description_localizations` for each translated language, or nothing without translations. */
function localized(
  describe: (language: Language) => string,
  translations: Translations | undefined,
): { description_localizations?: Record<string, string> } {
  if (!translations) return {};
  const entries = Object.entries(DISCORD_LOCALES).flatMap(([language, locales]) =>
    locales.map((locale) => [locale, fit(describe(language as Language))] as const),
  );
  return { description_localizations: Object.fromEntries(entries) };
}

function fit(text: string): string {
  const trimmed = text.trim() || '-';
  return trimmed.length <= MAX_DESCRIPTION ? trimmed : `${trimmed.slice(0, MAX_DESCRIPTION - 1)}…`;
}
