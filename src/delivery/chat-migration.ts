/**
 * A chat that gets a new id (a Telegram group upgraded to a supergroup: Telegram says so with
 * `migrate_to_chat_id` in the old chat, `migrate_from_chat_id` in the new one, and in the 400 of any
 * send to the old id). Everything the store keeps under the old id moves to the new one, in one
 * transaction: the subscriptions (each forum topic's too, with their settings, filters and follows),
 * their instant-posting state, today's finished digest records, the chat's language and the chat's
 * own sources. Platform-neutral: the adapter only detects the move.
 *
 * Safe to run again and from several instances at once: what it moves is read inside the
 * transaction, so the second run (a repeated update, the other service message, another instance)
 * finds nothing left under the old id and changes nothing. Where the new id already has something
 * of its own (an admin subscribed in the supergroup first), that is kept and the old copy dropped.
 */
import { chatIndexKey, chatKey, type SourceRecord } from '../sources/source-catalog.js';
import type { Store, Transaction } from '../store/store.js';
import { DELIVERY_RECORD_TTL_MS, deliveryRecordKey, type DeliveryRecord } from './delivery-ledger.js';
import { dueSlot, localDay } from './delivery-schedule.js';
import type { InstantState } from './instant-ledger.js';
import { subscriptionId, type Subscription, type SubscriptionPlatform } from './subscription.js';

/** What a move carried over to the new id. */
export interface ChatMigration {
  /** The chat's subscriptions under the new id (those it already had there included). */
  subscriptions: Subscription[];
  /** The chat's own sources that now list the new id. */
  sources: number;
  /** Whether the chat's stored language moved. */
  language: boolean;
}

/** Moves everything kept under `platform:fromChatId` to `platform:toChatId`; see the file comment. */
export async function migrateChat(
  store: Store,
  now: Date,
  platform: SubscriptionPlatform,
  fromChatId: string,
  toChatId: string,
): Promise<ChatMigration> {
  if (fromChatId === toChatId) return { subscriptions: [], sources: 0, language: false };
  // Only finding the chat's subscriptions needs a scan; each is read again inside the transaction.
  const candidates: string[] = [];
  for await (const [id, subscription] of store.collection<Subscription>('subscriptions').entries()) {
    if (subscription.platform === platform && subscription.chatId === fromChatId) candidates.push(id);
  }
  return store.transact(async (tx) => {
    const subscriptions: Subscription[] = [];
    for (const id of candidates) {
      const moved = await moveSubscription(tx, id, toChatId, now);
      if (moved) subscriptions.push(moved);
    }
    const from = chatKey(platform, fromChatId);
    const to = chatKey(platform, toChatId);
    return {
      subscriptions,
      sources: await moveChatSources(tx, from, to),
      language: await moveDocument(tx, 'chat-settings', from, to),
    };
  });
}

async function moveSubscription(
  tx: Transaction,
  id: string,
  toChatId: string,
  now: Date,
): Promise<Subscription | undefined> {
  const current = await tx.get<Subscription>('subscriptions', id);
  if (!current) return undefined;
  const nextId = subscriptionId(current.platform, toChatId, current.threadId);
  tx.delete('subscriptions', id);
  const existing = await tx.get<Subscription>('subscriptions', nextId);
  if (existing) return existing;
  const next: Subscription = { ...current, id: nextId, chatId: toChatId, updatedAt: now.toISOString() };
  tx.set('subscriptions', nextId, next);
  // What instant posts the chat had moves with it, so none is posted again; a batch in flight is
  // resumed under the new id.
  const instant = await tx.get<InstantState>('instant-state', id);
  if (instant) {
    tx.delete('instant-state', id);
    if (!(await tx.get<InstantState>('instant-state', nextId))) {
      tx.set('instant-state', nextId, { ...instant, subscriptionId: nextId });
    }
  }
  // A digest already sent today is not sent again to the new id. Anything else (in flight, failed,
  // skipped because the chat moved) stays behind: the new id gets its digest.
  const days = new Set([dueSlot(current, now)?.slot ?? '', localDay(now, current.timeZone)]);
  for (const day of days) {
    if (!day) continue;
    const record = await tx.get<DeliveryRecord>('deliveries', deliveryRecordKey(id, day));
    if (record?.state !== 'sent') continue;
    const key = deliveryRecordKey(nextId, day);
    if (!(await tx.get<DeliveryRecord>('deliveries', key))) {
      tx.set('deliveries', key, { ...record, subscriptionId: nextId }, DELIVERY_RECORD_TTL_MS);
    }
  }
  return next;
}

/** The chat's own sources: each record's list of chats, and the chat's index (which holds its quota). */
async function moveChatSources(tx: Transaction, from: string, to: string): Promise<number> {
  const ids = await tx.get<string[]>('source-chats', chatIndexKey(from));
  if (!ids) return 0;
  const already = (await tx.get<string[]>('source-chats', chatIndexKey(to))) ?? [];
  let moved = 0;
  for (const id of ids) {
    const source = await tx.get<SourceRecord>('sources', id);
    if (!source?.chats?.includes(from)) continue;
    const chats = [...new Set(source.chats.map((chat) => (chat === from ? to : chat)))];
    tx.set('sources', id, { ...source, chats });
    moved++;
  }
  tx.set('source-chats', chatIndexKey(to), [...new Set([...already, ...ids])]);
  tx.delete('source-chats', chatIndexKey(from));
  return moved;
}

/** Moves one document to a new key unless one is there already; whether there was one to move. */
async function moveDocument(
  tx: Transaction,
  name: 'chat-settings',
  from: string,
  to: string,
): Promise<boolean> {
  const value = await tx.get<unknown>(name, from);
  if (value === undefined) return false;
  tx.delete(name, from);
  if ((await tx.get<unknown>(name, to)) === undefined) tx.set(name, to, value);
  return true;
}
