/**
 * Synthetic news for benchmarks: deterministic articles of realistic length with attributed quotes,
 * and RSS feeds made of them. Nothing here is real reporting; names and places are invented.
 */
const FIRST = [
  'Ada',
  'Bruno',
  'Chiara',
  'Dmitri',
  'Elena',
  'Farid',
  'Grace',
  'Hiro',
  'Ines',
  'Jonas',
  'Kemi',
  'Luis',
];
const LAST = [
  'Marlow',
  'Quist',
  'Okafor',
  'Lindqvist',
  'Haddad',
  'Moreau',
  'Tanaka',
  'Brennan',
  'Novak',
  'Alvarez',
];
const TOPICS = [
  'the port expansion',
  'the water tariff',
  'the rail strike',
  'the school budget',
  'the wind farm',
  'the new clinic',
];
const VERBS = ['said', 'told reporters', 'added', 'explained'];

/** A small deterministic pseudo-random generator, so every run measures the same input. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4_294_967_296;
  };
}

const pick = <T>(random: () => number, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;

export interface GeneratedArticle {
  title: string;
  text: string;
  speakers: string[];
}

/** An article of about `paragraphs` paragraphs, with a quote from a named official in most of them. */
export function generateArticle(n: number, paragraphs = 8): GeneratedArticle {
  const random = seeded(n * 7919 + 17);
  const topic = pick(random, TOPICS);
  const speakers = [
    `${pick(random, FIRST)} ${pick(random, LAST)}`,
    `${pick(random, FIRST)} ${pick(random, LAST)}`,
  ];
  const title = `Council weighs ${topic} as talks enter day ${n % 30}`;
  const body: string[] = [
    `City officials met on Tuesday to discuss ${topic}, a plan that has divided residents for months. The meeting ran late into the evening and drew a large crowd.`,
  ];
  for (let p = 1; p < paragraphs; p++) {
    const speaker = speakers[p % 2]!;
    const surname = speaker.split(' ')[1]!;
    if (p % 3 === 0) {
      body.push(
        `The proposal would cost about ${Math.floor(random() * 900) + 100} million over ${Math.floor(random() * 9) + 2} years, according to figures released by the council. Critics say the estimate is too low.`,
      );
    } else {
      const verb = pick(random, VERBS);
      body.push(
        `"We have listened to every neighbourhood and we will not rush this decision," ${p < 3 ? speaker : surname} ${verb}. ${surname} has led the committee since it was formed and expects a vote before the end of the year.`,
      );
    }
  }
  return { title, text: body.join('\n\n'), speakers };
}

