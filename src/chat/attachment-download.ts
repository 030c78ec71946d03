import type { Translate } from '../i18n/translations.js';

/**
 * Why a sent file could not be read, in words a chat can be given in its language (`describe`); the
 * message stays English for the log.
 */
export class AttachmentError extends Error {
  private constructor(
    message: string,
    readonly describe: (t: Translate) => string,
  ) {
    super(message);
    this.name = 'AttachmentError';
  }

  /** The file is larger than a command reads. */
  static tooLarge(maxBytes: number): AttachmentError {
    const kb = Math.round(maxBytes / 1000);
    return new AttachmentError(`the file is larger than ${kb} KB`, (t) => t('attachment-too-large', { kb }));
  }

  /** The platform's file server did not give the file. */
  static notDownloaded(status: number | null): AttachmentError {
    return status === null
      ? new AttachmentError('the platform did not hand over the file; send it again', (t) =>
          t('attachment-not-handed-over'),
        )
      : new AttachmentError(`the file could not be downloaded (HTTP ${status}); send it again`, (t) =>
          t('attachment-not-downloaded', { status }),
        );
  }
}

/**
 * Downloads a file a user sent (from Telegram's file server or Discord's CDN, whose addresses come
 * from the platform itself, not from the user) as text, refusing more than `maxBytes`.
 */
export async function downloadText(url: string, maxBytes: number, timeoutMs = 30_000): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  if (!response.ok || !response.body) {
    throw AttachmentError.notDownloaded(response.status);
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw AttachmentError.tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
