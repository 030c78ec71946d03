import type { Caller } from '../chat/command-definition.js';
import type { ChatAddress } from './subscription-store.js';

/**
 * Who may change a chat's subscription: anyone in a private chat; in groups the chat's
 * administrators (asked of the platform only when needed) and the bot's operators; in channels
 * whoever can post, since only administrators can.
 */
export async function mayManageSubscription(caller: Caller): Promise<boolean> {
  if (caller.chatType !== 'group') return true;
  if (caller.isOperator) return true;
  const admin = caller.isChatAdmin;
  if (typeof admin === 'function') return admin().catch(() => false);
  return admin === true;
}

/** The polite refusal for group members who are not administrators. */
export const ADMINS_ONLY =
  "Only this group's administrators can change its subscription. Ask one of them; meanwhile anyone can use /digest and /quotes.";

/** The subscription address of the chat (and topic or thread) a command came from; null at the terminal. */
export function chatAddress(caller: Caller): ChatAddress | null {
  if (caller.platform === 'terminal') return null;
  return { platform: caller.platform, chatId: caller.chatId, threadId: caller.threadId ?? null };
}
