import { defineCommand } from '../src/chat/command-definition.js';
import { mostQuotedReply, quotesReply } from '../src/quotes/quote-reply.js';

/** Quotes per page: five quotes of at most ~700 characters each stay well within 4,096. */
const PAGE_SIZE = 5;
/** Speakers per page of `/quotes` alone. */
const TOP_PAGE_SIZE = 15;

/**
 * /quotes <name> [words]: what a person (or organisation) said, newest first, a page at a time.
 * /quotes alone: today's most quoted people.
 */
export const quotesCommand = defineCommand({
  name: 'quotes',
  description: 'What a person said, newest first; words narrow it down; alone, today’s most quoted',
  slow: true,
  options: {
    name: {
      type: 'string',
      description: 'surname or full name ("Mike Pompeo" in quotes)',
      autocomplete: 'speakers',
    },
    words: { type: 'string', description: 'words the quote or its article must contain', rest: true },
  },
  async run({ options, services, page, t }) {
    if (!options.name) {
      const now = services.clock();
      const top = await services.quotes.mostQuoted(now, {
        offset: page * TOP_PAGE_SIZE,
        limit: TOP_PAGE_SIZE,
      });
      return mostQuotedReply(top, now.toISOString().slice(0, 10), page, TOP_PAGE_SIZE, t);
    }
    const result = await services.quotes.search(options.name, {
      words: options.words,
      offset: page * PAGE_SIZE,
      limit: PAGE_SIZE,
    });
    return quotesReply(result, options.name, page, PAGE_SIZE, t);
  },
});
