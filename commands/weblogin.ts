import { defineCommand } from '../src/chat/command-definition.js';
import { paragraph, reply } from '../src/chat/reply.js';
import { WEB_LOGIN_REFUSALS } from '../src/web/login-links.js';

/**
 * /weblogin: a one-time link that logs an operator into the web console, for operators without
 * QUOTEWIRE_WEB_TOKEN. Only in a private chat (or at the terminal): in a group, everyone would see
 * the link.
 */
export const webloginCommand = defineCommand({
  name: 'weblogin',
  description: 'A one-time link to the web console (operators only, in a private chat)',
  access: 'operator',
  options: {},
  async run({ services, caller, t }) {
    if (caller.platform !== 'terminal' && caller.chatType !== 'private') {
      return reply.text(t('weblogin-private-only'));
    }
    const operator = caller.platform === 'terminal' ? 'terminal' : `${caller.platform}:${caller.userId}`;
    const link = await services.web.loginLink(operator);
    if ('refused' in link) return reply.text(t(WEB_LOGIN_REFUSALS[link.refused]));
    services.logger.info(`web: a one-time console link was sent to ${operator}`);
    return reply.of(paragraph(t('weblogin-link')), paragraph({ text: link.url, link: link.url }));
  },
});
