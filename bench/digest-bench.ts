/**
 * Digest benchmark: one digest built from a store of 10,000, 30,000 and 100,000 articles first seen
 * in the last day, with the offline engine; how its time grows with the number of articles (the
 * exponent of a power law fitted to the three sizes: 1 is linear); and the offline summarizer's
 * throughput.
 *
 * The articles are invented events (a strike, a flood, a merger...) in invented places with
 * invented people; about half of the events are reported by several "sources", each in its own
 * words (and some as wire copies), so that story clustering has real work. Because the generator
 * knows which event each article reports, the clustering's B-cubed precision and recall are
 * printed too. Targets (issues 4 and 11): 10,000 articles in <= 2 s, 100,000 in <= 3 s, linear.
 *
 * As in the service, the articles are placed in their stories as they are stored (story-tracker.ts),
 * and a digest ranks those stories: the bench prints that cost per article, each build, the first
 * build after a restart (which reads and places the whole window), and for comparison the window
 * clustered at once from the store.
 */
import { mkdtempSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleIdFor, identityKeys } from '../src/articles/article-identity.js';
import { ArticleRepository } from '../src/articles/article-repository.js';
import type { StoredArticle } from '../src/articles/stored-article.js';
import { DigestBuilder } from '../src/digest/digest-builder.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
import { openStore } from '../src/store/open-store.js';
import { clusterStories } from '../src/stories/story-clusterer.js';
import { timeInstantTick } from './instant-tick.js';
import { StoryTracker } from '../src/stories/story-tracker.js';
import { summarize } from '../src/summaries/extractive-summarizer.js';
import { seeded } from './generated-news.js';

const SIZES = [10_000, 30_000, 100_000] as const;
const NOW = new Date('2026-11-27T12:00:00.000Z');

const SYLLABLES = 'ka ri mo ten sa vel dor an bri to mel qua zen or li fa gor ush em pa nel tir ob vin'.split(
  ' ',
);
const SOURCES = Array.from({ length: 40 }, (_, i) => `Outlet ${i + 1}`);
const KINDS = [
  {
    what: 'strike',
    verb: 'walked out',
    subject: 'rail workers',
    noun: 'pay dispute',
    detail: 'trains cancelled',
  },
  {
    what: 'flood',
    verb: 'were evacuated',
    subject: 'residents',
    noun: 'river flooding',
    detail: 'homes damaged',
  },
  {
    what: 'merger',
    verb: 'agreed to combine',
    subject: 'two banks',
    noun: 'takeover deal',
    detail: 'jobs at risk',
  },
  {
    what: 'trial',
    verb: 'pleaded not guilty',
    subject: 'a former minister',
    noun: 'corruption case',
    detail: 'charges filed',
  },
  {
    what: 'wildfire',
    verb: 'fled their homes',
    subject: 'villagers',
    noun: 'forest fire',
    detail: 'hectares burned',
  },
  {
    what: 'summit',
    verb: 'signed an accord',
    subject: 'regional leaders',
    noun: 'trade summit',
    detail: 'tariffs cut',
  },
  {
    what: 'budget',
    verb: 'approved spending',
    subject: 'the council',
    noun: 'city budget',
    detail: 'million allocated',
  },
  {
    what: 'protest',
    verb: 'marched downtown',
    subject: 'students',
    noun: 'tuition protest',
    detail: 'arrests made',
  },
  {
    what: 'discovery',
    verb: 'unearthed a tomb',
    subject: 'archaeologists',
    noun: 'excavation',
    detail: 'artefacts found',
  },
  { what: 'final', verb: 'won the cup', subject: 'the home side', noun: 'cup final', detail: 'goals scored' },
  {
    what: 'outage',
    verb: 'lost power',
    subject: 'households',
    noun: 'grid failure',
    detail: 'customers affected',
  },
  {
    what: 'election',
    verb: 'went to the polls',
    subject: 'voters',
    noun: 'mayoral race',
    detail: 'ballots counted',
  },
];

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const capitalise = (word: string) => word[0]!.toUpperCase() + word.slice(1);
const invent = (random: Random, syllables: number) =>
  capitalise(Array.from({ length: syllables }, () => pick(random, SYLLABLES)).join(''));

interface Event {
  number: number;
  kind: (typeof KINDS)[number];
  place: string;
  region: string;
  people: [string, string];
  organisation: string;
  figure: number;
  hoursAgo: number;
  sources: number;
}

