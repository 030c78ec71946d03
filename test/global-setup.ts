import { execFileSync } from 'node:child_process';

/**
 * Builds dist/ (when a source changed since the last build) so end-to-end tests run the same JavaScript that `npm start` runs.
 * QUOTEWIRE_TEST_SKIP_BUILD=1 skips it when only unit tests are being run by hand.
 */
export default function setup(): void {
  if (process.env.QUOTEWIRE_TEST_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
}
