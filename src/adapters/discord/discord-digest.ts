/**
 * The digest as Discord embeds: one embed per story (its headline linking to the lead article,
 * the summary and key quotes as quote blocks, every source as a link in a field), then the quote
 * of the day. Messages hold at most 10 embeds and 6,000 characters of embed text, so a long
 * digest becomes several messages, split only between stories. Plain data, no discord.js.
 */
import { escapeMarkdown, fitRendered, linkTarget, maskedLink, plainText } from './discord-markdown.js';
import {
  DISCORD_LIMITS,
  EMBED_COLOR,
  embedLength,
  noMentions,
  type DiscordEmbed,
  type DiscordMessage,
} from './render-discord.js';
import type { Digest, DigestQuote, DigestStory } from '../../digest/digest.js';
import { capLine, DISPLAY_LIMITS } from '../../chat/display-limits.js';
import { safeImageUrl } from '../../articles/image-url.js';

/** The fixed words, so a delivery can translate them. */
export interface DiscordDigestLabels {
  /** The first message's title; "Quotewire digest for {date}" and the topic by default. */
  title?: string;
  quoteOfTheDay?: string;
  sources?: string;
  empty?: string;
  /** The last line when stories did not fit: "… and 3 more stories." */
  moreStories?: (count: number) => string;
}

/** How a digest is drawn for one channel. */
export interface DiscordDigestOptions {
  /**
   * Story images (`/settings images`): the top story's as the embed's image, the others' as
   * thumbnails. Off when not given.
   */
  images?: boolean;
}

const COLOR = EMBED_COLOR;
/** A single key quote never takes more than this of a description... */
const MAX_QUOTE = 1_000;
/** ...and all of them no more than this, so the summary always has room. */
const MAX_QUOTES = 3_000;

/**
 * Renders a digest as Discord messages with embeds; the first message's content is the title.
 *
 * @example
 * for (const message of renderDiscordDigest(digest)) await channel.send(message);
 */
export function renderDiscordDigest(
  digest: Digest,
  labels: DiscordDigestLabels = {},
  options: DiscordDigestOptions = {},
): DiscordMessage[] {
  const topic = digest.topic && capLine(digest.topic, DISPLAY_LIMITS.name);
  const title = labels.title ?? `Quotewire digest for ${digest.date}${topic ? ` (topic: ${topic})` : ''}`;
  const header = `**${fitRendered(title, 200, escapeMarkdown)}**`;
  if (digest.stories.length === 0) {
    const empty =
      labels.empty ??
      (digest.topic
        ? `No stories about "${topic}" yet. Try /digest without a topic.`
        : 'No new stories yet. Sources are polled on their schedule; /sources shows how they are doing.');
    return [
      { content: `${header}\n${fitRendered(empty, 1_700, escapeMarkdown)}`, allowedMentions: noMentions() },
    ];
  }

  const stories = digest.stories.map((story, i) => {
    const embed = storyEmbed(story, i + 1, labels.sources ?? 'Sources');
    const image = options.images ? safeImageUrl(story.image) : null;
    if (image) embed[i === 0 ? 'image' : 'thumbnail'] = { url: image };
    return embed;
  });
  const extras: DiscordEmbed[] = [];
  if (digest.quoteOfTheDay) {
    extras.push({
      title: fitRendered(labels.quoteOfTheDay ?? 'Quote of the day', DISCORD_LIMITS.title, escapeMarkdown),
      description: quoteText(digest.quoteOfTheDay, true),
      color: COLOR,
    });
  }
  // At most DISPLAY_LIMITS.digestMessages messages: stories that do not fit are counted instead.
  let groups = packEmbeds([...stories, ...extras]);
  for (let shown = stories.length - 1; groups.length > DISPLAY_LIMITS.digestMessages && shown > 0; shown--) {
    const left = stories.length - shown;
    const words = labels.moreStories?.(left) ?? `… and ${left} more ${left === 1 ? 'story' : 'stories'}.`;
    const more: DiscordEmbed = {
      description: `*${escapeMarkdown(words)}*`,
      color: COLOR,
    };
    groups = packEmbeds([...stories.slice(0, shown), more, ...extras]);
  }
  return groups.slice(0, DISPLAY_LIMITS.digestMessages).map((group, i) => ({
    ...(i === 0 ? { content: header } : {}),
    embeds: group,
    allowedMentions: noMentions(),
  }));
}

