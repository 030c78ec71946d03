import type { Context, MiddlewareFn } from 'grammy';
import { slowDownText, type FloodGuard } from '../../chat/flood-guard.js';
import { sendTelegramReply } from './telegram-sender.js';
import { reply } from '../../chat/reply.js';

/**
 * The per-user rate limit ({@link FloodGuard}) in Telegram's update flow, in two parts. `admit`
 * comes before the per-chat queue: a dropped update ends there and never waits in line, so a flood
 * costs nothing but its own counting. `answer` comes after the queue: the one "slow down" of a
 * burst is sent in its turn, after the chat's earlier replies.
 */
export function telegramFloodControl(
  guard: FloodGuard,
  /** Whether an update would get an answer (a command for this bot, a button, a private message). */
  wantsAnswer: (ctx: Context) => boolean,
): { admit: MiddlewareFn<Context>; answer: MiddlewareFn<Context> } {
  const warned = new WeakSet<Context>();
  return {
    admit: async (ctx, next) => {
      if (!wantsAnswer(ctx)) return next();
      const user = String(ctx.from?.id ?? ctx.chat?.id ?? '');
      switch (guard.check(`telegram:${user}`)) {
        case 'run':
          return next();
        case 'warn':
          warned.add(ctx);
          return next();
        case 'drop':
          return;
      }
    },
    answer: async (ctx, next) => {
      if (!warned.has(ctx)) return next();
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: slowDownText(guard) });
      else if (ctx.chat) {
        const thread = ctx.msg?.is_topic_message ? ctx.msg.message_thread_id : undefined;
        await sendTelegramReply(
          ctx.api,
          String(ctx.chat.id),
          thread ? String(thread) : null,
          reply.text(slowDownText(guard)),
        );
      }
    },
  };
}