function inventEvent(number: number, random: Random): Event {
  const roll = random();
  return {
    number,
    kind: pick(random, KINDS),
    place: invent(random, 4),
    region: invent(random, 2),
    people: [`${invent(random, 2)} ${invent(random, 4)}`, `${invent(random, 2)} ${invent(random, 4)}`],
    organisation: `${invent(random, 2)} ${pick(random, ['Group', 'Union', 'Authority', 'Council', 'Institute'])}`,
    figure: 10 + Math.floor(random() * 990),
    hoursAgo: random() * 23.5,
    sources: roll < 0.55 ? 1 : roll < 0.75 ? 2 : roll < 0.88 ? 3 : 4 + Math.floor(random() * 5),
  };
}

/** One source's report of an event, in one of several phrasings. */
function report(event: Event, rendition: number, random: Random): { title: string; text: string } {
  const { kind, place, region, people, organisation, figure } = event;
  const [first, second] = people;
  const surname = (name: string) => name.split(' ')[1]!;
  const titles = [
    `${capitalise(kind.subject)} in ${place} ${kind.verb} after ${kind.noun}`,
    `${place} ${kind.what}: ${figure} ${kind.detail}, says ${surname(first)}`,
    `${organisation} responds as ${kind.noun} hits ${place}`,
    `What we know about the ${place} ${kind.what}`,
  ];
  const leads = [
    `${capitalise(kind.subject)} in ${place}, ${region}, ${kind.verb} on Tuesday in a ${kind.noun} that officials said left ${figure} ${kind.detail}.`,
    `The ${kind.noun} in ${place} deepened on Tuesday when ${kind.subject} ${kind.verb}, with ${figure} ${kind.detail} according to the ${organisation}.`,
    `Officials in ${region} were responding on Tuesday to a ${kind.what} in ${place}, where ${kind.subject} ${kind.verb} and ${figure} ${kind.detail} were reported.`,
  ];
  const quotes = [
    `"We are doing everything we can for the people of ${place} and we will not rest until this is resolved," ${first} said.`,
    `"Nobody in ${region} should have to live through a ${kind.what} like this again," ${second}, a spokesperson for the ${organisation}, told reporters.`,
    `${surname(first)} said the ${organisation} had warned about the risk for years. "The warnings were ignored, and now families in ${place} are paying the price," ${surname(first)} added.`,
  ];
  const background = [
    `The ${organisation} said it would publish a full assessment within two weeks.`,
    `It is the largest ${kind.what} in ${region} in more than a decade, local historians said.`,
    `Opposition politicians called for an inquiry into how the ${kind.noun} was handled.`,
    `Markets in the region were little changed, and neighbouring towns offered assistance.`,
  ];
  const order = shuffle([...quotes, ...background], random);
  const paragraphs = [leads[rendition % leads.length]!, ...order.slice(0, 4 + Math.floor(random() * 3))];
  return { title: titles[rendition % titles.length]!, text: paragraphs.join('\n\n') };
}

function shuffle<T>(items: T[], random: Random): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export function generate(count: number): {
  articles: StoredArticle[];
  eventOf: Map<string, number>;
  events: number;
} {
  const random = seeded(20261127);
  const articles: StoredArticle[] = [];
  const eventOf = new Map<string, number>();
  let events = 0;
  while (articles.length < count) {
    const event = inventEvent(events++, random);
    let wire: { title: string; text: string } | null = null;
    for (let s = 0; s < event.sources && articles.length < count; s++) {
      const source = pick(random, SOURCES);
      // One report in five after the first is the first one's text run as a wire copy.
      if (s > 0 && wire && random() < 0.2) {
        wire = {
          title: `${wire.title} (update)`,
          text: `${event.place.toUpperCase()} (Wire) — ${wire.text}`,
        };
      } else wire = report(event, s + Math.floor(random() * 3), random);
      const hoursAgo = Math.max(0, event.hoursAgo - s * random() * 3);
      const at = new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
      const url = `https://${source.replace(' ', '').toLowerCase()}.example/${event.number}-${s}`;
      const draft = { url, title: wire.title, text: wire.text, guid: null };
      const article: StoredArticle = {
        id: articleIdFor(identityKeys(draft)),
        url,
        title: wire.title,
        byline: null,
        published: at,
        source,
        text: wire.text,
        summary: summarize(wire.text, 3),
        quotes: extractQuotes(wire.text),
        seenAt: at,
        sourceId: source.toLowerCase().replace(' ', '-'),
        categories: [event.kind.what],
      };
      articles.push(article);
      eventOf.set(article.id, event.number);
    }
  }
  return { articles, eventOf, events };
}

