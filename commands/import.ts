import { readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { AttachmentError } from '../src/chat/attachment-download.js';
import { defineCommand } from '../src/chat/command-definition.js';
import { reply } from '../src/chat/reply.js';
import { describeError } from '../src/kernel/describe-error.js';
import { problemText } from '../src/i18n/problem-text.js';
import { problem } from '../src/sources/source-problem.js';
import { importOpml, importReply, notOpmlReply } from '../src/sources/opml-import.js';
import { OpmlError } from '../src/sources/opml.js';
import { chatKey } from '../src/sources/source-catalog.js';

/** Larger than any reader's export of a thousand feeds. */
const MAX_OPML_BYTES = 1_000_000;

/**
 * /import: an OPML file of feeds (exported from Feedly, Miniflux, FreshRSS…) becomes this chat's own
 * sources, each checked as /source add checks it. On Telegram the file is sent with /import as its
 * caption; on Discord it is attached to /import; at the terminal, /import <path> imports it for every
 * chat.
 */
export const importCommand = defineCommand({
  name: 'import',
  description: "Import an OPML file of feeds as this chat's sources (send the file with /import)",
  access: 'chat-admin',
  adminAction: 'admin-action-sources',
  slow: true,
  options: {
    file: { type: 'attachment', description: 'the .opml file (at the terminal: its path)' },
  },
  async run({ options, services, caller, t }) {
    let text: string;
    try {
      if (caller.attachment) {
        text = await caller.attachment.read(MAX_OPML_BYTES);
      } else if (caller.platform === 'terminal' && options.file) {
        const path = resolve(options.file);
        if ((await stat(path)).size > MAX_OPML_BYTES) {
          return reply.text(
            t('import-nothing', { reason: t('import-path-too-large', { path, kb: MAX_OPML_BYTES / 1000 }) }),
          );
        }
        text = await readFile(path, 'utf8');
      } else {
        return reply.text(caller.platform === 'terminal' ? t('import-give-path') : t('import-send-file'));
      }
    } catch (error) {
      const reason =
        error instanceof AttachmentError
          ? error.describe(t)
          : (error as NodeJS.ErrnoException).code === 'ENOENT' && options.file
            ? problemText(problem('no-file', { path: resolve(options.file) }), t)
            : describeError(error);
      return reply.text(t('import-nothing', { reason }));
    }
    const adder = `${caller.platform}:${caller.userId}`;
    try {
      const report =
        caller.platform === 'terminal'
          ? await importOpml(text, (url) =>
              services.admission.add(url, { id: adder, mayAddLocalFiles: false }),
            )
          : await importOpml(text, (url) =>
              services.admission.addForChat(
                url,
                chatKey(caller.platform, caller.chatId),
                adder,
                services.config.chatSources.maxPerChat,
              ),
            );
      return importReply(report, t);
    } catch (error) {
      if (error instanceof OpmlError) return notOpmlReply(error, t);
      throw error;
    }
  },
});
