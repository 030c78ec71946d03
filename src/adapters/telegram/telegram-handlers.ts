import { Composer, type Api, type Context } from 'grammy';
import type { Reply } from '../../chat/reply.js';
import { classifyTelegramError } from './telegram-errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { Services } from '../../chat/services.js';
import { commandHead } from '../../chat/command-parser.js';
import { AttachmentError, downloadText } from '../../chat/attachment-download.js';
import { chatSpeech, runCommandLine, runNextPage } from '../../chat/command-runner.js';
import { escapeHtml, renderTelegram } from './render-telegram.js';
import { describeError } from '../../kernel/describe-error.js';
import { telegramCaller } from './telegram-caller.js';
import { PAUSE_REASONS } from '../../delivery/pause-reasons.js';
import type { Translate } from '../../i18n/translations.js';
import { moreButton, sendTelegramMessage, sendTelegramReply } from './telegram-sender.js';

/** What the update handlers need; the adapter builds it. */
export interface TelegramHandlerDeps {
  services: Services;
  logger: Logger;
  operators: ReadonlySet<string>;
  /** A group became a supergroup: move its subscriptions (and today's ledger) to the new id. */
  onChatMoved(fromChatId: string, toChatId: string): Promise<unknown>;
  /** Where a file Telegram keeps is downloaded from (`<apiRoot>/file/bot<token>/<path>`). */
  fileUrl?(path: string): string;
}

/**
 * Translates Telegram updates into the shared command runner and renders its replies: commands in
 * private chats, groups, forum topics and channel posts, "More" buttons, group migrations, and the
 * bot being removed from a chat or added to one (my_chat_member).
 * No command logic lives here.
 */
export function telegramHandlers(deps: TelegramHandlerDeps): Composer<Context> {
  const { services, logger } = deps;
  const composer = new Composer<Context>();
  /**
   * A command's reply; when Telegram answers that the group has become a supergroup (a command sent
   * just before the upgrade), the chat moves and the reply goes to its new id.
   */
  const replyMoving = async (api: Api, chatId: string, threadId: string | null, answer: Reply) => {
    try {
      await sendTelegramReply(api, chatId, threadId, answer);
    } catch (error) {
      const failure = classifyTelegramError(error);
      if (failure.kind !== 'moved') throw error;
      await deps.onChatMoved(chatId, failure.chatId);
      await sendTelegramReply(api, failure.chatId, null, answer);
    }
  };

  composer.on(['message:text', 'channel_post:text'], async (ctx) => {
    const text = ctx.msg.text;
    const caller = telegramCaller(ctx, deps.operators);
    if (!caller) return;
    if (!isForUs(text, ctx.me.username, caller.chatType !== 'private', services)) {
      if (caller.chatType === 'private' && !text.startsWith('/')) {
        await ctx.reply((await chatSpeech(caller, services)).t('chat-not-a-command'));
      }
      return;
    }
    const answer = await runCommandLine(text, caller, services);
    if (answer) await replyMoving(ctx.api, caller.chatId, caller.threadId ?? null, answer);
  });

  // A file sent with a command as its caption (/import), or an OPML file sent alone in a private chat.
  composer.on(['message:document', 'channel_post:document'], async (ctx) => {
    const caller = telegramCaller(ctx, deps.operators);
    const document = ctx.msg.document;
    const caption = ctx.msg.caption ?? '';
    if (!caller || !deps.fileUrl) return;
    const opml = /\.(opml|xml)$/i.test(document.file_name ?? '');
    const line = commandHead(caption) ? caption : caller.chatType === 'private' && opml ? '/import' : null;
    if (!line || !isForUs(line, ctx.me.username, caller.chatType !== 'private', services)) return;
    const fileUrl = deps.fileUrl;
    caller.attachment = {
      name: document.file_name ?? 'file',
      size: document.file_size ?? null,
      async read(maxBytes) {
        if ((document.file_size ?? 0) > maxBytes) {
          throw AttachmentError.tooLarge(maxBytes);
        }
        const file = await ctx.api.getFile(document.file_id);
        if (!file.file_path) throw AttachmentError.notDownloaded(null);
        return downloadText(fileUrl(file.file_path), maxBytes);
      },
    };
    const answer = await runCommandLine(line, caller, services);
    if (answer) await replyMoving(ctx.api, caller.chatId, caller.threadId ?? null, answer);
  });

  composer.callbackQuery(/^more:(.+)$/, async (ctx) => {
    const caller = telegramCaller(ctx, deps.operators);
    await ctx.answerCallbackQuery();
    if (!caller) return;
    const answer = await runNextPage(ctx.match[1], caller, services);
    const [first, ...rest] = renderTelegram(answer);
    const markup = (last: boolean) => (last && answer.more ? moreButton(answer.more) : undefined);
    // The page replaces the one whose button was pressed; if that fails (too old), it comes as new.
    try {
      await ctx.editMessageText(first!.html, {
        parse_mode: 'HTML',
        link_preview_options: { is_disabled: true },
        reply_markup: markup(rest.length === 0),
      });
    } catch (error) {
      logger.info(`telegram: editing a page failed (${describeError(error)}); sending it instead`);
      await sendTelegramMessage(
        ctx.api,
        caller.chatId,
        caller.threadId ?? null,
        first!,
        markup(rest.length === 0),
      );
    }
    for (const [index, message] of rest.entries()) {
      await sendTelegramMessage(
        ctx.api,
        caller.chatId,
        caller.threadId ?? null,
        message,
        markup(index === rest.length - 1),
      );
    }
  });

  // A group upgraded to a supergroup: Telegram says so in both chats (either may arrive first, or
  // both to different instances); moving twice does nothing more.
  composer.on('message:migrate_to_chat_id', async (ctx) => {
    await deps.onChatMoved(String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id));
  });
  composer.on('message:migrate_from_chat_id', async (ctx) => {
    await deps.onChatMoved(String(ctx.msg.migrate_from_chat_id), String(ctx.chat.id));
  });

  // The bot removed from a chat (or blocked in a private one): its subscriptions pause, settings
  // kept, and no delivery is attempted there. Added back: they resume, and the chat is greeted.
  composer.on('my_chat_member', async (ctx) => {
    const update = ctx.myChatMember;
    const chatId = String(ctx.chat.id);
    const wasIn = isMember(update.old_chat_member.status);
    const isIn = isMember(update.new_chat_member.status);
    if (wasIn && !isIn) {
      const paused = await services.subscriptions.pauseChat(
        'telegram',
        chatId,
        PAUSE_REASONS.removedFromChat.text,
      );
      if (paused.length)
        logger.info(`telegram: removed from chat ${chatId}; ${paused.length} subscription(s) paused`);
    } else if (!wasIn && isIn) {
      const resumed = await services.subscriptions.resumeChat('telegram', chatId);
      if (resumed.length)
        logger.info(`telegram: back in chat ${chatId}; ${resumed.length} subscription(s) resumed`);
      try {
        // Whoever added the bot chooses the chat's language, as the first sender of a command would.
        const caller = telegramCaller(ctx, deps.operators);
        const { t } = caller
          ? await chatSpeech(caller, services)
          : { t: services.i18n.translator(services.languages.defaultLanguage) };
        await sendTelegramMessage(ctx.api, chatId, null, welcome(resumed.length > 0, t));
      } catch (error) {
        // A channel may take the bot without letting it post; the subscriptions are resumed anyway.
        logger.info(`telegram: could not greet chat ${chatId}: ${describeError(error)}`);
      }
    }
  });

  return composer;
}

