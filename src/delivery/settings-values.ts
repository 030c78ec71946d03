/**
 * The values of delivery settings as users type them (/settings, /schedule, /mode), read leniently
 * and never through a pattern built from the input.
 */
import { closestMatches } from '../text/similarity.js';
import { normalizeDeliveryTime, WEEKDAYS } from './delivery-schedule.js';
import type { QuietHours } from './subscription.js';

/** "22:00-07:00" (or "22-7", "2200–0700") → quiet hours; "off" → null; undefined when unreadable. */
export function parseQuietHours(text: string): QuietHours | null | undefined {
  const value = text.trim().toLowerCase();
  if (['off', 'none', 'no'].includes(value)) return null;
  const parts = value.split(/[-–—]/);
  if (parts.length !== 2) return undefined;
  const [from, to] = parts.map((part) => normalizeDeliveryTime(hourOnly(part.trim())));
  if (!from || !to || from === to) return undefined;
  return { from, to };
}

/** "7" → "7:00": a bare hour is a whole hour. */
function hourOnly(text: string): string {
  return /^\d{1,2}$/.test(text) ? `${text}:00` : text;
}

/** on/off, yes/no, true/false; null when neither. */
export function parseSwitch(text: string): boolean | null {
  const value = text.trim().toLowerCase();
  if (['on', 'yes', 'true'].includes(value)) return true;
  if (['off', 'no', 'false'].includes(value)) return false;
  return null;
}

/**
 * A day of the week from its name or first three letters, in any case ("Mon", "monday");
 * otherwise the closest names, for a "did you mean".
 */
export function parseWeekday(text: string): { weekday: number } | { suggestions: string[] } {
  const value = text.trim().toLowerCase().slice(0, 20);
  const index = WEEKDAYS.findIndex((day) => day === value || (value.length >= 3 && day.startsWith(value)));
  if (index >= 0) return { weekday: index };
  return { suggestions: closestMatches(value, WEEKDAYS, 2) };
}
