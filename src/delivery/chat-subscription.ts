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
