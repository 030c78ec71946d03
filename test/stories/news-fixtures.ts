/**
 * Invented news for the story, ranking and digest tests: several events, some told by several
 * sources in their own words, one a wire copy, one updated by its own source, and two unrelated
 * events that share a famous name. Quotes are found by the real extractor, as in the pipeline.
 */
import { createHash } from 'node:crypto';
import type { StoredArticle } from '../../src/articles/stored-article.js';
import { extractQuotes } from '../../src/quotes/quote-extractor.js';
import { summarize } from '../../src/summaries/extractive-summarizer.js';

export interface ArticleSpec {
  title: string;
  text: string;
  source: string;
  url?: string;
  /** Hours before NOW that it was published (and seen). */
  hoursAgo?: number;
  categories?: string[];
}

/** The instant the fixtures are relative to. */
export const NOW = new Date('2026-11-27T12:00:00.000Z');

/** A stored article as the pipeline would have made it. */
export function storedArticle(spec: ArticleSpec): StoredArticle {
  const at = new Date(NOW.getTime() - (spec.hoursAgo ?? 1) * 3_600_000).toISOString();
  const id = createHash('sha256')
    .update(`${spec.source}|${spec.title}|${spec.text}`)
    .digest('hex')
    .slice(0, 16);
  const slug = spec.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 40);
  return {
    id,
    url: spec.url ?? `https://${spec.source.toLowerCase().replace(/[^a-z]+/g, '')}.example/news/${slug}`,
    title: spec.title,
    byline: null,
    published: at,
    source: spec.source,
    text: spec.text,
    summary: summarize(spec.text, 3),
    quotes: extractQuotes(spec.text),
    seenAt: at,
    sourceId: spec.source.toLowerCase().replace(/[^a-z]+/g, '-'),
    categories: spec.categories ?? [],
  };
}

/** The UK's Huawei decision, as three outlets told it. */
export const huaweiReports: ArticleSpec[] = [
  {
    source: 'Reuters',
    title: 'Pompeo says US and UK will resolve Huawei 5G dispute',
    categories: ['Technology', 'Politics'],
    hoursAgo: 3,
    text: [
      'U.S. Secretary of State Mike Pompeo said on Thursday he was confident Washington and London would find a way past their dispute over Huawei, after Britain decided to let the Chinese firm supply parts of its 5G mobile network.',
      '"The Chinese Communist Party is the central threat of our time," Pompeo told reporters in London after talks with Foreign Secretary Dominic Raab.',
      'Britain on Tuesday barred Huawei from the sensitive core of its 5G network but allowed it a limited role elsewhere, a decision that angered officials in Washington.',
      '"We will find a way to work through this together," Pompeo said.',
    ].join('\n\n'),
  },
  {
    source: 'BBC News',
    title: 'Huawei: Pompeo confident of deal despite UK 5G decision',
    categories: ['Technology'],
    hoursAgo: 2,
    text: [
      "Mike Pompeo has said he is confident the US and UK can overcome their differences over the decision to give Huawei a role in Britain's 5G network.",
      'Speaking in London alongside Dominic Raab, the US secretary of state said the Chinese Communist Party posed the central threat of our time.',
      'The UK announced on Tuesday that Huawei would be kept out of the core of the 5G network and limited to a share of the periphery.',
      '"We are looking closely at what the UK decided and I am very confident our two nations will find a way forward," Mr Pompeo said.',
    ].join('\n\n'),
  },
  {
    source: 'The Guardian',
    title: 'US secretary of state plays down rift over Huawei in London visit',
    categories: ['World news'],
    hoursAgo: 1,
    text: [
      "Mike Pompeo has played down the rift between Washington and London over Huawei's role in Britain's 5G network during a visit to the UK.",
      'The US secretary of state, who met Dominic Raab on Thursday, said decisions about technology were continuous and that the relationship between the allies remained deep.',
      'Ministers decided on Tuesday that Huawei could supply equipment for the 5G network outside its core, capping its market share at 35%.',
      '"This relationship is deep, it is strong and it will remain," Pompeo said.',
    ].join('\n\n'),
  },
];

