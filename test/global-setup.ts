import { execFileSync } from 'node:child_process';

/**
 * Builds dist/ once so end-to-end tests run the same JavaScript that `npm start` runs.
 * QUOTEWIRE_TEST_SKIP_BUILD=1 skips it when only unit tests are being run by hand.
 */
export default function setup(): void {
  if (process.env.QUOTEWIRE_TEST_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], {
    stdio: 'inherit',
  });
}
