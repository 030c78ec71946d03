import { PlatformLoginError } from '../adapters/platform-status.js';
import { LeaderLease } from '../cluster/leader-lease.js';
import { SharedRateGate } from '../cluster/shared-rate-gate.js';
import type { SubscriptionPlatform } from '../delivery/subscription.js';
import { describeError } from '../kernel/describe-error.js';
import { RECEIVE_LEASE, type ChatPlatform, type PlatformDeps } from './chat-platform.js';

/**
 * Telegram. Alone, the instance polls for updates and paces its own sends. With instances sharing a
 * Redis store, they pace sends together (one bot, one set of limits), and in long-polling mode only
 * the holder of a lease polls (two pollers on one token get 409 Conflict); in webhook mode any
 * instance serves any update.
 */
export async function createTelegramPlatform(
  deps: PlatformDeps & {
    token: string;
    onChatMoved(platform: SubscriptionPlatform, from: string, to: string): Promise<unknown>;
  },
): Promise<ChatPlatform> {
  const { config, app, logger } = deps;
  const shared = app.store.shared;
  const leased = shared && config.telegram.mode === 'polling';
  // Loaded only when a token is set: a Discord-only bot skips grammY.
  const { TelegramAdapter } = await import('../adapters/telegram/telegram-adapter.js');
  const adapter = new TelegramAdapter({
    token: deps.token,
    apiRoot: config.endpoints.telegramApiRoot,
    services: app.services,
    store: app.store,
    logger,
    operators: config.telegram.operators,
    limits: config.telegram,
    mode: config.telegram.mode,
    webhook: { ...config.telegram.webhook, secretToken: config.secrets.telegramWebhookSecret },
    onChatMoved: (from, to) => deps.onChatMoved('telegram', from, to),
    onStatus: deps.onStatus,
    ...(shared ? { gate: new SharedRateGate(app.store, { name: 'telegram', ...config.telegram }) } : {}),
    pollOnStart: !leased,
  });
  const lease = leased
    ? new LeaderLease({
        store: app.store,
        name: 'telegram-poller',
        owner: app.instanceId,
        logger,
        options: RECEIVE_LEASE,
        onAcquired: () => adapter.startPolling(),
        onLost: () => adapter.stopPolling(),
      })
    : null;
  return {
    name: 'telegram',
    sender: adapter.sender,
    async start() {
      try {
        await adapter.start();
        await lease?.start();
      } catch (error) {
        if (error instanceof PlatformLoginError) return deps.onRefused(error.message);
        const why = describeError(error);
        logger.error(`telegram: could not start: ${why}`);
        deps.onStatus('down', `could not start: ${why}`);
      }
    },
    async stop() {
      await lease?.stop();
      await adapter.stop();
    },
  };
}
