import { extractQuotes } from '../src/quotes/quote-extractor.js';
const cases: Record<string, string> = {
  empty: '',
  marks: '"“”„«»‘’\''.repeat(50000),
  straight: '"a "b "c '.repeat(50000),
  closers: 'Word word word, ” said Smith '.repeat(30000),
  bigquote: '“' + 'word '.repeat(10000) + 'end,” she said.',
  spaces: '“a' + ' '.repeat(200000) + 'b”',
  ctrl:
    Array.from({ length: 200000 }, (_, i) => String.fromCharCode(i % 32)).join('') +
    '“Hello there you,” he said.',
  longsentence: 'and “a b c d” and “e f g h”, '.repeat(20000),
  nopunct: 'word '.repeat(300000),
  caps: 'Mr Big Name Said '.repeat(50000),
  paras: '“Open quote\n\n'.repeat(30000),
  colon: 'X said: “a b c” '.repeat(30000),
  commas: 'Smith, the minister, said, '.repeat(30000) + '“ok then now.”',
  orgs: 'The Commission said it. '.repeat(30000) + 'the commission said “x y z.”',
};
for (const [name, text] of Object.entries(cases)) {
  const t0 = performance.now();
  const q = extractQuotes(text);
  console.log(
    name.padEnd(14),
    String(text.length).padStart(8),
    'chars',
    (performance.now() - t0).toFixed(0).padStart(6),
    'ms',
    q.length,
    'quotes',
  );
}
