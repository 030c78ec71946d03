import type { Caller } from '../chat/command-definition.js';
import type { ChatAddress } from './subscription-store.js';

/** The subscription address of the chat (and topic or thread) a command came from; null at the terminal. */
export function chatAddress(caller: Caller): ChatAddress | null {
  if (caller.platform === 'terminal') return null;
  return { platform: caller.platform, chatId: caller.chatId, threadId: caller.threadId ?? null };
}
