import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'suites/**/*.test.ts'],
    globalSetup: ['test/fastCheckSeed.globalSetup.ts'],
    setupFiles: ['test/fastCheck.setup.ts', 'test/tempDir.setup.ts'],
    // Property runs are CPU-bound: two workers match the two cores of CI.
    maxWorkers: 2,
    // Test files share each worker's modules: loading them once per worker, not once per file, saves most of the
    // import time. No test relies on fresh module state (module caches are per option set, hooks live in setup files).
    isolate: false,
    testTimeout: 60_000,
  },
});
