import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply, type Span } from '../src/chat/reply.js';
import type { SourceRecord } from '../src/sources/source-catalog.js';
import type { SourceStatus } from '../src/sources/source-status.js';

/**
 * /sources: every source with where it comes from (the config file, or added in chat by whom), its
 * status, last fetch and last error; then the config sources an operator removed.
 */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'The sources Quotewire reads, with their status',
  options: {},
  async run({ services, caller }) {
    const [sources, hidden] = await Promise.all([services.catalog.list(), services.catalog.hidden()]);
    const blocks = [];
    if (sources.length === 0) {
      blocks.push(paragraph('No sources yet. An operator can add one with /source add <url>.'));
    } else {
      const items: Span[][] = [];
      for (const source of sources) items.push(describe(source, await services.statuses.get(source.id)));
      blocks.push(heading(`Sources (${sources.length})`), list(items));
    }
    if (hidden.length > 0) {
      blocks.push(
        heading(`Removed from the config's list (${hidden.length})`),
        list(
          hidden.map((source) => [
            { text: source.id, bold: true },
            {
              text: ` removed ${source.removedAt.slice(0, 10)}${source.removedBy ? ` by ${source.removedBy}` : ''}: `,
            },
            { text: `/source restore ${source.id}`, code: true },
          ]),
        ),
      );
    }
    if (caller.isOperator) {
      blocks.push(paragraph('Operators: /source add <url>, /source remove <id>, /source restore <id>.'));
    }
    return reply.of(...blocks);
  },
});

function describe(source: SourceRecord, status: SourceStatus): Span[] {
  const state = status.lastError
    ? `failing (${status.consecutiveFailures}x): ${status.lastError}${status.nextAttemptAt ? `; next try ${status.nextAttemptAt}` : ''}`
    : status.lastSuccessAt
      ? `ok, last fetch ${status.lastSuccessAt}, ${status.articlesStored} article(s) stored`
      : 'not fetched yet';
  const problems = status.problems.length
    ? `; ${status.problems.length} file(s) unreadable: ${status.problems.join('; ')}`
    : '';
  const origin =
    source.origin === 'config'
      ? 'config file'
      : `added${source.addedBy ? ` by ${source.addedBy}` : ''}${source.addedAt ? ` ${source.addedAt.slice(0, 10)}` : ''}`;
  return [
    { text: source.id, bold: true },
    { text: ` (${origin}) ${status.title ? `"${status.title}" ` : ''}` },
    /^https?:/.test(source.url) ? { text: source.url, link: source.url } : { text: source.url, code: true },
    { text: ` — ${state}${problems}` },
  ];
}
