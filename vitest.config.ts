import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // Each test file gets its own SQLite database and its own PostgreSQL database.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['src/test/global-setup.ts'],
    // Loading the module list registers every module's error codes, as the app and the CLI do.
    setupFiles: ['src/modules/index.ts'],
  },
});
