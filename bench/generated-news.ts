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
