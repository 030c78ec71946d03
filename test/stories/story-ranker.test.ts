import { describe, expect, it } from 'vitest';
import { rankStories } from '../../src/stories/story-ranker.js';
import type { Story } from '../../src/stories/story.js';
import { NOW, storedArticle, type ArticleSpec } from './news-fixtures.js';

let nextId = 0;
/** A story of one report per source, all published `hoursAgo`, each quoting `speakers`. */
function story(
  title: string,
  options: { sources?: number; hoursAgo?: number; speakers?: string[]; text?: string },
): Story {
  const quotes = (options.speakers ?? [])
    .map((speaker) => `"We will keep working on this for as long as it takes," ${speaker} said.`)
    .join('\n\n');
  const specs: ArticleSpec[] = Array.from({ length: options.sources ?? 1 }, (_, i) => ({
    source: `Source ${i + 1}`,
    title,
    hoursAgo: options.hoursAgo ?? 1,
    text: [options.text ?? `${title}. More details were expected later in the day.`, quotes]
      .filter(Boolean)
      .join('\n\n'),
  }));
  return { id: `s${nextId++}`, articles: specs.map(storedArticle) };
}

const titles = (ranked: ReturnType<typeof rankStories>) =>
  ranked.map((entry) => entry.story.articles[0]!.title);

describe('rankStories', () => {
  it('ranks a story carried by more sources higher', () => {
    const ranked = rankStories(
      [
        story('One outlet', { sources: 1 }),
        story('Five outlets', { sources: 5 }),
        story('Two outlets', { sources: 2 }),
      ],
      { now: NOW },
    );
    expect(titles(ranked)).toEqual(['Five outlets', 'Two outlets', 'One outlet']);
    expect(ranked.map((entry) => entry.sources)).toEqual([5, 2, 1]);
  });

  it('ranks the fresher of two equal stories higher, but a big story of the morning above an evening brief', () => {
    const ranked = rankStories(
      [
        story('Yesterday', { hoursAgo: 20 }),
        story('Just now', { hoursAgo: 0.5 }),
        story('Morning, four sources', { sources: 4, hoursAgo: 10 }),
      ],
      { now: NOW },
    );
    expect(titles(ranked)).toEqual(['Morning, four sources', 'Just now', 'Yesterday']);
  });

  it('counts the people quoted, the prominent ones (quoted across many stories) most', () => {
    const prominent = 'Prime Minister Ada Quist';
    const others = Array.from({ length: 4 }, (_, i) =>
      story(`Other story ${i}`, { speakers: [prominent], hoursAgo: 30 }),
    );
    const ranked = rankStories(
      [
        story('Nobody quoted', {}),
        story('A local voice', { speakers: ['Bruno Okafor'] }),
        story('The prime minister', { speakers: ['Ada Quist'] }),
        ...others,
      ],
      { now: NOW },
    );
    const fresh = titles(ranked).filter((title) => !title.startsWith('Other'));
    expect(fresh).toEqual(['The prime minister', 'A local voice', 'Nobody quoted']);
    // "Ada Quist" and the fuller "Prime Minister Ada Quist" are one voice.
    expect(ranked[0]!.speakers).toEqual(['Ada Quist']);
  });

  it("boosts the subscriber's topics, matched as whole words in any case", () => {
    const stories = [
      story('Rail strike halts trains', { sources: 2 }),
      story('New climate targets announced', { text: 'The government set new CLIMATE targets.' }),
      story('Party conference opens', { sources: 2 }),
    ];
    expect(titles(rankStories(stories, { now: NOW }))[0]).not.toBe('New climate targets announced');
    const ranked = rankStories(stories, { now: NOW, topics: ['Climate'] });
    expect(titles(ranked)[0]).toBe('New climate targets announced');
    expect(ranked[0]!.topics).toEqual(['Climate']);
    // "art" is not a word of "Party".
    expect(
      rankStories(stories, { now: NOW, topics: ['art'] }).every((entry) => entry.topics.length === 0),
    ).toBe(true);
  });

  it('breaks ties the same way every time', () => {
    const stories = [story('B', {}), story('A', {}), story('C', {})];
    const once = titles(rankStories(stories, { now: NOW }));
    expect(titles(rankStories([...stories].reverse(), { now: NOW }))).toEqual(once);
  });
});

describe('rankStories with a limit', () => {
  it('gives the first stories of the whole ranking, in its order, ties included', () => {
    const stories = Array.from({ length: 40 }, (_, i) =>
      story(`Story ${i}`, {
        sources: 1 + (i % 4),
        hoursAgo: 1 + (i % 7),
        speakers: i % 3 ? [] : ['Ada Quist'],
      }),
    );
    const all = rankStories(stories, { now: NOW });
    for (const limit of [1, 3, 10, 39, 40, 50]) {
      const top = rankStories([...stories].reverse(), { now: NOW, limit });
      expect(top.map((entry) => entry.story.id)).toEqual(all.slice(0, limit).map((entry) => entry.story.id));
    }
  });
});
