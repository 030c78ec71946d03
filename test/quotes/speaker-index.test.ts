import { describe, expect, it } from 'vitest';
import { SpeakerIndex } from '../../src/quotes/speaker-index.js';
import { parseSpeakerName } from '../../src/quotes/speaker-name.js';

/** A registry holding the given spellings, each quoted `count` times. */
function registry(...names: (string | [string, number])[]): SpeakerIndex {
  const index = new SpeakerIndex();
  for (const entry of names) {
    const [raw, count] = typeof entry === 'string' ? [entry, 1] : entry;
    const name = parseSpeakerName(raw)!;
    index.put(name.key, {
      name: name.display,
      kind: name.kind,
      count: (index.record(name.key)?.count ?? 0) + count,
      firstAt: '2026-11-01T00:00:00.000Z',
      lastAt: '2026-11-02T00:00:00.000Z',
      months: [['2026-11', count]],
    });
  }
  return index;
}

const names = (index: SpeakerIndex, query: string) => {
  const match = index.match(parseSpeakerName(query)!.tokens);
  return match.kind === 'found' ? match.speakers.map((speaker) => speaker.name) : [];
};

describe('SpeakerIndex grouping', () => {
  it('makes "Pompeo", "Mike Pompeo" and "Secretary Pompeo" one person', () => {
    const index = registry(['Mike Pompeo', 3], 'Pompeo', 'Secretary Pompeo');
    const speaker = index.speakerOf('pompeo');
    expect(speaker).toMatchObject({ name: 'Mike Pompeo', count: 5, aliases: ['Pompeo'] });
    expect(index.ranking()).toHaveLength(1);
    expect(names(index, 'Secretary Pompeo')).toEqual(['Mike Pompeo']);
  });

  it('keeps people with the same surname and different first names apart', () => {
    const index = registry(['Mike Pompeo', 3], 'Susan Pompeo');
    expect(index.ranking().map((speaker) => speaker.name)).toEqual(['Mike Pompeo', 'Susan Pompeo']);
    expect(names(index, 'Mike Pompeo')).toEqual(['Mike Pompeo']);
    expect(names(index, 'pompeo')).toEqual(['Mike Pompeo', 'Susan Pompeo']);
  });

  it('lets a bare surname stand alone once it could be two people, whatever the order', () => {
    const before = registry('Pompeo', 'Mike Pompeo', 'Susan Pompeo');
    const after = registry('Mike Pompeo', 'Susan Pompeo', 'Pompeo');
    for (const index of [before, after]) {
      expect(index.speakerOf('pompeo')).toMatchObject({ key: 'pompeo', name: 'Pompeo', aliases: [] });
      expect(index.speakerOf('mike pompeo')!.aliases).toEqual([]);
    }
    // A full name query does not pull in the ambiguous surname.
    expect(names(after, 'Mike Pompeo')).toEqual(['Mike Pompeo']);
  });

  it('joins a shorter name to the one fuller name that fits, and no further', () => {
    const one = registry('George W. Bush', 'George Bush', 'Bush');
    expect(one.speakerOf('george bush')!.name).toBe('George W. Bush');
    expect(one.speakerOf('bush')!.name).toBe('George W. Bush');
    const two = registry('George W. Bush', 'George H. W. Bush', 'George Bush', 'Jeb Bush', 'Bush');
    expect(two.speakerOf('george bush')!.name).toBe('George Bush');
    expect(two.speakerOf('bush')!.name).toBe('Bush');
    expect(registry('M. Pompeo', 'Mike Pompeo').speakerOf('m pompeo')!.name).toBe('Mike Pompeo');
    expect(registry('Ursula von der Leyen', 'von der Leyen').speakerOf('von der leyen')!.name).toBe(
      'Ursula von der Leyen',
    );
  });

  it('never joins organisations to people or to each other', () => {
    const index = registry('Harbour Authority', 'the Port Authority', 'Authority');
    expect(index.ranking().map((speaker) => [speaker.name, speaker.kind])).toEqual([
      ['Authority', 'organisation'],
      ['Harbour Authority', 'organisation'],
      ['Port Authority', 'organisation'],
    ]);
    // A spelling later seen as an organisation leaves the person it had joined.
    const turned = registry('Ada Vance', 'Vance');
    expect(turned.speakerOf('vance')!.name).toBe('Ada Vance');
    turned.put('vance', { ...turned.record('vance')!, kind: 'organisation' });
    expect(turned.speakerOf('vance')).toMatchObject({ name: 'Vance', kind: 'organisation' });
    expect(turned.speakerOf('ada vance')!.aliases).toEqual([]);
    const withPerson = registry('Mike Ford', 'Ford Motor Company');
    expect(withPerson.speakerOf('ford motor company')!.aliases).toEqual([]);
    expect(withPerson.speakerOf('mike ford')!.aliases).toEqual([]);
  });
});

