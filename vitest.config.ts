import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // A guard against hangs, not a speed target (those live in the benchmark).
    testTimeout: 60000,
  },
});
