import type { AnyCommand, Caller } from '../chat/command-definition.js';
import { mayRun, refusal } from '../chat/command-access.js';
import { renderPlainText } from '../chat/render-text.js';
import type { Services } from '../chat/services.js';

/** Which pages of a long answer to print: one (from 1), or all of them. */
export interface Paging {
  page: number;
  all: boolean;
}

/**
 * A chat command's answer as text for the command line. A chat offers the next page of a long answer
 * with /more or a button, which a one-shot command cannot: here the next page is `--page N`, or
 * `--all` prints every page, so the hint says that. No continuation is stored, since no /more follows.
 * A failure is not turned into a polite reply as in a chat: it reaches main, which exits 1.
 *
 * @example
 * print(await pagedAnswer(quotesCommand, { name: 'pompeo' }, caller, services, { page: 2, all: false }));
 */
export async function pagedAnswer(
  command: AnyCommand,
  options: Record<string, string | number | undefined>,
  caller: Caller,
  services: Services,
  paging: Paging,
): Promise<string> {
  if (!(await mayRun(command, options, caller))) return refusal(command, caller);
  const pages: string[] = [];
  for (let page = paging.page - 1; ; page++) {
    const answer = await command.run({
      options: options as Parameters<AnyCommand['run']>[0]['options'],
      services,
      caller,
      page,
    });
    pages.push(renderPlainText({ blocks: answer.blocks }));
    if (!answer.hasMore) break;
    if (!paging.all) {
      pages.push(`More: --page ${page + 2} for the next page, --all for every page.`);
      break;
    }
  }
  return pages.join('\n\n');
}
