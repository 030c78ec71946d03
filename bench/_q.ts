import { runQuotesBench } from './quotes-bench.js';
await runQuotesBench(Number(process.argv[2] ?? 10000));
