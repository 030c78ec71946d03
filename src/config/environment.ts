/**
 * The environment variables Quotewire reads, each checked at start like a key of the config file:
 * a wrong value is a start-up problem naming the variable and what it accepts, never something
 * noticed later, story by story. Secrets are checked too, but never repeated in a message.
 */
import { isHttpUrl, isStoreUrl, STORE_URL_ALLOWED } from './config-fields.js';

/** Every variable read, with what it accepts (the README's table says the same). */
export const ENVIRONMENT_VARIABLES = {
  TELEGRAM_BOT_TOKEN: {
    secret: true,
    allowed: 'the token @BotFather gave, such as 123456789:AAE…',
    check: (value: string) =>
      whitespace(value) ??
      (/^\d+:[A-Za-z0-9_-]+$/.test(value)
        ? null
        : 'it is not digits, a colon, then letters, digits, _ and -'),
  },
  TELEGRAM_WEBHOOK_SECRET: {
    secret: true,
    allowed: '1 to 256 letters, digits, _ and - (Telegram allows no other characters)',
    check: (value: string) =>
      whitespace(value) ??
      (/^[A-Za-z0-9_-]{1,256}$/.test(value)
        ? null
        : value.length > 256
          ? 'it is longer than 256 characters'
          : 'it has characters other than letters, digits, _ and -'),
  },
  DISCORD_TOKEN: {
    secret: true,
    allowed: 'the bot token from the Developer Portal (your application → Bot → Reset Token), alone',
    check: (value: string) =>
      /^Bot\s/i.test(value)
        ? 'it starts with "Bot ": set the token alone'
        : (whitespace(value) ??
          (/^[A-Za-z0-9._-]+$/.test(value)
            ? null
            : 'it has characters other than letters, digits, ., _ and -')),
  },
  OPENAI_API_KEY: {
    secret: true,
    allowed: 'the API key of your OpenAI account or server, such as sk-…',
    check: (value: string) =>
      whitespace(value) ?? (/^[\x21-\x7e]+$/.test(value) ? null : 'it has characters an API key never has'),
  },
  TELEGRAM_API_ROOT: {
    allowed: 'an http:// or https:// URL of a Bot API server, such as http://localhost:8081',
    check: url,
  },
  DISCORD_API_URL: {
    allowed:
      'an http:// or https:// URL of Discord’s REST API or a proxy, such as http://rest-proxy:8080/api',
    check: url,
  },
  DISCORD_APPLICATION_ID: {
    allowed: 'your application’s id (digits; Developer Portal → General Information)',
    check: (value: string) => (/^\d{1,20}$/.test(value) ? null : ''),
  },
  OPENAI_BASE_URL: {
    allowed: 'an http:// or https:// URL of an OpenAI-compatible API, such as http://localhost:11434/v1',
    check: url,
  },
  QUOTEWIRE_CONFIG: {
    allowed: 'the path of a config file, such as /etc/quotewire/quotewire.yaml',
    check: (value: string) => (/[\r\n\0]/.test(value) ? '' : null),
  },
  QUOTEWIRE_STORE: { allowed: STORE_URL_ALLOWED, check: (value: string) => (isStoreUrl(value) ? null : '') },
  QUOTEWIRE_DEBUG: {
    allowed: '1 or 0 (also true/false, yes/no, on/off)',
    check: (value: string) => (DEBUG_WORDS.has(value.toLowerCase()) ? null : ''),
  },
} satisfies Record<string, { secret?: boolean; allowed: string; check: (value: string) => string | null }>;

export type VariableName = keyof typeof ENVIRONMENT_VARIABLES;

const DEBUG_WORDS = new Map([
  ['1', true],
  ['true', true],
  ['yes', true],
  ['on', true],
  ['0', false],
  ['false', false],
  ['no', false],
  ['off', false],
]);

/** The variables' values: surrounding whitespace removed, unset or blank ones absent. */
export type Environment = Partial<Record<VariableName, string>> & { debug: boolean };

/**
 * Reads and checks every variable Quotewire uses. Blank means unset (compose files often pass
 * `VAR=` through); spaces and line breaks around a value are dropped, as a pasted token has them.
 *
 * @returns the values, and one line per variable that is set to something it does not accept
 */
export function readEnvironment(env: NodeJS.ProcessEnv): { values: Environment; problems: string[] } {
  const values: Environment = { debug: false };
  const problems: string[] = [];
  for (const [name, rule] of Object.entries(ENVIRONMENT_VARIABLES) as [
    VariableName,
    (typeof ENVIRONMENT_VARIABLES)[VariableName],
  ][]) {
    const value = env[name]?.trim();
    if (!value) continue;
    const reason = rule.check(value);
    if (reason === null) {
      values[name] = value;
      continue;
    }
    const why = reason ? ` (${reason})` : '';
    const shown = 'secret' in rule && rule.secret ? 'the value set' : JSON.stringify(value);
    problems.push(`${name}: ${shown} is not allowed${why}: use ${rule.allowed}`);
  }
  values.debug = DEBUG_WORDS.get(values.QUOTEWIRE_DEBUG?.toLowerCase() ?? '0') ?? false;
  return { values, problems };
}

function whitespace(value: string): string | null {
  if (/[\r\n]/.test(value)) return 'it has a line break in it';
  if (/\s/.test(value)) return 'it has a space in it';
  return null;
}

function url(value: string): string | null {
  return isHttpUrl(value) ? null : '';
}
