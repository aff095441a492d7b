import { defineConfig } from 'vitest/config';

// The suite runs once on SQLite and once on PostgreSQL (TEST_DATABASE_URL);
// each test file gets its own fresh database, so files run in parallel.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
    env: { NODE_ENV: 'test' },
  },
});
