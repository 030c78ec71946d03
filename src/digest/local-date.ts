/**
 * The calendar day (YYYY-MM-DD) of an instant in an IANA time zone: a digest built at 23:30 UTC
 * for a reader in Tokyo is the next day's digest. Falls back to UTC for an unknown zone (the
 * config is validated, so that only happens with a zone this Node's ICU lacks).
 */
export function localDate(instant: Date, timeZone: string): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).formatToParts(instant);
  } catch {
    return instant.toISOString().slice(0, 10);
  }
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
