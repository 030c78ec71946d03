/**
 * A child process for the crash tests (test/ingest/crash-safe-ingest.e2e.test.ts): polls the sources
 * of a config into its SQLite store and kills itself with SIGKILL at a chosen point of the ingest
 * transaction's commit, as a power cut or the OOM killer would.
 *
 * Usage: node --import tsx crash-ingest-child.ts <config file> <before-commit|mid-commit|after-commit>
 */
import { createApp } from '../../src/app/container.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { openSqliteStore } from '../../src/store/sqlite-store.js';

const [configFile, phase] = process.argv.slice(2);
const config = loadConfig({ file: configFile!, env: {} });
const die = () => process.kill(process.pid, 'SIGKILL');
/** The ingest commit writes many rows; smaller commits (source status, leases) are left alone. */
const INGEST_COMMIT = 20;
let total = 0;
const store = openSqliteStore(config.store.url.slice('sqlite://'.length), {
  faults: {
    beforeWrite(index, writes) {
      total = writes;
      if (writes < INGEST_COMMIT) return;
      if (phase === 'before-commit' && index === 0) die();
      if (phase === 'mid-commit' && index === Math.floor(writes / 2)) die();
    },
    committed() {
      if (phase === 'after-commit' && total >= INGEST_COMMIT) die();
    },
  },
});
const app = await createApp(config, { store, logger: createMemoryLogger() });
await app.services.poller.pollAll({ force: true });
await app.close();
// Reaching here means the crash point was never hit: the test treats exit 0 as a failure to crash.
process.stdout.write('finished without crashing\n');
