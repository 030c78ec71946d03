import { DiscordAPIError, MessageFlags, Routes, type REST } from 'discord.js';
import type { SendGate } from '../send-gate.js';
import { noMentions, renderDiscordMessages, type DiscordMessage } from './render-discord.js';
import type { Reply } from '../../chat/reply.js';
import { capLine, DISPLAY_LIMITS } from '../../chat/display-limits.js';
import { escapeMarkdown } from './discord-markdown.js';
import type {
  DeliveryTarget,
  DigestSender,
  SendOutcome,
  SendProgress,
} from '../../delivery/digest-sender.js';
import type { Digest } from '../../digest/digest.js';
import { renderDiscordDigest } from './discord-digest.js';
import { classifyDiscordError } from './discord-errors.js';

/** A rendered message as Discord's REST API takes it (snake_case, unlike discord.js's options). */
export function restMessageBody(message: DiscordMessage, silent = false): Record<string, unknown> {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    ...(message.embeds ? { embeds: message.embeds } : {}),
    allowed_mentions: { parse: [] },
    // What "@silent" does in the Discord client.
    ...(silent ? { flags: MessageFlags.SuppressNotifications } : {}),
  };
}

/**
 * Daily delivery on Discord: the digest as embeds (renderDiscordDigest), posted to the channel (or
 * the thread it was subscribed in; a deleted thread's digest goes to its channel) in order with discord.js's REST client, each confirmed message reported to the ledger before the
 * next. The REST client queues requests per route and waits out 429s, so rate limits cost time,
 * never a message. It needs no gateway connection: a reconnect during a fan-out changes nothing.
 */
export class DiscordDigestSender implements DigestSender {
  readonly platform = 'discord' as const;

  /**
   * With a `gate` (several instances sharing a store), every channel post also waits its turn in the
   * bot's shared limits, since discord.js's queue knows only this process's requests.
   */
  constructor(
    private readonly rest: REST,
    private readonly gate?: SendGate,
  ) {}

  async send(target: DeliveryTarget, digest: Digest, progress: SendProgress): Promise<SendOutcome> {
    const { labels } = target;
    const messages = renderDiscordDigest(
      digest,
      {
        title: labels.title(digest.date, digest.topic && capLine(digest.topic, DISPLAY_LIMITS.name)),
        quoteOfTheDay: labels.quoteOfTheDay,
        empty: labels.emptyText(digest),
        sources: labels.sources,
        moreStories: labels.moreStories,
      },
      { images: target.images },
    );
    const route: ThreadRoute = { channelId: target.threadId ?? target.chatId };
    for (let index = progress.fromPart; index < messages.length; index++) {
      try {
        await this.sendPart(target, route, messages[index]!);
      } catch (error) {
        return withTopicGone(classifyDiscordError(error), route);
      }
      if (!(await progress.partSent(index, index === messages.length - 1))) {
        return withTopicGone({ kind: 'stopped' }, route);
      }
    }
    return withTopicGone({ kind: 'sent' }, route);
  }

  async post(target: DeliveryTarget, post: Reply): Promise<SendOutcome> {
    const route: ThreadRoute = { channelId: target.threadId ?? target.chatId };
    try {
      for (const message of renderDiscordMessages(post)) await this.sendPart(target, route, message);
    } catch (error) {
      return withTopicGone(classifyDiscordError(error), route);
    }
    return withTopicGone({ kind: 'sent' }, route);
  }

  /** One message into the route's channel; a deleted thread's goes to its channel, after one notice there. */
  private async sendPart(target: DeliveryTarget, route: ThreadRoute, message: DiscordMessage): Promise<void> {
    const post = async (channel: string, body: DiscordMessage) => {
      await this.gate?.acquire(channel, false);
      await this.rest.post(Routes.channelMessages(channel), { body: restMessageBody(body, target.silent) });
    };
    try {
      await post(route.channelId, message);
    } catch (error) {
      if (route.channelId === target.chatId || !isUnknownChannel(error)) throw error;
      route.topicGone = (error as DiscordAPIError).message;
      route.channelId = target.chatId;
      await post(route.channelId, {
        content: `*${escapeMarkdown(target.labels.threadGone)}*`,
        allowedMentions: noMentions(),
      });
      await post(route.channelId, message);
    }
  }
}

/** Where a delivery's messages go now: the target's thread, or its channel once the thread has gone. */
interface ThreadRoute {
  channelId: string;
  /** Discord's words for the thread's error, once it has gone. */
  topicGone?: string;
}

/** The outcome, saying so when the thread had gone on the way. */
function withTopicGone(outcome: SendOutcome, route: ThreadRoute): SendOutcome {
  return route.topicGone ? { ...outcome, topicGone: route.topicGone } : outcome;
}

/** Discord's "Unknown Channel": the thread (or channel) no longer exists. */
function isUnknownChannel(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === 10003;
}
