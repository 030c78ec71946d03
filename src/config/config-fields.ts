/**
 * Builders for the values a setting may take. Each one returns a zod schema together with the words
 * a person reads when the value is wrong ("a number of seconds above 0 and at most 300"), stored as
 * the schema's description, so the rule and its explanation are written once and cannot drift apart.
 * config-problems.ts turns a failed check into `key: value is not allowed: use <description>`.
 */
import { validate as validateCron } from 'node-cron';
import { z } from 'zod';

/** `a whole number from 1 to 50`, `a whole number of bytes, 1 or more`. */
export function wholeNumber(min: number, max?: number, unit?: string) {
  const what = `a whole number${unit ? ` of ${unit}` : ''}`;
  const schema = z.number().int().min(min);
  return max === undefined
    ? schema.describe(`${what}, ${min} or more`)
    : schema.max(max).describe(`${what} from ${min} to ${max}`);
}

/** `a number of seconds above 0 and at most 300`. */
export function positiveNumber(unit?: string, max?: number) {
  const what = `a number${unit ? ` of ${unit}` : ''} above 0`;
  const schema = z.number().positive();
  return max === undefined ? schema.describe(what) : schema.max(max).describe(`${what} and at most ${max}`);
}

export function flag() {
  return z.boolean().describe('true or false');
}

/** One of a few words: `polling or webhook`. */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const words = values.map((value) => `"${value}"`);
  const last = words.pop();
  return z.enum(values).describe(words.length ? `${words.join(', ')} or ${last}` : `${last}`);
}

/** Text matching a pattern, explained in words (the pattern itself is never shown). */
export function textMatching(pattern: RegExp, allowed: string) {
  return z.string().regex(pattern).describe(allowed);
}

/** One line of text, not empty. */
export function line(allowed: string) {
  return z
    .string()
    .regex(/^[^\r\n]*\S[^\r\n]*$/)
    .describe(allowed);
}

/**
 * A cron schedule of minutes: polls are planned minute by minute (a source is due once in a
 * minute at most), so a seconds field would be accepted and then not honoured.
 */
export function cronSchedule() {
  return z
    .string()
    .refine((expression) => expression.trim().split(/\s+/).length === 5 && validateCron(expression))
    .describe(
      'a cron schedule with 5 fields (minute hour day month weekday; at most once a minute), such as "*/15 * * * *" (every 15 minutes)',
    );
}

export function timeOfDay() {
  return textMatching(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM from 00:00 to 23:59, such as "08:00"');
}

export function timeZone() {
  return z.string().refine(isTimeZone).describe('an IANA time zone name, such as "Europe/London" or "UTC"');
}

/** An http(s) URL (what fetch and the API clients accept), or null when `nullable`. */
/**
 * A source's location: an http(s) or file URL, or a file or folder path. Text that starts like a
 * URL of another scheme (a typo such as `htps://`) is refused rather than read as a relative path.
 */
export function sourceLocation() {
  return line('')
    .refine(
      (text) => !/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim()) || /^(https?|file):\/\//i.test(text.trim()),
    )
    .describe(
      'a feed or page URL (http:// or https://), a file:// URL, or a file or folder path (relative to the config file)',
    );
}

export function httpUrl(example: string) {
  return z.string().refine(isHttpUrl).describe(`an http:// or https:// URL, such as ${example}`);
}

export function languageCode() {
  return textMatching(/^[a-z]{2,3}(-[A-Za-z]{2,4})?$/, 'a language code such as "en", "de" or "pt-BR"');
}

/** What `store.url` and QUOTEWIRE_STORE accept. */
export const STORE_URL_ALLOWED =
  'sqlite://<file> (relative to the config file) or redis://host:port (rediss:// for TLS)';

export function storeUrl() {
  return z.string().refine(isStoreUrl).describe(STORE_URL_ALLOWED);
}

/** A platform id: digits. Discord's are too long for a YAML number, so they must be quoted. */
export function numericId(platform: string) {
  return textMatching(/^\d{1,20}$/, `a ${platform} id (digits)`);
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** sqlite:// with a file (or :memory:), or redis(s):// with a host and, if any, a valid port. */
export function isStoreUrl(text: string): boolean {
  if (text.startsWith('sqlite://')) return text.length > 'sqlite://'.length && !/[\r\n\0]/.test(text);
  if (!/^rediss?:\/\//.test(text)) return false;
  try {
    return new URL(text).hostname !== '';
  } catch {
    return false;
  }
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
