import { describe, expect, it } from 'vitest';
import {
  checkHeadline,
  checkSummary,
  MAX_HEADLINE_CHARS,
  sourceVocabulary,
  unsafeContent,
} from '../../src/summaries/summary-checks.js';
import { GOOD_RAIL_ANSWER, railStory } from './llm-fixtures.js';

const sources = sourceVocabulary(railStory());

describe('checkHeadline', () => {
  it('cleans a good headline: spaces, wrapping quotes, a final full stop', () => {
    expect(checkHeadline('  “Government pledges\n4.2 billion euros for the railways.”  ', sources)).toEqual({
      ok: true,
      value: 'Government pledges 4.2 billion euros for the railways',
    });
  });

  it('refuses an empty, overlong, marked-up or ungrounded headline', () => {
    expect(checkHeadline(' "" ', sources)).toMatchObject({ ok: false, problem: 'the headline is empty' });
    expect(checkHeadline('Rail '.repeat(MAX_HEADLINE_CHARS), sources)).toMatchObject({ ok: false });
    expect(checkHeadline('<b>Rail</b> plan', sources)).toMatchObject({ ok: false, problem: /markup/ });
    expect(checkHeadline('Rail plan worth 9 billion euros', sources)).toMatchObject({
      ok: false,
      problem: /number 9/,
    });
  });
});

describe('checkSummary', () => {
  it('passes a faithful summary, splitting a paragraph and cutting to the sentences asked for', () => {
    const paragraph = GOOD_RAIL_ANSWER.summary.join(' ');
    expect(checkSummary([paragraph, 'The ministry said work would begin in March.'], sources, 2)).toEqual({
      ok: true,
      value: GOOD_RAIL_ANSWER.summary,
    });
  });

  it('refuses figures and names the articles do not have', () => {
    expect(checkSummary(['Osei promised 5 billion euros for the railways.'], sources, 3)).toMatchObject({
      ok: false,
      problem: 'the summary has the number 5, which no article has',
    });
    expect(checkSummary(['Osei and President Kufuor unveiled the rail plan.'], sources, 3)).toMatchObject({
      ok: false,
      problem: /names "President"|names "Kufuor"/,
    });
  });

  it('refuses a summary of something else (an obeyed injection, a hallucination)', () => {
    const result = checkSummary(['Roses bloom quietly beneath autumn skies while poets dream.'], sources, 3);
    expect(result).toMatchObject({ ok: false, problem: /content words occur in the articles/ });
  });

  it('refuses an empty or marked-up summary', () => {
    expect(checkSummary(['  ', ''], sources, 3)).toEqual({ ok: false, problem: 'the summary is empty' });
    expect(checkSummary(['Read more at https://evil.test/rail now.'], sources, 3)).toMatchObject({
      ok: false,
      problem: 'the summary contains a link',
    });
  });
});

describe('unsafeContent', () => {
  it.each([
    ['see www.example.com', 'a link'],
    ['[x](javascript:alert(1))', 'a link'],
    ['[rail](/plan)', 'Markdown'],
    ['a **bold** claim', 'Markdown'],
    ['hi <@123456> there', 'markup'],
    ['<script>x</script>', 'markup'],
    ['ping @everyone now', 'a mass mention'],
    ['abc\u202edef', 'control characters'],
    ['Osei’s plan: 4.2 billion euros (over five years) — “a generation”!', null],
    ['שלום 👋 rail & roads', null],
  ])('%j → %s', (text, expected) => {
    expect(unsafeContent(text)).toBe(expected);
  });
});
