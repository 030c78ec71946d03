/**
 * A command's description and its options' descriptions in a language, for /help and for the menus
 * each platform registers. They live in the catalogues as `command-<name>` and
 * `option-<name>-<option>`; the English text written in the command's definition is the fallback,
 * so a new command shows in English until its translations are added (the catalogue test says which).
 */
import type { AnyCommand, OptionSpec } from '../chat/command-definition.js';
import type { Translations } from './translations.js';

/** The description of `command` in `language`. */
export function commandDescription(
  command: AnyCommand,
  translations: Translations,
  language: string,
): string {
  return translations.lookup(language, `command-${command.name}`) ?? command.description;
}

/** The description of one of `command`'s options in `language`. */
export function optionDescription(
  command: AnyCommand,
  option: string,
  translations: Translations,
  language: string,
): string {
  const spec = (command.options as Record<string, OptionSpec>)[option];
  return translations.lookup(language, `option-${command.name}-${option}`) ?? spec?.description ?? option;
}
