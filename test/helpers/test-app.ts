import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp, type App } from '../../src/app/container.js';
import { createMemoryLogger } from '../../src/kernel/logger.js';
import { loadConfig, type AppConfig } from '../../src/config/load-config.js';

/**
 * A real app (real store, fetcher, pipeline) on a config written for the test. Loopback addresses
 * are allowed explicitly, because the test servers listen on 127.0.0.1.
 */
export async function startTestApp(
  yaml: string,
  options: {
    now?: () => Date;
    /** Another store than a fresh SQLite file (a Redis URL). */ storeUrl?: string;
  } = {},
): Promise<{ app: App; config: AppConfig; logger: ReturnType<typeof createMemoryLogger>; folder: string }> {
  const folder = mkdtempSync(join(tmpdir(), 'qw-app-'));
  const file = join(folder, 'quotewire.yaml');
  writeFileSync(file, `${yaml}\nstore:\n  url: ${options.storeUrl ?? 'sqlite://./store.sqlite'}\n`);
  const config = loadConfig({ file, env: {} });
  const logger = createMemoryLogger();
  const app = await createApp(config, { logger, clock: options.now });
  return { app, config, logger, folder };
}
