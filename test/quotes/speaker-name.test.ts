import { describe, expect, it } from 'vitest';
import { foldWord, isShorterFormOf, parseSpeakerName, speakerKey } from '../../src/quotes/speaker-name.js';

const tokens = (name: string) => parseSpeakerName(name)!.tokens;

describe('parseSpeakerName', () => {
  it('strips titles, honorifics and possessives, and folds case and accents', () => {
    expect(parseSpeakerName('Secretary of State Mike Pompeo')).toMatchObject({
      key: 'mike pompeo',
      display: 'Mike Pompeo',
      kind: 'person',
    });
    expect(parseSpeakerName('Secretary Pompeo')?.key).toBe('pompeo');
    expect(parseSpeakerName('Dr. José Pérez’s')).toMatchObject({ key: 'jose perez', display: 'José Pérez' });
    expect(parseSpeakerName('Martin Luther King Jr.')?.key).toBe('martin luther king');
    expect(parseSpeakerName("Zoë O'Brien-Łukasz")?.key).toBe('zoe obrien-lukasz');
  });

  it('keeps organisations as organisations, without a leading "the"', () => {
    expect(parseSpeakerName('the Harbour Authority')).toMatchObject({
      key: 'harbour authority',
      display: 'Harbour Authority',
      kind: 'organisation',
    });
    expect(parseSpeakerName('NATO')?.kind).toBe('organisation');
    expect(parseSpeakerName('Henry VIII')?.kind).toBe('person');
  });

  it('returns null when nothing name-like is left', () => {
    expect(parseSpeakerName('***')).toBeNull();
    expect(parseSpeakerName('  \u0000\u001b[31m ')).toBeNull();
    expect(parseSpeakerName('')).toBeNull();
  });

  it('bounds what it reads from a huge or hostile name', () => {
    const parsed = parseSpeakerName(`${'ab '.repeat(5_000)}`);
    expect(parsed!.tokens.length).toBeLessThanOrEqual(8);
    expect(parseSpeakerName('.*+?^${}()|[]\\ pompeo')?.key).toBe('pompeo');
  });
});

describe('isShorterFormOf', () => {
  it('accepts a surname, a surname with particles and family names without given names', () => {
    expect(isShorterFormOf(tokens('Pompeo'), tokens('Mike Pompeo'))).toBe(true);
    expect(isShorterFormOf(tokens('von der Leyen'), tokens('Ursula von der Leyen'))).toBe(true);
    expect(isShorterFormOf(tokens('López Obrador'), tokens('Andrés Manuel López Obrador'))).toBe(true);
  });

  it('accepts fewer middle names or initials, never another first name', () => {
    expect(isShorterFormOf(tokens('George Bush'), tokens('George W. Bush'))).toBe(true);
    expect(isShorterFormOf(tokens('M. Pompeo'), tokens('Mike Pompeo'))).toBe(true);
    expect(isShorterFormOf(tokens('Susan Pompeo'), tokens('Mike Pompeo'))).toBe(false);
    expect(isShorterFormOf(tokens('Jane Smith'), tokens('Mary Jane Smith'))).toBe(false);
    expect(isShorterFormOf(tokens('Mike Pompeo'), tokens('Mike Pompeo'))).toBe(false);
    expect(isShorterFormOf(tokens('Pompeo'), tokens('Mike Pompei'))).toBe(false);
  });
});

describe('folding', () => {
  it('folds words and names alike', () => {
    expect(foldWord('ÉLODIE')).toBe('elodie');
    expect(foldWord('Søren')).toBe('soren');
    expect(speakerKey('  José   Pérez ')).toBe('jose perez');
  });
});
