import type { Logger } from './logger.js';

/** Secrets shorter than this are not searched for: they would match ordinary words. */
const MIN_SECRET_CHARS = 6;

/**
 * Patterns of credentials in any text a server sends back: bearer tokens, OpenAI-style keys,
 * passwords in URLs and key-like query parameters.
 */
const CREDENTIAL_PATTERNS: readonly [RegExp, string][] = [
  [/\b([Bb]earer|[Bb]asic)\s+[A-Za-z0-9._~+/=-]{8,}/gu, '$1 ***'],
  [/\b(sk|pk|rk)-[A-Za-z0-9_-]{8,}/gu, '$1-***'],
  [/(\/\/)[^/\s:@]+:[^/\s@]+@/gu, '$1***@'],
  [/\b((?:api[_-]?key|access[_-]?token|token|secret|password|key)=)[^&\s"']+/giu, '$1***'],
];

/**
 * `text` with every given secret, and anything shaped like a credential, replaced by `***`. For
 * messages that come from outside (a server's error message may quote the key it was sent).
 *
 * @example
 * redactSecrets('invalid key sk-abc123456789', []); // 'invalid key sk-***'
 */
export function redactSecrets(text: string, secrets: readonly (string | null | undefined)[]): string {
  let result = text;
  for (const secret of secrets) {
    if (secret && secret.length >= MIN_SECRET_CHARS) result = result.split(secret).join('***');
  }
  for (const [pattern, replacement] of CREDENTIAL_PATTERNS) result = result.replace(pattern, replacement);
  return result;
}

/** A logger that redacts secrets from every line before passing it on. */
export function redactingLogger(logger: Logger, secrets: readonly (string | null | undefined)[]): Logger {
  return {
    info: (message) => logger.info(redactSecrets(message, secrets)),
    warn: (message) => logger.warn(redactSecrets(message, secrets)),
    error: (message) => logger.error(redactSecrets(message, secrets)),
  };
}
