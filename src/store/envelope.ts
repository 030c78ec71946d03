/**
 * How a value is written in the store: keyv's own envelope, `{"value": …, "expires": ms}`, as plain
 * JSON. Collections read and write it through keyv; transactions write the same text directly, so
 * the two paths always agree on what a stored value is.
 */

interface Envelope {
  value: unknown;
  expires?: number | null;
}

/**
 * keyv's (de)serializer for our plain JSON values. keyv's default also walks every value looking for
 * Buffers, which costs more than the SQLite write itself on large articles.
 */
export const PLAIN_JSON = {
  serialize: (data: unknown): string => JSON.stringify(data),
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- keyv types its envelope per call
  deserialize: (data: string): any => JSON.parse(data),
};

/** The stored text of a value; with `ttlMs` it expires that long after `now`. */
export function encodeEnvelope(value: unknown, ttlMs: number | undefined, now: number): string {
  return JSON.stringify(ttlMs ? { value, expires: now + ttlMs } : { value });
}

/** The value of a stored text, or undefined when there is none or it has expired. */
export function decodeEnvelope<T>(raw: string | null, now: number): T | undefined {
  if (raw === null) return undefined;
  const envelope = JSON.parse(raw) as Envelope;
  if (typeof envelope.expires === 'number' && envelope.expires <= now) return undefined;
  return envelope.value as T;
}
