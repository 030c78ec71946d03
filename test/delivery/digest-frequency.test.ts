import { describe, expect, it } from 'vitest';
import { dueSlot, inQuietHours, nextDelivery } from '../../src/delivery/delivery-schedule.js';
import { parseQuietHours, parseWeekday } from '../../src/delivery/settings-values.js';
import type { DigestFrequency } from '../../src/delivery/subscription.js';

const base = { deliveryTime: '08:00', timeZone: 'Europe/Berlin', createdAt: '2026-01-01T00:00:00Z' };
const at = (iso: string) => new Date(iso);
const schedule = (frequency?: DigestFrequency) => ({ ...base, frequency });

describe('digest frequency', () => {
  // 2026-11-30 is a Monday; 08:00 in Berlin is 07:00 UTC in winter.
  it('delivers on weekdays only', () => {
    expect(dueSlot(schedule({ kind: 'weekdays' }), at('2026-11-30T07:05:00Z'))).toEqual({
      slot: '2026-11-30',
      day: '2026-11-30',
    });
    expect(dueSlot(schedule({ kind: 'weekdays' }), at('2026-11-29T07:05:00Z'))).toBeNull();
    expect(nextDelivery(schedule({ kind: 'weekdays' }), at('2026-11-28T09:00:00Z')).toISOString()).toBe(
      '2026-11-30T07:00:00.000Z',
    );
  });

  it('delivers weekly on the chosen day', () => {
    const thursdays = schedule({ kind: 'weekly', weekday: 4 });
    expect(dueSlot(thursdays, at('2026-11-30T07:05:00Z'))).toBeNull();
    expect(dueSlot(thursdays, at('2026-12-03T07:05:00Z'))?.day).toBe('2026-12-03');
    expect(nextDelivery(thursdays, at('2026-11-30T07:05:00Z')).toISOString()).toBe(
      '2026-12-03T07:00:00.000Z',
    );
  });

  it('delivers twice a day, each time under its own ledger slot', () => {
    const twice = schedule({ kind: 'twice', secondTime: '18:00' });
    expect(dueSlot(twice, at('2026-11-30T06:59:00Z'))).toBeNull();
    expect(dueSlot(twice, at('2026-11-30T07:00:00Z'))).toEqual({ slot: '2026-11-30', day: '2026-11-30' });
    expect(dueSlot(twice, at('2026-11-30T17:00:00Z'))).toEqual({
      slot: '2026-11-30@18:00',
      day: '2026-11-30',
    });
    expect(nextDelivery(twice, at('2026-11-30T08:00:00Z')).toISOString()).toBe('2026-11-30T17:00:00.000Z');
  });

  it('keeps the old daily behaviour without a frequency', () => {
    expect(dueSlot(schedule(), at('2026-11-29T07:05:00Z'))).toEqual({
      slot: '2026-11-29',
      day: '2026-11-29',
    });
  });

  it('tells quiet hours across midnight in the chat’s zone', () => {
    const quiet = { from: '22:00', to: '07:00' };
    expect(inQuietHours(quiet, 'Europe/Berlin', at('2026-11-30T21:30:00Z'))).toBe(true); // 22:30 local
    expect(inQuietHours(quiet, 'Europe/Berlin', at('2026-11-30T05:59:00Z'))).toBe(true); // 06:59
    expect(inQuietHours(quiet, 'Europe/Berlin', at('2026-11-30T06:00:00Z'))).toBe(false); // 07:00
    expect(inQuietHours({ from: '12:00', to: '13:00' }, 'UTC', at('2026-11-30T12:30:00Z'))).toBe(true);
    expect(inQuietHours(null, 'UTC', at('2026-11-30T12:30:00Z'))).toBe(false);
  });

  it('reads quiet hours and weekdays as people type them', () => {
    expect(parseQuietHours('22:00-07:00')).toEqual({ from: '22:00', to: '07:00' });
    expect(parseQuietHours('22–7')).toEqual({ from: '22:00', to: '07:00' });
    expect(parseQuietHours('off')).toBeNull();
    expect(parseQuietHours('late')).toBeUndefined();
    expect(parseWeekday('Mon')).toEqual({ weekday: 1 });
    expect(parseWeekday('firday')).toEqual({ suggestions: ['friday'] });
  });
});
