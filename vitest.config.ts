import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: {
    alias: {
      '@': fileURLToPath(new URL('.', import.meta.url)),
      // The marker package throws outside a React Server Components bundle; tests run server code directly.
      'server-only': fileURLToPath(new URL('./tests/server-only-stub.ts', import.meta.url)),
    },
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // Generous: integration tests open databases and spawn processes on a 2-core machine.
    testTimeout: 90_000,
    hookTimeout: 60_000,
    // Machine zone far from the tour's, so a test that leaks the local zone fails here.
    env: { TZ: 'America/Los_Angeles' },
  },
});
