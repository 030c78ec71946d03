import { defineCommand } from '../src/chat/command-definition.js';
import { heading, list, paragraph, reply, type Span } from '../src/chat/reply.js';

/** /sources: every source with its status, last fetch and last error. */
export const sourcesCommand = defineCommand({
  name: 'sources',
  description: 'The sources Quotewire reads, with their status',
  options: {},
  async run({ services }) {
    const sources = await services.catalog.list();
    if (sources.length === 0) {
      return reply.text('No sources yet. An operator can add one with /source add <url>.');
    }
    const items: Span[][] = [];
    for (const source of sources) {
      const status = await services.statuses.get(source.id);
      const state = status.lastError
        ? `failing (${status.consecutiveFailures}x): ${status.lastError}${status.nextAttemptAt ? `; next try ${status.nextAttemptAt}` : ''}`
        : status.lastSuccessAt
          ? `ok, last fetch ${status.lastSuccessAt}, ${status.articlesStored} article(s) stored`
          : 'not fetched yet';
      const problems = status.problems.length
        ? `; ${status.problems.length} file(s) unreadable: ${status.problems.join('; ')}`
        : '';
      items.push([
        { text: source.id, bold: true },
        { text: ` ${status.title ? `"${status.title}" ` : ''}` },
        /^https?:/.test(source.url)
          ? { text: source.url, link: source.url }
          : { text: source.url, code: true },
        { text: ` — ${state}${problems}` },
      ]);
    }
    return reply.of(
      heading(`Sources (${sources.length})`),
      list(items),
      paragraph('Operators: /source add <url>, /source remove <id>.'),
    );
  },
});
