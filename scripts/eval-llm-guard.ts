/**
 * Measures the LLM guard on real news, where no instruction to a model is expected:
 *
 * - how many article sentences the instruction filter (prompt-injection.ts) would take out (each
 *   one is a false alarm here: it costs the model a sentence and the checks a few words);
 * - how many human-written highlights pass the answer checks (summary-checks.ts) against their own
 *   article: the first highlight as a headline, all of them as a summary (a refusal costs the LLM's
 *   summary of that story, which falls back to the offline one);
 * - how many "answers" made of a sentence from late in the article pass as a headline: what an
 *   instruction planted in the body could make a model write; lower is better.
 *
 * Usage: `npm run eval:llm-guard -- <file.jsonl>...`, one JSON object a line with `article` (or
 * `text`) and, for the answer checks, `highlights` (sentences separated by newlines), as in the
 * CNN/DailyMail corpus. Exits 1 only when a file cannot be read.
 */
import { readFileSync } from 'node:fs';
import type { StoredArticle } from '../src/articles/stored-article.js';
import { isInstructionLike } from '../src/summaries/prompt-injection.js';
import { checkHeadline, checkSummary, sourceVocabulary } from '../src/summaries/summary-checks.js';
import { splitSentences } from '../src/text/sentences.js';

interface Example {
  text: string;
  highlights: string[] | null;
}

function readExamples(path: string): Example[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const parsed = JSON.parse(line) as { article?: string; text?: string; highlights?: string };
      return {
        text: parsed.article ?? parsed.text ?? '',
        highlights:
          typeof parsed.highlights === 'string' ? parsed.highlights.split('\n').filter(Boolean) : null,
      };
    });
}

function storyOf(text: string) {
  const article: StoredArticle = {
    id: 'a',
    url: 'https://example.test/a',
    // The corpus has no titles: the checks see only the lead, which makes them stricter than live.
    title: '',
    byline: null,
    published: null,
    source: 'corpus',
    text,
    summary: [],
    quotes: [],
    seenAt: '',
    sourceId: 'corpus',
    categories: [],
  };
  return { id: 'a', articles: [article] };
}

const percent = (part: number, whole: number) =>
  whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;

function main(paths: string[]): number {
  if (paths.length === 0) {
    console.error('usage: npm run eval:llm-guard -- <file.jsonl>...');
    return 1;
  }
  let sentences = 0;
  let flagged = 0;
  let headlines = 0;
  let headlinesOk = 0;
  let summaries = 0;
  let summariesOk = 0;
  let planted = 0;
  let plantedOk = 0;
  /** Refusals by the titles-and-leads check alone (the other checks predate it). */
  let byLead = 0;
  for (const path of paths) {
    let examples: Example[];
    try {
      examples = readExamples(path);
    } catch (error) {
      console.error(`cannot read ${path}: ${(error as Error).message}`);
      return 1;
    }
    for (const example of examples) {
      const split = splitSentences(example.text).map((span) => span.text);
      sentences += split.length;
      flagged += split.filter(isInstructionLike).length;
      if (!example.highlights) continue;
      const vocabulary = sourceVocabulary(storyOf(example.text));
      headlines++;
      const headline = checkHeadline(example.highlights[0]!, vocabulary);
      if (headline.ok) headlinesOk++;
      else if (headline.problem.includes('titles and leads')) byLead++;
      summaries++;
      const summary = checkSummary(example.highlights, vocabulary, example.highlights.length);
      if (summary.ok) summariesOk++;
      else if (summary.problem.includes('titles and leads')) byLead++;
      const late = split.slice(Math.floor(split.length * 0.6));
      const sentence = late[Math.floor(late.length / 2)];
      if (sentence && sentence.length <= 160) {
        planted++;
        if (checkHeadline(sentence, vocabulary).ok) plantedOk++;
      }
    }
  }
  console.log(
    `instruction filter: ${flagged} of ${sentences} news sentences taken out (${percent(flagged, sentences)})`,
  );
  console.log(
    `first highlight accepted as headline: ${headlinesOk} of ${headlines} (${percent(headlinesOk, headlines)})`,
  );
  console.log(
    `highlights accepted as summary: ${summariesOk} of ${summaries} (${percent(summariesOk, summaries)})`,
  );
  console.log(`of the refusals, by the titles-and-leads check: ${byLead} (the other checks predate it)`);
  console.log(
    `late-article sentence accepted as headline: ${plantedOk} of ${planted} (${percent(plantedOk, planted)}; lower is better)`,
  );
  return 0;
}

process.exitCode = main(process.argv.slice(2));
