import { describe, expect, it } from 'vitest';
import { FloodGuard, slowDownText } from '../../src/chat/flood-guard.js';

function guardAt(start = 0) {
  const time = { now: start };
  const guard = new FloodGuard({ burst: 3, perMinute: 60 }, () => new Date(time.now));
  return { guard, time };
}

describe('FloodGuard', () => {
  it('lets a burst through, answers "slow down" once, then drops silently', () => {
    const { guard } = guardAt();
    const verdicts = Array.from({ length: 10 }, () => guard.check('u1'));
    expect(verdicts).toEqual(['run', 'run', 'run', 'warn', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop']);
  });

  it('keeps dropping while the flood goes on, and runs again once the burst has ended', () => {
    const { guard, time } = guardAt();
    for (let i = 0; i < 4; i++) guard.check('u1');
    // One a second refills one a second; dropped commands cost nothing, yet the user stays muted
    // until the bucket is full again: one more "slow down" per burst, never one per command.
    const during: string[] = [];
    for (let i = 0; i < 2; i++) {
      time.now += 1_000;
      during.push(guard.check('u1'));
    }
    expect(during).toEqual(['drop', 'drop']);
    time.now += 1_000;
    expect(guard.check('u1')).toBe('run');
    expect(guard.check('u1')).toBe('run');
    expect(guard.check('u1')).toBe('run');
    expect(guard.check('u1')).toBe('warn');
  });

  it('counts each user apart', () => {
    const { guard } = guardAt();
    for (let i = 0; i < 20; i++) guard.check('flooder');
    expect(guard.check('someone-else')).toBe('run');
  });

  it('says how long the pause is', () => {
    const { guard } = guardAt();
    expect(slowDownText(guard)).toMatch(/about 3 seconds/);
  });
});
