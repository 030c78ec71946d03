import { defineCommand } from '../src/chat/command-definition.js';
import { heading, quoteBlock, reply, type Block } from '../src/chat/reply.js';

/** Quotes per page: a page stays well within Telegram's 4,096 characters. */
const PAGE_SIZE = 5;

/** /quotes <name> [words]: what a person said, newest first, a page at a time. */
export const quotesCommand = defineCommand({
  name: 'quotes',
  description: 'What a person said, newest first; words narrow it down',
  options: {
    name: { type: 'string', description: 'surname or full name', required: true },
    words: { type: 'string', description: 'words the quote or its article must contain', rest: true },
  },
  async run({ options, services, page }) {
    const result = await services.quotes.search(options.name, {
      words: options.words,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    if (result.kind === 'unknown') {
      return reply.text(
        result.suggestions.length
          ? `No quotes by "${options.name}". Did you mean ${result.suggestions.join(', ')}?`
          : `No quotes by "${options.name}" yet.`,
      );
    }
    if (result.hits.length === 0) {
      return reply.text(`${result.speakers.join(', ')}: no quotes with "${options.words ?? ''}".`);
    }
    const blocks: Block[] = [heading(`Quotes by ${result.speakers.join(', ')} (${result.total})`)];
    for (const hit of result.hits) {
      const date = (hit.article.published ?? hit.article.seenAt).slice(0, 10);
      blocks.push(
        quoteBlock(
          hit.text,
          hit.speaker,
          ' — ',
          { text: hit.article.title, link: hit.article.url },
          `, ${hit.article.source}, ${date}`,
        ),
      );
    }
    const shown = page * PAGE_SIZE + result.hits.length;
    return { ...reply.of(...blocks), hasMore: shown < result.total };
  },
});
