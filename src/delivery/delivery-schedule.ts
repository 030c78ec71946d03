/**
 * When a subscription's digest is due, in its own time zone, with nothing but Intl: a wall-clock time
 * such as 08:00 Europe/London is 07:00 UTC in summer and 08:00 UTC in winter, a time that does not
 * exist on the day the clocks go forward is delivered as late as the gap (01:30 becomes 02:30), and a
 * time that happens twice when they go back is delivered at its first occurrence.
 */

import type { DigestFrequency } from './subscription.js';

const DAY_MS = 86_400_000;

/** What a schedule needs to know about a subscription. */
export interface DeliverySchedule {
  /** HH:MM, 24-hour. */
  deliveryTime: string;
  /** IANA name. */
  timeZone: string;
  /** ISO instant; no delivery is due for a scheduled time before it. */
  createdAt: string;
  /** Which days, and whether twice a day; every day once when missing. */
  frequency?: DigestFrequency | undefined;
}

/** One scheduled delivery: the ledger's key for it, and the local day it belongs to. */
export interface DeliverySlot {
  /** The day (YYYY-MM-DD) for the day's only or first delivery, `day@HH:MM` for the second. */
  slot: string;
  day: string;
}

/** The local day names, Sunday first, as /schedule takes and shows them. */
export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

/** 0 (Sunday) to 6 (Saturday) for a YYYY-MM-DD day. */
function weekdayOf(day: string): number {
  return new Date(`${day}T00:00:00Z`).getUTCDay();
}

/** Whether the schedule delivers on `day` at all. */
function deliversOn(schedule: DeliverySchedule, day: string): boolean {
  const frequency = schedule.frequency;
  if (frequency?.kind === 'weekdays') return weekdayOf(day) >= 1 && weekdayOf(day) <= 5;
  if (frequency?.kind === 'weekly') return weekdayOf(day) === frequency.weekday;
  return true;
}

/** The day's delivery times, earliest first, each with its slot key. */
function slotsOf(schedule: DeliverySchedule, day: string): { time: string; slot: string }[] {
  const first = { time: schedule.deliveryTime, slot: day };
  const frequency = schedule.frequency;
  if (frequency?.kind !== 'twice' || frequency.secondTime === schedule.deliveryTime) return [first];
  return [first, { time: frequency.secondTime, slot: `${day}@${frequency.secondTime}` }].sort((a, b) =>
    a.time.localeCompare(b.time),
  );
}

/**
 * The ledger keys a day's digests would have (`day`, and `day@HH:MM` for a second one), latest
 * first: where to look for a subscription's last delivery that day.
 */
export function daySlots(schedule: DeliverySchedule, day: string): string[] {
  return slotsOf(schedule, day)
    .map(({ slot, time }) => ({ slot, time }))
    .sort((a, b) => b.time.localeCompare(a.time))
    .map(({ slot }) => slot);
}

/**
 * Intl formatters are costly to build and a fan-out asks for the same few zones thousands of times;
 * this cache is pure (a zone always formats the same way), so sharing it hides no state.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** The wall-clock reading in `timeZone` at `instant`, as if it were UTC milliseconds. */
function wallClockMs(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
}

/** The zone's offset from UTC at `instant`, in milliseconds (positive east of Greenwich). */
export function zoneOffsetMs(instant: number, timeZone: string): number {
  const whole = Math.floor(instant / 1000) * 1000;
  return wallClockMs(whole, timeZone) - whole;
}

/** The local calendar day (YYYY-MM-DD) in `timeZone` at `instant`. */
export function localDay(instant: Date, timeZone: string): string {
  return new Date(wallClockMs(instant.getTime(), timeZone)).toISOString().slice(0, 10);
}

/** The instant at which `day` (YYYY-MM-DD) reads `time` (HH:MM) in `timeZone`, DST-correct (see top). */
export function zonedInstant(day: string, time: string, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, date, hour, minute);
  // Real zones change their offset at most once within a day either side of any instant.
  const before = zoneOffsetMs(wall - DAY_MS, timeZone);
  const after = zoneOffsetMs(wall + DAY_MS, timeZone);
  const candidates = [...new Set([wall - before, wall - after])].sort((a, b) => a - b);
  const valid = candidates.find((candidate) => candidate + zoneOffsetMs(candidate, timeZone) === wall);
  // No candidate reads `time`: it falls in the gap when clocks go forward; deliver it that much later.
  return new Date(valid ?? wall - before);
}

/** The next local day after `day`. */
function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The local day whose delivery is due at `now`, or null: the scheduled time of today (local) has
 * passed and was not before the subscription existed. A digest missed while the bot was down is
 * therefore still due until local midnight, and no longer the day after.
 */
export function dueDay(schedule: DeliverySchedule, now: Date): string | null {
  return dueSlot(schedule, now)?.day ?? null;
}

/**
 * The delivery due at `now`, or null: the latest of today's scheduled times (local) that has passed
 * and was not before the subscription existed, on a day the frequency delivers. With two times a
 * day, a first delivery missed while the bot was down is replaced by the second once that is due.
 */
export function dueSlot(schedule: DeliverySchedule, now: Date): DeliverySlot | null {
  const day = localDay(now, schedule.timeZone);
  if (!deliversOn(schedule, day)) return null;
  let due: DeliverySlot | null = null;
  for (const { time, slot } of slotsOf(schedule, day)) {
    const at = zonedInstant(day, time, schedule.timeZone).getTime();
    if (now.getTime() >= at && at >= Date.parse(schedule.createdAt)) due = { slot, day };
  }
  return due;
}

