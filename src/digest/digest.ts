/** The platform-neutral digest: what every renderer (terminal, Telegram, Discord) turns into messages. */
export interface Digest {
  /** The day the digest is for, YYYY-MM-DD. */
  date: string;
  /** Topic filter applied, if any. */
  topic: string | null;
  stories: DigestStory[];
  quoteOfTheDay: DigestQuote | null;
}

export interface DigestStory {
  headline: string;
  /** A few sentences. */
  summary: string[];
  quotes: DigestQuote[];
  /** Every article that carried the story. */
  links: { title: string; url: string; source: string; published: string | null }[];
}

export interface DigestQuote {
  text: string;
  speaker: string;
  source: string;
  url: string;
}
