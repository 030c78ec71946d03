/**
 * Headless Chromium from the distribution's packages (`apt-get install chromium`, as .ci/run does),
 * driven by playwright-core, which downloads no browser of its own. Each launch gets a fresh profile
 * folder and the flags that keep Chromium from calling home, so a test sees only our server.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/** Where Debian (and Ubuntu's deb) put Chromium; QUOTEWIRE_TEST_CHROMIUM names another. */
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The Chromium to drive, or null when none is installed. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  const named = env.QUOTEWIRE_TEST_CHROMIUM;
  if (named) return existsSync(named) ? named : null;
  return CANDIDATES.find((path) => existsSync(path)) ?? null;
}

/** Why browser tests are skipped, for the test run's output. */
export const NO_BROWSER =
  'browser tests skipped: no Chromium found at /usr/bin/chromium (install it with apt-get install chromium, or set QUOTEWIRE_TEST_CHROMIUM)';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; `close` removes the profile too. */
export async function launchBrowser(
  executablePath: string,
  viewport = { width: 1000, height: 800 },
): Promise<Browser> {
  const profile = mkdtempSync(join(tmpdir(), 'qw-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: FLAGS,
    viewport,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
