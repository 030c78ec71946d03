/**
 * Groups a set of articles into stories at once: every report of one event, from any number of
 * sources, becomes one story with all its articles. The clustering itself is story-clustering.ts,
 * given the whole set in one batch; this orders its stories for reading.
 */
import type { StoredArticle } from '../articles/stored-article.js';
import { articleTime, FeatureReader } from './article-features.js';
import { StoryClustering, type ClusterOptions } from './story-clustering.js';
import { storyId } from './story-id.js';
import type { Story, StoryArticle } from './story.js';

export { defaultClusterOptions, type ClusterOptions } from './story-clustering.js';

/**
 * Clusters articles into stories. Each story lists its articles lead first (the most complete
 * telling: the longest text, the newest on a tie), then the rest newest first. Stories come back
 * newest first. Deterministic for a given set of articles, whatever their order.
 */
export function clusterStories(
  articles: readonly StoredArticle[],
  options: Partial<ClusterOptions> = {},
): Story[] {
  const reader = new FeatureReader();
  const clustering = new StoryClustering(options);
  const placed = clustering.add(
    articles.map((article) => ({
      key: article.id,
      time: articleTime(article),
      features: reader.read(article),
    })),
  );
  const byStory = new Map<number, StoredArticle[]>();
  placed.forEach((story, i) => {
    const members = byStory.get(story);
    if (members) members.push(articles[i]!);
    else byStory.set(story, [articles[i]!]);
  });
  return orderStories([...byStory.values()], (article) => article.text.length);
}

/**
 * Stories from their articles: each lead first (the longest telling by `length`, the newest on a
 * tie), the rest newest first, and the stories newest first (by their latest article).
 * `idOfOne`, when given, names a story of one article (a cache: most stories have one); with
 * `newestFirst` false the stories are left in the order of `groups` (ranking orders them anyway).
 */
export function orderStories<A extends StoryArticle>(
  groups: readonly A[][],
  length: (article: A) => number,
  idOfOne: (article: A) => string = (article) => storyId([article]),
  newestFirst = true,
): Story<A>[] {
  const told = groups.map((members) => {
    if (members.length === 1) {
      const [only] = members as [A];
      return { story: { id: idOfOne(only), articles: [only] }, latest: articleTime(only) };
    }
    const times = new Map(members.map((article) => [article, articleTime(article)]));
    const byTime = (a: A, b: A) => times.get(b)! - times.get(a)! || (a.id < b.id ? -1 : 1);
    let lead = members[0]!;
    for (const article of members) {
      const longer = length(article) - length(lead);
      if (longer > 0 || (longer === 0 && byTime(article, lead) < 0)) lead = article;
    }
    const ordered = [lead, ...members.filter((article) => article !== lead).sort(byTime)];
    let latest = 0;
    for (const time of times.values()) latest = Math.max(latest, time);
    return { story: { id: storyId(ordered), articles: ordered }, latest };
  });
  if (newestFirst) told.sort((a, b) => b.latest - a.latest || (a.story.id < b.story.id ? -1 : 1));
  return told.map(({ story }) => story);
}
