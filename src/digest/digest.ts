/**
 * The platform-neutral digest: what every renderer (terminal, Telegram, Discord) turns into
 * messages, and what `quotewire digest --json` prints. Plain JSON data, so it can be stored as a
 * snapshot and sent later exactly as it was built.
 */
export interface Digest {
  /** The day the digest is for, YYYY-MM-DD, in the digest's time zone. */
  date: string;
  /** When it was built (ISO 8601). */
  generatedAt: string;
  /** The articles it was built from: those first seen in this window. */
  window: { since: string; until: string; hours: number };
  /** Topic filter applied (`/digest <topic>`), if any: only stories about it are included. */
  topic: string | null;
  /** The subscriber's topics that boosted the ranking. */
  topics: string[];
  /** The top stories, best first. */
  stories: DigestStory[];
  quoteOfTheDay: DigestQuote | null;
  /** How much news the window held, before the top stories were picked. */
  /**
   * `filtered`: stories (of the topic, when there is one) that a chat's filters left out; only
   * when the digest was built with filters, so an empty digest can say why it is empty.
   */
  stats: { articles: number; stories: number; filtered?: number };
}

export interface DigestStory {
  /** Stable for the same set of articles. */
  id: string;
  headline: string;
  /** A few sentences. */
  summary: string[];
  /** Key quotations, each with its speaker. */
  quotes: DigestQuote[];
  /** Every source that carried the story: the lead article's first, then one per other source. */
  links: DigestLink[];
  /** Distinct sources that carried it. */
  sources: number;
  /** Articles that told it (updates and copies included). */
  articles: number;
  /** Its latest report (ISO 8601). */
  updated: string;
  /** The subscriber's topics it is about. */
  topics: string[];
  /** Which engine wrote headline, summary and key quotes. */
  engine: 'offline' | 'llm';
  /**
   * The story's image: the lead article's, else the first other article's that has one (absolute
   * http(s)). Absent in snapshots made before images were kept; chats may turn images off.
   */
  image?: string | null;
}

export interface DigestLink {
  title: string;
  url: string;
  /** The source's name, as readers know it ("BBC News"). */
  source: string;
  published: string | null;
}

export interface DigestQuote {
  text: string;
  /**
   * Who said it. Quotes whose speaker the extractor is unsure of are left out of the digest, so
   * this is a name; "unattributed" should one ever come without.
   */
  speaker: string;
  /** The source of the article it stands in, and that article's link. */
  source: string;
  url: string;
}
