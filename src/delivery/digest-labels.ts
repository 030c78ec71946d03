/**
 * The fixed words of a delivered digest in a subscription's language. They come from the message
 * catalogues (locales/); the config's `digest.languages` may still reword them, or add a language the
 * interface does not speak, so operators can adjust a digest's words without code.
 */
import { isLanguage } from '../i18n/languages.js';
import type { Translations } from '../i18n/translations.js';
import type { Digest } from '../digest/digest.js';
import { filteredOutText } from '../digest/digest-reply.js';

/** The words `digest.languages` may set per language; `{date}` and `{topics}` are filled in. */
export interface ConfiguredDigestWords {
  /** The title; `{date}` is replaced with the local day. */
  title: string;
  /** Appended to the title when the subscription has topics; `{topics}` is the topic list. */
  topics: string;
  quoteOfTheDay: string;
  noStories: string;
}

/** The digest's words in one language, ready to render. */
export interface DigestLabels {
  /** "Quotewire digest for 2026-11-30", with the topics when the subscription has some. */
  title(date: string, topics: string | null): string;
  quoteOfTheDay: string;
  /**
   * What an empty digest says: "No new stories today" (or the config's `noStories`), unless the
   * chat's filters left out every story there was; then that, so that the chat looks at /filter
   * rather than at its sources.
   */
  emptyText(digest: Pick<Digest, 'stats' | 'window'>): string;
  /** The name of the field listing a story's sources (Discord). */
  sources: string;
  /** The last line when stories did not fit: "… and 3 more stories." */
  moreStories(count: number): string;
  /** Posted in a Telegram chat's General when the forum topic its digest went to is gone. */
  topicGone: string;
  /** Posted in a Discord channel when the thread its digest went to is gone. */
  threadGone: string;
}

/**
 * The labels for `language`: its catalogue, with the config's words for it on top. A language with
 * no catalogue speaks English, reworded by the config's `en` and then its own words.
 */
export function labelsFor(
  language: string,
  configured: Readonly<Record<string, Partial<ConfiguredDigestWords>>>,
  translations: Translations,
): DigestLabels {
  const t = translations.translator(language);
  const words = {
    ...(isLanguage(language) && language !== 'en' ? {} : (configured.en ?? {})),
    ...(configured[language] ?? {}),
  };
  const noStories = words.noStories ?? t('digest-no-stories-today');
  return {
    title(date, topics) {
      if (words.title === undefined) {
        return topics ? t('digest-title-topics', { date, topics }) : t('digest-title', { date });
      }
      const title = words.title.replace('{date}', date);
      return topics ? title + (words.topics ?? ' ({topics})').replace('{topics}', topics) : title;
    },
    quoteOfTheDay: words.quoteOfTheDay ?? t('digest-quote-of-the-day'),
    emptyText: (digest) =>
      digest.stats.filtered ? filteredOutText(digest, t, digest.stats.filtered) : noStories,
    sources: t('digest-sources'),
    moreStories: (count) => t('digest-more-stories', { count }),
    topicGone: t('digest-topic-gone'),
    threadGone: t('digest-thread-gone'),
  };
}
