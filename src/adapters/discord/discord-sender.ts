import { Routes, type REST } from 'discord.js';
import type { SendGate } from '../send-gate.js';
import type { DiscordMessage } from './render-discord.js';
import { digestTitle } from '../../delivery/digest-labels.js';
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
 * Daily delivery on Discord: the digest as embeds (renderDiscordDigest), posted to the channel in
 * order with discord.js's REST client, each confirmed message reported to the ledger before the
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
    const messages = renderDiscordDigest(digest, {
      title: digestTitle(target.labels, digest.date, digest.topic),
      quoteOfTheDay: target.labels.quoteOfTheDay,
      empty: target.labels.noStories,
    });
    const channelId = target.threadId ?? target.chatId;
    for (let index = progress.fromPart; index < messages.length; index++) {
      try {
        await this.gate?.acquire(channelId, false);
        await this.rest.post(Routes.channelMessages(channelId), { body: restMessageBody(messages[index]!) });
      } catch (error) {
        return classifyDiscordError(error);
      }
      if (!(await progress.partSent(index, index === messages.length - 1))) return { kind: 'stopped' };
    }
    return { kind: 'sent' };
  }
}
