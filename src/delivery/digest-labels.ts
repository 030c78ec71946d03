/**
 * The fixed words of a delivered digest, per language. English is built in; the config's
 * `digest.languages` adds others (or rewords English), so operators translate without code.
 */
export interface DigestLabels {
  /** The title; `{date}` is replaced with the local day, `{topics}` with the topic list. */
  title: string;
  /** Appended to the title when the subscription has topics. */
  topics: string;
  quoteOfTheDay: string;
  noStories: string;
}

export const englishLabels: DigestLabels = {
  title: 'Quotewire digest for {date}',
  topics: ' (topics: {topics})',
  quoteOfTheDay: 'Quote of the day',
  noStories: 'No new stories today. /sources shows how the sources are doing.',
};

/** The labels for `language`, falling back to English for missing words or languages. */
export function labelsFor(
  language: string,
  configured: Readonly<Record<string, Partial<DigestLabels>>>,
): DigestLabels {
  return { ...englishLabels, ...(configured.en ?? {}), ...(configured[language] ?? {}) };
}

/** The digest title with its placeholders filled in. */
export function digestTitle(labels: DigestLabels, date: string, topic: string | null): string {
  const title = labels.title.replace('{date}', date);
  return topic ? title + labels.topics.replace('{topics}', topic) : title;
}
