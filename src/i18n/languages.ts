/**
 * The languages Quotewire's interface speaks, and how a platform's locale ("de", "pt-BR", Discord's
 * "es-ES") maps onto one of them.
 */
import { negotiateLanguages } from '@fluent/langneg';

/** Interface languages, each with a catalogue under locales/<code>/. English is the fallback. */
export const LANGUAGES = ['en', 'de', 'fr', 'es'] as const;

export type Language = (typeof LANGUAGES)[number];

/** Whether `code` is one of {@link LANGUAGES}. */
export function isLanguage(code: string): code is Language {
  return (LANGUAGES as readonly string[]).includes(code);
}

/**
 * The interface language for a platform's locale tag, or null when Quotewire does not speak it:
 * "de-AT" → "de", "es-419" → "es", "pt-BR" → null.
 */
export function matchLanguage(locale: string | null | undefined): Language | null {
  if (!locale) return null;
  const [best] = negotiateLanguages([locale.replace('_', '-')], LANGUAGES, {
    strategy: 'lookup',
    defaultLocale: '',
  });
  return best && isLanguage(best) ? best : null;
}

/** The locale Intl formats dates with for each language (English keeps the day-month order it had). */
export const DATE_LOCALES: Record<Language, string> = {
  en: 'en-GB',
  de: 'de-DE',
  fr: 'fr-FR',
  es: 'es-ES',
};
