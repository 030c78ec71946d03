import type { Block, Reply, Span } from './reply.js';
import { isSafeLink } from './reply.js';
import type { Translate } from '../i18n/translations.js';

/**
 * Renders a reply as plain text for the terminal. Control characters from article text are removed
 * so that a hostile title cannot move the cursor or change the terminal's colours. With `t`, the
 * words around the reply (the last line of a paged answer, the lines around a file) are in the
 * chat's language; without, English, as the CLI prints them.
 */
export function renderPlainText(reply: Reply, t?: Translate): string {
  const text = reply.blocks.map(renderBlock).join('\n\n');
  let withFile = text;
  if (reply.file) {
    const name = clean(reply.file.name);
    const start = t ? t('terminal-file-start', { name }) : `--- ${name} ---`;
    const end = t ? t('terminal-file-end', { name }) : `--- end of ${name} ---`;
    withFile = `${text}\n\n${start}\n${clean(reply.file.content).trimEnd()}\n${end}`;
  }
  return reply.more ? `${withFile}\n\n${t ? t('more-hint-terminal') : 'More: type /more'}` : withFile;
}

function renderBlock(block: Block): string {
  switch (block.type) {
    case 'heading':
      return `== ${clean(block.text)} ==`;
    case 'paragraph':
      return renderSpans(block.spans);
    case 'list':
      return block.items.map((item) => `  • ${renderSpans(item)}`).join('\n');
    case 'quote': {
      const attribution = renderSpans(block.attribution);
      return `  “${clean(block.text)}”${attribution ? `\n    — ${attribution}` : ''}`;
    }
  }
}

function renderSpans(spans: Span[]): string {
  return spans
    .map((span) => {
      const text = clean(span.text);
      return isSafeLink(span.link) && span.link !== span.text ? `${text} <${clean(span.link)}>` : text;
    })
    .join('');
}

/** Removes C0/C1 control characters (ANSI escapes included) except newlines and tabs. */
export function clean(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
