// @ts-check
/**
 * `npm run mutation`: StrykerJS mutates the rules, the checker and the schema layer, and runs their unit tests
 * (vitest.mutation.config.ts) against each mutant. Too slow for CI; the README shows the figure of one run.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  mutate: [
    'src/invariants/**/*.ts',
    'src/check/**/*.ts',
    'src/schema/**/*.ts',
    // Generated from the schema by `npm run generate`: types only, nothing to mutate.
    '!src/schema/types.ts',
  ],
  coverageAnalysis: 'perTest',
  // Module-level mutants (rule ids, descriptions, severities) need every test file reloaded per mutant: an hour
  // on two cores. The registry test pins those values instead.
  ignoreStatic: true,
  // vitest does not type-check, and a `// @ts-nocheck` line would break the test that src/schema/types.ts is generated.
  disableTypeChecks: false,
  // The machine's two cores are shared.
  concurrency: 2,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  // Reuses the results of mutants whose code and covering tests did not change (reports/stryker-incremental.json).
  incremental: true,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
