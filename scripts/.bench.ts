import { readFileSync } from 'node:fs';
import { extractQuotes } from '../src/quotes/quote-extractor.js';
const arts = readFileSync('/work/shared/corpus/quotes-dev.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l).text as string);
for (let r = 0; r < 3; r++) for (const t of arts) extractQuotes(t);
const words = arts.reduce((s, t) => s + t.split(/\s+/).length, 0) / arts.length;
const t0 = performance.now();
let n = 0;
while (performance.now() - t0 < 3000) {
  for (const t of arts) {
    extractQuotes(t);
    n++;
  }
}
const s = (performance.now() - t0) / 1000;
console.log(
  `${(n / s).toFixed(0)} articles/s (avg ${words.toFixed(0)} words), ~${(((n / s) * words) / 600).toFixed(0)} 600-word articles/s`,
);
