import type { Context } from 'grammy';
import type { Caller } from '../../chat/command-definition.js';

/**
 * The neutral Caller for an update: who, in which chat and forum topic, and whether they administer
 * that chat. The admin check costs a getChatMember request, so it is only made when a command asks,
 * and at most once per update.
 */
export function telegramCaller(ctx: Context, operators: ReadonlySet<string>): Caller | null {
  const chat = ctx.chat;
  if (!chat) return null;
  const message = ctx.msg;
  const chatType = chat.type === 'private' ? 'private' : chat.type === 'channel' ? 'channel' : 'group';
  const userId = String(ctx.from?.id ?? chat.id);
  let admin: Promise<boolean> | null = null;
  return {
    platform: 'telegram',
    chatId: String(chat.id),
    userId,
    isOperator: ctx.from !== undefined && operators.has(userId),
    threadId:
      message?.is_topic_message && message.message_thread_id ? String(message.message_thread_id) : null,
    chatType,
    // The sender's app language: it chooses the chat's language on first contact.
    locale: ctx.from?.language_code ?? null,
    isChatAdmin:
      chatType !== 'group'
        ? true
        : () => {
            admin ??= isAdmin(ctx);
            return admin;
          },
  };
}

async function isAdmin(ctx: Context): Promise<boolean> {
  const chat = ctx.chat!;
  // An anonymous administrator posts as the group itself.
  if (ctx.msg?.sender_chat?.id === chat.id) return true;
  if (!ctx.from) return false;
  const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
  return member.status === 'creator' || member.status === 'administrator';
}
