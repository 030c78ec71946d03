import { heading, paragraph, quoteBlock, type Block, type Reply } from '../chat/reply.js';
import type { Digest } from './digest.js';

/** The digest as a neutral reply, for text platforms and /digest. */
export function digestReply(digest: Digest): Reply {
  const title = `Quotewire digest for ${digest.date}${digest.topic ? ` (topic: ${digest.topic})` : ''}`;
  if (digest.stories.length === 0) {
    return {
      blocks: [
        heading(title),
        paragraph(
          digest.topic
            ? `No stories about "${digest.topic}" yet. Try /digest without a topic, or /sources to see what is read.`
            : 'No new stories yet. Sources are polled on their schedule; /sources shows how they are doing.',
        ),
      ],
    };
  }
  const blocks: Block[] = [heading(title)];
  digest.stories.forEach((story, index) => {
    blocks.push(paragraph({ text: `${index + 1}. ${story.headline}`, bold: true }));
    if (story.summary.length) blocks.push(paragraph(story.summary.join(' ')));
    for (const quote of story.quotes) blocks.push(quoteBlock(quote.text, quote.speaker));
    blocks.push(
      paragraph(
        ...story.links.flatMap((link, i) => [
          ...(i > 0 ? [' · '] : []),
          { text: link.source || link.title, link: link.url },
        ]),
      ),
    );
  });
  if (digest.quoteOfTheDay) {
    blocks.push(heading('Quote of the day'));
    blocks.push(
      quoteBlock(digest.quoteOfTheDay.text, digest.quoteOfTheDay.speaker, `, ${digest.quoteOfTheDay.source}`),
    );
  }
  return { blocks };
}
