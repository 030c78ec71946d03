/**
 * The Discord adapter on discord.js: one gateway Client that receives interactions (slash
 * commands, autocomplete, "More" buttons) and hands them to the shared command runner, the slash
 * commands registered from `commands/` when they changed, and `sender`, Discord's half of daily
 * delivery (REST only). Discord's rate limits are left to discord.js's REST queue.
 */
import {
  Client,
  DiscordjsError,
  DiscordjsErrorCodes,
  Events,
  GatewayIntentBits,
  Routes,
  type Guild,
} from 'discord.js';
import type { Logger } from '../../kernel/logger.js';
import type { Services } from '../../chat/services.js';
import { describeError } from '../../kernel/describe-error.js';
import type { Store } from '../../store/store.js';
import {
  pause,
  PlatformLoginError,
  reconnectDelayMs,
  type PlatformStatusListener,
} from '../platform-status.js';
import { syncDiscordCommands } from './discord-command-sync.js';
import { DEFAULT_FLOOD_LIMITS, FloodGuard, type FloodLimits } from '../../chat/flood-guard.js';
import type { Clock } from '../../kernel/clock.js';
import { discordInteractionHandler } from './discord-interactions.js';
import { DiscordDigestSender, restMessageBody } from './discord-sender.js';
import { escapeMarkdown } from './discord-markdown.js';
import { noMentions } from './render-discord.js';
import { chatKey } from '../../sources/source-catalog.js';
import type { Subscription } from '../../delivery/subscription.js';
import { PAUSE_REASONS } from '../../delivery/pause-reasons.js';

/** Everything the adapter needs, from the config and the composition root. */
export interface DiscordAdapterOptions {
  token: string;
  /** REST base such as `https://discord.com/api` (a proxy, or a test fake); null for Discord's. */
  apiUrl: string | null;
  /** The application's id; null to take it from the gateway's READY. */
  applicationId: string | null;
  /** Register the commands in this guild only (instant, for testing); null for everywhere. */
  guildId: string | null;
  services: Services;
  store: Store;
  logger: Logger;
  /** Discord user ids that may run operator commands. */
  operators: readonly string[];
  /** See InteractionDeps.deferAfterMs. */
  deferAfterMs?: number;
  /** Hears when the gateway connection is up, down (and why), for health and the service's decisions. */
  onStatus?: PlatformStatusListener;
  /** The per-user rate limit on commands; {@link DEFAULT_FLOOD_LIMITS} when not given. */
  floodLimits?: FloodLimits;
  clock?: Clock;
  /** How long stop() lets interactions in progress finish. */
  drainMs?: number;
  /** The gateway shards this client holds, of how many; one shard (all servers) when not given. */
  shards?: { ids: number[]; count: number };
}

/** Interactions in progress get this long to finish at stop (the process allows 20 s in all). */
const DRAIN_MS = 10_000;

/** The refusal of a token, with where to get a good one. */
export const DISCORD_TOKEN_REFUSED =
  'Discord refused the bot token: check DISCORD_TOKEN (Developer Portal → your application → Bot → Reset Token)';

/**
 * Quotewire on Discord (see the file comment): built by the composition root (src/app) only when a
 * Discord token is configured, so that a Telegram-only bot never loads discord.js. start() logs in
 * and syncs the slash commands (a refused token rejects with a PlatformLoginError), stop() waits
 * for interactions in progress, and `sender` delivers digests over REST.
 */
