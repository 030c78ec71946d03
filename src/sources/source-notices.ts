/**
 * Telling people when a source breaks. When a source has failed `threshold` times in a row, the
 * chats that read it (for a source of every chat: the bot's operators) get ONE message naming it,
 * saying why in the words /sources uses, and how to fix it; nothing more until it works again and
 * then breaks again. The notice is claimed in a store transaction before it is sent, so several
 * instances polling the same store never send it twice. A chat source an operator removes is told to
 * its chats the same way.
 */
import { reply, type Reply } from '../chat/reply.js';
import type { ChatLanguages } from '../i18n/chat-languages.js';
import type { Translate, Translations } from '../i18n/translations.js';
import type { Clock } from '../kernel/clock.js';
import { describeError } from '../kernel/describe-error.js';
import type { Logger } from '../kernel/logger.js';
import type { Store } from '../store/store.js';
import { isGlobal, type SourceRecord } from './source-catalog.js';
import type { SourceStatus } from './source-status.js';
import { lastErrorText } from '../i18n/problem-text.js';

/** A chat platform's way to deliver a notice; registered by the chat service when the platform runs. */
export interface Notifier {
  readonly platform: 'telegram' | 'discord';
  /** Posts to a chat (a group, a channel, a private chat). */
  toChat(chatId: string, message: Reply): Promise<void>;
  /** Sends to each operator of this platform in private; resolves with how many got it. */
  toOperators(message: Reply): Promise<number>;
}

/** The record that a notice for a source's current run of failures was claimed. */
interface NoticeRecord {
  at: string;
  failures: number;
  reason: string;
}

export class SourceNotices {
  private readonly notifiers = new Map<string, Notifier>();

  constructor(
    private readonly deps: {
      store: Store;
      clock: Clock;
      logger: Logger;
      /** Failures in a row before the notice (`polling.noticeAfterFailures`); 0 sends none. */
      threshold: number;
      translations: Translations;
      /** Each chat's language; operators read the default one. */
      languages: Pick<ChatLanguages, 'ofChat' | 'defaultLanguage'>;
    },
  ) {}

  /** Lets a running platform deliver notices. */
  use(notifier: Notifier): void {
    this.notifiers.set(notifier.platform, notifier);
  }

  /**
   * Called after every poll of a source: sends the notice when it has just failed often enough
   * (once per run of failures), and forgets it when the source works again.
   */
  async afterPoll(source: SourceRecord, status: SourceStatus): Promise<void> {
    const { store, threshold } = this.deps;
    const notices = store.collection<NoticeRecord>('source-notices');
    if (status.consecutiveFailures === 0) {
      if (await notices.get(source.id)) {
        await notices.delete(source.id);
        this.deps.logger.info(`source ${source.id} works again`);
      }
      return;
    }
    if (threshold === 0 || status.consecutiveFailures < threshold) return;
    const reason = status.lastError ?? 'it could not be read';
    const claimed = await store.transact(async (tx) => {
      if (await tx.get<NoticeRecord>('source-notices', source.id)) return false;
      tx.set('source-notices', source.id, {
        at: this.deps.clock().toISOString(),
        failures: status.consecutiveFailures,
        reason,
      } satisfies NoticeRecord);
      return true;
    });
    if (!claimed) return;
    this.deps.logger.warn(
      `source ${source.id} has failed ${status.consecutiveFailures} times in a row: ${reason}; telling ${isGlobal(source) ? 'the operators' : 'its chats'}`,
    );
    await this.deliver(source, (t) => failingNotice(source, status, t));
  }

  /** Tells the chats that read a chat source that an operator removed it. */
  async removed(source: SourceRecord, chats: readonly string[]): Promise<void> {
    await this.deliver({ ...source, chats: [...chats] }, (t) =>
      reply.text(t('notice-source-removed', { id: source.id, url: source.url })),
    );
  }

  /** Sends `message`, worded in each reader's language, to the source's chats or the operators. */
  private async deliver(source: SourceRecord, message: (t: Translate) => Reply): Promise<void> {
    const { translations, languages } = this.deps;
    if (isGlobal(source)) {
      let told = 0;
      const text = message(translations.translator(languages.defaultLanguage));
      for (const notifier of this.notifiers.values()) {
        told += await notifier.toOperators(text).catch((error: unknown) => {
          this.deps.logger.warn(`notice to ${notifier.platform} operators failed: ${describeError(error)}`);
          return 0;
        });
      }
      if (told === 0)
        this.deps.logger.info(
          `no operator was told about source ${source.id}: none is listed in telegram.operators or discord.operators, or none could be reached (on Telegram an operator must have started a private chat with the bot)`,
        );
      return;
    }
    for (const chat of source.chats ?? []) {
      const colon = chat.indexOf(':');
      const notifier = this.notifiers.get(chat.slice(0, colon));
      if (!notifier) continue;
      const text = message(translations.translator(await languages.ofChat(chat)));
      await notifier.toChat(chat.slice(colon + 1), text).catch((error: unknown) => {
        this.deps.logger.warn(`notice to ${chat} about source ${source.id} failed: ${describeError(error)}`);
      });
    }
  }
}

/** The notice itself: which source, why in plain words, and what to do. */
function failingNotice(source: SourceRecord, status: SourceStatus, t: Translate): Reply {
  const named = { id: source.id, url: source.url };
  const fix = isGlobal(source)
    ? source.origin === 'config'
      ? t('notice-fix-config', named)
      : t('notice-fix-global', named)
    : t('notice-fix-chat', named);
  return reply.text(
    t(isGlobal(source) ? 'notice-source-failing-global' : 'notice-source-failing-chat', {
      ...named,
      count: status.consecutiveFailures,
      reason: status.lastError ? lastErrorText(status, t) : t('notice-unreadable'),
      fix,
    }),
  );
}
