import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts', 'web/src/**/*.test.ts'],
    // The JSON report lets CI print one plain "N passed, N failed" line after the run.
    reporters: ['default', ['json', { outputFile: 'test-output/vitest-report.json' }]],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
