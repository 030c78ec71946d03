import { heading, paragraph, quoteBlock, type Block, type Reply, type Span } from '../chat/reply.js';
import type { Digest, DigestStory } from './digest.js';
import { capLine, DISPLAY_LIMITS, echo } from '../chat/display-limits.js';

/**
 * The digest as a neutral reply, for text platforms (the terminal, `/digest` anywhere) and
 * `quotewire digest`: a title, one numbered section per story (headline, summary, key quotes,
 * its sources as links) and the quote of the day.
 */
export function digestReply(digest: Digest): Reply {
  const topic = digest.topic && capLine(digest.topic, DISPLAY_LIMITS.name);
  const title = `Quotewire digest for ${digest.date}${topic ? ` (topic: ${topic})` : ''}`;
  if (digest.stories.length === 0) {
    return {
      blocks: [
        heading(title),
        paragraph(
          digest.topic
            ? `No stories about "${echo(digest.topic)}" in the last ${hours(digest)}. Try /digest without a topic, or /sources to see what is read.`
            : `No new stories in the last ${hours(digest)}. Sources are polled on their schedule; /sources shows how they are doing.`,
        ),
      ],
    };
  }
  const blocks: Block[] = [heading(title), paragraph({ text: overview(digest), italic: true })];
  digest.stories.forEach((story, index) => blocks.push(...storyBlocks(story, index + 1)));
  const quote = digest.quoteOfTheDay;
  if (quote) {
    blocks.push(heading('Quote of the day'));
    blocks.push(quoteBlock(quote.text, quote.speaker, ', ', { text: quote.source, link: quote.url }));
  }
  return { blocks };
}

/** One story: numbered headline, summary, key quotes, and its sources. */
export function storyBlocks(story: DigestStory, number: number): Block[] {
  const blocks: Block[] = [paragraph({ text: `${number}. ${story.headline}`, bold: true })];
  if (story.summary.length > 0) blocks.push(paragraph(story.summary.join(' ')));
  for (const quote of story.quotes) blocks.push(quoteBlock(quote.text, `${quote.speaker}, ${quote.source}`));
  const links: Span[] = story.links.flatMap((link, i) => [
    ...(i > 0 ? [{ text: ' · ' }] : []),
    { text: link.source || link.title, link: link.url },
  ]);
  const label = story.sources > 1 ? `${story.sources} sources: ` : 'Source: ';
  blocks.push(paragraph(label, ...links));
  return blocks;
}

function overview(digest: Digest): string {
  const { articles, stories } = digest.stats;
  const shown = digest.stories.length;
  const top =
    shown < stories
      ? `The top ${shown} of ${stories} stories`
      : `${stories} ${plural(stories, 'story', 'stories')}`;
  return `${top} from ${articles} ${plural(articles, 'article', 'articles')} in the last ${hours(digest)}.`;
}

function hours(digest: Digest): string {
  const value = Number(digest.window.hours.toFixed(2));
  return `${value} ${plural(value, 'hour', 'hours')}`;
}

function plural(count: number, one: string, many: string): string {
  return count === 1 ? one : many;
}
