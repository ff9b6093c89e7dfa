import { defineConfig } from 'vitest/config';

/**
 * The tests `npm run mutation` (StrykerJS) runs against each mutant of src/invariants, src/check and src/schema:
 * their unit tests only (the CLI, server, browser and corpus suites are too slow to run per mutant).
 */
export default defineConfig({
  test: {
    include: [
      'test/invariants/**/*.test.ts',
      'test/check/**/*.test.ts',
      'test/schema/**/*.test.ts',
      'test/documents/**/*.test.ts',
    ],
    setupFiles: ['test/fastCheck.setup.ts', 'test/tempDir.setup.ts'],
    // One fixed seed instead of the global setup's random one: a mutant killed in one run is killed in every run.
    provide: { fcSeed: 20_261_126 },
    testTimeout: 60_000,
  },
});
