import { defineConfig } from 'vitest/config';

// Two projects: fast in-process tests, and browser end-to-end tests against the built server in real Chromium.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['api/**/*.test.ts', 'viewer/**/*.test.{ts,tsx}', 'scripts/**/*.test.ts', 'content/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['site/e2e/**/*.test.ts'],
          globalSetup: ['site/e2e/global-setup.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
          // Browser state settles at the machine's pace: a poll waits up to 15 s (Vitest's default is 1 s).
          expect: { poll: { timeout: 15_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
