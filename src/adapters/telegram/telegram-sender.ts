import { GrammyError, InputFile, type Api } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import { escapeHtml, renderTelegram, type TelegramMessage } from './render-telegram.js';
import type { Reply } from '../../chat/reply.js';
import type {
  DeliveryTarget,
  DigestSender,
  SendOutcome,
  SendProgress,
} from '../../delivery/digest-sender.js';
import type { Digest } from '../../digest/digest.js';
import type { Reply as NeutralReply } from '../../chat/reply.js';
import { classifyTelegramError } from './telegram-errors.js';
import { renderDigestTelegram } from './telegram-digest.js';

/** The "More" button under the last message of a paged answer; the token fits callback data's 64 bytes. */
export function moreButton(more: { token: string; label?: string }): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: more.label ?? 'More ›', callback_data: `more:${more.token}` }]] };
}

/**
 * Sends one message as HTML; if Telegram cannot parse it, sends the same words as plain text
 * (a rendering bug must cost formatting, never the message). Other errors are thrown.
 */
export async function sendTelegramMessage(
  api: Api,
  chatId: string,
  threadId: string | null,
  message: TelegramMessage,
  replyMarkup?: InlineKeyboardMarkup,
  silent = false,
): Promise<Message.TextMessage> {
  const common = {
    ...(threadId ? { message_thread_id: Number(threadId) } : {}),
    ...(silent ? { disable_notification: true } : {}),
    ...(replyMarkup ? { reply_markup: replyMarkup } : {}),
    link_preview_options: { is_disabled: true },
  };
  try {
    return await api.sendMessage(chatId, message.html, { ...common, parse_mode: 'HTML' });
  } catch (error) {
    if (classifyTelegramError(error).kind !== 'unparsable') throw error;
    return api.sendMessage(chatId, message.plain, common);
  }
}

/**
 * Sends a photo with its HTML caption. When Telegram cannot use the image (a 400 such as "wrong file
 * identifier/HTTP URL specified" or "failed to get HTTP URL content"), the caption goes out as a
 * text message instead: a bad image must cost the picture, never the story. A refused caption is
 * sent as plain text the same way. Other errors (chat gone, network) are thrown.
 */
export async function sendTelegramPhoto(
  api: Api,
  chatId: string,
  threadId: string | null,
  message: TelegramMessage & { photo: string },
  silent = false,
): Promise<Message> {
  try {
    return await api.sendPhoto(chatId, message.photo, {
      caption: message.html,
      parse_mode: 'HTML',
      ...(threadId ? { message_thread_id: Number(threadId) } : {}),
      ...(silent ? { disable_notification: true } : {}),
    });
  } catch (error) {
    const failure = classifyTelegramError(error);
    // A group may forbid photos yet take text: that is no reason to pause its subscription.
    const badImage =
      error instanceof GrammyError &&
      error.error_code === 400 &&
      (failure.kind === 'failed' || /send (?:photos|media)/i.test(error.description));
    if (!badImage && failure.kind !== 'unparsable') throw error;
    return sendTelegramMessage(
      api,
      chatId,
      threadId,
      { html: message.html, plain: message.plain },
      undefined,
      silent,
    );
  }
}

/** A message or a photo, whichever the rendered message is. */
export function sendTelegramPart(
  api: Api,
  chatId: string,
  threadId: string | null,
  message: TelegramMessage,
  silent = false,
): Promise<Message> {
  return message.photo
    ? sendTelegramPhoto(api, chatId, threadId, { ...message, photo: message.photo }, silent)
    : sendTelegramMessage(api, chatId, threadId, message, undefined, silent);
}

/**
 * Sends a command's reply, paged with a "More" button when the runner stored a next page; a reply
 * with an image (a /digest) starts with it as a photo.
 */