/** B-cubed precision and recall of stories against the generator's events. */
function bCubed(stories: { articles: { id: string }[] }[], eventOf: Map<string, number>) {
  const eventSize = new Map<number, number>();
  for (const event of eventOf.values()) eventSize.set(event, (eventSize.get(event) ?? 0) + 1);
  let precision = 0;
  let recall = 0;
  let count = 0;
  for (const story of stories) {
    const inStory = new Map<number, number>();
    for (const article of story.articles) {
      const event = eventOf.get(article.id)!;
      inStory.set(event, (inStory.get(event) ?? 0) + 1);
    }
    for (const article of story.articles) {
      const event = eventOf.get(article.id)!;
      const same = inStory.get(event)!;
      precision += same / story.articles.length;
      recall += same / eventSize.get(event)!;
      count++;
    }
  }
  return { precision: precision / count, recall: recall / count };
}

const seconds = (from: bigint) => Number(process.hrtime.bigint() - from) / 1e9;

interface SizeFigures {
  size: number;
  /** Build times in seconds, each by a new builder over the service's tracker. */
  times: number[];
  /** The first build after a restart: a new tracker reads and places the window first. */
  restartSeconds: number;
  /** Placing the articles in their stories as they were stored, in all. */
  placeSeconds: number;
  /** Heap grown while storing and placing: mostly what the tracker holds (before a collection). */
  heldMb: number;
  articles: number;
  stories: number;
  topSources: number;
  loadSeconds: number;
  clusterSeconds: number;
  /** One instant-delivery tick (instant-tick.ts): from the tracker, and clustering the window. */
  instant: { tracked: number; clustered: number; posts: number };
  quality: { precision: number; recall: number };
  batchQuality: { precision: number; recall: number };
}

/**
 * Stores a size's articles (a prefix of one generated day) in a fresh SQLite store in batches, as
 * ingest does, handing each stored batch to the store's story tracker as the pipeline does.
 */
async function storeSize(articles: readonly StoredArticle[], size: number) {
  const store = await openStore(
    `sqlite://${join(mkdtempSync(join(tmpdir(), 'qw-digest-')), 'bench.sqlite')}`,
  );
  const repository = new ArticleRepository(store);
  const tracker = trackerOf(repository);
  const heapBefore = process.memoryUsage().heapUsed;
  let placing = 0n;
  // In the order they were seen, as a day of polling stores them.
  const day = articles
    .slice(0, size)
    .sort((a, b) => (a.seenAt < b.seenAt ? -1 : a.seenAt > b.seenAt ? 1 : 0));
  for (let i = 0; i < size; i += 500) {
    const chunk = day.slice(i, i + 500);
    const stored = await repository.saveMany(
      chunk.map((article) => ({ article, draft: { ...article, guid: null } })),
    );
    const started = process.hrtime.bigint();
    tracker.add(stored);
    placing += process.hrtime.bigint() - started;
  }
  const heldMb = (process.memoryUsage().heapUsed - heapBefore) / 1e6;
  return { size, store, repository, tracker, placeSeconds: Number(placing) / 1e9, heldMb };
}

const trackerOf = (repository: ArticleRepository) =>
  new StoryTracker({ articles: repository, clock: () => NOW, horizonHours: 36 });

