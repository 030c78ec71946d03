/**
 * Feed dates to ISO 8601. RSS promises RFC 822 and Atom RFC 3339, and publishers deliver both with
 * two-digit years, missing seconds, named time zones, "GMT+0100", ordinals and full month names. A date
 * that cannot be read is null: a wrong date would reorder the digest, a missing one only loses a label.
 * Never uses `Date.parse`, whose reading of zone-less strings depends on the machine's time zone.
 */

// prettier-ignore
const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, fev: 2, fév: 2, mar: 3, mär: 3, apr: 4, avr: 4, may: 5, mai: 5, jun: 6, juin: 6,
  jul: 7, juil: 7, aug: 8, aou: 8, aoû: 8, sep: 9, oct: 10, okt: 10, nov: 11, dec: 12, déc: 12, dez: 12,
};

/** Offsets in minutes for the zone names feeds actually use. Unknown names count as UTC. */
// prettier-ignore
const ZONES: Record<string, number> = {
  z: 0, ut: 0, utc: 0, gmt: 0, wet: 0, bst: 60, cet: 60, met: 60, west: 60, cest: 120, eet: 120,
  eest: 180, msk: 180, ist: 330, jst: 540, kst: 540, aest: 600, aedt: 660, nzst: 720, nzdt: 780,
  ast: -240, adt: -180, est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360,
  pst: -480, pdt: -420, akst: -540, akdt: -480, hst: -600,
};

const TIME = String.raw`(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*([AaPp]\.?[Mm]\.?)?`;
const ISO = new RegExp(
  String.raw`^(\d{4})(?:[-/](\d{1,2})(?:[-/](\d{1,2}))?)?(?:(?:[Tt]|\s+)${TIME})?\s*(.*)$`,
);
const DAY_MONTH_YEAR = new RegExp(
  String.raw`^(\d{1,2})(?:st|nd|rd|th)?[\s.-]+([^\d\s.,-]{3,9})\.?,?[\s-]+(\d{2,4})(?:[\s,T]+${TIME})?\s*(.*)$`,
);
const MONTH_DAY_YEAR = new RegExp(
  String.raw`^([^\d\s.,-]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:[\s,T]+(?:at\s+)?${TIME})?\s*(.*)$`,
);

/**
 * Reads an RFC 822 or ISO 8601 date, or a common sloppy variant of either.
 *
 * @returns the instant as an ISO 8601 UTC string, or null when the text is not a date.
 * @example
 * parseFeedDate('Wed, 17 Jan 2018 15:50:00 EST'); // '2018-01-17T20:50:00.000Z'
 * parseFeedDate('2006-01-18T12:26:54+01:00'); // '2006-01-18T11:26:54.000Z'
 */
export function parseFeedDate(text: string | null | undefined): string | null {
  if (!text) return null;
  // A weekday name up front ("Wed, ", "Wednesday ") carries nothing; drop it.
  const value = text
    .trim()
    .replace(/^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s*/i, '')
    .slice(0, 100);

  let match = ISO.exec(value);
  if (match) {
    const [, year, month, day, hour, minute, second, meridiem, zone] = match;
    return build(+(year ?? 0), +(month ?? 1), +(day ?? 1), hour, minute, second, meridiem, zone);
  }
  match = DAY_MONTH_YEAR.exec(value);
  if (match) {
    const [, day, monthName, year, hour, minute, second, meridiem, zone] = match;
    return build(fullYear(year), monthNumber(monthName), +(day ?? 0), hour, minute, second, meridiem, zone);
  }
  match = MONTH_DAY_YEAR.exec(value);
  if (match) {
    const [, monthName, day, year, hour, minute, second, meridiem, zone] = match;
    return build(+(year ?? 0), monthNumber(monthName), +(day ?? 0), hour, minute, second, meridiem, zone);
  }
  return null;
}

function build(
  year: number,
  month: number,
  day: number,
  hourText: string | undefined,
  minuteText: string | undefined,
  secondText: string | undefined,
  meridiem: string | undefined,
  zoneText: string | undefined,
): string | null {
  let hour = hourText === undefined ? 0 : +hourText;
  const minute = minuteText === undefined ? 0 : +minuteText;
  const second = secondText === undefined ? 0 : Math.min(+secondText, 59);
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (/^p/i.test(meridiem) ? 12 : 0);
  }
  const offset = zoneOffset(zoneText ?? '');
  if (offset === null || year < 1900 || year > 2200 || month < 1 || month > 12) return null;
  if (day < 1 || day > 31 || hour > 24 || minute > 59) return null;
  const utc = Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
  const check = new Date(Date.UTC(year, month - 1, day));
  // Reject 31 February rather than silently rolling over into March.
  if (check.getUTCDate() !== day) return null;
  return new Date(utc).toISOString();
}

/** Minutes east of UTC; null when the trailing text is not a zone at all (so not a date). */
function zoneOffset(text: string): number | null {
  const zone = text.replace(/\s*\([^)]*\)\s*$/, '').trim();
  if (zone === '') return 0;
  const numeric = /^(?:(?:GMT|UTC|UT)\s*)?([+-])(\d{1,2})(?::?(\d{2}))?$/i.exec(zone);
  if (numeric) {
    const [, sign, hours, minutes] = numeric;
    const total = +(hours ?? 0) * 60 + +(minutes ?? 0);
    return total > 18 * 60 ? null : sign === '-' ? -total : total;
  }
  if (/^[A-Za-z]{1,5}$/.test(zone)) return ZONES[zone.toLowerCase()] ?? 0;
  return null;
}

function monthNumber(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase().replace(/\.$/, '');
  return MONTHS[lower.slice(0, 4)] ?? MONTHS[lower.slice(0, 3)] ?? 0;
}

function fullYear(text: string | undefined): number {
  const year = +(text ?? 0);
  if ((text ?? '').length > 2) return year;
  return year < 50 ? 2000 + year : 1900 + year;
}
