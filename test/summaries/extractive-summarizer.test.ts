import { describe, expect, it } from 'vitest';
import { summarize, summarizeStory } from '../../src/summaries/extractive-summarizer.js';
import { splitSentences } from '../../src/text/sentences.js';

const ARTICLE = [
  'Flooding forced thousands of residents of the river town of Marlow from their homes on Sunday after two days of record rain.',
  'Emergency crews used boats to rescue dozens of people stranded on rooftops as the river rose above its banks.',
  'The town council opened three shelters and said the water would not recede before Wednesday.',
  'Forecasters expect more rain across the region later in the week, raising fears for nearby villages.',
  'Local shops along the high street were badly damaged, and several roads remain closed to traffic.',
  'The last comparable flood in Marlow happened more than forty years ago, long before the new defences were built.',
  'Officials said an inquiry into the performance of the flood defences would begin once the water recedes.',
  'Residents criticised the slow warning system, saying alerts came only after water reached their doors.',
].join(' ');

function positionsIn(text: string, picked: string[]): number[] {
  const sentences = splitSentences(text).map((s) => s.text);
  return picked.map((p) => sentences.indexOf(p));
}

describe('summarize', () => {
  it('returns the requested number of verbatim sentences in article order', () => {
    const summary = summarize(ARTICLE, 3);
    expect(summary).toHaveLength(3);
    const positions = positionsIn(ARTICLE, summary);
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    for (const sentence of summary) expect(ARTICLE).toContain(sentence);
  });

  it('prefers the lead of a well-formed news article', () => {
    expect(positionsIn(ARTICLE, summarize(ARTICLE, 3))).toEqual([0, 1, 2]);
  });

  it('skips site furniture, teasers and quotations at the top', () => {
    const text = [
      'Is this the wettest spring ever?',
      'Scroll down for video of the rescue boats in action on the flooded high street of Marlow.',
      '"We lost everything in one night and nobody warned us at all," said one resident of the town.',
      ARTICLE,
    ].join(' ');
    const summary = summarize(text, 3);
    expect(summary.some((s) => s.startsWith('Is this'))).toBe(false);
    expect(summary.some((s) => s.startsWith('Scroll down'))).toBe(false);
    expect(summary.some((s) => s.startsWith('"We lost'))).toBe(false);
    expect(summary).toHaveLength(3);
  });

  it('does not repeat itself when the article repeats a sentence', () => {
    const lead =
      'Flooding forced thousands of residents of Marlow from their homes on Sunday after record rain.';
    const text = `${lead} ${lead} Emergency crews used boats to rescue dozens of people stranded on rooftops overnight. ${lead}`;
    const summary = summarize(text, 3);
    expect(new Set(summary).size).toBe(summary.length);
    expect(summary.filter((s) => s === lead)).toHaveLength(1);
  });

  it('skips a near-duplicate of a chosen sentence in favour of new information', () => {
    const text = [
      'Flooding forced thousands of residents of Marlow from their homes on Sunday after record rain.',
      'Thousands of residents of Marlow were forced from their homes by flooding on Sunday after record rain.',
      'Emergency crews used boats to rescue dozens of people stranded on rooftops overnight.',
      'The town council opened three shelters and said the water would not recede before Wednesday.',
    ].join(' ');
    expect(positionsIn(text, summarize(text, 3))).toEqual([0, 2, 3]);
  });

  it('handles tiny, empty and junk input without throwing', () => {
    expect(summarize('One short sentence here.', 3)).toEqual(['One short sentence here.']);
    expect(summarize('', 3)).toEqual([]);
    expect(summarize(ARTICLE, 0)).toEqual([]);
    expect(summarize(ARTICLE, -2)).toEqual([]);
    expect(summarize(ARTICLE, Number.NaN)).toEqual([]);
    expect(summarize(ARTICLE, 2.7)).toHaveLength(2);
    expect(summarize(null as unknown as string, 3)).toEqual([]);
    expect(() => summarize('\u0000\uffff%%%... ??? !!! \n\n ---', 3)).not.toThrow();
    expect(summarize('no punctuation at all just words running on', 3)).toEqual([
      'no punctuation at all just words running on',
    ]);
  });

  it('is deterministic', () => {
    expect(summarize(ARTICLE, 4)).toEqual(summarize(ARTICLE, 4));
  });

  it('stays fast on huge input', () => {
    const huge = ARTICLE.repeat(2_000); // about 2 MB
    const started = performance.now();
    const summary = summarize(huge, 3);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(summary).toHaveLength(3);
    for (const sentence of summary) expect(huge).toContain(sentence);
  });
});

describe('summarizeStory', () => {
  const wire = [
    'A magnitude 6.1 earthquake struck the coastal city of Port Ellis early on Tuesday, damaging hundreds of buildings.',
    'At least twelve people were killed and more than eighty injured, according to the regional health service.',
    'Rescue teams were searching collapsed apartment blocks in the old harbour district throughout the day.',
  ].join(' ');
  const local = [
    'A magnitude 6.1 earthquake struck the coastal city of Port Ellis early on Tuesday, damaging hundreds of buildings.',
    'The mayor declared a state of emergency and asked residents to stay away from the harbour district.',
    'Schools across the province will remain closed until engineers have inspected every building.',
  ].join(' ');

  it('does not take the same sentence from two sources', () => {
    const summary = summarizeStory([wire, local], 4);
    expect(summary).toHaveLength(4);
    expect(new Set(summary).size).toBe(4);
    expect(summary.filter((s) => s.startsWith('A magnitude 6.1'))).toHaveLength(1);
  });

  it('draws on more than one source and keeps article order', () => {
    const summary = summarizeStory([wire, local], 4);
    const fromWire = summary.filter((s) => wire.includes(s));
    const fromLocal = summary.filter((s) => !wire.includes(s) && local.includes(s));
    expect(fromWire.length).toBeGreaterThan(0);
    expect(fromLocal.length).toBeGreaterThan(0);
    expect(summary).toEqual([...fromWire, ...fromLocal]);
  });

  it('ignores empty and non-text members', () => {
    expect(summarizeStory([], 3)).toEqual([]);
    expect(summarizeStory(['', wire, undefined as unknown as string], 2)).toHaveLength(2);
    expect(summarize(wire, 2)).toEqual(summarizeStory([wire], 2));
  });
});

describe('summarize on junk', () => {
  it('never quotes an unpunctuated wall of text', () => {
    const wall = 'word '.repeat(1_000);
    expect(summarize(wall, 3)).toEqual([]);
    expect(summarize(`${wall}\n\n${ARTICLE}`, 2)).toHaveLength(2);
  });

  it('never returns a fragment cut off at the reading limit', () => {
    const long = `${ARTICLE} `.repeat(200) + 'This final sentence is cut off somewhere in the mid';
    for (const sentence of summarize(long, 50)) expect(sentence.endsWith('.')).toBe(true);
  });
});
