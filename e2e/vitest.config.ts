import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/global-setup.ts'],
    // Each file starts its own server and browser; two at once is all a 2-core machine carries.
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    // Server start with the full demo seed takes long on a loaded machine.
    hookTimeout: 300_000,
    // Pages load lazily over a real server on a busy machine; a second is too short to wait.
    expect: { poll: { timeout: 15_000, interval: 100 } },
  },
});
