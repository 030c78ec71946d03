import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (in-process, with real libraries against fake servers; `npm run test:unit`,
 * about a minute) and `e2e` (the built `quotewire` executable in child processes, and a fresh clone
 * installed with an empty home directory). `npm test` runs both.
 */
export default defineConfig({
  test: {
    testTimeout: 30_000,
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts', 'commands/**/*.ts'],
      reporter: ['text-summary'],
      // The floor under which `npm run test:coverage` fails; measured 2026-11-30 (see README).
      thresholds: { lines: 85, branches: 75, functions: 85, statements: 85 },
    },
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/**/*.e2e.test.ts'],
          // *.test-d.ts files are type tests: checked by tsc, never run.
          typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: 'tsconfig.json' },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/**/*.e2e.test.ts'],
          // Child processes start in about a second on a quiet machine and in 10-15 s on a loaded one.
          testTimeout: 90_000,
          // The end-to-end tests spawn the built CLI; build it (if a source changed) before they run.
          globalSetup: ['test/global-setup.ts'],
        },
      },
    ],
  },
});
