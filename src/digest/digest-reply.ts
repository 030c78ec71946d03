import { heading, paragraph, quoteBlock, type Block, type Reply, type Span } from '../chat/reply.js';
import type { Digest, DigestStory } from './digest.js';
import { capLine, DISPLAY_LIMITS, echo } from '../chat/display-limits.js';
import type { Translate } from '../i18n/translations.js';
import { safeImageUrl } from '../articles/image-url.js';

/**
 * The digest as a neutral reply, for text platforms (the terminal, `/digest` anywhere) and
 * `quotewire digest`: a title, one numbered section per story (headline, summary, key quotes,
 * its sources as links) and the quote of the day. With `images`, the top story's image goes with
 * the title and that story (see Reply.image), as in the scheduled digest.
 */
export function digestReply(digest: Digest, t: Translate, options: { images?: boolean } = {}): Reply {
  const topic = digest.topic && capLine(digest.topic, DISPLAY_LIMITS.name);
  const title = topic
    ? t('digest-title-topic', { date: digest.date, topic })
    : t('digest-title', { date: digest.date });
  if (digest.stories.length === 0) {
    return {
      blocks: [
        heading(title),
        paragraph(
          // Stories there were, but the chat's filters left each out: saying the sources had no news
          // would send the user to /sources instead of /filter.
          digest.stats.filtered
            ? filteredOutText(digest, t, digest.stats.filtered)
            : digest.topic
              ? t('digest-no-stories-topic', { topic: echo(digest.topic), hours: hours(digest, t) })
              : t('digest-no-stories', { hours: hours(digest, t) }),
        ),
      ],
    };
  }
  const blocks: Block[] = [heading(title), paragraph({ text: overview(digest, t), italic: true })];
  digest.stories.forEach((story, index) => blocks.push(...storyBlocks(story, index + 1, t)));
  const quote = digest.quoteOfTheDay;
  if (quote) {
    blocks.push(heading(t('digest-quote-of-the-day')));
    blocks.push(quoteBlock(quote.text, quote.speaker, ', ', { text: quote.source, link: quote.url }));
  }
  const top = digest.stories[0]!;
  const image = options.images ? safeImageUrl(top.image) : null;
  if (!image) return { blocks };
  return { blocks, image: { url: image, blocks: 2 + storyBlocks(top, 1, t).length } };
}

/** One story: numbered headline, summary, key quotes, and its sources. */
export function storyBlocks(story: DigestStory, number: number, t: Translate): Block[] {
  const blocks: Block[] = [paragraph({ text: `${number}. ${story.headline}`, bold: true })];
  if (story.summary.length > 0) blocks.push(paragraph(story.summary.join(' ')));
  for (const quote of story.quotes) blocks.push(quoteBlock(quote.text, `${quote.speaker}, ${quote.source}`));
  const links: Span[] = story.links.flatMap((link, i) => [
    ...(i > 0 ? [{ text: ' · ' }] : []),
    { text: link.source || link.title, link: link.url },
  ]);
  const label = `${t('digest-story-sources', { count: story.sources })} `;
  blocks.push(paragraph(label, ...links));
  return blocks;
}

function overview(digest: Digest, t: Translate): string {
  const { articles, stories } = digest.stats;
  const shown = digest.stories.length;
  const counts = { stories, articles, hours: hours(digest, t) };
  return shown < stories ? t('digest-overview-top', { ...counts, shown }) : t('digest-overview', counts);
}

/**
 * What a digest the chat's filters left empty says ("All 3 stories of the last 24 hours were left
 * out by this chat's filters…"), for `/digest` and the scheduled digest alike.
 */
export function filteredOutText(digest: Pick<Digest, 'window'>, t: Translate, count: number): string {
  return t('digest-no-stories-filtered', { count, hours: hours(digest, t) });
}

function hours(digest: Pick<Digest, 'window'>, t: Translate): string {
  return t('digest-hours', { hours: Number(digest.window.hours.toFixed(2)) });
}
