import type { Api } from 'grammy';
import type { InlineKeyboardMarkup, Message } from 'grammy/types';
import { renderTelegram, type TelegramMessage } from './render-telegram.js';
import type { Reply } from '../../chat/reply.js';
import type {
  DeliveryTarget,
  DigestSender,
  SendOutcome,
  SendProgress,
} from '../../delivery/digest-sender.js';
import type { Digest } from '../../digest/digest.js';
import { classifyTelegramError } from './telegram-errors.js';
import { renderDigestTelegram } from './telegram-digest.js';

/** The "More" button under the last message of a paged answer; the token fits callback data's 64 bytes. */
export function moreButton(token: string): InlineKeyboardMarkup {
  return { inline_keyboard: [[{ text: 'More ›', callback_data: `more:${token}` }]] };
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
): Promise<Message.TextMessage> {
  const common = {
    ...(threadId ? { message_thread_id: Number(threadId) } : {}),
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

/** Sends a command's reply, paged with a "More" button when the runner stored a next page. */
export async function sendTelegramReply(
  api: Api,
  chatId: string,
  threadId: string | null,
  reply: Reply,
): Promise<void> {
  const messages = renderTelegram(reply);
  for (const [index, message] of messages.entries()) {
    const last = index === messages.length - 1;
    await sendTelegramMessage(
      api,
      chatId,
      threadId,
      message,
      last && reply.more ? moreButton(reply.more.token) : undefined,
    );
  }
}

/**
 * Daily delivery on Telegram: the digest rendered as HTML messages, sent in order, each confirmed
 * message reported to the ledger before the next goes out. The platform's answer decides the
 * outcome: 403 pauses the subscription, migrate_to_chat_id moves it, anything else is retried later.
 */
export class TelegramDigestSender implements DigestSender {
  readonly platform = 'telegram' as const;

  constructor(private readonly api: Api) {}

  async send(target: DeliveryTarget, digest: Digest, progress: SendProgress): Promise<SendOutcome> {
    const messages = renderDigestTelegram(digest, target.labels);
    for (let index = progress.fromPart; index < messages.length; index++) {
      try {
        await sendTelegramMessage(this.api, target.chatId, target.threadId, messages[index]!);
      } catch (error) {
        const failure = classifyTelegramError(error);
        return failure.kind === 'unparsable' ? { kind: 'failed', reason: failure.reason } : failure;
      }
      if (!(await progress.partSent(index, index === messages.length - 1))) return { kind: 'stopped' };
    }
    return { kind: 'sent' };
  }
}
