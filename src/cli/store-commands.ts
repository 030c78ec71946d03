import { createApp, type App } from '../app/container.js';
import { createStderrLogger } from '../kernel/logger.js';
import { renderPlainText } from '../chat/render-text.js';
import type { AppConfig } from '../config/load-config.js';
import { digestReply } from '../digest/digest-reply.js';
import { quotesCommand } from '../../commands/quotes.js';
import { sourcesCommand } from '../../commands/sources.js';
import type { CliArguments } from './arguments.js';
import { complain, print } from './output.js';
import { StoreError } from '../store/store.js';
import { pagedAnswer } from './paged-answer.js';
import { readFile } from 'node:fs/promises';
import { describeError } from '../kernel/describe-error.js';
import { exportOpml, importOpml, importReply, type ImportReport } from '../sources/opml-import.js';
import { OpmlError } from '../sources/opml.js';
import { isGlobal } from '../sources/source-catalog.js';

const CLI_CALLER = { platform: 'terminal', chatId: 'cli', userId: 'local', isOperator: true } as const;

/** Opens the app for one answer from the store, and always closes it. */
async function withApp(config: AppConfig, work: (app: App) => Promise<number>): Promise<number> {
  const app = await createApp(config, { logger: createStderrLogger({ quiet: true }) });
  try {
    return await work(app);
  } finally {
    await app.close();
  }
}

/** `quotewire digest [--since 24h] [--topic T] [--json]` */
export function runDigestCommand(config: AppConfig, args: CliArguments): Promise<number> {
  return withApp(config, async ({ services }) => {
    const digest = await services.digests.build(services.clock(), {
      topic: args.topic,
      windowHours: args.sinceHours ?? undefined,
    });
    // The command line speaks the bot's default language (the config's digest.language).
    const t = services.i18n.translator(services.languages.defaultLanguage);
    print(args.json ? JSON.stringify(digest, null, 2) : renderPlainText(digestReply(digest, t)));
    return 0;
  });
}

/**
 * `quotewire quotes <name> [words...] [--page N | --all] [--json]`: the chat's answer as text, a page
 * at a time (or all of them), or for scripts one JSON
 * object: `{query, words, speakers, corrected, suggestions, total, truncated, searchedOnly, quotes}`, quotes newest
 * first (see the README's Quotes section).
 */
export function runQuotesCommand(config: AppConfig, args: CliArguments): Promise<number> {
  return withApp(config, async ({ services }) => {
    const [name = '', ...rest] = args.positionals;
    const words = rest.join(' ') || undefined;
    if (!args.json) {
      print(await pagedAnswer(quotesCommand, { name, words }, CLI_CALLER, services, args));
      return 0;
    }
    // At most 1,000 quotes, newest first; `total` and `truncated` say when there are more.
    const result = await services.quotes.search(name, { words, limit: 1000 });
    const found = result.kind === 'found' ? result : null;
    type Listed = { name: string; kind: string; count: number; lastAt: string; aliases: string[] };
    const speakers = (list: readonly Listed[]) =>
      list.map(({ name: speaker, kind, count, lastAt, aliases }) => ({
        name: speaker,
        kind,
        count,
        lastAt,
        aliases,
      }));
    print(
      JSON.stringify(
        {
          query: name,
          words: found?.words ?? [],
          speakers: speakers(found?.speakers ?? []),
          corrected: found?.corrected ?? null,
          suggestions: speakers(result.kind === 'unknown' ? result.suggestions : []),
          // null when a word filter stopped the count at the first 1,000 matches.
          total: found ? found.total : 0,
          truncated: found?.hasMore ?? false,
          // With words, how many of the newest quotes were searched when not all of them were.
          searchedOnly: found?.searchedOnly ?? null,
          quotes: found?.hits ?? [],
        },
        null,
        2,
      ),
    );
    return 0;
  });
}

/** `quotewire sources [import <file.opml> | export] [--json]` */
export function runSourcesCommand(config: AppConfig, args: CliArguments): Promise<number> {
  const [action, file] = args.positionals;
  if (action === 'import') return runSourcesImport(config, file!, args);
  return withApp(config, async ({ services }) => {
    if (action === 'export') {
      const sources = (await services.catalog.list()).filter(isGlobal);
      print((await exportOpml('Quotewire sources', sources, services.statuses, services.clock())).trimEnd());
      return 0;
    }
    if (!args.json) {
      // The whole list: a list of sources has no reason to be read a page at a time here.
      print(await pagedAnswer(sourcesCommand, {}, CLI_CALLER, services, { page: 1, all: true }));
      return 0;
    }
    const sources = await services.catalog.list();
    const withStatus = await Promise.all(
      sources.map(async (source) => ({ ...source, status: await services.statuses.get(source.id) })),
    );
    print(JSON.stringify({ sources: withStatus }, null, 2));
    return 0;
  });
}

/** `quotewire poll`: every source once, now; exit code 1 when any failed. */
export function runPollCommand(config: AppConfig, _args: CliArguments): Promise<number> {
  return withApp(config, async ({ services }) => {
    const outcomes = await services.poller.pollAll({ force: true });
    for (const outcome of outcomes) {
      print(
        `${outcome.sourceId}: ${outcome.result}${outcome.newArticles ? `, ${outcome.newArticles} new` : ''}${outcome.error ? `: ${outcome.error}` : ''}`,
      );
    }
    return outcomes.some((outcome) => outcome.result === 'failed') ? 1 : 0;
  });
}

/**
 * `quotewire health`: exit 0 when this host's service beat recently and every part it runs (store,
 * each platform, scheduler, polling) is up; one line per part either way (the container health check).
 */
export async function runHealthCommand(config: AppConfig, _args: CliArguments): Promise<number> {
  try {
    return await withApp(config, async ({ heartbeat }) => {
      const report = await heartbeat.check();
      print(
        [report.healthy ? 'healthy' : 'unhealthy', ...report.lines.map((line) => `  ${line}`)].join('\n'),
      );
      return report.healthy ? 0 : 1;
    });
  } catch (error) {
    // A health check answers 0 or 1 (Docker reserves 2): a store it cannot read is unhealthy.
    if (!(error instanceof StoreError)) throw error;
    print(`unhealthy\n  store: ${error.message}`);
    return 1;
  }
}

/**
 * `quotewire sources import <file.opml>`: each feed checked and added for every chat; the report as
 * text (or JSON); exit code 1 when any feed was refused or the file is not OPML.
 */
async function runSourcesImport(config: AppConfig, file: string, args: CliArguments): Promise<number> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    complain(`cannot read ${file}: ${readProblem(error)}`);
    return 1;
  }
  return withApp(config, async ({ services }) => {
    let report: ImportReport;
    try {
      report = await importOpml(text, (url) =>
        services.admission.add(url, { id: 'cli', mayAddLocalFiles: false }),
      );
    } catch (error) {
      if (!(error instanceof OpmlError)) throw error;
      complain(`${file}: ${error.message}`);
      return 1;
    }
    print(
      args.json
        ? JSON.stringify(report, null, 2)
        : renderPlainText(importReply(report, services.i18n.translator(services.languages.defaultLanguage))),
    );
    return report.refused.length > 0 ? 1 : 0;
  });
}

/** Why a file named on the command line cannot be read, in words rather than Node's error text. */
function readProblem(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
    case 'ENOENT':
      return 'no such file; check the path';
    case 'EISDIR':
      return 'it is a folder; give the .opml file your feed reader exported';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    default:
      return describeError(error);
  }
}