describe('SpeakerIndex.match', () => {
  const index = registry(['Mike Pompeo', 9], 'Susan Pompeo', 'José Pérez', 'Dominic Raab', 'Zoë Quist');

  it('is case- and accent-insensitive, by surname or full name, in any order', () => {
    expect(names(index, 'JOSE PEREZ')).toEqual(['José Pérez']);
    expect(names(index, 'pérèz')).toEqual(['José Pérez']);
    expect(names(index, 'raab dominic')).toEqual(['Dominic Raab']);
    expect(names(index, 'zoe')).toEqual(['Zoë Quist']);
    expect(names(index, 'M. Pompeo')).toEqual(['Mike Pompeo']);
  });

  it('tolerates one or two typos and says what it searched for instead', () => {
    for (const typo of ['pompei', 'popmeo', 'pmopei', 'dominik rab']) {
      const match = index.match(parseSpeakerName(typo)!.tokens);
      expect(match.kind, typo).toBe('found');
      expect(match.kind === 'found' && match.corrected, typo).toBeTruthy();
    }
    expect(index.match(['pompei'])).toMatchObject({ kind: 'found', corrected: 'pompeo' });
    // Three typos is another name.
    expect(index.match(['pampiu']).kind).toBe('unknown');
  });

  it('prefers an exact name over a near one', () => {
    const near = registry('Ana Raab', 'Ana Rabb');
    expect(names(near, 'rabb')).toEqual(['Ana Rabb']);
  });

  it('finds the closest spelling over every word, not only the longest one', () => {
    // "mora" is one typo from both Mira and Nora: ambiguous, so suggested instead.
    const index = registry('Mira Lindqvist', 'Nora Lindqvist', 'Ola Lindqvist', 'Kai Lindkvist');
    expect(index.match(['mora', 'lindqvist'])).toMatchObject({ kind: 'unknown' });
    expect(index.match(['nora', 'lindkvist'])).toMatchObject({ kind: 'found', corrected: 'nora lindqvist' });
    expect(names(index, 'kai lindqvist')).toEqual(['Kai Lindkvist']);
    // The nearer of two near surnames wins; two first names as near as each other are ambiguous.
    expect(index.match(['lindqvisk'])).toMatchObject({ kind: 'found', corrected: 'lindqvist' });
    expect(index.match(['mira', 'lindkvist'])).toMatchObject({ kind: 'found', corrected: 'mira lindqvist' });
  });

  it('answers an unknown name with the closest known speakers, when there are any', () => {
    expect(index.match(['pomp'])).toMatchObject({ kind: 'unknown' });
    const match = index.match(['pomp']);
    expect(match.kind === 'unknown' && match.suggestions.map((speaker) => speaker.name)).toEqual([
      'Mike Pompeo',
      'Susan Pompeo',
    ]);
    const longer = index.match(['raabington']);
    expect(longer.kind === 'unknown' && longer.suggestions.map((speaker) => speaker.name)).toEqual([
      'Dominic Raab',
    ]);
    expect(index.match(['xyzzyq'])).toEqual({ kind: 'unknown', suggestions: [] });
    expect(index.match([])).toEqual({ kind: 'unknown', suggestions: [] });
  });

  it('lists speakers by the start of a name word', () => {
    expect(index.withWordPrefix('po').map((speaker) => speaker.name)).toEqual([
      'Mike Pompeo',
      'Susan Pompeo',
    ]);
    expect(index.withWordPrefix('zz')).toEqual([]);
  });
});
