/**
 * The message catalogues, loaded once by the composition root from locales/<language>/*.ftl, and the
 * translators made from them. Fluent (Mozilla's localization system) does the formatting: plurals
 * and grammatical variants per language, and numbers and dates through Intl in the chat's locale.
 * Commands receive a ready translator (`t`) in their context; nothing here is global.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { isLanguage, LANGUAGES, type Language } from './languages.js';
import type { MessageArg } from './message-arg.js';
import type { MessageArgs } from './message-keys.js';

/** A message id of the catalogues; a wrong one is a compile error. */
export type MessageKey = keyof MessageArgs;

/**
 * Formats one message in a language: `t('topics-set', { topics: 'climate' })`. The arguments are
 * typed per message, so a missing or misspelt one does not compile.
 */
export type Translate = <K extends MessageKey>(
  key: K,
  ...args: MessageArgs[K] extends null ? [] : [MessageArgs[K]]
) => string;

/** Every interface language's catalogue, and translators for them. */
export class Translations {
  private constructor(private readonly bundles: ReadonlyMap<Language, FluentBundle>) {}

  /**
   * Reads the catalogues under `localesFolder` (the package's locales/). A file Fluent cannot parse
   * fails here, at start-up, with its name and line, rather than as a blank reply later.
   */
  static load(localesFolder: string): Translations {
    const bundles = new Map<Language, FluentBundle>();
    for (const language of LANGUAGES) {
      // Isolation marks (U+2068/9) would show as stray characters in plain text and terminals.
      const bundle = new FluentBundle(language, { useIsolating: false });
      const folder = join(localesFolder, language);
      for (const file of readdirSync(folder)
        .filter((name) => name.endsWith('.ftl'))
        .sort()) {
        const errors = bundle.addResource(new FluentResource(readFileSync(join(folder, file), 'utf8')));
        if (errors.length) throw new Error(`locales/${language}/${file}: ${errors[0]!.message}`);
      }
      bundles.set(language, bundle);
    }
    return new Translations(bundles);
  }

  /**
   * The translator for a language: a language without a catalogue speaks English, and so does a
   * message missing from one (the catalogue test keeps that from happening).
   */
  translator(language: string): Translate {
    const format = (key: string, args?: Record<string, MessageArg>) =>
      this.lookup(language, key, args) ?? key;
    return format as Translate;
  }

  /**
   * A message whose id is built at run time (a command's description: `command-<name>`), or
   * undefined when no catalogue has it.
   */
  lookup(language: string, key: string, args?: Record<string, MessageArg>): string | undefined {
    const chosen = isLanguage(language) ? language : 'en';
    for (const candidate of chosen === 'en' ? ['en' as const] : [chosen, 'en' as const]) {
      const bundle = this.bundles.get(candidate)!;
      const message = bundle.getMessage(key);
      if (message?.value) {
        // Errors (an argument the caller did not pass) are collected rather than thrown: the typed
        // keys rule them out, and a reply with a visible "{$name}" beats no reply at all.
        const errors: Error[] = [];
        return bundle.formatPattern(
          message.value,
          args as Record<string, FluentVariable> | undefined,
          errors,
        );
      }
    }
    return undefined;
  }
}
