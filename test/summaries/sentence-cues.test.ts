import { describe, expect, it } from 'vitest';
import { isBoilerplate, mentionsPicture, opensWithQuote } from '../../src/summaries/sentence-cues.js';

describe('sentence cues', () => {
  it('recognises site furniture', () => {
    expect(isBoilerplate('Scroll down for video')).toBe(true);
    expect(isBoilerplate('CLICK HERE for all the latest Arsenal news')).toBe(true);
    expect(isBoilerplate('Read more: the full report')).toBe(true);
    expect(isBoilerplate('Advertisement')).toBe(true);
    expect(isBoilerplate('Watch the video: rescue crews at work')).toBe(true);
  });

  it('leaves ordinary uses of the same words alone', () => {
    expect(isBoilerplate('Divers had to scroll down the cliff face.')).toBe(false);
    expect(isBoilerplate('The minister said she had read more than a hundred letters.')).toBe(false);
    expect(isBoilerplate('Forty countries sign up to the treaty today.')).toBe(false);
    expect(isBoilerplate('Users can download the app from Monday.')).toBe(false);
    expect(isBoilerplate('Police will watch the video again.')).toBe(false);
  });

  it('recognises picture references', () => {
    expect(mentionsPicture('Fowler (right) with his girlfriend')).toBe(true);
    expect(mentionsPicture('The suspect (pictured) was arrested')).toBe(true);
    expect(mentionsPicture('He turned right at the lights (as expected).')).toBe(false);
  });

  it('recognises sentences that open with a quotation', () => {
    expect(opensWithQuote('"We won," he said.')).toBe(true);
    expect(opensWithQuote('\u2018We won,\u2019 he said.')).toBe(true);
    expect(opensWithQuote('He said "we won".')).toBe(false);
  });
});
