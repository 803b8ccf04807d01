import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Tests that import the sources see the rule code's hash as the bundle does (scripts/rules-hash.mjs).
  define: { NTK_RULES_HASH: JSON.stringify('sources') },
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', './test/support/plain-summary-reporter.ts'],
    // End-to-end tests start the built ntk; two cores, so keep the pool small.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
