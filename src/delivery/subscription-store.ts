import type { Clock } from '../kernel/clock.js';
import type { Collection, Store, Transaction } from '../store/store.js';
import type { InstantState } from './instant-ledger.js';
import { migrateChat } from './chat-migration.js';
import { subscriptionId, type Subscription, type SubscriptionPlatform } from './subscription.js';

/** What a new subscription starts with (from the config's digest defaults). */
export interface SubscriptionDefaults {
  deliveryTime: string;
  timeZone: string;
  language: string;
}

/** The settings a command may change; the identity and bookkeeping fields stay as they are. */
export type SubscriptionChanges = Partial<
  Omit<Subscription, 'id' | 'platform' | 'chatId' | 'threadId' | 'createdAt' | 'updatedAt' | 'paused'>
>;

/** Where a subscription lives: the chat, and the forum topic or thread inside it if any. */
export interface ChatAddress {
  platform: SubscriptionPlatform;
  chatId: string;
  threadId: string | null;
}

/**
 * Subscriptions, persisted in the store (collection `subscriptions`), so a restart or a second
 * instance sees the same list. Platform-neutral: Telegram and Discord chats live side by side.
 */
export class SubscriptionStore {
  private readonly subscriptions: Collection<Subscription>;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    readonly defaults: SubscriptionDefaults,
  ) {
    this.subscriptions = store.collection<Subscription>('subscriptions');
  }

  async get(address: ChatAddress): Promise<Subscription | undefined> {
    return this.subscriptions.get(subscriptionId(address.platform, address.chatId, address.threadId));
  }

  /**
   * Every subscription, paused ones included. The terminal's record (its filters and follows, see
   * TERMINAL_ADDRESS) is not one: nothing is delivered to it, so delivery and the web console skip it.
   */
  async list(): Promise<Subscription[]> {
    const all: Subscription[] = [];
    for await (const [, subscription] of this.subscriptions.entries()) {
      if (subscription.platform !== 'terminal') all.push(subscription);
    }
    return all;
  }

  /**
   * Creates the chat's subscription or updates it; `changes` apply on top of the current settings
   * (or the defaults). Subscribing again resumes a paused subscription. Like every change here, a
   * transaction: two admins (or two instances) changing one chat at once both take effect.
   */
  async subscribe(
    address: ChatAddress,
    changes: SubscriptionChanges = {},
  ): Promise<{ subscription: Subscription; created: boolean }> {
    const id = subscriptionId(address.platform, address.chatId, address.threadId);
    return this.store.transact(async (tx) => {
      const existing = await tx.get<Subscription>('subscriptions', id);
      const subscription = this.merged(address, existing, changes);
      tx.set('subscriptions', id, subscription);
      return { subscription, created: !existing };
    });
  }

  private merged(
    address: ChatAddress,
    existing: Subscription | undefined,
    changes: SubscriptionChanges,
  ): Subscription {
    const now = this.clock().toISOString();
    return {
      // Subscribing again (to resume, or with new topics) keeps the mode, schedule, filters and follows.
      ...existing,
      id: subscriptionId(address.platform, address.chatId, address.threadId),
      platform: address.platform,
      chatId: address.chatId,
      threadId: address.threadId,
      topics: existing?.topics ?? [],
      deliveryTime: existing?.deliveryTime ?? this.defaults.deliveryTime,
      timeZone: existing?.timeZone ?? this.defaults.timeZone,
      language: existing?.language ?? this.defaults.language,
      createdAt: existing?.createdAt ?? now,
      ...changes,
      paused: null,
      updatedAt: now,
    };
  }

  /** Changes settings of an existing subscription; undefined when the chat has none. */
  async update(address: ChatAddress, changes: SubscriptionChanges): Promise<Subscription | undefined> {
    const id = subscriptionId(address.platform, address.chatId, address.threadId);
    return this.store.transact(async (tx) => {
      const existing = await tx.get<Subscription>('subscriptions', id);
      if (!existing) return undefined;
      const updated = { ...existing, ...changes, updatedAt: this.clock().toISOString() };
      tx.set('subscriptions', id, updated);
      return updated;
    });
  }

  /**
   * Changes settings from what they are now, in one transaction: `change` sees the current
   * subscription and returns the changes (or a result to pass back untouched as `refused`), so two
   * admins adding filters at once both keep theirs. Undefined when the chat has no subscription.
   */
  async modify<R>(
    address: ChatAddress,
    change: (current: Subscription) => { changes: SubscriptionChanges } | { refused: R },
  ): Promise<{ subscription: Subscription; refused?: R } | undefined> {
    const id = subscriptionId(address.platform, address.chatId, address.threadId);
    return this.store.transact(async (tx) => {
      const existing = await tx.get<Subscription>('subscriptions', id);
      if (!existing) return undefined;
      const outcome = change(existing);
      if ('refused' in outcome) return { subscription: existing, refused: outcome.refused };
      const updated = { ...existing, ...outcome.changes, updatedAt: this.clock().toISOString() };
      tx.set('subscriptions', id, updated);
      return { subscription: updated };
    });
  }

  async unsubscribe(address: ChatAddress): Promise<boolean> {
    return this.subscriptions.delete(subscriptionId(address.platform, address.chatId, address.threadId));
  }

  /** Stops deliveries to a chat the platform says is gone, keeping the settings and why. */
  async pause(id: string, reason: string): Promise<void> {
    await this.store.transact(async (tx) => {
      const existing = await tx.get<Subscription>('subscriptions', id);
      if (!existing) return;
      const at = this.clock().toISOString();
      tx.set('subscriptions', id, { ...existing, paused: { reason, at }, updatedAt: at });
    });
  }

  /**
   * Pauses every subscription of a chat (each of its forum topics too): the bot was removed from it
   * or blocked there. Settings are kept, so {@link resumeChat} brings them back as they were.
   * Returns those paused now.
   */
  async pauseChat(platform: SubscriptionPlatform, chatId: string, reason: string): Promise<Subscription[]> {
    return this.changeChat(platform, chatId, (subscription, at) =>
      subscription.paused ? null : { ...subscription, paused: { reason, at }, updatedAt: at },
    );
  }

  /** Resumes every paused subscription of a chat (the bot is back in it); returns those resumed. */
  async resumeChat(platform: SubscriptionPlatform, chatId: string): Promise<Subscription[]> {
    return this.changeChat(platform, chatId, (subscription, at) =>
      subscription.paused ? { ...subscription, paused: null, updatedAt: at } : null,
    );
  }

  /** Applies `change` to each subscription of a chat, one transaction each; null leaves one as it is. */
  private async changeChat(
    platform: SubscriptionPlatform,
    chatId: string,
    change: (subscription: Subscription, at: string) => Subscription | null,
  ): Promise<Subscription[]> {
    const changed: Subscription[] = [];
    for (const listed of await this.list()) {
      if (listed.platform !== platform || listed.chatId !== chatId) continue;
      const next = await this.store.transact(async (tx) => {
        const current = await tx.get<Subscription>('subscriptions', listed.id);
        const updated = current ? change(current, this.clock().toISOString()) : null;
        if (updated) tx.set('subscriptions', listed.id, updated);
        return updated;
      });
      if (next) changed.push(next);
    }
    return changed;
  }

  /**
   * A subscription whose forum topic or thread is gone becomes the chat's own (General on
   * Telegram, the parent channel on Discord). When the chat already has one, that one stays and
   * the topic's is removed (`merged`). Returns the chat's subscription, or undefined when `id` is
   * not (or no longer) a topic's subscription. What instant posts the topic had goes with it, so
   * none is posted again in the chat.
   */
  async moveToChat(id: string): Promise<{ subscription: Subscription; merged: boolean } | undefined> {
    return this.store.transact(async (tx) => {
      const topic = await tx.get<Subscription>('subscriptions', id);
      if (!topic?.threadId) return undefined;
      const chatId = subscriptionId(topic.platform, topic.chatId, null);
      const existing = await tx.get<Subscription>('subscriptions', chatId);
      tx.delete('subscriptions', id);
      await moveInstantState(tx, id, chatId);
      if (existing) return { subscription: existing, merged: true };
      const subscription: Subscription = {
        ...topic,
        id: chatId,
        threadId: null,
        updatedAt: this.clock().toISOString(),
      };
      tx.set('subscriptions', chatId, subscription);
      return { subscription, merged: false };
    });
  }

  /**
   * Moves every subscription of a chat to its new id (a Telegram group upgraded to a supergroup),
   * with everything else kept under the old id: see {@link migrateChat}. Returns the chat's
   * subscriptions under the new id.
   */
  async moveChat(
    platform: SubscriptionPlatform,
    fromChatId: string,
    toChatId: string,
  ): Promise<Subscription[]> {
    return (await migrateChat(this.store, this.clock(), platform, fromChatId, toChatId)).subscriptions;
  }
}

/**
 * A topic's instant-posting state becomes its chat's: all of it when the chat had none, else only
 * what was posted (the chat's own batch and timing stay).
 */
async function moveInstantState(tx: Transaction, fromId: string, toId: string): Promise<void> {
  const state = await tx.get<InstantState>('instant-state', fromId);
  if (!state) return;
  tx.delete('instant-state', fromId);
  const existing = await tx.get<InstantState>('instant-state', toId);
  tx.set(
    'instant-state',
    toId,
    existing
      ? { ...existing, posted: { ...state.posted, ...existing.posted } }
      : { ...state, subscriptionId: toId, batch: null },
  );
}
