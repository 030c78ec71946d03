import { DiscordAPIError, Routes, type REST } from 'discord.js';
import type { SendGate } from '../send-gate.js';
import { noMentions, type DiscordMessage } from './render-discord.js';
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
export function restMessageBody(message: DiscordMessage): Record<string, unknown> {
  return {
    ...(message.content !== undefined ? { content: message.content } : {}),
    ...(message.embeds ? { embeds: message.embeds } : {}),
    allowed_mentions: { parse: [] },
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
        empty: labels.noStories,
        sources: labels.sources,
        moreStories: labels.moreStories,
      },
      { images: target.images },
    );
    let channelId = target.threadId ?? target.chatId;
    let topicGone: string | undefined;
    const post = async (channel: string, message: DiscordMessage) => {
      await this.gate?.acquire(channel, false);
      await this.rest.post(Routes.channelMessages(channel), { body: restMessageBody(message) });
    };
    for (let index = progress.fromPart; index < messages.length; index++) {
      try {
        try {
          await post(channelId, messages[index]!);
        } catch (error) {
          // The thread was deleted: the digest goes on in its channel, after one notice there.
          if (channelId === target.chatId || !isUnknownChannel(error)) throw error;
          topicGone = (error as DiscordAPIError).message;
          channelId = target.chatId;
          await post(channelId, {
            content: `*${escapeMarkdown(labels.threadGone)}*`,
            allowedMentions: noMentions(),
          });
          await post(channelId, messages[index]!);
        }
      } catch (error) {
        const outcome = classifyDiscordError(error);
        return topicGone ? { ...outcome, topicGone } : outcome;
      }
      if (!(await progress.partSent(index, index === messages.length - 1))) {
        return topicGone ? { kind: 'stopped', topicGone } : { kind: 'stopped' };
      }
    }
    return topicGone ? { kind: 'sent', topicGone } : { kind: 'sent' };
  }
}

/** Discord's "Unknown Channel": the thread (or channel) no longer exists. */
function isUnknownChannel(error: unknown): boolean {
  return error instanceof DiscordAPIError && error.code === 10003;
}