export async function sendTelegramReply(
  api: Api,
  chatId: string,
  threadId: string | null,
  reply: Reply,
): Promise<void> {
  const messages = renderTelegram(reply);
  for (const [index, message] of messages.entries()) {
    const last = index === messages.length - 1;
    if (message.photo) {
      await sendTelegramPhoto(api, chatId, threadId, { ...message, photo: message.photo });
      continue;
    }
    await sendTelegramMessage(
      api,
      chatId,
      threadId,
      message,
      last && reply.more ? moreButton(reply.more) : undefined,
    );
  }
  if (reply.file) {
    await api.sendDocument(chatId, new InputFile(Buffer.from(reply.file.content, 'utf8'), reply.file.name), {
      ...(threadId ? { message_thread_id: Number(threadId) } : {}),
    });
  }
}

/**
 * Daily delivery on Telegram: the digest rendered as HTML messages (the first a photo when the chat
 * has images on), sent in order, each confirmed message reported to the ledger before the next goes
 * out. The platform's answer decides the outcome: 403 pauses the subscription, migrate_to_chat_id
 * moves it, anything else is retried later. A deleted forum topic ("message thread not found")
 * sends the digest to the chat's General instead, after one notice there, and reports it so that
 * the subscription moves to General for good.
 */
export class TelegramDigestSender implements DigestSender {
  readonly platform = 'telegram' as const;

  constructor(private readonly api: Api) {}

  async send(target: DeliveryTarget, digest: Digest, progress: SendProgress): Promise<SendOutcome> {
    const messages = renderDigestTelegram(digest, target.labels, { images: target.images });
    const route: TopicRoute = { threadId: target.threadId };
    for (let index = progress.fromPart; index < messages.length; index++) {
      try {
        await this.sendPart(target, route, messages[index]!);
      } catch (error) {
        return failedOutcome(error, route);
      }
      if (!(await progress.partSent(index, index === messages.length - 1))) {
        return route.topicGone ? { kind: 'stopped', topicGone: route.topicGone } : { kind: 'stopped' };
      }
    }
    return route.topicGone ? { kind: 'sent', topicGone: route.topicGone } : { kind: 'sent' };
  }

  async post(target: DeliveryTarget, post: NeutralReply): Promise<SendOutcome> {
    const route: TopicRoute = { threadId: target.threadId };
    try {
      for (const message of renderTelegram(post)) await this.sendPart(target, route, message);
    } catch (error) {
      return failedOutcome(error, route);
    }
    return route.topicGone ? { kind: 'sent', topicGone: route.topicGone } : { kind: 'sent' };
  }

  /**
   * One message into the target's topic; when that topic has gone, a notice in General and the
   * message there, reporting the topic's error so that the subscription moves to General for good.
   */
  private async sendPart(target: DeliveryTarget, route: TopicRoute, message: TelegramMessage): Promise<void> {
    try {
      await sendTelegramPart(this.api, target.chatId, route.threadId, message, target.silent);
    } catch (error) {
      if (!route.threadId || !isTopicGone(error)) throw error;
      route.topicGone = (error as GrammyError).description;
      route.threadId = null;
      await sendTelegramMessage(
        this.api,
        target.chatId,
        null,
        { html: `<i>${escapeHtml(target.labels.topicGone)}</i>`, plain: target.labels.topicGone },
        undefined,
        target.silent,
      );
      await sendTelegramPart(this.api, target.chatId, null, message, target.silent);
    }
  }
}

/** Where a delivery's messages go now: the target's topic, or General once that topic has gone. */
interface TopicRoute {
  threadId: string | null;
  /** Telegram's description of the topic's error, once it has gone. */
  topicGone?: string;
}

/** A failed send as an outcome, saying so when the topic had gone before it. */
function failedOutcome(error: unknown, route: TopicRoute): SendOutcome {
  const failure = classifyTelegramError(error);
  if (failure.kind === 'unparsable') return { kind: 'failed', reason: failure.reason };
  return failure.kind === 'failed' && route.topicGone ? { ...failure, topicGone: route.topicGone } : failure;
}

/** A forum topic that was deleted (or never existed): the chat itself is still there. */
function isTopicGone(error: unknown): boolean {
  return (
    error instanceof GrammyError &&
    error.error_code === 400 &&
    /message thread not found|topic_deleted|TOPIC_ID_INVALID/i.test(error.description)
  );
}