/**
 * The ledger keys (see {@link daySlots}) of the local days around `now` (yesterday, today and
 * tomorrow): the only ones whose ledger records can tell {@link nextDelivery} that a slot is settled
 * already, because a chat changed its time or zone after that day's digest went out.
 */
export function slotsAround(schedule: DeliverySchedule, now: Date): string[] {
  const today = localDay(now, schedule.timeZone);
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 10);
  return [yesterday, today, nextDay(today)].flatMap((day) => daySlots(schedule, day));
}

/**
 * The next instant a digest will go out (for /settings), on a day and at a time the schedule has.
 * Without `settled`, the next scheduled time after `now`. With it (the ledger keys whose digest
 * needs no more work, DeliveryLedger.settled), what the delivery will really do: settled slots are
 * skipped, so a chat that moves its time later after today's digest hears that the next one is
 * tomorrow's; and a slot due now and not settled (a time moved earlier than now before today's
 * digest) goes out at the next check, so that is `now`.
 */
export function nextDelivery(schedule: DeliverySchedule, now: Date, settled?: ReadonlySet<string>): Date {
  const due = settled && dueSlot(schedule, now);
  if (due && !settled.has(due.slot)) return now;
  let day = localDay(now, schedule.timeZone);
  for (let i = 0; i < 9; i++) {
    if (deliversOn(schedule, day)) {
      for (const { time, slot } of slotsOf(schedule, day)) {
        if (settled?.has(slot)) continue;
        const at = zonedInstant(day, time, schedule.timeZone);
        if (at.getTime() > now.getTime() && at.getTime() >= Date.parse(schedule.createdAt)) return at;
      }
    }
    day = nextDay(day);
  }
  return zonedInstant(day, schedule.deliveryTime, schedule.timeZone);
}

/** Whether `now` falls inside quiet hours `from`–`to` (local HH:MM; across midnight when to < from). */
export function inQuietHours(
  quiet: { from: string; to: string } | null | undefined,
  timeZone: string,
  now: Date,
): boolean {
  if (!quiet || quiet.from === quiet.to) return false;
  const local = new Date(wallClockMs(now.getTime(), timeZone)).toISOString().slice(11, 16);
  return quiet.from < quiet.to
    ? local >= quiet.from && local < quiet.to
    : local >= quiet.from || local < quiet.to;
}

/** The areas of the IANA names (`Area/City`), searched when a chat names only the city. */
const ZONE_AREAS = [
  'Europe',
  'America',
  'Asia',
  'Africa',
  'Australia',
  'Pacific',
  'Atlantic',
  'Indian',
  'Antarctica',
  'America/Argentina',
  'America/Indiana',
  'America/Kentucky',
  'America/North_Dakota',
];

/**
 * Abbreviations people type for a zone, as they mean them. Intl knows some as other zones: "EST" is
 * America/Panama (no summer time), "BST" Bangladesh and "IST" Asia/Calcutta; the summer names
 * ("EDT", "CEST") it does not know at all. Each is the zone whose clocks the abbreviation names,
 * summer time included, so a digest set to "07:00 EST" stays at 07:00 in New York all year.
 */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  EST: 'America/New_York',
  EDT: 'America/New_York',
  CST: 'America/Chicago',
  CDT: 'America/Chicago',
  MST: 'America/Denver',
  MDT: 'America/Denver',
  PST: 'America/Los_Angeles',
  PDT: 'America/Los_Angeles',
  AKST: 'America/Anchorage',
  AKDT: 'America/Anchorage',
  HST: 'Pacific/Honolulu',
  GMT: 'UTC',
  BST: 'Europe/London',
  IST: 'Asia/Kolkata',
  CET: 'Europe/Paris',
  CEST: 'Europe/Paris',
  EET: 'Europe/Athens',
  EEST: 'Europe/Athens',
};

/**
 * The canonical spelling of a time zone a chat names: an IANA name Intl knows, in any case
 * ("europe/london" → "Europe/London"), or only its city ("paris", "new york" → "America/New_York")
 * when one area has it, or a common abbreviation ("EST", "CEST"); null otherwise. The answer shows
 * the name it chose.
 */
export function canonicalTimeZone(name: string): string | null {
  const meant = ABBREVIATIONS[name.trim().toUpperCase()];
  if (meant) return meant;
  const known = intlTimeZone(name);
  if (known || name.includes('/')) return known;
  const city = name.normalize('NFKD').replace(/\p{M}/gu, '').trim().replace(/\s+/gu, '_');
  if (!/^[A-Za-z][A-Za-z_'-]{1,40}$/.test(city)) return null;
  const found = new Set(
    ZONE_AREAS.map((area) => intlTimeZone(`${area}/${city}`)).filter((zone): zone is string => zone !== null),
  );
  return found.size === 1 ? [...found][0]! : null;
}

function intlTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/**
 * HH:MM from "8:00", "08:00" or "0800", and from a 12-hour clock ("7pm", "7:30 pm", "12 a.m."); null
 * when it is not a time of day.
 */
export function normalizeDeliveryTime(text: string): string | null {
  const trimmed = text.trim();
  const twelve = /^(1[0-2]|0?[1-9])(?:[:.]([0-5]\d))?\s*([ap])\.?\s*m\.?$/iu.exec(trimmed);
  if (twelve) {
    const hour = (Number(twelve[1]) % 12) + (twelve[3]!.toLowerCase() === 'p' ? 12 : 0);
    return `${String(hour).padStart(2, '0')}:${twelve[2] ?? '00'}`;
  }
  const match = /^([01]?\d|2[0-3]):?([0-5]\d)$/.exec(trimmed);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}