export class DiscordAdapter {
  readonly client: Client;
  readonly sender: DiscordDigestSender;
  private readonly abort = new AbortController();
  private readonly status: PlatformStatusListener;
  /** Interactions being handled; stop() waits for them before the store may close. */
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(private readonly options: DiscordAdapterOptions) {
    // Interactions reach a bot whatever its intents; Guilds gives the channel cache and guild count.
    this.client = new Client({
      intents: [GatewayIntentBits.Guilds],
      ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
      ...(options.shards ? { shards: options.shards.ids, shardCount: options.shards.count } : {}),
    });
    const handle = discordInteractionHandler({
      services: options.services,
      logger: options.logger,
      operators: new Set(options.operators),
      flood: new FloodGuard(options.floodLimits ?? DEFAULT_FLOOD_LIMITS, options.clock),
      stopping: () => this.stopping,
      ...(options.deferAfterMs !== undefined ? { deferAfterMs: options.deferAfterMs } : {}),
    });
    this.client.on(Events.InteractionCreate, (interaction) => {
      const work = handle(interaction).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    });
    this.status = options.onStatus ?? (() => undefined);
    this.client.on(Events.Error, (error) => options.logger.error(`discord: ${describeError(error)}`));
    // discord.js reconnects by itself; these say so in the log and in health.
    this.client.on(Events.ShardDisconnect, (event) => {
      options.logger.warn(`discord: gateway connection closed (code ${event.code}); reconnecting`);
      this.status('down', `gateway connection closed (code ${event.code}); reconnecting`);
    });
    this.client.on(Events.ShardResume, () => {
      options.logger.info('discord: gateway session resumed');
      this.status('up', null);
    });
    this.client.on(Events.ShardReady, () => this.status('up', null));
    // Removed from a server, or a channel deleted: its subscriptions pause (kept, no delivery
    // attempted); back in the server, they resume. (An outage is GuildUnavailable, not GuildDelete.)
    const membership = (work: Promise<unknown>, what: string) =>
      void work.catch((error: unknown) =>
        options.logger.warn(`discord: ${what} failed: ${describeError(error)}`),
      );
    // discord.js forgets a server's channels before it emits GuildDelete: note them from the raw
    // event, which comes first.
    const leaving = new Map<string, string[]>();
    this.client.on(Events.Raw, (packet: { t?: string; d?: { id?: string; unavailable?: boolean } }) => {
      if (packet.t !== 'GUILD_DELETE' || !packet.d?.id || packet.d.unavailable) return;
      const guild = this.client.guilds.cache.get(packet.d.id);
      if (guild) leaving.set(guild.id, [...guild.channels.cache.keys()]);
    });
    this.client.on(Events.GuildDelete, (guild) => {
      const channels = leaving.get(guild.id) ?? [];
      leaving.delete(guild.id);
      membership(
        this.pauseChannels(channels, PAUSE_REASONS.removedFromServer.text),
        `pausing server ${guild.id}`,
      );
    });
    this.client.on(Events.ChannelDelete, (channel) => {
      membership(
        this.pauseChannels([channel.id], PAUSE_REASONS.channelDeleted.text),
        `pausing channel ${channel.id}`,
      );
    });
    this.client.on(Events.GuildCreate, (guild) => {
      membership(this.joined(guild), `resuming server ${guild.id}`);
    });
    this.sender = new DiscordDigestSender(this.client.rest);
  }

  /**
   * Added to a server (GuildCreate comes only for a server joined while connected; one back from an
   * outage is GuildAvailable): the paused subscriptions of its channels resume, and each of those
   * channels is welcomed back in its language, as Telegram's my_chat_member does; a server new to
   * the bot is greeted in its system channel, in the server's language.
   */
  private async joined(guild: Guild): Promise<void> {
    const { services, logger } = this.options;
    const resumed: Subscription[] = [];
    for (const id of guild.channels.cache.keys()) {
      resumed.push(...(await services.subscriptions.resumeChat('discord', id)));
    }
    if (resumed.length) {
      logger.info(`discord: back in server ${guild.id}; ${resumed.length} subscription(s) resumed`);
    }
    const greetings = resumed.length
      ? [...new Set(resumed.map((subscription) => subscription.chatId))].map((channelId) => ({
          channelId,
          key: 'welcome-back' as const,
        }))
      : guild.systemChannelId
        ? [{ channelId: guild.systemChannelId, key: 'welcome-new' as const }]
        : [];
    for (const { channelId, key } of greetings) {
      const language = resumed.length
        ? await services.languages.ofChat(chatKey('discord', channelId))
        : services.languages.guess(guild.preferredLocale);
      const text = escapeMarkdown(services.i18n.translator(language)(key));
      try {
        await this.client.rest.post(Routes.channelMessages(channelId), {
          body: restMessageBody({ content: text, allowedMentions: noMentions() }),
        });
      } catch (error) {
        // A channel may take the digest's embeds yet not this bot's messages now; resumed anyway.
        logger.info(`discord: could not greet channel ${channelId}: ${describeError(error)}`);
      }
    }
  }