/** An RSS 2.0 feed of `count` generated items, numbered from `first`. */
export function generateFeed(origin: string, feedNumber: number, first: number, count: number): string {
  const items: string[] = [];
  for (let n = first; n < first + count; n++) {
    const article = generateArticle(n);
    const html = article.text
      .split('\n\n')
      .map((paragraph) => `<p>${escapeXml(paragraph)}</p>`)
      .join('');
    items.push(
      `<item><title>${escapeXml(article.title)} (#${n})</title><link>${origin}/articles/${n}</link><guid>${origin}/articles/${n}</guid>` +
        `<pubDate>${new Date(Date.UTC(2026, 10, 27, 0, 0, n % 86_400)).toUTCString()}</pubDate>` +
        `<description><![CDATA[${html}]]></description></item>`,
    );
  }
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Generated feed ${feedNumber}</title><link>${origin}/</link><description>Benchmark feed</description>${items.join('')}</channel></rss>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/*
 * A larger cast for the quotes benchmark: thousands of invented people drawn from shared given and
 * family names (so many people share a surname), some with accents, quoted with a long-tailed
 * popularity, plus organisations and the odd article that names someone by title and surname only.
 */
const GIVEN_NAMES =
  `Ada Bruno Chiara Dmitri Elena Farid Grace Hiro Ines Jonas Kemi Luis Maya Nikolai Olga Pavel Rosa
  Samir Tanya Umar Vera Wim Yara Zoltan Amara Bjorn Celine Diego Emeka Fatima Gustav Hana Ivan Jana Kofi Lena
  Marco Nadia Oskar Priya Quentin Rania Stefan Talia Ugo Vikram Wanda Xavier Yusuf Zara José Zoë Søren Chloé
  Agnieszka Renée Jürgen Élodie Ignacio Mónica Ruth Tomas`.split(/\s+/);
const FAMILY_NAMES =
  `Marlow Quist Okafor Lindqvist Haddad Moreau Tanaka Brennan Novak Alvarez Achebe Baptiste Castellano
  Dubois Eriksen Ferreira Gallagher Horvath Iwasaki Jovanovic Kowalski Larsen Mbeki Nakamura Oduya Petrov Quispe
  Rahman Sandoval Takahashi Ueda Varga Whitfield Xu Yilmaz Zielinski Abernathy Bergstrom Chowdhury Delacroix
  Esposito Fontaine Gutierrez Hoffmann Ibarra Jensen Kaur Laurent Mendez Nieminen Olsen Pereira Rossi Schmidt
  Toivonen Urbina Vasquez Weber Yamamoto Zhang Pérez Müller Gómez Søndergaard Nuñez Côté Łukasz Østergaard
  Ahmadi Bianchi Costa Dimitrov Engel Fischer Greco Hansen Ivanova Jakobsen Keller Lombardi Moretti Nilsen
  Orlov Popescu Ricci Santos Tomescu Ulrich Vogel Wagner Yoshida Zimmermann`.split(/\s+/);
const ROLES = ['Minister', 'Senator', 'Mayor', 'Councillor', 'Director', 'Commissioner'];
const ORGANISATIONS = [
  'Harbour Authority',
  'Water Board',
  'Transport Ministry',
  'Teachers Union',
  'Chamber of Commerce',
  'Energy Commission',
];
const TOPIC_WORDS: Record<string, string[]> = {
  'the port expansion': ['port', 'dredging', 'shipping', 'harbour', 'cranes'],
  'the water tariff': ['water', 'tariff', 'pipes', 'drought', 'meters'],
  'the rail strike': ['rail', 'strike', 'drivers', 'timetable', 'wages'],
  'the school budget': ['school', 'teachers', 'budget', 'classrooms', 'pupils'],
  'the wind farm': ['wind', 'turbines', 'energy', 'grid', 'coast'],
  'the new clinic': ['clinic', 'nurses', 'patients', 'waiting', 'doctors'],
};
const OPENERS = [
  'We will',
  'Nobody should',
  'This council must',
  'I believe we can',
  'The city cannot',
  'Our residents want to',
];
const ACTIONS = ['protect', 'fund', 'delay', 'review', 'expand', 'question', 'defend', 'rethink'];
const CLOSERS = [
  'before the winter',
  'without a proper vote',
  'for the next generation',
  'at any cost',
  'in the coming months',
  'with the neighbours on board',
];

/** One invented person of the cast. */
export interface Person {
  given: string;
  family: string;
  role: string;
}

/** `count` distinct people (given + family name pairs), in a fixed order: the first are quoted most. */
export function generatePeople(count: number, seed = 97): Person[] {
  const random = seeded(seed);
  const seen = new Set<string>();
  const people: Person[] = [];
  const max = Math.min(count, GIVEN_NAMES.length * FAMILY_NAMES.length);
  while (people.length < max) {
    const given = pick(random, GIVEN_NAMES);
    const family = pick(random, FAMILY_NAMES);
    if (seen.has(`${given} ${family}`)) continue;
    seen.add(`${given} ${family}`);
    people.push({ given, family, role: pick(random, ROLES) });
  }
  return people;
}

/** An article with attributed quotes, as the quotes benchmark files it. */
export interface QuotedArticle {
  title: string;
  text: string;
  published: string;
  /** Who said each quote, in order, as the article means it ("Ada Quist", or an organisation). */
  speakers: string[];
}

/**
 * Article `n` of a run that starts on `start` with `perDay` articles a day: about ten quotes from
 * two or three people (popular people far more often, a long tail rarely), sometimes an
 * organisation, and now and then a person named only by title and surname.
 */
export function generateQuotedArticle(
  n: number,
  people: readonly Person[],
  options: { start: Date; perDay: number },
): QuotedArticle {
  const random = seeded(n * 7919 + 101);
  const topic = pick(random, Object.keys(TOPIC_WORDS));
  const words = TOPIC_WORDS[topic]!;
  // Log-uniform ranks: person r is chosen about 1/r as often as the first.
  const person = () =>
    people[Math.min(people.length - 1, Math.floor(Math.exp(random() * Math.log(people.length + 1))) - 1)]!;
  // People sharing a surname in one article would make "Quist said" ambiguous even to a reader.
  const castSize = random() < 0.5 ? 3 : 2;
  const cast: Person[] = [];
  for (let tries = 0; cast.length < castSize && tries < 20; tries++) {
    const next = person();
    if (!cast.some((other) => other.family === next.family)) cast.push(next);
  }
  const surnameOnly = random() < 0.05 ? cast[0]! : null;
  const organisation = random() < 0.3 ? pick(random, ORGANISATIONS) : null;
  const quote = () =>
    `${pick(random, OPENERS)} ${pick(random, ACTIONS)} the ${pick(random, words)} plan ${pick(random, CLOSERS)}, and the ${pick(random, words)} matters to everyone here`;
  const speakers: string[] = [];
  const body = [
    `Officials met on Tuesday to discuss ${topic}, a plan that has divided residents for months. The meeting ran late into the evening.`,
  ];
  for (let p = 1; p < 12; p++) {
    if (p % 5 === 0) {
      body.push(
        `The proposal would cost about ${Math.floor(random() * 900) + 100} million over ${Math.floor(random() * 9) + 2} years, according to figures released on Monday. Critics say the estimate is too low.`,
      );
      continue;
    }
    if (organisation && p === 6) {
      body.push(`"${quote()}," the ${organisation} said in a statement.`);
      speakers.push(organisation);
      continue;
    }
    const who = cast[p % cast.length]!;
    const full = `${who.given} ${who.family}`;
    const named = surnameOnly === who ? `${who.role} ${who.family}` : p <= cast.length ? full : who.family;
    speakers.push(surnameOnly === who ? who.family : full);
    body.push(
      p % 2 === 0
        ? `"${quote()}," said ${named}. ${who.family} has followed the ${pick(random, words)} file for years.`
        : `"${quote()}," ${named} ${pick(random, VERBS)}. The ${pick(random, words)} question comes back next week.`,
    );
  }
  const day = Math.floor(n / options.perDay);
  const published = new Date(options.start.getTime() + day * 86_400_000 + (n % options.perDay) * 1_000);
  return {
    title: `Talks on ${topic} continue (#${n})`,
    text: body.join('\n\n'),
    published: published.toISOString(),
    speakers,
  };
}
