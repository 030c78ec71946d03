import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { packageRoot } from '../kernel/package-root.js';
import { crossCheck, duplicateSources } from './config-checks.js';
import { describeIssues } from './config-problems.js';
import { configSchema, sourceSchema, type QuotewireConfig } from './config-schema.js';
import { readEnvironment } from './environment.js';

/** Secrets and deployment switches, read from the environment and nowhere else. */
export interface Secrets {
  telegramBotToken: string | null;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header in webhook mode. */
  telegramWebhookSecret: string | null;
  discordToken: string | null;
  openaiApiKey: string | null;
  /** QUOTEWIRE_WEB_TOKEN: the web console's login token; null means one-time links only. */
  webToken: string | null;
}

/** Where the platforms' APIs are: their public defaults, or a self-hosted server or proxy. */
export interface Endpoints {
  /** TELEGRAM_API_ROOT, e.g. a self-hosted Bot API server; null means Telegram's. */
  telegramApiRoot: string | null;
  /** DISCORD_API_URL, e.g. a REST proxy; null means Discord's. */
  discordApiUrl: string | null;
  /** DISCORD_APPLICATION_ID; found from the token's application when null. */
  discordApplicationId: string | null;
  /** summarizer.openai.baseURL, else OPENAI_BASE_URL; null means the openai package's default. */
  openaiBaseUrl: string | null;
}

/** The validated configuration with every path made absolute, plus the secrets. */
export interface AppConfig extends QuotewireConfig {
  /** The file this configuration was read from. */
  configFile: string;
  secrets: Secrets;
  endpoints: Endpoints;
  /** QUOTEWIRE_DEBUG: show the stack trace of an unexpected error. */
  debug: boolean;
}

/** A configuration problem; its message lists every bad key and variable, and what each expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The bundled sample configuration, used when neither --config nor QUOTEWIRE_CONFIG names one. */
export function defaultConfigFile(): string {
  return resolve(packageRoot(), 'config', 'quotewire.yaml');
}

/**
 * Reads, validates and resolves the configuration once, at start: the file, every environment
 * variable, and the settings that depend on each other. All problems are reported in one
 * ConfigError, one line each. `env` is passed in (normally `process.env`) so that this is the only
 * module that looks at the environment.
 */
export function loadConfig(options: { file?: string | null; env: NodeJS.ProcessEnv }): AppConfig {
  const { values: environment, problems: environmentProblems } = readEnvironment(options.env);
  const named = options.file ?? environment.QUOTEWIRE_CONFIG ?? null;
  const file = resolve(named ?? defaultConfigFile());
  const data = readConfigFile(
    file,
    options.file ? '--config' : named ? 'QUOTEWIRE_CONFIG' : null,
    environmentProblems,
  );
  const parsed = configSchema.safeParse(data);
  const baseDir = dirname(file);
  // Checked one by one, so that duplicates show even when another key is wrong.
  const sources = listAt(data, 'sources').map((item) => {
    const source = sourceSchema.safeParse(item);
    return source.success ? { ...source.data, url: resolveSourceLocation(source.data.url, baseDir) } : null;
  });
  const config = parsed.success
    ? { ...parsed.data, sources: sources.filter((source) => source !== null) }
    : null;
  const problems = [
    ...(parsed.success ? [] : describeIssues(configSchema, data, parsed.error.issues)),
    ...duplicateSources(sources),
    ...environmentProblems,
    ...(config ? crossCheck(config, environment) : []),
  ];
  if (!config || problems.length > 0)
    throw new ConfigError(problemList(file, problems, environmentProblems.length));
  return {
    ...config,
    configFile: file,
    store: { url: resolveStoreUrl(environment.QUOTEWIRE_STORE ?? config.store.url, baseDir) },
    secrets: {
      telegramBotToken: environment.TELEGRAM_BOT_TOKEN ?? null,
      telegramWebhookSecret: environment.TELEGRAM_WEBHOOK_SECRET ?? null,
      discordToken: environment.DISCORD_TOKEN ?? null,
      openaiApiKey: environment.OPENAI_API_KEY ?? null,
      webToken: environment.QUOTEWIRE_WEB_TOKEN ?? null,
    },
    endpoints: {
      telegramApiRoot: environment.TELEGRAM_API_ROOT?.replace(/\/+$/, '') ?? null,
      discordApiUrl: environment.DISCORD_API_URL?.replace(/\/+$/, '') ?? null,
      discordApplicationId: environment.DISCORD_APPLICATION_ID ?? null,
      openaiBaseUrl: config.summarizer.openai.baseURL ?? environment.OPENAI_BASE_URL ?? null,
    },
    debug: environment.debug,
  };
}