/**
 * The update types the bot asks Telegram for, in getUpdates and setWebhook alike. Named explicitly:
 * Telegram remembers the last list it was given, and `my_chat_member` is what says the bot was
 * removed from (or added back to) a chat.
 */
export const ALLOWED_UPDATES = ['message', 'channel_post', 'callback_query', 'my_chat_member'] as const;

/** Member statuses in which the bot is in the chat (restricted members are still members). */
function isMember(status: string): boolean {
  return status !== 'left' && status !== 'kicked';
}

/** What the bot says when it is added to a chat, or added back to one. */
function welcome(resumed: boolean, t: Translate): { html: string; plain: string } {
  const text = resumed ? t('welcome-back') : t('welcome-new');
  return { html: escapeHtml(text), plain: text };
}

/**
 * Whether an update would be answered, and so counts against the sender's rate limit: a command for
 * this bot, any text in a private chat (it gets a hint), a button press. Group chatter does not.
 */
export function wantsAnswer(ctx: Context, services: Services): boolean {
  if (ctx.callbackQuery) return true;
  const text = ctx.msg?.text;
  if (text === undefined || !ctx.chat) return false;
  const inGroup = ctx.chat.type !== 'private';
  return !inGroup || isForUs(text, ctx.me.username, inGroup, services);
}

/**
 * Whether a text is a command for this bot. In groups several bots may listen: `/cmd@otherbot` is
 * theirs, and an unknown bare `/cmd` is left alone rather than answered with "unknown command".
 */
function isForUs(text: string, username: string, inGroup: boolean, services: Services): boolean {
  const head = commandHead(text);
  if (!head) return false;
  if (head.mention) return head.mention.toLowerCase() === username.toLowerCase();
  return !inGroup || services.commands.some((command) => command.name === head.name);
}
