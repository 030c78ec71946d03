/**
 * Turns zod's findings about the config file into sentences a self-hoster can act on: the key, the
 * value written, and what is allowed, in the words config-fields.ts gave each setting. zod's own
 * wording ("Too small: expected number to be >0") and regex patterns never reach the user.
 */
import type { z } from 'zod';
import { closestMatches } from '../text/similarity.js';

/** `sources[3].url`, `polling.timeoutSeconds`. */
export function keyName(path: readonly PropertyKey[]): string {
  let key = '';
  for (const segment of path) {
    key += typeof segment === 'number' ? `[${segment}]` : `${key ? '.' : ''}${String(segment)}`;
  }
  return key || '(the whole file)';
}

/** A value as it would be written in YAML, cut short: `-5`, `"ten"`, `null`. */
export function shownValue(value: unknown): string {
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? '' : 's'})`;
  if (value !== null && typeof value === 'object') return 'a section of keys';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * One line per problem, for every issue zod found in `data` against `schema`.
 *
 * @example
 * describeIssues(configSchema, { polling: { timeoutSeconds: -5 } }, issues);
 * // ['polling.timeoutSeconds: -5 is not allowed: use a number of seconds above 0 and at most 300']
 */
export function describeIssues(
  schema: z.ZodType,
  data: unknown,
  issues: readonly z.core.$ZodIssue[],
): string[] {
  return issues.flatMap((issue) => describeIssue(schema, data, issue));
}

function describeIssue(schema: z.ZodType, data: unknown, issue: z.core.$ZodIssue): string[] {
  if (issue.code === 'unrecognized_keys') {
    const known = knownKeysAt(schema, issue.path);
    return issue.keys.map((unknownKey) => {
      const suggestion = closestMatches(unknownKey, known, 1)[0];
      const at = keyName([...issue.path, unknownKey]);
      return `${at}: unknown key${suggestion ? `, did you mean "${suggestion}"?` : ''} (known: ${known.join(', ')})`;
    });
  }
  const key = keyName(issue.path);
  // A bad key in a map (a language code in digest.languages) is described by the map's key type.
  const allowed =
    issue.code === 'invalid_key'
      ? describedAs(keyTypeOf(schemaAt(schema, issue.path.slice(0, -1))))
      : (describedAs(schemaAt(schema, issue.path)) ?? fallbackDescription(schemaAt(schema, issue.path)));
  const target = schemaAt(schema, issue.path);
  const use = allowed ? `: use ${allowed}` : '';
  const value = valueAt(data, issue.path);
  if (issue.code === 'invalid_key') {
    return [`${key}: ${shownValue(issue.path.at(-1))} is not allowed as a key${use}`];
  }
  if (value === undefined) return [`${key}: missing${use}`];
  return [
    `${key}: ${shownValue(value)} is not allowed${use}${quotingHint(value, target)}${schemeHint(value, allowed)}`,
  ];
}

/**
 * "htps://…" where the field takes https:// (or "sqlit://" where it takes sqlite://): the closest of
 * the schemes its description names.
 */
function schemeHint(value: unknown, allowed: string | null): string {
  const scheme = typeof value === 'string' ? /^\s*([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1] : undefined;
  if (!scheme || !allowed) return '';
  const known = [...new Set([...allowed.matchAll(/\b([a-z][a-z0-9+.-]*):\/\//g)].map((match) => match[1]!))];
  if (known.includes(scheme.toLowerCase())) return '';
  const suggestion = closestMatches(scheme.toLowerCase(), known, 1)[0];
  return suggestion ? `; did you mean ${suggestion}://?` : '';
}

/** YAML reads `"15"` as text and `123456789012345678901` as an imprecise number: say which way round. */
function quotingHint(value: unknown, target: z.ZodType | null): string {
  const kind = target ? (unwrap(target)._zod.def.type as string) : '';
  if (
    typeof value === 'string' &&
    kind === 'number' &&
    value.trim() !== '' &&
    Number.isFinite(Number(value))
  ) {
    return '; write it without quotes';
  }
  if (typeof value === 'string' && kind === 'boolean' && /^(true|false)$/i.test(value.trim())) {
    return '; write it without quotes';
  }
  if (typeof value === 'number' && kind === 'string') return '; write it in quotes';
  return '';
}

/** A section or list that has no description of its own: say what goes in it. */
function fallbackDescription(target: z.ZodType | null): string | null {
  if (!target) return null;
  const inner = unwrap(target) as unknown as { shape?: Record<string, unknown> };
  if (inner.shape) return `a section with the keys ${Object.keys(inner.shape).join(', ')}`;
  return null;
}

function describedAs(schema: z.ZodType | null): string | null {
  let current = schema as unknown as WrappedSchema | null;
  while (current) {
    const description = (current as unknown as z.ZodType).description;
    if (description) return description;
    current = innerOf(current);
  }
  return null;
}

function keyTypeOf(schema: z.ZodType | null): z.ZodType | null {
  const def = schema ? (unwrap(schema)._zod.def as { keyType?: z.ZodType }) : {};
  return def.keyType ?? null;
}

/** The schema that checks the value at `path`, looking through defaults, optionals and lists. */
function schemaAt(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | null {
  let current: z.ZodType = schema;
  for (const segment of path) {
    const def = unwrap(current)._zod.def as {
      type: string;
      element?: z.ZodType;
      shape?: Record<string, z.ZodType>;
      valueType?: z.ZodType;
    };
    const next =
      def.type === 'array'
        ? def.element
        : def.type === 'record'
          ? def.valueType
          : def.type === 'object'
            ? (unwrap(current) as unknown as { shape: Record<string, z.ZodType> }).shape[String(segment)]
            : undefined;
    if (!next) return null;
    current = next;
  }
  return current;
}

function knownKeysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  const target = schemaAt(schema, path);
  const shape = target ? (unwrap(target) as unknown as { shape?: Record<string, unknown> }).shape : undefined;
  return shape ? Object.keys(shape) : [];
}

interface WrappedSchema {
  _zod: { def: { type: string; innerType?: unknown; in?: unknown } };
}

/** The schema a default, optional, nullable, prefault or transform wraps; null when none. */
function innerOf(schema: WrappedSchema): WrappedSchema | null {
  const def = schema._zod.def;
  if (def.innerType) return def.innerType as WrappedSchema;
  if (def.type === 'pipe' && def.in) return def.in as WrappedSchema;
  return null;
}

function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema as unknown as WrappedSchema;
  for (let inner = innerOf(current); inner; inner = innerOf(current)) current = inner;
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
