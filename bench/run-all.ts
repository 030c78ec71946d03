/** `npm run bench`: every benchmark in turn, each printing its own figures. */
import { runDigestBench } from './digest-bench.js';
import { runFeedParseBench } from './feed-parse-bench.js';
import { runIngestBench } from './ingest-bench.js';
import { runQuotesBench } from './quotes-bench.js';
import { runTelegramFanoutBench } from './telegram-fanout-bench.js';

await runFeedParseBench();
await runIngestBench();
await runTelegramFanoutBench();
await runQuotesBench();
await runDigestBench();
