import { Composer, type Context } from 'grammy';
import type { Logger } from '../../kernel/logger.js';
import type { Services } from '../../chat/services.js';
import { commandHead } from '../../chat/command-parser.js';
import { runCommandLine, runNextPage } from '../../chat/command-runner.js';
import { renderTelegram } from './render-telegram.js';
import { describeError } from '../../kernel/describe-error.js';
import { telegramCaller } from './telegram-caller.js';
import { moreButton, sendTelegramMessage, sendTelegramReply } from './telegram-sender.js';

/** What the update handlers need; the adapter builds it. */
export interface TelegramHandlerDeps {
  services: Services;
  logger: Logger;
  operators: ReadonlySet<string>;
  /** A group became a supergroup: move its subscriptions (and today's ledger) to the new id. */
  onChatMoved(fromChatId: string, toChatId: string): Promise<unknown>;
}

/**
 * Translates Telegram updates into the shared command runner and renders its replies: commands in
 * private chats, groups, forum topics and channel posts, "More" buttons, and group migrations.
 * No command logic lives here.
 */
export function telegramHandlers(deps: TelegramHandlerDeps): Composer<Context> {
  const { services, logger } = deps;
  const composer = new Composer<Context>();

  composer.on(['message:text', 'channel_post:text'], async (ctx) => {
    const text = ctx.msg.text;
    const caller = telegramCaller(ctx, deps.operators);
    if (!caller) return;
    if (!isForUs(text, ctx.me.username, caller.chatType !== 'private', services)) {
      if (caller.chatType === 'private' && !text.startsWith('/')) {
        await ctx.reply('Commands start with "/": try /help, /digest or /quotes <name>.');
      }
      return;
    }
    const answer = await runCommandLine(text, caller, services);
    if (answer) await sendTelegramReply(ctx.api, caller.chatId, caller.threadId ?? null, answer);
  });

  composer.callbackQuery(/^more:(.+)$/, async (ctx) => {
    const caller = telegramCaller(ctx, deps.operators);
    await ctx.answerCallbackQuery();
    if (!caller) return;
    const answer = await runNextPage(ctx.match[1], caller, services);
    const [first, ...rest] = renderTelegram(answer);
    const markup = (last: boolean) => (last && answer.more ? moreButton(answer.more.token) : undefined);
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

  composer.on('message:migrate_to_chat_id', async (ctx) => {
    await deps.onChatMoved(String(ctx.chat.id), String(ctx.msg.migrate_to_chat_id));
  });

  return composer;
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
