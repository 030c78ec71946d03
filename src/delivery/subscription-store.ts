import type { Clock } from '../kernel/clock.js';
import type { Collection, Store } from '../store/store.js';
import { subscriptionId, type Subscription, type SubscriptionPlatform } from './subscription.js';

/** What a new subscription starts with (from the config's digest defaults). */
export interface SubscriptionDefaults {
  deliveryTime: string;
  timeZone: string;
  language: string;
}

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

  /** Every subscription, paused ones included. */
  async list(): Promise<Subscription[]> {
    const all: Subscription[] = [];
    for await (const [, subscription] of this.subscriptions.entries()) all.push(subscription);
    return all;
  }

  /**
   * Creates the chat's subscription or updates it; `changes` apply on top of the current settings
   * (or the defaults). Subscribing again resumes a paused subscription. Like every change here, a
   * transaction: two admins (or two instances) changing one chat at once both take effect.
   */
  async subscribe(
    address: ChatAddress,
    changes: Partial<Pick<Subscription, 'topics' | 'deliveryTime' | 'timeZone' | 'language'>> = {},
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
    changes: Partial<Pick<Subscription, 'topics' | 'deliveryTime' | 'timeZone' | 'language'>>,
  ): Subscription {
    const now = this.clock().toISOString();
    return {
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
  async update(
    address: ChatAddress,
    changes: Partial<Pick<Subscription, 'topics' | 'deliveryTime' | 'timeZone' | 'language'>>,
  ): Promise<Subscription | undefined> {
    const id = subscriptionId(address.platform, address.chatId, address.threadId);
    return this.store.transact(async (tx) => {
      const existing = await tx.get<Subscription>('subscriptions', id);
      if (!existing) return undefined;
      const updated = { ...existing, ...changes, updatedAt: this.clock().toISOString() };
      tx.set('subscriptions', id, updated);
      return updated;
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
   * Moves every subscription of a chat to its new id (a Telegram group upgraded to a supergroup).
   * Returns the moved subscriptions under their new ids.
   */
  async moveChat(
    platform: SubscriptionPlatform,
    fromChatId: string,
    toChatId: string,
  ): Promise<Subscription[]> {
    const moved: Subscription[] = [];
    for (const subscription of await this.list()) {
      if (subscription.platform !== platform || subscription.chatId !== fromChatId) continue;
      const next: Subscription = {
        ...subscription,
        id: subscriptionId(platform, toChatId, subscription.threadId),
        chatId: toChatId,
        updatedAt: this.clock().toISOString(),
      };
      // Both in one transaction: never a lost subscription, nor one left under both ids.
      await this.store.transact(async (tx) => {
        tx.set('subscriptions', next.id, next);
        tx.delete('subscriptions', subscription.id);
      });
      moved.push(next);
    }
    return moved;
  }
}
