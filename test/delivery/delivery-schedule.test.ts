import { describe, expect, it } from 'vitest';
import {
  canonicalTimeZone,
  dueDay,
  localDay,
  nextDelivery,
  normalizeDeliveryTime,
  zonedInstant,
} from '../../src/delivery/delivery-schedule.js';

const iso = (date: Date) => date.toISOString();

describe('delivery schedule', () => {
  it('turns a local time into the right instant in summer, in winter and on both change days', () => {
    expect(iso(zonedInstant('2025-07-01', '08:00', 'Europe/London'))).toBe('2025-07-01T07:00:00.000Z');
    expect(iso(zonedInstant('2025-12-01', '08:00', 'Europe/London'))).toBe('2025-12-01T08:00:00.000Z');
    // 30 March 2025: 01:00-02:00 does not exist; 01:30 is delivered as late as the gap, 02:30 BST.
    expect(iso(zonedInstant('2025-03-30', '01:30', 'Europe/London'))).toBe('2025-03-30T01:30:00.000Z');
    // 26 October 2025: 01:00-02:00 happens twice; the first one counts.
    expect(iso(zonedInstant('2025-10-26', '01:30', 'Europe/London'))).toBe('2025-10-26T00:30:00.000Z');
    expect(iso(zonedInstant('2025-10-26', '08:00', 'Europe/London'))).toBe('2025-10-26T08:00:00.000Z');
    expect(iso(zonedInstant('2025-03-09', '02:30', 'America/New_York'))).toBe('2025-03-09T07:30:00.000Z');
    expect(iso(zonedInstant('2025-06-01', '09:00', 'Asia/Kolkata'))).toBe('2025-06-01T03:30:00.000Z');
    expect(iso(zonedInstant('2025-06-01', '00:00', 'UTC'))).toBe('2025-06-01T00:00:00.000Z');
  });

  it('knows the local day', () => {
    expect(localDay(new Date('2025-06-01T23:30:00Z'), 'Asia/Tokyo')).toBe('2025-06-02');
    expect(localDay(new Date('2025-06-01T02:00:00Z'), 'America/Los_Angeles')).toBe('2025-05-31');
  });

  it('is due from the local time until local midnight, and not for times before the subscription', () => {
    const schedule = { deliveryTime: '08:00', timeZone: 'Europe/London', createdAt: '2025-10-20T00:00:00Z' };
    expect(dueDay(schedule, new Date('2025-10-24T06:59:00Z'))).toBeNull();
    expect(dueDay(schedule, new Date('2025-10-24T07:00:00Z'))).toBe('2025-10-24');
    expect(dueDay(schedule, new Date('2025-10-24T22:59:00Z'))).toBe('2025-10-24');
    expect(dueDay(schedule, new Date('2025-10-24T23:00:00Z'))).toBeNull();
    expect(
      dueDay({ ...schedule, createdAt: '2025-10-24T09:00:00Z' }, new Date('2025-10-24T10:00:00Z')),
    ).toBeNull();
    expect(iso(nextDelivery(schedule, new Date('2025-10-25T07:30:00Z')))).toBe('2025-10-26T08:00:00.000Z');
  });

  it('reads times and zones as people type them', () => {
    expect(normalizeDeliveryTime('8:05')).toBe('08:05');
    expect(normalizeDeliveryTime('0730')).toBe('07:30');
    expect(normalizeDeliveryTime('24:00')).toBeNull();
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });

  it('takes a 12-hour clock and a city alone, as newcomers type them', () => {
    expect(normalizeDeliveryTime('7pm')).toBe('19:00');
    expect(normalizeDeliveryTime('7:30 PM')).toBe('19:30');
    expect(normalizeDeliveryTime('12 a.m.')).toBe('00:00');
    expect(normalizeDeliveryTime('12pm')).toBe('12:00');
    expect(normalizeDeliveryTime('13pm')).toBeNull();
    expect(canonicalTimeZone('paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('new york')).toBe('America/New_York');
    expect(canonicalTimeZone('Zürich')).toBe('Europe/Zurich');
    expect(canonicalTimeZone('Springfield')).toBeNull();
    expect(canonicalTimeZone('pm')).toBeNull();
    // Abbreviations as people mean them, summer time included: not Panama, Bangladesh or nothing.
    expect(canonicalTimeZone('EST')).toBe('America/New_York');
    expect(canonicalTimeZone('edt')).toBe('America/New_York');
    expect(canonicalTimeZone('BST')).toBe('Europe/London');
    expect(canonicalTimeZone('CEST')).toBe('Europe/Paris');
    expect(canonicalTimeZone('IST')).toBe('Asia/Kolkata');
  });
});
