import { describe, expect, it } from 'vitest';
import { clusterStories } from '../../src/stories/story-clusterer.js';
import type { Story } from '../../src/stories/story.js';
import {
  bikeLanes,
  floodUpdates,
  huaweiReports,
  iranReport,
  storedArticle,
  wireCopies,
  type ArticleSpec,
} from './news-fixtures.js';

/** Similarity bars out of reach: only copy detection can merge articles. */
const NO_WORD_MATCH = { sameEventSimilarity: 2, unnamedSimilarity: 2, otherNamesSimilarity: 2 };
const titlesOf = (stories: Story[]) => stories.map((story) => story.articles.map((article) => article.title));
const storyWith = (stories: Story[], title: string) =>
  stories.find((story) => story.articles.some((article) => article.title === title));

describe('clusterStories', () => {
  it('merges one event told by three sources in their own words into one story', () => {
    const stories = clusterStories(huaweiReports.map(storedArticle));
    expect(stories).toHaveLength(1);
    expect(new Set(stories[0]!.articles.map((article) => article.source))).toEqual(
      new Set(['Reuters', 'BBC News', 'The Guardian']),
    );
  });

  it('keeps two events apart that share a famous name', () => {
    const stories = clusterStories([...huaweiReports, iranReport].map(storedArticle));
    expect(stories).toHaveLength(2);
    const iran = storyWith(stories, iranReport.title)!;
    expect(iran.articles).toHaveLength(1);
    expect(storyWith(stories, huaweiReports[0]!.title)!.articles).toHaveLength(3);
  });

  it('merges a wire copy run under another headline, even without the same-event test', () => {
    const articles = wireCopies.map(storedArticle);
    expect(clusterStories(articles)).toHaveLength(1);
    const copiesOnly = clusterStories(articles, NO_WORD_MATCH);
    expect(copiesOnly).toHaveLength(1);
    const noCopies = clusterStories(articles, { ...NO_WORD_MATCH, copySimilarity: 2 });
    expect(noCopies).toHaveLength(2);
  });

  it('merges an update that its own source published under a new headline', () => {
    const stories = clusterStories(floodUpdates.map(storedArticle));
    expect(stories).toHaveLength(1);
    expect(stories[0]!.articles.map((article) => article.url).sort()).toEqual([
      'https://levante.example/news/floods-valencia',
      'https://levante.example/news/floods-valencia-update',
    ]);
  });

  it('finds each event once in a mixed day of news, newest story first', () => {
    const specs = [...huaweiReports, iranReport, ...wireCopies, ...floodUpdates, bikeLanes];
    const stories = clusterStories(specs.map(storedArticle));
    expect(stories.map((story) => story.articles.length).sort()).toEqual([1, 1, 2, 2, 3]);
    expect(stories[0]!.articles.map((article) => article.source)).toContain('The Guardian');
    expect(titlesOf(stories).at(-1)).toEqual([floodUpdates[1]!.title, floodUpdates[0]!.title]);
  });

  it('gives the same stories and ids whatever order the articles come in', () => {
    const articles = [...huaweiReports, iranReport, ...wireCopies, ...floodUpdates, bikeLanes].map(
      storedArticle,
    );
    const forward = clusterStories(articles);
    const backward = clusterStories([...articles].reverse());
    expect(backward.map((story) => story.id)).toEqual(forward.map((story) => story.id));
    expect(titlesOf(backward)).toEqual(titlesOf(forward));
  });

  it('puts the most complete report first', () => {
    const [story] = clusterStories(huaweiReports.map(storedArticle));
    const longest = [...huaweiReports].sort((a, b) => b.text.length - a.text.length)[0]!;
    expect(story!.articles[0]!.title).toBe(longest.title);
  });

  it('does not merge reports of one kind of event days apart', () => {
    const early = { ...huaweiReports[0]!, hoursAgo: 100 };
    const late = { ...huaweiReports[1]!, hoursAgo: 1 };
    expect(clusterStories([early, late].map(storedArticle))).toHaveLength(2);
    expect(clusterStories([early, late].map(storedArticle), { maxGapHours: 200 })).toHaveLength(1);
  });

  it('does not snowball many same-template reports of different events into one story', () => {
    const places = [
      'Arden',
      'Brixholm',
      'Corvale',
      'Dunmere',
      'Elsbury',
      'Fenwick',
      'Galloway',
      'Harrowgate',
    ];
    const first = ['Ada', 'Bruno', 'Chiara', 'Dmitri', 'Elena', 'Farid', 'Grace', 'Hiro'];
    const last = ['Quist', 'Okafor', 'Haddad', 'Novak', 'Moreau', 'Tanaka', 'Brennan', 'Alvarez'];
    const specs: ArticleSpec[] = places.flatMap((place, p) =>
      ['Courier', 'Echo', 'Post'].map((paper, r) => ({
        source: `${place} ${paper}`,
        title: `Council in ${place} approves budget after long debate`,
        hoursAgo: 2 + r,
        text: [
          `The council in ${place} approved its annual budget on Tuesday after a debate that ran late into the evening.`,
          `"This budget protects the services that families rely on," ${first[p]} ${last[(p + r) % 8]} said.`,
          'Opposition members called for an inquiry into how the figures were prepared.',
        ].join('\n\n'),
      })),
    );
    const stories = clusterStories(specs.map(storedArticle));
    // The three reports about one place are one story; places stay apart, though the words are the same.
    expect(stories).toHaveLength(places.length);
    for (const story of stories) {
      expect(new Set(story.articles.map((article) => article.title)).size).toBe(1);
    }
  });

  it('recognises copies of a text in a non-Latin script', () => {
    const text = [
      'أعلنت وزارة الصحة في عمّان اليوم افتتاح مستشفى جديد في مدينة الزرقاء يضم ثلاثمئة سرير.',
      'وقال الوزير إن المستشفى سيخدم أكثر من مليون نسمة في المحافظة والمناطق المجاورة لها.',
      'ومن المتوقع أن يبدأ المستشفى استقبال المرضى مطلع العام المقبل بعد اكتمال تجهيزه.',
    ].join('\n\n');
    const stories = clusterStories([
      storedArticle({ source: 'وكالة الأنباء', title: 'افتتاح مستشفى جديد في الزرقاء', text }),
      storedArticle({ source: 'الصحيفة اليومية', title: 'مستشفى الزرقاء الجديد يفتح أبوابه', text }),
      storedArticle(bikeLanes),
    ]);
    expect(stories.map((story) => story.articles.length).sort()).toEqual([1, 2]);
  });

  it('returns nothing for no articles', () => {
    expect(clusterStories([])).toEqual([]);
  });
});
