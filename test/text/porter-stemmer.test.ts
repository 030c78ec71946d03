import { describe, expect, it } from 'vitest';
import { porterStem } from '../../src/text/porter-stemmer.js';

describe('porterStem', () => {
  it("matches NLTK's default PorterStemmer on its documented examples", () => {
    const words = [
      'caresses', 'flies', 'dies', 'mules', 'denied', 'died', 'agreed', 'owned', 'humbled', 'sized',
      'meeting', 'stating', 'siezing', 'itemization', 'sensational', 'traditional', 'reference',
      'colonizer', 'plotted',
    ]; // prettier-ignore
    expect(words.map(porterStem).join(' ')).toBe(
      'caress fli die mule deni die agre own humbl size meet state siez item sensat tradit refer colon plot',
    );
  });

  it("follows the paper's rules for each step", () => {
    const cases: Record<string, string> = {
      ponies: 'poni',
      cats: 'cat',
      feed: 'feed',
      plastered: 'plaster',
      motoring: 'motor',
      sing: 'sing',
      hopping: 'hop',
      falling: 'fall',
      filing: 'file',
      happy: 'happi',
      relational: 'relat',
      generalizations: 'gener',
      electrical: 'electr',
      hopeful: 'hope',
      goodness: 'good',
      adjustment: 'adjust',
      adoption: 'adopt',
      effective: 'effect',
      controll: 'control',
      roll: 'roll',
      cease: 'ceas',
    };
    for (const [word, stem] of Object.entries(cases)) expect(porterStem(word), word).toBe(stem);
  });

  it('applies the NLTK extensions rather than the original paper', () => {
    expect(porterStem('dying')).toBe('die'); // irregular form
    expect(porterStem('news')).toBe('news');
    expect(porterStem('skies')).toBe('sky');
    expect(porterStem('spied')).toBe('spi');
    expect(porterStem('enjoy')).toBe('enjoy'); // y after a vowel stays
    expect(porterStem('geology')).toBe('geolog'); // "logi" keeps its l with the stem
    expect(porterStem('fully')).toBe('fulli');
  });

  it('leaves words of one or two letters and odd input alone', () => {
    expect(porterStem('is')).toBe('is');
    expect(porterStem('a')).toBe('a');
    expect(porterStem('')).toBe('');
    expect(porterStem('2015')).toBe('2015');
  });
});
