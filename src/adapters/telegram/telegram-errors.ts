import { GrammyError, HttpError } from 'grammy';
import { describeError } from '../../kernel/describe-error.js';

/** What a failed Bot API call means for the chat it was sent to. */
export type TelegramFailure =
  /** The chat will not accept messages again: bot blocked or kicked, chat or topic deleted. */
  | { kind: 'gone'; reason: string }
  /** A group became a supergroup with this new id. */
  | { kind: 'moved'; chatId: string }
  /** The HTML was refused; the same words as plain text will go through. */
  | { kind: 'unparsable'; reason: string }
  /** Anything else: worth trying again later. */
  | { kind: 'failed'; reason: string };

/** Classifies an error thrown by a grammY API call. */
export function classifyTelegramError(error: unknown): TelegramFailure {
  if (error instanceof GrammyError) {
    const reason = error.description.replace(/^(Forbidden|Bad Request): /, '');
    if (error.parameters.migrate_to_chat_id !== undefined) {
      return { kind: 'moved', chatId: String(error.parameters.migrate_to_chat_id) };
    }
    if (error.error_code === 403) return { kind: 'gone', reason };
    if (error.error_code === 400) {
      if (/can't parse entities|unsupported start tag|can't find end tag/i.test(error.description)) {
        return { kind: 'unparsable', reason };
      }
      if (
        /chat not found|message thread not found|topic_deleted|have no rights to send|not enough rights/i.test(
          reason,
        )
      ) {
        return { kind: 'gone', reason };
      }
    }
    return { kind: 'failed', reason: `${error.error_code} ${reason}` };
  }
  if (error instanceof HttpError) return { kind: 'failed', reason: `network: ${describeError(error.error)}` };
  return { kind: 'failed', reason: describeError(error) };
}
