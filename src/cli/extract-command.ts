import { resolve } from 'node:path';
import type { Article } from '../articles/article.js';
import { buildArticle } from '../ingest/article-builder.js';
import { createFetcherFromConfig } from '../app/container.js';
import { analyzeInThisThread } from '../ingest/text-analysis.js';
import { createStderrLogger } from '../kernel/logger.js';
import type { AppConfig } from '../config/load-config.js';
import { describeError } from '../kernel/describe-error.js';
import { SourceReader, type SourceReading } from '../sources/source-reader.js';
import { completeTeasers } from '../sources/teaser-completer.js';
import type { CliArguments } from './arguments.js';
import { complain, print } from './output.js';

/**
 * `quotewire extract <path-or-url>...`: every input's articles, in input order, as JSON or for people.
 * A failing input (or a file of a folder that cannot be read) is reported on stderr and makes the
 * exit code 1; the others are still printed.
 */
export async function runExtractCommand(config: AppConfig, args: CliArguments): Promise<number> {
  const fetcher = createFetcherFromConfig(config);
  const reader = new SourceReader(fetcher.fetch, {
    maxItemsPerFeed: config.polling.maxItemsPerFeed,
    maxFileBytes: config.polling.maxBytes,
  });
  const logger = createStderrLogger({ quiet: true });
  const sentences = args.sentences ?? config.summarizer.sentences;
  const articles: Article[] = [];
  let failed = 0;
  try {
    for (const input of args.positionals) {
      try {
        const location = /^(https?|file):\/\//i.test(input) ? input : resolve(input);
        const reading = await reader.read(location);
        // A file of a folder that cannot be read is a failed input too, though its neighbours are printed.
        for (const problem of reading.problems) complain(`${input}: ${problem}`);
        if (reading.problems.length > 0) failed++;
        // A feed that is fine but empty is no failure; it is said, so that no output is explained.
        else if (reading.drafts.length === 0) complain(`${input}: ${nothingRead(reading)}`);
        const drafts = await completeTeasers(
          reading.drafts,
          reader,
          {
            enabled: config.polling.completeTeasers,
            teaserMaxWords: config.polling.teaserMaxWords,
            maxFetches: config.polling.maxTeaserFetchesPerPoll,
          },
          logger,
        );
        for (const draft of drafts) {
          articles.push(
            await buildArticle(draft, analyzeInThisThread, {
              sentences,
              maxArticleChars: config.limits.maxArticleChars,
            }),
          );
        }
      } catch (error) {
        failed++;
        const message = describeError(error);
        complain(message.startsWith(input) ? message : `${input}: ${message}`);
      }
    }
  } finally {
    await fetcher.close();
  }
  // Nothing read prints nothing (not an empty line): stderr has already said why.
  if (args.json) print(JSON.stringify({ articles }, null, 2));
  else if (articles.length > 0) print(articles.map(formatArticle).join('\n\n'));
  return failed > 0 ? 1 : 0;
}

/** What to say of an input that was read without trouble and held nothing. */
function nothingRead(reading: SourceReading): string {
  if (reading.kind !== 'feed') return 'nothing to read there';
  return `the feed${reading.title ? ` "${reading.title}"` : ''} has no items yet`;
}

function formatArticle(article: Article): string {
  const lines = [
    `# ${article.title}`,
    [article.source, article.byline, article.published, article.url].filter(Boolean).join(' | '),
    '',
    'Summary:',
    ...article.summary.map((sentence) => `  - ${sentence}`),
  ];
  if (article.quotes.length) {
    lines.push('', 'Quotes:');
    for (const quote of article.quotes) lines.push(`  “${quote.text}” — ${quote.speaker ?? 'unattributed'}`);
  }
  return lines.join('\n');
}