  private async pauseChannels(channelIds: readonly string[], reason: string): Promise<void> {
    let count = 0;
    for (const id of channelIds) {
      count += (await this.options.services.subscriptions.pauseChat('discord', id, reason)).length;
    }
    if (count) this.options.logger.info(`discord: ${count} subscription(s) paused: ${reason}`);
  }

  /** The application id in use (from the config, else from READY); null before start(). */
  get applicationId(): string | null {
    return this.options.applicationId ?? this.client.application?.id ?? null;
  }

  /**
   * Logs in (again with growing pauses while Discord cannot be reached, until stop()) and waits for
   * the gateway's READY (every guild received), then registers the slash commands if they changed.
   * Rejects with a {@link PlatformLoginError} when Discord refuses the token.
   */
  async start(): Promise<void> {
    const { logger } = this.options;
    this.status('starting', 'connecting to Discord');
    if (!(await this.connect())) return;
    const applicationId = this.applicationId!;
    try {
      const registered = await syncDiscordCommands(
        this.client.rest,
        { applicationId, guildId: this.options.guildId },
        this.options.services.commands,
        this.options.store,
        this.options.services.i18n,
      );
      if (registered) {
        logger.info(
          `discord: slash commands registered ${this.options.guildId ? 'in the guild' : 'globally'}`,
        );
      }
    } catch (error) {
      logger.warn(
        `discord: registering the slash commands failed (${describeError(error)}); run "quotewire deploy-commands" to retry`,
      );
    }
    logger.info(`discord: ${this.client.user?.tag} ready in ${this.client.guilds.cache.size} server(s)`);
  }

  /**
   * Lets the interactions in progress finish (within a grace period; one arriving meanwhile is told
   * Quotewire is restarting, as Discord never delivers an interaction twice), then closes the gateway
   * connection. Once it resolves, nothing of this adapter touches the store. Safe to call at any
   * point, also while start() is connecting.
   */
  async stop(): Promise<void> {
    this.abort.abort();
    this.stopping = true;
    const deadline = Date.now() + (this.options.drainMs ?? DRAIN_MS);
    while (this.inFlight.size > 0 && Date.now() < deadline) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.allSettled([...this.inFlight]),
        new Promise((resolve) => (timer = setTimeout(resolve, deadline - Date.now()))),
      ]);
      clearTimeout(timer);
    }
    if (this.inFlight.size > 0) {
      this.options.logger.warn(`discord: stopped with ${this.inFlight.size} interaction(s) still running`);
    }
    await this.client.destroy();
  }

  /** Logs in until READY: false when stopped meanwhile. */
  private async connect(): Promise<boolean> {
    const { signal } = this.abort;
    for (let attempt = 0; ; attempt++) {
      const ready = new Promise<void>((resolve) => this.client.once(Events.ClientReady, () => resolve()));
      try {
        await Promise.all([this.client.login(this.options.token), ready]);
        return true;
      } catch (error) {
        if (signal.aborted) return false;
        if (error instanceof DiscordjsError && error.code === DiscordjsErrorCodes.TokenInvalid) {
          this.status('down', DISCORD_TOKEN_REFUSED);
          throw new PlatformLoginError(DISCORD_TOKEN_REFUSED);
        }
        const delay = reconnectDelayMs(attempt);
        const why = networkCause(error);
        this.status('down', `cannot reach Discord: ${why}`);
        this.options.logger.warn(
          `discord: cannot reach Discord (${why}); trying again in ${Math.round(delay / 1000)} s`,
        );
        await pause(delay, signal);
        if (signal.aborted) return false;
      }
    }
  }
}

/** "ENOTFOUND discord.com", "ECONNREFUSED": the network cause under undici's "fetch failed". */
function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | undefined)?.cause;
  return cause?.code ? `${cause.code}: ${describeError(error)}` : describeError(error);
}
