import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { exportOpml } from '../src/sources/opml-import.js';
import { chatKey, isGlobal } from '../src/sources/source-catalog.js';

/** /export: this chat's own sources (at the terminal: those of every chat) as an OPML file. */
export const exportCommand = defineCommand({
  name: 'export',
  description: "This chat's sources as an OPML file, for other feed readers",
  slow: true,
  options: {},
  async run({ services, caller, t }) {
    const chat = caller.platform === 'terminal' ? null : chatKey(caller.platform, caller.chatId);
    const all = chat
      ? await services.chatSources.ofChat(chat)
      : (await services.catalog.list()).filter(isGlobal);
    // OPML lists feed addresses: local files and folders (the terminal operator's) have none to give.
    const sources = all.filter((source) => /^https?:/i.test(source.url));
    if (sources.length === 0) {
      return reply.text(chat ? t('export-none-chat') : t('export-none'));
    }
    // The file's own title, which feed readers show as the name of what was imported.
    const title = chat ? t('export-file-title-chat', { chat }) : t('export-file-title');
    const content = await exportOpml(title, sources, services.statuses, services.clock());
    return reply.withFile(t('export-done', { count: sources.length }), {
      name: 'quotewire-sources.opml',
      mimeType: 'text/x-opml',
      content,
    });
  },
});
