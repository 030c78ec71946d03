/**
 * The answer the LLM engine asks a model for, in three forms: the JSON Schema sent as the request's
 * `response_format`, the zod schema the answer is validated with, and the parser that gets the JSON
 * out of what the model actually wrote (servers without structured output wrap it in prose or
 * Markdown fences).
 */
import { z } from 'zod';

/**
 * What the model must answer. Strict (every key required, no others), as OpenAI's structured output
 * demands; length limits are checked afterwards, because few servers enforce them in the schema.
 */
export const LLM_ANSWER_JSON_SCHEMA = {
  type: 'object',
  properties: {
    headline: { type: 'string' },
    summary: { type: 'array', items: { type: 'string' } },
    quotes: {
      type: 'array',
      items: {
        type: 'object',
        properties: { text: { type: 'string' }, speaker: { type: 'string' } },
        required: ['text', 'speaker'],
        additionalProperties: false,
      },
    },
  },
  required: ['headline', 'summary', 'quotes'],
  additionalProperties: false,
} as const;

/**
 * The same shape, forgiving in what it accepts from servers that only do `json_object` or plain
 * text: extra keys are ignored, a summary given as one string is taken as one paragraph, and a
 * missing quote list is an empty one. Whether the content can be trusted is decided later.
 */
const llmAnswerSchema = z.object({
  headline: z.string(),
  summary: z.union([z.array(z.string()), z.string().transform((text) => [text])]),
  quotes: z.array(z.object({ text: z.string(), speaker: z.string() })).default([]),
});

/** A model's answer, validated for shape only. */
export type LlmAnswer = z.infer<typeof llmAnswerSchema>;

/** A parsed answer, or why the text was not one. */
export type ParsedAnswer = { ok: true; answer: LlmAnswer } | { ok: false; problem: string };

/**
 * Parses a model's message content into an {@link LlmAnswer}: the whole text as JSON, else the
 * outermost `{...}` in it (a fenced block or an object after a sentence of prose).
 *
 * @example
 * parseLlmAnswer('```json\n{"headline":"H","summary":["S."],"quotes":[]}\n```'); // { ok: true, ... }
 */
export function parseLlmAnswer(content: string): ParsedAnswer {
  const json = parseJsonObject(content);
  if (json === undefined) return { ok: false, problem: `not JSON: ${preview(content)}` };
  const parsed = llmAnswerSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      problem: `not the asked shape: ${issue.path.join('.') || 'answer'}: ${issue.message}`,
    };
  }
  return { ok: true, answer: parsed.data };
}

function parseJsonObject(content: string): unknown {
  const attempts = [content.trim()];
  const first = content.indexOf('{');
  const last = content.lastIndexOf('}');
  if (first >= 0 && last > first) attempts.push(content.slice(first, last + 1));
  for (const text of attempts) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value;
    } catch {
      // Try the next candidate.
    }
  }
  return undefined;
}

function preview(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return JSON.stringify(flat.length > 60 ? `${flat.slice(0, 60)}…` : flat);
}
