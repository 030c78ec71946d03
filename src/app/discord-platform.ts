import { REST } from 'discord.js';
import type { DiscordAdapter, DiscordAdapterOptions } from '../adapters/discord/discord-adapter.js';
import { DiscordDigestSender } from '../adapters/discord/discord-sender.js';
import { PlatformLoginError } from '../adapters/platform-status.js';
import { LeaderLease } from '../cluster/leader-lease.js';
import { SharedRateGate } from '../cluster/shared-rate-gate.js';
import { describeError } from '../kernel/describe-error.js';
import { RECEIVE_LEASE, type ChatPlatform, type PlatformDeps } from './chat-platform.js';

/**
 * Discord. Alone, the instance holds every gateway shard in one client. With instances sharing a
 * Redis store, each shard (`discord.shards`, 1 below 2,500 servers) is held by whichever instance
 * holds its lease, and taken over when that instance goes; every instance delivers digests over REST
 * (no gateway needed), pacing its posts in the bot's shared limits.
 */
export async function createDiscordPlatform(deps: PlatformDeps & { token: string }): Promise<ChatPlatform> {
  const { config, app, logger } = deps;
  // Loaded only when a token is set: discord.js takes about a second to load.
  const { DiscordAdapter } = await import('../adapters/discord/discord-adapter.js');
  const count = config.discord.shards;
  const options = (ids: number[]): DiscordAdapterOptions => ({
    token: deps.token,
    apiUrl: config.endpoints.discordApiUrl,
    applicationId: config.endpoints.discordApplicationId,
    guildId: config.discord.guildId,
    services: app.services,
    store: app.store,
    logger,
    operators: config.discord.operators,
    onStatus: deps.onStatus,
    ...(count > 1 ? { shards: { ids, count } } : {}),
  });
  const started = async (adapter: DiscordAdapter) => {
    try {
      await adapter.start();
    } catch (error) {
      if (error instanceof PlatformLoginError) return deps.onRefused(error.message);
      const why = describeError(error);
      logger.error(`discord: could not start: ${why}`);
      deps.onStatus('down', `could not start: ${why}`);
    }
  };

  if (!app.store.shared) {
    const adapter = new DiscordAdapter(options(Array.from({ length: count }, (_, id) => id)));
    return {
      name: 'discord',
      sender: adapter.sender,
      start: () => started(adapter),
      stop: () => adapter.stop(),
    };
  }

  const rest = new REST(
    config.endpoints.discordApiUrl ? { api: config.endpoints.discordApiUrl } : {},
  ).setToken(deps.token);
  // Discord allows 50 requests/s per bot, and 5 messages per 5 s in one channel.
  const gate = new SharedRateGate(app.store, {
    name: 'discord',
    globalPerSecond: 45,
    perChatPerSecond: 1,
    perGroupPerMinute: 0,
  });
  const holders = new Map<number, DiscordAdapter>();
  const leases = Array.from(
    { length: count },
    (_, id) =>
      new LeaderLease({
        store: app.store,
        name: `discord-shard-${id}-of-${count}`,
        owner: app.instanceId,
        logger,
        options: RECEIVE_LEASE,
        async onAcquired() {
          const adapter = new DiscordAdapter(options([id]));
          holders.set(id, adapter);
          await started(adapter);
        },
        async onLost() {
          await holders.get(id)?.stop();
          holders.delete(id);
        },
      }),
  );
  return {
    name: 'discord',
    sender: new DiscordDigestSender(rest, gate),
    async start() {
      await Promise.all(leases.map((lease) => lease.start()));
    },
    async stop() {
      await Promise.all(leases.map((lease) => lease.stop()));
    },
  };
}