export async function runDigestBench(): Promise<void> {
  const generated = generate(Math.max(...SIZES));
  const { eventOf, events } = generated;
  const sample = generated.articles.slice(0, 10_000).map((article) => article.text);

  // A new builder each run, over the tracker that ingest kept up to date, as in the service.
  const options = { maxStories: 10, quotesPerStory: 2, windowHours: 24 };
  const since = new Date(NOW.getTime() - 24 * 3_600_000);
  const figures: SizeFigures[] = [];
  // One size at a time: a tracker of each size at once would not fit beside the generated day.
  for (const size of SIZES) {
    // The tracker is let go after the builds: the figures after it are taken without it, as in a
    // process that has just started (a tracker of 100,000 articles beside another would crowd the heap).
    const { store, repository, placeSeconds, heldMb, times, digest, quality, instant } = await (async () => {
      const stored = await storeSize(generated.articles, size);
      if (size === SIZES.at(-1)) generated.articles.length = 0;
      const times: number[] = [];
      let digest;
      for (let run = 0; run < 3; run++) {
        const started = process.hrtime.bigint();
        digest = await new DigestBuilder(stored.repository, options, { stories: stored.tracker }).build(NOW);
        times.push(seconds(started));
      }
      const quality = bCubed((await stored.tracker.storiesSeen(since, NOW))!, eventOf);
      const tracked = await timeInstantTick(stored.store, stored.repository, stored.tracker, NOW, 'tracked');
      const clustered = await timeInstantTick(stored.store, stored.repository, undefined, NOW, 'clustered');
      const instant = { tracked: tracked.seconds, clustered: clustered.seconds, posts: tracked.posts };
      const { store, repository, placeSeconds, heldMb } = stored;
      return { store, repository, placeSeconds, heldMb, times, digest: digest!, quality, instant };
    })();
    // After a restart the tracker is empty: the first digest reads and places the whole window.
    let started = process.hrtime.bigint();
    await new DigestBuilder(repository, options, { stories: trackerOf(repository) }).build(NOW);
    const restartSeconds = seconds(started);
    started = process.hrtime.bigint();
    const loaded = await repository.seenSince(since, NOW);
    const loadSeconds = seconds(started);
    started = process.hrtime.bigint();
    const stories = clusterStories(loaded);
    const clusterSeconds = seconds(started);
    figures.push({
      size,
      times,
      restartSeconds,
      placeSeconds,
      heldMb,
      articles: digest.stats.articles,
      stories: digest.stats.stories,
      topSources: digest.stories[0]?.sources ?? 0,
      loadSeconds,
      clusterSeconds,
      instant,
      quality,
      batchQuality: bCubed(stories, eventOf),
    });
    await store.close();
  }

  const started = process.hrtime.bigint();
  for (const text of sample) summarize(text, 3);
  const summarizeSeconds = seconds(started);

  const best = (times: number[]) => Math.min(...times);
  const [one, five, fifteen] = loadavg();
  console.log('digest: one digest from a store of the last 24 h of articles, offline engine');
  console.log(
    `  load average ${one!.toFixed(1)} / ${five!.toFixed(1)} / ${fifteen!.toFixed(1)} on ${availableParallelism()} cores`,
  );
  for (const size of figures) {
    const target =
      size.size === 10_000 ? ' (target <= 2 s)' : size.size === 100_000 ? ' (target <= 3 s)' : '';
    console.log(
      `  ${size.size.toLocaleString('en').padStart(7)} articles: build ${size.times.map((time) => `${time.toFixed(2)} s`).join(', ')}${target}; ` +
        `${size.stories} stories, top story from ${size.topSources} sources, ` +
        `B-cubed precision ${size.quality.precision.toFixed(3)}, recall ${size.quality.recall.toFixed(3)}`,
    );
    console.log(
      `                    at ingest: ${((size.placeSeconds * 1e6) / size.size).toFixed(0)} µs per article placed in its story (${size.placeSeconds.toFixed(2)} s in all), heap +${size.heldMb.toFixed(0)} MB; ` +
        `first build after a restart ${size.restartSeconds.toFixed(2)} s (reads and places the window)`,
    );
    console.log(
      `                    the window clustered at once: ${size.loadSeconds.toFixed(2)} s reading it from SQLite, ${size.clusterSeconds.toFixed(2)} s clustering; ` +
        `B-cubed precision ${size.batchQuality.precision.toFixed(3)}, recall ${size.batchQuality.recall.toFixed(3)}`,
    );
    console.log(
      `                    instant delivery, one tick for 20 chats (${size.instant.posts} posts): ${size.instant.tracked.toFixed(2)} s from the stories kept at ingest, ` +
        `${size.instant.clustered.toFixed(2)} s reading the window whole and clustering it`,
    );
  }
  console.log(
    `  growth: build time ~ articles^${fittedExponent(figures.map((size) => [size.size, best(size.times)])).toFixed(2)}, ` +
      `after a restart ~ articles^${fittedExponent(figures.map((size) => [size.size, size.restartSeconds])).toFixed(2)} ` +
      `(least squares on logs; 1.00 is linear) (target ~1.0); ${events.toLocaleString('en')} generated events`,
  );
  console.log(
    `  offline summarizer: ${Math.round(sample.length / summarizeSeconds)} articles/s (3 sentences each)`,
  );
}

/** The exponent b of t = a·n^b that fits the points best (least squares on log t against log n). */
function fittedExponent(points: Array<[number, number]>): number {
  const xs = points.map(([n]) => Math.log(n));
  const ys = points.map(([, t]) => Math.log(t));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  const [mx, my] = [mean(xs), mean(ys)];
  let covariance = 0;
  let variance = 0;
  xs.forEach((x, i) => {
    covariance += (x - mx) * (ys[i]! - my);
    variance += (x - mx) ** 2;
  });
  return covariance / variance;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runDigestBench();
