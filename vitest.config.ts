import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'suites/**/*.test.ts'],
    globalSetup: ['test/fastCheckSeed.globalSetup.ts'],
    setupFiles: ['test/fastCheck.setup.ts'],
    // Property runs are CPU-bound: two workers match the two cores of CI.
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
