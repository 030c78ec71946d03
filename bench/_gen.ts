import { generatePeople, generateQuotedArticle } from './generated-news.js';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
const people = generatePeople(4000);
let right = 0, total = 0, extracted = 0;
const t = performance.now();
const N = 3000;
for (let n = 0; n < N; n++) {
  const a = generateQuotedArticle(n, people, { start: new Date('2025-11-28T00:00:00Z'), perDay: 274 });
  const q = extractQuotes(a.text);
  extracted += q.length; total += a.speakers.length;
  q.forEach((x, i) => { if (x.speaker === a.speakers[i] || x.speaker === 'the ' + a.speakers[i]) right++; else if (n < 40) console.log(x.speaker, '|', a.speakers[i]); });
  if (n === 5) console.log(a.text);
}
console.log(N / ((performance.now() - t) / 1000), 'art/s', extracted / N, 'q/art', right / total);