/** Another Pompeo story, about something else entirely. */
export const iranReport: ArticleSpec = {
  source: 'Associated Press',
  title: 'Pompeo warns Iran over seizure of oil tanker in Strait of Hormuz',
  categories: ['World'],
  hoursAgo: 4,
  text: [
    'Secretary of State Mike Pompeo warned Tehran on Wednesday that the seizure of a British-flagged oil tanker in the Strait of Hormuz would not go unanswered.',
    'Iranian Revolutionary Guard boats surrounded the Stena Impero on Friday and forced it into the port of Bandar Abbas, according to shipping officials.',
    '"Freedom of navigation in the Gulf is not negotiable, and the regime in Tehran must release the ship and its crew," Pompeo said at a news conference.',
    'Oil prices rose more than 2% after the seizure, and insurers raised premiums for vessels sailing through the strait.',
  ].join('\n\n'),
};

const wireBody = [
  'Firefighters battled a wildfire that forced the evacuation of more than 4,000 residents near the town of Paradise Springs on Wednesday, as strong winds pushed the flames toward the valley.',
  'The blaze, which started in dry brush along Highway 12, has burned about 6,500 hectares and destroyed at least 40 homes, according to county fire chief Elena Marquez.',
  '"The wind is our biggest enemy right now, and we expect another difficult night," Marquez told reporters at an evacuation centre in the county fairgrounds.',
  'Schools in the district were closed and an emergency shelter opened at the community college. Officials said the cause of the fire was under investigation.',
  'Crews from three neighbouring counties joined the effort overnight, and two air tankers were dropping retardant on the eastern edge of the fire.',
].join('\n\n');

/** One wire story as two outlets ran it: a dateline added, a headline rewritten, the end cut. */
export const wireCopies: ArticleSpec[] = [
  {
    source: 'AP Wire',
    title: 'Wildfire forces thousands to flee near Paradise Springs',
    hoursAgo: 5,
    text: wireBody,
  },
  {
    source: 'Valley Herald',
    title: 'Thousands evacuated as wind-driven fire nears valley',
    hoursAgo: 4.5,
    text: `PARADISE SPRINGS (AP) — ${wireBody.split('\n\n').slice(0, 4).join('\n\n')}`,
  },
];

/** A story its own source updated with a new headline and a new top. */
export const floodUpdates: ArticleSpec[] = [
  {
    source: 'Levante Daily',
    title: 'Flash floods in Valencia kill at least 12',
    hoursAgo: 9,
    url: 'https://levante.example/news/floods-valencia',
    text: [
      'Flash floods swept through towns south of Valencia overnight, killing at least 12 people and leaving dozens missing, regional authorities said on Wednesday.',
      'Torrential rain dropped more than a year of rainfall in eight hours on parts of the region, turning streets in Paiporta and Catarroja into rivers of mud.',
      '"We are facing an unprecedented situation," said regional president Carlos Mazón, who asked residents to stay at home.',
    ].join('\n\n'),
  },
  {
    source: 'Levante Daily',
    title: 'Valencia floods: death toll rises to 18 as search continues',
    hoursAgo: 6,
    url: 'https://levante.example/news/floods-valencia-update',
    text: [
      'The death toll from flash floods south of Valencia rose to 18 on Wednesday as rescuers searched for dozens of people still missing in Paiporta and Catarroja.',
      'Torrential rain dropped more than a year of rainfall in eight hours on parts of the region, turning streets into rivers of mud and sweeping away cars.',
      '"We are facing an unprecedented situation," said regional president Carlos Mazón, who asked residents to stay at home.',
      'Spain declared three days of national mourning and sent military emergency units to the region.',
    ].join('\n\n'),
  },
];

/** A local story with nothing in common with the others. */
export const bikeLanes: ArticleSpec = {
  source: 'Northtown Gazette',
  title: 'Council approves 20 km of protected bike lanes',
  categories: ['Local', 'Transport'],
  hoursAgo: 2,
  text: [
    'Northtown council voted 7-2 on Tuesday night to build 20 kilometres of protected bike lanes over the next three years, the largest cycling investment in the city’s history.',
    'The plan, which will remove about 300 parking spaces along Mill Road, drew objections from shop owners who fear losing customers.',
    '"Safe streets are good for business and good for families," said councillor Priya Nair, who led the proposal.',
  ].join('\n\n'),
};
