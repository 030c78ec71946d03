import type { AnyCommand, Caller } from './command-definition.js';
import type { Translate } from '../i18n/translations.js';

/**
 * Whether the caller may run a command with these options, by the rule the command declares. Chat
 * administrators are asked of the platform only when a command needs it, since that costs a request.
 */
export async function mayRun(
  command: AnyCommand,
  options: Record<string, unknown>,
  caller: Caller,
): Promise<boolean> {
  switch (command.access ?? 'everyone') {
    case 'everyone':
      return true;
    case 'operator':
      return caller.isOperator;
    case 'chat-admin':
      if (command.anyoneMayView && Object.values(options).every((value) => value === undefined)) return true;
      return administers(caller);
  }
}

/** The refusal for a command the caller may not run, saying who may. */
export function refusal(command: AnyCommand, caller: Caller, t: Translate): string {
  if (command.access === 'operator') {
    return caller.platform === 'terminal'
      ? t('access-operators-only', { command: command.name })
      : t('access-operators-only-id', {
          command: command.name,
          platform: caller.platform,
          userId: caller.userId,
        });
  }
  return t('access-admins-only', { action: t(command.adminAction ?? 'admin-action-subscription') });
}

/**
 * Who administers a chat: anyone in a private chat; in groups the chat's administrators and the
 * bot's operators; in channels whoever can post, since only administrators can.
 */
async function administers(caller: Caller): Promise<boolean> {
  if (caller.chatType !== 'group') return true;
  if (caller.isOperator) return true;
  const admin = caller.isChatAdmin;
  if (typeof admin === 'function') return admin().catch(() => false);
  return admin === true;
}
