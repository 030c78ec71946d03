import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { LLM_ANSWER_JSON_SCHEMA, parseLlmAnswer } from '../../src/summaries/llm-answer.js';

const ANSWER = { headline: 'H', summary: ['One.', 'Two.'], quotes: [{ text: 'q', speaker: 's' }] };

describe('parseLlmAnswer', () => {
  it('reads plain JSON, a fenced block and JSON after a sentence of prose', () => {
    for (const content of [
      JSON.stringify(ANSWER),
      `\`\`\`json\n${JSON.stringify(ANSWER, null, 2)}\n\`\`\``,
      `Here is the summary you asked for: ${JSON.stringify(ANSWER)} Hope this helps!`,
    ]) {
      expect(parseLlmAnswer(content)).toEqual({ ok: true, answer: ANSWER });
    }
  });

  it('accepts a summary given as one string, ignores extra keys and takes missing quotes as none', () => {
    const parsed = parseLlmAnswer('{"headline": "H", "summary": "One. Two.", "mood": "sunny"}');
    expect(parsed).toEqual({ ok: true, answer: { headline: 'H', summary: ['One. Two.'], quotes: [] } });
  });

  it('says why malformed or misshapen answers are refused', () => {
    expect(parseLlmAnswer('{"headline": "H", "summary": [')).toMatchObject({
      ok: false,
      problem: /^not JSON/,
    });
    expect(parseLlmAnswer('[1, 2]')).toMatchObject({ ok: false, problem: /^not JSON/ });
    expect(parseLlmAnswer('{"headline": 3, "summary": []}')).toMatchObject({
      ok: false,
      problem: /^not the asked shape: headline/,
    });
    expect(parseLlmAnswer('{"headline": "H", "summary": [], "quotes": [{"text": "q"}]}')).toMatchObject({
      ok: false,
      problem: /quotes\.0\.speaker/,
    });
  });
});

describe('LLM_ANSWER_JSON_SCHEMA', () => {
  it('is what OpenAI structured output needs: strict objects, every key required', () => {
    const strict = z.strictObject({
      headline: z.string(),
      summary: z.array(z.string()),
      quotes: z.array(z.strictObject({ text: z.string(), speaker: z.string() })),
    });
    const { $schema: _schema, ...expected } = z.toJSONSchema(strict) as Record<string, unknown>;
    expect(JSON.parse(JSON.stringify(LLM_ANSWER_JSON_SCHEMA))).toEqual(expected);
  });
});
