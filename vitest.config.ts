import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report feeds the totals line that .ci/run prints (scripts/test-totals.mjs).
    reporters: ['default', ['json', { outputFile: '.test-reports/unit.json' }]],
  },
});
