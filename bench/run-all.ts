/** `npm run bench`: every benchmark in turn, each printing its own figures. */
import { runIngestBench } from './ingest-bench.js';
import { runTelegramFanoutBench } from './telegram-fanout-bench.js';

await runIngestBench();
await runTelegramFanoutBench();