function storyEmbed(story: DigestStory, number: number, sourcesLabel: string): DiscordEmbed {
  const quotes: string[] = [];
  for (const quote of story.quotes) {
    const text = quoteText(quote, false);
    if (quotes.join('\n\n').length + text.length + 2 > MAX_QUOTES) break;
    quotes.push(text);
  }
  const quoteBlock = quotes.join('\n\n');
  const room = DISCORD_LIMITS.description - (quoteBlock ? quoteBlock.length + 2 : 0);
  const summary = fitRendered(story.summary.join(' '), Math.max(0, room), escapeMarkdown);
  const description = [summary, quoteBlock].filter(Boolean).join('\n\n');
  const target = linkTarget(story.links[0]?.url);
  const links = sourceLinks(story);
  const embed: DiscordEmbed = {
    // The number stays outside the escaping: "1\\." would show its backslash in a title.
    title: `${number}. ${fitRendered(story.headline, DISCORD_LIMITS.title - 8, escapeMarkdown)}`,
    ...(target ? { url: target } : {}),
    ...(description ? { description } : {}),
    color: COLOR,
    ...(links ? { fields: [{ name: fitRendered(sourcesLabel, 200, escapeMarkdown), value: links }] } : {}),
    footer: { text: plainText(footer(story)) },
  };
  const time = Date.parse(story.updated);
  if (Number.isFinite(time)) embed.timestamp = new Date(time).toISOString();
  return embed;
}

/** `> “quote”` and `> — **Speaker**, Source` (the source a link in the quote of the day). */
function quoteText(quote: DigestQuote, withLink: boolean): string {
  const speaker = `**${fitRendered(quote.speaker, 200, escapeMarkdown)}**`;
  const source = withLink
    ? maskedLink(quote.source, quote.url, { embedded: true })
    : escapeMarkdown(quote.source);
  const by = `\n> — ${speaker}${source ? `, ${source}` : ''}`;
  const text = fitRendered(quote.text.replace(/\s+/g, ' ').trim(), MAX_QUOTE, escapeMarkdown);
  return `> “${text}”${by}`;
}

/** Every source as a link, as many as fit in a field, then "and N more". */
function sourceLinks(story: DigestStory): string {
  const links = story.links.map((link) =>
    maskedLink(link.source || link.title, link.url, { embedded: true }),
  );
  let value = '';
  for (let i = 0; i < links.length; i++) {
    const next = value ? `${value} · ${links[i]}` : links[i]!;
    const more = links.length - i - 1;
    const suffix = more > 0 ? ` and ${more} more` : '';
    if (`${next}${suffix}`.length > DISCORD_LIMITS.fieldValue) {
      return value ? `${value} and ${links.length - i} more` : `${links.length} sources`;
    }
    value = next;
  }
  return value;
}

function footer(story: DigestStory): string {
  const sources = `${story.sources} ${story.sources === 1 ? 'source' : 'sources'}`;
  return story.articles > story.sources ? `${sources}, ${story.articles} articles` : sources;
}

/** Groups embeds into messages within the per-message count and total size. */
function packEmbeds(embeds: readonly DiscordEmbed[]): DiscordEmbed[][] {
  const groups: DiscordEmbed[][] = [];
  let current: DiscordEmbed[] = [];
  let size = 0;
  for (const embed of embeds) {
    const length = embedLength(embed);
    if (
      current.length > 0 &&
      (current.length >= DISCORD_LIMITS.embedsPerMessage || size + length > DISCORD_LIMITS.embedsTotal)
    ) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(embed);
    size += length;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
