import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import type { z } from 'zod';
import { packageRoot } from '../kernel/package-root.js';
import { closestMatches } from '../text/similarity.js';
import { configSchema, type QuotewireConfig } from './config-schema.js';

/** Secrets and deployment switches, read from the environment and nowhere else. */
export interface Secrets {
  telegramBotToken: string | null;
  /** Checked against the X-Telegram-Bot-Api-Secret-Token header in webhook mode. */
  telegramWebhookSecret: string | null;
  discordToken: string | null;
  openaiApiKey: string | null;
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
}

/** A configuration problem; its message lists every bad key and what each expects. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** The bundled sample configuration, used when neither --config nor QUOTEWIRE_CONFIG names one. */
export function defaultConfigFile(): string {
  return resolve(packageRoot(), 'config', 'quotewire.yaml');
}

/**
 * Reads, validates and resolves the configuration once, at start. `env` is passed in (normally
 * `process.env`) so that this is the only module that looks at the environment.
 */
export function loadConfig(options: { file?: string | null; env: NodeJS.ProcessEnv }): AppConfig {
  const { env } = options;
  const file = resolve(options.file ?? env.QUOTEWIRE_CONFIG ?? defaultConfigFile());
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : String(code ?? error);
    throw new ConfigError(
      `cannot read the config file ${file}: ${why}; pass --config <file> or set QUOTEWIRE_CONFIG (config/quotewire.yaml is the documented sample)`,
    );
  }
  let data: unknown;
  try {
    data = parseYaml(raw) ?? {};
  } catch (error) {
    const where = error instanceof YAMLParseError && error.linePos ? ` (line ${error.linePos[0].line})` : '';
    const what = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ConfigError(`${file} is not valid YAML${where}: ${what}`);
  }
  const parsed = configSchema.safeParse(data);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  - ${describeIssue(issue, data)}`);
    throw new ConfigError(`${file} has ${lines.length} problem(s):\n${lines.join('\n')}`);
  }
  const config = parsed.data;
  const baseDir = dirname(file);
  const storeUrl = env.QUOTEWIRE_STORE ?? config.store.url;
  return {
    ...config,
    configFile: file,
    store: { url: resolveStoreUrl(storeUrl, baseDir) },
    sources: config.sources.map((source) => ({ ...source, url: resolveSourceLocation(source.url, baseDir) })),
    secrets: {
      telegramBotToken: nonEmpty(env.TELEGRAM_BOT_TOKEN),
      telegramWebhookSecret: nonEmpty(env.TELEGRAM_WEBHOOK_SECRET),
      discordToken: nonEmpty(env.DISCORD_TOKEN),
      openaiApiKey: nonEmpty(env.OPENAI_API_KEY),
    },
    endpoints: {
      telegramApiRoot: nonEmpty(env.TELEGRAM_API_ROOT)?.replace(/\/+$/, '') ?? null,
      discordApiUrl: nonEmpty(env.DISCORD_API_URL)?.replace(/\/+$/, '') ?? null,
      discordApplicationId: nonEmpty(env.DISCORD_APPLICATION_ID),
      openaiBaseUrl: config.summarizer.openai.baseURL ?? nonEmpty(env.OPENAI_BASE_URL),
    },
  };
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

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const key = issue.path.join('.') || '(top level)';
  if (issue.code === 'unrecognized_keys') {
    const parentKey = issue.path.join('.');
    return issue.keys
      .map((unknownKey) => {
        const known = knownKeysAt(issue.path);
        const suggestion = closestMatches(unknownKey, known, 1)[0];
        const at = parentKey ? `${parentKey}.${unknownKey}` : unknownKey;
        return `${at}: unknown key${suggestion ? `, did you mean "${suggestion}"?` : ''} (known: ${known.join(', ')})`;
      })
      .join('\n  - ');
  }
  const actual = valueAt(data, issue.path);
  const got = actual === undefined ? 'nothing' : JSON.stringify(actual);
  if (issue.code === 'invalid_type') return `${key}: expected ${issue.expected}, got ${got}`;
  if (issue.code === 'invalid_value') {
    return `${key}: expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, got ${got}`;
  }
  return `${key}: expected ${issue.message}, got ${got}`;
}

function knownKeysAt(path: readonly PropertyKey[]): string[] {
  let schema: z.ZodType = configSchema;
  for (const segment of path) {
    schema = unwrap(schema);
    if (typeof segment === 'number') {
      const element = (schema as unknown as { element?: z.ZodType }).element;
      if (!element) return [];
      schema = element;
    } else {
      const shape = (schema as unknown as { shape?: Record<string, z.ZodType> }).shape;
      const next = shape?.[String(segment)];
      if (!next) return [];
      schema = next;
    }
  }
  const shape = (unwrap(schema) as unknown as { shape?: Record<string, z.ZodType> }).shape;
  return shape ? Object.keys(shape) : [];
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as unknown as { _zod: { def: { innerType?: unknown } } };
  while (current._zod.def.innerType) current = current._zod.def.innerType as typeof current;
  return current as unknown as z.ZodType;
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment];
  }
  return current;
}

function nonEmpty(value: string | undefined): string | null {
  return value && value.trim() !== '' ? value.trim() : null;
}
