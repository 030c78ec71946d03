import type { ArticleRepository } from '../articles/article-repository.js';
import type { AnyCommand } from './command-definition.js';
import type { PageStore } from './page-store.js';
import type { AppConfig } from '../config/load-config.js';
import type { DigestBuilder } from '../digest/digest-builder.js';
import type { SubscriptionStore } from '../delivery/subscription-store.js';
import type { DeliveryLedger } from '../delivery/delivery-ledger.js';
import type { QuoteIndex } from '../quotes/quote-index.js';
import type { Poller } from '../sources/poller.js';
import type { SourceAdmission } from '../sources/source-admission.js';
import type { SourceCatalog } from '../sources/source-catalog.js';
import type { ChatSources } from '../sources/chat-sources.js';
import type { SourceNotices } from '../sources/source-notices.js';
import type { SourceStatusStore } from '../sources/source-status.js';
import type { Clock } from '../kernel/clock.js';
import type { Logger } from '../kernel/logger.js';
import type { StoryTracker } from '../stories/story-tracker.js';
import type { ChatLanguages } from '../i18n/chat-languages.js';
import type { Translations } from '../i18n/translations.js';
import type { WebAccess } from '../web/login-links.js';

/** Everything a command handler may use, built once by the composition root (container.ts). */
export interface Services {
  config: AppConfig;
  clock: Clock;
  logger: Logger;
  catalog: SourceCatalog;
  /** Chats' own sources (/source add in a chat), and which articles each chat may see. */
  chatSources: ChatSources;
  /** Tells chats (or operators) when a source breaks or is removed; platforms register with it. */
  notices: SourceNotices;
  statuses: SourceStatusStore;
  admission: SourceAdmission;
  poller: Poller;
  articles: ArticleRepository;
  quotes: QuoteIndex;
  digests: DigestBuilder;
  /**
   * The stories of the last hours, kept up to date at ingest, that digests and the web rank; null
   * when the digest window is days long (digests then cluster their window from the store).
   */
  stories: StoryTracker | null;
  /** Next pages of long answers, for /more and "More" buttons. */
  pages: PageStore;
  /** Chats subscribed to the daily digest, for /subscribe, /topics, /time and /settings. */
  subscriptions: SubscriptionStore;
  /** The daily delivery's ledger, read so /settings says when the next digest really comes. */
  deliveries: DeliveryLedger;
  /** The command list, for /help. */
  commands: readonly AnyCommand[];
  /** The interface's message catalogues (locales/), for translators in any language. */
  i18n: Translations;
  /** Each chat's language, chosen on first contact and changed with /settings. */
  languages: ChatLanguages;
  /** The web console's one-time login links, for /weblogin. */
  web: WebAccess;
}
