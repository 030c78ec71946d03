import type { Caller } from '../chat/command-definition.js';
import type { Reply } from '../chat/reply.js';
import type { Translate } from '../i18n/translations.js';
import { chatAddress } from './chat-address.js';
import type { Subscription } from './subscription.js';
import type { ChatAddress, SubscriptionStore } from './subscription-store.js';
import { noSubscriptionsHere, notSubscribed } from './subscription-reply.js';

/**
 * The subscription of the chat a command came from, or the reply that says why there is none (the
 * terminal has no subscriptions; a chat may not have subscribed): the start of every command that
 * changes or shows a chat's subscription.
 */
export async function chatSubscription(
  subscriptions: SubscriptionStore,
  caller: Caller,
  t: Translate,
): Promise<{ address: ChatAddress; current: Subscription } | { refusal: Reply }> {
  const address = chatAddress(caller);
  if (!address) return { refusal: noSubscriptionsHere(t) };
  const current = await subscriptions.get(address);
  return current ? { address, current } : { refusal: notSubscribed(t) };
}

/**
 * Where the terminal keeps its filters and follows: a record like a chat's subscription that is
 * never delivered to (SubscriptionStore.list leaves it out), so /digest at the terminal can apply the
 * filters and /following show the follows' quotes.
 */
export const TERMINAL_ADDRESS: ChatAddress = { platform: 'terminal', chatId: 'terminal', threadId: null };

/**
 * The record /filter and /follow change: a chat's subscription (or why there is none), and at the
 * terminal its own record, made on first use since the terminal cannot /subscribe.
 */
export async function chatPreferences(
  subscriptions: SubscriptionStore,
  caller: Caller,
  t: Translate,
): Promise<{ address: ChatAddress; current: Subscription } | { refusal: Reply }> {
  if (caller.platform !== 'terminal') return chatSubscription(subscriptions, caller, t);
  const current =
    (await subscriptions.get(TERMINAL_ADDRESS)) ??
    (await subscriptions.subscribe(TERMINAL_ADDRESS)).subscription;
  return { address: TERMINAL_ADDRESS, current };
}

/**
 * The record holding the settings of the chat a command came from (the terminal's own at the
 * terminal), without creating one: /digest reads its filters and image setting from it.
 */
export async function callerSubscription(
  subscriptions: SubscriptionStore,
  caller: Caller,
): Promise<Subscription | undefined> {
  return subscriptions.get(chatAddress(caller) ?? TERMINAL_ADDRESS);
}
