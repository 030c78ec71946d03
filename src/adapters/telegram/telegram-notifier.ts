import type { Api } from 'grammy';
import type { Notifier } from '../../sources/source-notices.js';
import { sendTelegramReply } from './telegram-sender.js';

/**
 * Source notices on Telegram: to a chat, or to each operator in private (a user's id is their
 * private chat's id; an operator who never started the bot cannot be written to, and is skipped).
 */
export function telegramNotifier(api: Api, operators: readonly string[]): Notifier {
  return {
    platform: 'telegram',
    toChat: (chatId, message) => sendTelegramReply(api, chatId, null, message),
    async toOperators(message) {
      let told = 0;
      for (const operator of operators) {
        await sendTelegramReply(api, operator, null, message).then(
          () => told++,
          () => undefined,
        );
      }
      return told;
    },
  };
}
