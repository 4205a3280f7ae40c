import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    // Integration (real Neo4j) and e2e (real Chromium) suites start their services once per run.
    globalSetup: ['test/setup/global.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Two cores: Neo4j, Chromium and the suites share them; keep the pool small.
    maxWorkers: 2,
  },
});