/**
 * The file's YAML as data. A file that cannot be read or parsed is one problem, reported together
 * with the environment's, since nothing else can be checked without it.
 */
function readConfigFile(file: string, namedBy: string | null, environmentProblems: string[]): unknown {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    const fix = namedBy
      ? `check the path given to ${namedBy}`
      : 'pass --config <file> or set QUOTEWIRE_CONFIG';
    const problem = `cannot read the config file ${file}: ${why}; ${fix} (config/quotewire.yaml is the documented sample)`;
    throw new ConfigError(withOthers(problem, environmentProblems));
  }
  try {
    return withSourcesWritten(withoutEmptySections(parseYaml(raw) ?? {}));
  } catch (error) {
    const line = error instanceof YAMLParseError && error.linePos ? error.linePos[0].line : null;
    const where = line === null ? '' : ` (line ${line})`;
    // The parser's first line ends "…at line 2, column 18:" before the excerpt it leaves out.
    const what = (error instanceof Error ? error.message.split('\n')[0]! : String(error)).replace(
      /:\s*$/,
      '',
    );
    const hint = line !== null && startsWithStar(raw.split('\n')[line - 1]) ? starHint : '';
    throw new ConfigError(
      withOthers(`${file} is not valid YAML${where}: ${what}${hint}`, environmentProblems),
    );
  }
}

/** A cron schedule left unquoted: YAML reads a value that starts with `*` as an alias, and fails. */
function startsWithStar(line: string | undefined): boolean {
  return line !== undefined && /^\s*(?:-\s*)?(?:[\w.-]+\s*:\s*)?\*/.test(line);
}

const starHint = '; a value that starts with * (a cron schedule) must be in quotes: schedule: "*/15 * * * *"';

/**
 * A section whose keys are all commented out (`polling:` followed by `#   schedule: ...`) is null in
 * YAML; it means "the defaults", as the whole file commented out does, so it is dropped rather than
 * refused as "null is not allowed".
 */
function withoutEmptySections(data: unknown): unknown {
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return data;
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== null));
}

/**
 * A source written as its bare URL or path (`- https://example.com/feed`, as most feed readers' lists
 * are) is read as `{ url: … }`, so that it is checked, and any problem named, like the long form.
 */
function withSourcesWritten(data: unknown): unknown {
  const sources = listAt(data, 'sources');
  if (!sources.some((source) => typeof source === 'string')) return data;
  const written = sources.map((source) => (typeof source === 'string' ? { url: source } : source));
  return { ...(data as Record<string, unknown>), sources: written };
}

function listAt(data: unknown, key: string): unknown[] {
  const value =
    data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

function withOthers(problem: string, others: string[]): string {
  return others.length ? problemList(null, [problem, ...others], others.length) : problem;
}

/**
 * One problem is one line (`<file>: <problem>`); more are `<file> has 2 problems:` and an indented
 * line each. The environment is named when some come from it.
 */
function problemList(file: string | null, problems: string[], fromEnvironment: number): string {
  if (problems.length === 1) {
    const [problem] = problems as [string];
    return file === null || fromEnvironment === 1 ? problem : `${file}: ${problem}`;
  }
  const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
  const where =
    fromEnvironment === problems.length
      ? `the environment has ${count}`
      : file === null
        ? `the configuration has ${count}`
        : fromEnvironment > 0
          ? `${file} and the environment have ${count}`
          : `${file} has ${count}`;
  return `${where}:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`;
}

/** http(s) and file URLs stay as they are; anything else is a path relative to the config file. */
export function resolveSourceLocation(location: string, baseDir: string): string {
  if (/^(https?|file):\/\//i.test(location)) return location;
  return isAbsolute(location) ? location : resolve(baseDir, location);
}

function resolveStoreUrl(url: string, baseDir: string): string {
  if (!url.startsWith('sqlite://')) return url;
  const path = url.slice('sqlite://'.length);
  if (path === ':memory:' || isAbsolute(path)) return url;
  return `sqlite://${resolve(baseDir, path)}`;
}
